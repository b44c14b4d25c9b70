//! Part of a whole: one stacked bar per measure (count, amount), the
//! remainder derived, shares inside the bar and labels directly below it.

use super::{Anchor, Font, Mark, Rect, SceneBuilder};
use crate::color::Color;
use crate::format::{quantity, share};
use crate::model::{Bound, Measure, Part};
use crate::theme::Theme;

const BAR: f64 = 30.0;
const GAP: f64 = 22.0;

/// How a measure's texts are set, and their line height.
struct Style {
    /// The measure's name in its header.
    head: Font,
    /// The whole in its header.
    total: Font,
    /// The labels under the bar.
    label: Font,
    /// The shares inside the bar.
    share: Font,
    /// Height of a line of header or labels.
    line_h: f64,
}

impl Style {
    /// The style of part charts in `theme`.
    fn new(theme: &Theme) -> Style {
        Style {
            head: Font {
                size: theme.sizes.label,
                bold: true,
                color: theme.text,
            },
            total: Font {
                size: theme.sizes.label,
                bold: false,
                color: theme.text_muted,
            },
            label: Font {
                size: theme.sizes.label,
                bold: false,
                color: theme.text,
            },
            share: Font {
                size: theme.sizes.small + 1.0,
                bold: true,
                color: theme.on_accent,
            },
            line_h: (theme.sizes.label * 1.45).round(),
        }
    }
}

/// One measure's bar as drawn: where its segments and marks are.
struct Bar {
    /// Top of the bar.
    y: f64,
    /// Each segment's start and width in the final state.
    segments: Vec<(f64, f64)>,
    /// The index of the first segment's mark.
    first_mark: usize,
}

/// Lays out one stacked bar per measure; returns the height used.
pub(super) fn layout(part: &Part, c: &mut SceneBuilder) -> f64 {
    let style = Style::new(c.theme);
    let names: Vec<&str> = part
        .part_labels
        .iter()
        .map(String::as_str)
        .chain(std::iter::once(part.rest_label.as_str()))
        .collect();
    let colors: Vec<Color> = (0..names.len())
        .map(|i| segment_color(c, i, names.len()))
        .collect();
    let mut y = 0.0;
    for m in &part.measures {
        y += header(c, m, &style, y);
        // The last segment is the derived rest.
        let values: Vec<f64> = m
            .parts
            .iter()
            .copied()
            .chain(std::iter::once(m.rest()))
            .collect();
        let bar = draw_bar(c, m, &values, &colors, &style, y);
        y += BAR + 4.0;
        let texts: Vec<String> = names
            .iter()
            .zip(&values)
            .map(|(n, v)| format!("{n} {}", quantity(*v, &m.unit, Bound::Exact)))
            .collect();
        let label_top = y;
        y = labels(c, &texts, &bar, &colors, &style, y);
        marks(c, m, &names, &values, &bar, label_top);
        y += GAP;
    }
    (y - GAP).max(0.0)
}

/// Draws a measure's header at `y`, its name and its whole; returns the height it takes.
fn header(c: &mut SceneBuilder, m: &Measure, style: &Style, y: f64) -> f64 {
    let total = format!("共{}", quantity(m.whole, &m.unit, Bound::Exact));
    let total_w = c.measure(&total, style.total);
    let title = c.ellipsize(&m.label, c.width - total_w - 12.0, style.head);
    let mid = y + style.line_h / 2.0;
    c.text(&title, 0.0, mid, Anchor::Start, style.head);
    c.text(&total, c.width, mid, Anchor::End, style.total);
    style.line_h + 4.0
}

/// Draws the stacked bar at `y`, each segment with its share inside when it fits.
fn draw_bar(
    c: &mut SceneBuilder,
    m: &Measure,
    values: &[f64],
    colors: &[Color],
    style: &Style,
    y: f64,
) -> Bar {
    let scale = if m.whole > 0.0 {
        c.width / m.whole
    } else {
        0.0
    };
    let first_mark = c.marks.len();
    let mut x = 0.0;
    let mut now_x = 0.0;
    let mut segments: Vec<(f64, f64)> = Vec::with_capacity(values.len());
    for (i, v) in values.iter().enumerate() {
        c.owner = Some(first_mark + i);
        let w = (v * scale).max(0.0).min(c.width - x);
        // During the entrance the segments grow from the left, in order.
        let now_w = (w * c.progress).min(c.width - now_x).max(0.0);
        let color = colors.get(i).copied().unwrap_or(c.theme.base_tint);
        c.fill(Rect::new(now_x, y, now_w, BAR), color);
        let pct = share(*v * c.progress, m.whole);
        let on = if i + 1 == values.len() {
            c.theme.text
        } else {
            style.share.color
        };
        let f = Font {
            color: on,
            ..style.share
        };
        if c.measure(&pct, f) + 12.0 <= now_w {
            c.text(&pct, now_x + 6.0, y + BAR / 2.0, Anchor::Start, f);
        }
        segments.push((x, w));
        x += w;
        now_x += now_w;
    }
    c.owner = None;
    Bar {
        y,
        segments,
        first_mark,
    }
}

/// Ends each segment's mark, its hit area from the bar down to the labels.
fn marks(
    c: &mut SceneBuilder,
    m: &Measure,
    names: &[&str],
    values: &[f64],
    bar: &Bar,
    label_top: f64,
) {
    let last = names.len().min(values.len()).saturating_sub(1);
    for (i, ((name, v), (sx, w))) in names.iter().zip(values).zip(&bar.segments).enumerate() {
        c.end_mark(Mark {
            hit: Rect::new(*sx, bar.y, *w, label_top - bar.y),
            label: format!("{}：{name}", m.label),
            value: format!(
                "{}（占{}）",
                quantity(*v, &m.unit, Bound::Exact),
                share(*v, m.whole)
            ),
            // The last segment, the rest, is derived.
            note: (i == last).then(|| "由总数减去其余部分得出".to_string()),
        });
    }
}

/// Draws the labels at `y`, under their segments or one per line; returns where they end.
fn labels(
    c: &mut SceneBuilder,
    texts: &[String],
    bar: &Bar,
    colors: &[Color],
    style: &Style,
    mut y: f64,
) -> f64 {
    // Directly under the segments; one per line with a swatch if they collide.
    if let Some(placed) = direct(c, texts, &bar.segments, style.label) {
        for (i, (t, (x, a))) in texts.iter().zip(&placed).enumerate() {
            c.owner = Some(bar.first_mark + i);
            c.text(t, *x, y + style.line_h / 2.0, *a, style.label);
        }
        y += style.line_h;
    } else {
        for (i, t) in texts.iter().enumerate() {
            c.owner = Some(bar.first_mark + i);
            let color = colors.get(i).copied().unwrap_or(c.theme.base_tint);
            let mid = y + style.line_h / 2.0;
            c.fill(Rect::new(0.0, mid - 5.0, 10.0, 10.0), color);
            let shown = c.ellipsize(t, c.width - 16.0, style.label);
            c.text(&shown, 16.0, mid, Anchor::Start, style.label);
            y += style.line_h;
        }
    }
    y
}

/// Where each label goes on one line under its segment; `None` if they do not fit.
fn direct(
    c: &SceneBuilder,
    texts: &[String],
    segments: &[(f64, f64)],
    font: Font,
) -> Option<Vec<(f64, Anchor)>> {
    let widths: Vec<f64> = texts.iter().map(|t| c.measure(t, font)).collect();
    let last = texts.len().saturating_sub(1);
    let mut placed: Vec<(f64, Anchor)> = Vec::with_capacity(texts.len());
    let mut cursor = 0.0;
    let mut fits = true;
    for (i, ((sx, _), w)) in segments.iter().zip(&widths).enumerate() {
        if i == last && i > 0 {
            // The last one at the right edge.
            fits &= c.width - w >= cursor + 12.0;
            placed.push((c.width, Anchor::End));
        } else {
            let at = sx.max(cursor);
            fits &= at + w <= c.width;
            placed.push((at, Anchor::Start));
            cursor = at + w + 12.0;
        }
    }
    fits.then_some(placed)
}

/// The accent for the first part, blue-grey for further parts, a light
/// tint for the remainder.
fn segment_color(c: &SceneBuilder, index: usize, count: usize) -> Color {
    if index + 1 == count {
        c.theme.base_tint
    } else if index == 0 {
        c.theme.accent
    } else {
        c.theme.base
    }
}
