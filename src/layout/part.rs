//! Part of a whole: one stacked bar per measure (count, amount), the
//! remainder derived, shares inside the bar and labels directly below it.

use super::{Anchor, Font, Mark, Rect, SceneBuilder};
use crate::color::Color;
use crate::format::{quantity, share};
use crate::model::{Bound, Part};

const BAR: f64 = 30.0;
const GAP: f64 = 22.0;

/// Lays out one stacked bar per measure; returns the height used.
pub(super) fn layout(part: &Part, c: &mut SceneBuilder) -> f64 {
    let theme = c.theme;
    let head = Font {
        size: theme.sizes.label,
        bold: true,
        color: theme.text,
    };
    let total_font = Font {
        size: theme.sizes.label,
        bold: false,
        color: theme.text_muted,
    };
    let label_font = Font {
        size: theme.sizes.label,
        bold: false,
        color: theme.text,
    };
    let share_font = Font {
        size: theme.sizes.small + 1.0,
        bold: true,
        color: theme.on_accent,
    };
    let line_h = (theme.sizes.label * 1.45).round();
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
        // Header: what is measured, and the whole.
        let total = format!("共{}", quantity(m.whole, &m.unit, Bound::Exact));
        let total_w = c.measure(&total, total_font);
        let title = c.ellipsize(&m.label, c.width - total_w - 12.0, head);
        c.text(&title, 0.0, y + line_h / 2.0, Anchor::Start, head);
        c.text(&total, c.width, y + line_h / 2.0, Anchor::End, total_font);
        y += line_h + 4.0;

        // The bar, segment by segment; the last segment is the derived rest.
        let values: Vec<f64> = m
            .parts
            .iter()
            .copied()
            .chain(std::iter::once(m.rest()))
            .collect();
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
            let color = colors.get(i).copied().unwrap_or(theme.base_tint);
            c.fill(Rect::new(now_x, y, now_w, BAR), color);
            let pct = share(*v * c.progress, m.whole);
            let on = if i + 1 == values.len() {
                theme.text
            } else {
                share_font.color
            };
            let f = Font {
                color: on,
                ..share_font
            };
            if c.measure(&pct, f) + 12.0 <= now_w {
                c.text(&pct, now_x + 6.0, y + BAR / 2.0, Anchor::Start, f);
            }
            segments.push((x, w));
            x += w;
            now_x += now_w;
        }
        c.owner = None;
        let bar_y = y;
        y += BAR + 4.0;

        // Direct labels under the segments; one per line if they collide.
        let texts: Vec<String> = names
            .iter()
            .zip(&values)
            .map(|(n, v)| format!("{n} {}", quantity(*v, &m.unit, Bound::Exact)))
            .collect();
        let widths: Vec<f64> = texts.iter().map(|t| c.measure(t, label_font)).collect();
        let last = texts.len().saturating_sub(1);
        let mut placed: Vec<(f64, Anchor)> = Vec::with_capacity(texts.len());
        let mut cursor = 0.0;
        let mut fits = true;
        for (i, ((sx, _), w)) in segments.iter().zip(&widths).enumerate() {
            if i == last && i > 0 {
                fits &= c.width - w >= cursor + 12.0;
                placed.push((c.width, Anchor::End));
            } else {
                let at = sx.max(cursor);
                fits &= at + w <= c.width;
                placed.push((at, Anchor::Start));
                cursor = at + w + 12.0;
            }
        }
        let label_top = y;
        if fits {
            for (i, (t, (x, a))) in texts.iter().zip(&placed).enumerate() {
                c.owner = Some(first_mark + i);
                c.text(t, *x, y + line_h / 2.0, *a, label_font);
            }
            y += line_h;
        } else {
            for (i, t) in texts.iter().enumerate() {
                c.owner = Some(first_mark + i);
                let color = colors.get(i).copied().unwrap_or(theme.base_tint);
                c.fill(Rect::new(0.0, y + line_h / 2.0 - 5.0, 10.0, 10.0), color);
                let shown = c.ellipsize(t, c.width - 16.0, label_font);
                c.text(&shown, 16.0, y + line_h / 2.0, Anchor::Start, label_font);
                y += line_h;
            }
        }

        for (i, ((name, v), (sx, w))) in names.iter().zip(&values).zip(&segments).enumerate() {
            c.end_mark(Mark {
                hit: Rect::new(*sx, bar_y, *w, label_top - bar_y),
                label: format!("{}：{name}", m.label),
                value: format!(
                    "{}（占{}）",
                    quantity(*v, &m.unit, Bound::Exact),
                    share(*v, m.whole)
                ),
                note: (i == last).then(|| "由总数减去其余部分得出".to_string()),
            });
        }
        y += GAP;
    }
    (y - GAP).max(0.0)
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
