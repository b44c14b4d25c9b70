//! Big-number cards for figures of unlike units, grouped by theme.

use super::scale::Columns;
use super::{Anchor, Font, Mark, Point, Rect, SceneBuilder};
use crate::color::Color;
use crate::describe::named;
use crate::format::{plan_quantity, shown_quantity};
use crate::model::Item;

const GAP: f64 = 16.0;
const MIN_CARD: f64 = 150.0;
const CAPTION_LINES: usize = 3;

/// Lays out cards in a grid of 2 to 4 columns; returns the height used.
pub(super) fn layout(items: &[Item], c: &mut SceneBuilder) -> f64 {
    let theme = c.theme;
    let grid = Columns::fit(c.width, MIN_CARD, GAP, 2, 4);
    let heading = Font {
        size: theme.sizes.small + 1.0,
        bold: true,
        color: theme.text_muted,
    };
    let caption = Font {
        size: theme.sizes.small + 1.0,
        bold: false,
        color: theme.text,
    };
    let note_font = Font {
        size: theme.sizes.small,
        bold: false,
        color: theme.text_muted,
    };
    let caption_h = (caption.size * 1.45).round();

    // Groups in order of first appearance; cards without a group come first.
    let mut groups: Vec<Option<&str>> = Vec::new();
    for item in items {
        let g = item.group.as_deref();
        if !groups.contains(&g) {
            groups.push(g);
        }
    }

    let mut y = 0.0;
    for group in groups {
        if let Some(name) = group {
            let shown = c.ellipsize(name, c.width, heading);
            c.text(&shown, 0.0, y + 10.0, Anchor::Start, heading);
            y += 26.0;
        }
        let members: Vec<&Item> = items
            .iter()
            .filter(|i| i.group.as_deref() == group)
            .collect();
        for row in members.chunks(grid.count) {
            let mut row_h: f64 = 0.0;
            for (col, item) in row.iter().enumerate() {
                let x = grid.x(col);
                let h = card(c, item, x, y, grid.width, caption, caption_h, note_font);
                row_h = row_h.max(h);
            }
            y += row_h + GAP;
        }
        y += 4.0;
    }
    (y - GAP - 4.0).max(0.0)
}

/// Draws one card at (`x`, `y`); returns its height.
#[allow(clippy::too_many_arguments)]
fn card(
    c: &mut SceneBuilder,
    item: &Item,
    x: f64,
    y: f64,
    w: f64,
    caption: Font,
    caption_h: f64,
    note_font: Font,
) -> f64 {
    c.begin_mark();
    let theme = c.theme;
    let rule = if item.highlight {
        theme.accent
    } else {
        theme.rule
    };
    c.line(
        Point { x, y: y + 1.0 },
        Point {
            x: x + w,
            y: y + 1.0,
        },
        rule,
        2.0,
    );

    let color = if item.highlight {
        theme.accent
    } else {
        theme.text
    };
    let (mut bottom, value) = if let Some(text) = item.words() {
        // A target in words: its words in the figure's place.
        let font = Font {
            size: (theme.sizes.big * 0.55).round(),
            bold: true,
            color,
        };
        let line_h = (font.size * 1.3).round();
        let lines = c.wrap(text, w, font, 3);
        let top = y + 10.0;
        let h = c.lines(&lines, x, top, line_h, font);
        (top + h + 4.0, text.to_string())
    } else {
        value_block(c, item, x, y, w, color)
    };

    // Caption, then the note (plan, estimate…).
    let lines = c.wrap(&item.label, w, caption, CAPTION_LINES);
    bottom += c.lines(&lines, x, bottom, caption_h, caption);
    if let Some(note) = &item.note {
        let lines = c.wrap(note, w, note_font, 2);
        bottom += c.lines(&lines, x, bottom, (note_font.size * 1.4).round(), note_font);
    }
    let h = bottom - y;
    c.end_mark(Mark {
        hit: Rect::new(x, y, w, h),
        label: named(item),
        value,
        note: item.note.clone(),
    });
    h
}

/// The figure of a card from `y`: the number large, its unit (and any
/// words before it) smaller, on one baseline, shrunk to fit `w`; under it
/// the plan when the figure is a result (`目标5%左右`). Returns the y below
/// and the figure as a tip says it.
fn value_block(
    c: &mut SceneBuilder,
    item: &Item,
    x: f64,
    y: f64,
    w: f64,
    color: Color,
) -> (f64, String) {
    let theme = c.theme;
    let q = shown_quantity(item, 1.0);
    let mut big = theme.sizes.big;
    // The number's font and the unit's (half its size, never below 12 px).
    let fonts = |big: f64| {
        let number = Font {
            size: big,
            bold: true,
            color,
        };
        let unit = Font {
            size: (big * 0.5).max(theme.sizes.small),
            bold: false,
            color,
        };
        (number, unit)
    };
    let fits = |c: &SceneBuilder, big: f64| {
        let (n, u) = fonts(big);
        c.measure(&q.lead, u) + c.measure(&q.number, n) + 2.0 + c.measure(&q.unit, u) <= w
    };
    while big > 16.0 && !fits(c, big) {
        big -= 2.0;
    }
    let (number_font, unit_font) = fonts(big);
    let baseline = y + 10.0 + big * 0.95;
    let unit_y = baseline - unit_font.size * 0.35;
    // During the entrance the number counts up; size and unit stay final.
    let shown = shown_quantity(item, c.progress);
    let mut left = x;
    if !shown.lead.is_empty() {
        let lead = c.ellipsize(&shown.lead, w, unit_font);
        left = c.text(&lead, x, unit_y, Anchor::Start, unit_font).right() + 2.0;
    }
    let number = c.ellipsize(&shown.number, x + w - left, number_font);
    let nb = c.text(
        &number,
        left,
        baseline - big * 0.35,
        Anchor::Start,
        number_font,
    );
    let unit_room = x + w - nb.right() - 2.0;
    let unit = c.ellipsize(&shown.unit, unit_room, unit_font);
    c.text(&unit, nb.right() + 2.0, unit_y, Anchor::Start, unit_font);
    let mut bottom = baseline + big * 0.3 + 4.0;
    let mut value = q.to_string();
    // A result beside its plan, each in its own words; never a verdict.
    if let (Some(_), Some(_)) = (item.result, item.plan) {
        let plan = format!("目标{}", plan_quantity(item, 1.0));
        let font = Font {
            size: theme.sizes.small + 1.0,
            bold: false,
            color: theme.text_muted,
        };
        let line = c.ellipsize(&plan, w, font);
        let line_h = (font.size * 1.45).round();
        bottom += c.lines(&[line], x, bottom, line_h, font);
        value = format!("{value}（{plan}）");
    }
    (bottom, value)
}
