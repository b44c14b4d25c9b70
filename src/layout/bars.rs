//! Horizontal bars, and target (bullet) bars: plan as a tinted outline,
//! result as a solid inner bar, a floor as an outline open to the right
//! with an arrow.

use super::{tween, Anchor, Canvas, Font, Mark, Point, Rect, Shape, Stroke, NARROW};
use crate::format::quantity;
use crate::model::{Bound, Item};
use crate::theme::Color;

const BAR: f64 = 20.0;
const ROW_GAP: f64 = 16.0;
const LABEL_GAP: f64 = 10.0;
const VALUE_GAP: f64 = 6.0;
const ARROW: f64 = 9.0;
const MAX_LABEL_LINES: usize = 2;

/// Lays out one row per item; returns the height used.
pub(super) fn layout(items: &[Item], target: bool, c: &mut Canvas) -> f64 {
    let theme = c.theme;
    let label_font = Font {
        size: theme.sizes.label,
        bold: false,
        color: theme.text,
    };
    let value_font = Font {
        size: theme.sizes.value,
        bold: true,
        color: theme.text,
    };
    let narrow = c.width < NARROW;
    let line_h = (label_font.size * 1.45).round();
    let any_highlight = items.iter().any(|i| i.highlight);
    let any_result = items.iter().any(|i| i.result.is_some());
    let any_floor = items.iter().any(|i| i.bound == Bound::Floor);

    let mut y = 0.0;
    if target {
        y = legend(c, any_result, any_floor);
    }

    // The value scale: from the smallest to the largest figure, zero included.
    let figures = items.iter().flat_map(|i| {
        if target {
            [i.plan, i.result]
        } else {
            [Some(i.value()), None]
        }
    });
    let (lo, hi) = figures
        .flatten()
        .filter(|v| v.is_finite())
        .fold((0.0_f64, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let span = if hi - lo > 0.0 { hi - lo } else { 1.0 };

    let values: Vec<String> = items.iter().map(|i| value_text(i, target)).collect();
    let value_w = values
        .iter()
        .map(|v| c.measure(v, value_font))
        .fold(0.0, f64::max);
    let arrow = if target && any_floor {
        ARROW + 2.0
    } else {
        0.0
    };
    let label_w = if narrow {
        0.0
    } else {
        items
            .iter()
            .map(|i| c.measure(&i.label, label_font))
            .fold(0.0, f64::max)
            .min(c.width * 0.3)
    };
    let left = if narrow { 0.0 } else { label_w + LABEL_GAP };
    // On a phone, long figures move up beside the label, right-aligned,
    // so that the bars keep the full width.
    let inline = narrow && value_w > c.width * 0.25;
    let value_room = if inline { 0.0 } else { value_w + VALUE_GAP };
    let neg_room = if lo < 0.0 { value_room } else { 0.0 };
    let bx0 = left + neg_room;
    let bx1 = (c.width - value_room - arrow).max(bx0 + 1.0);
    let scale = |v: f64| bx0 + (v - lo) / span * (bx1 - bx0);
    let zero = scale(0.0);

    let rows_top = y;
    for (item, value) in items.iter().zip(&values) {
        c.begin_mark();
        let row_top = y;
        // The item as shown now: bars grown to the entrance's progress, and
        // the figures counted up to it, rounded as the final figure is.
        let t = c.progress;
        let now = Item {
            plan: item.plan.map(|v| v * t),
            result: item.result.map(|v| v * t),
            ..item.clone()
        };
        let counted = Item {
            plan: item.plan.map(|v| tween(v, t)),
            result: item.result.map(|v| tween(v, t)),
            ..item.clone()
        };
        let label_width = match (narrow, inline) {
            (true, true) => c.width - value_w - 2.0 * VALUE_GAP,
            (true, false) => c.width,
            (false, _) => label_w,
        };
        let lines = c.wrap(&item.label, label_width, label_font, MAX_LABEL_LINES);
        let text_h = line_h * lines.len() as f64;
        let bar_y = if narrow {
            c.lines(&lines, 0.0, y, line_h, label_font);
            y + text_h + 2.0
        } else {
            let content = text_h.max(BAR);
            c.lines(
                &lines,
                0.0,
                y + (content - text_h) / 2.0,
                line_h,
                label_font,
            );
            y + (content - BAR) / 2.0
        };
        let row_bottom = if narrow {
            bar_y + BAR
        } else {
            y + text_h.max(BAR)
        };

        let color = if item.highlight || !any_highlight {
            theme.accent
        } else {
            theme.base
        };
        let tint = if item.highlight || !any_highlight {
            theme.accent_tint
        } else {
            theme.base_tint
        };
        let end = if target {
            let plan = now.plan.unwrap_or(0.0);
            plan_bar(c, zero, scale(plan), bar_y, color, tint, item.bound);
            if let Some(result) = now.result {
                let h = BAR * 0.5;
                c.fill(
                    span_rect(zero, scale(result), bar_y + (BAR - h) / 2.0, h),
                    color,
                );
            }
            let reach = scale(plan).max(now.result.map_or(f64::MIN, scale));
            let low = scale(plan).min(now.result.map_or(f64::MAX, scale));
            if plan < 0.0 && now.result.is_none_or(|r| r < 0.0) {
                low
            } else {
                reach
                    + if item.bound == Bound::Floor {
                        ARROW + 2.0
                    } else {
                        0.0
                    }
            }
        } else {
            let v = scale(now.value());
            c.fill(span_rect(zero, v, bar_y, BAR), color);
            v
        };
        let negative = if target {
            item.plan.unwrap_or(0.0) < 0.0 && item.result.is_none_or(|r| r < 0.0)
        } else {
            item.value() < 0.0
        };
        let value_y = bar_y + BAR / 2.0;
        let counted = if t < 1.0 {
            value_text(&counted, target)
        } else {
            value.clone()
        };
        let value = &counted;
        if inline {
            let shown = c.ellipsize(value, c.width, value_font);
            c.text(
                &shown,
                c.width,
                row_top + line_h / 2.0,
                Anchor::End,
                value_font,
            );
        } else if negative {
            let shown = c.ellipsize(value, end - VALUE_GAP + 0.5, value_font);
            c.text(&shown, end - VALUE_GAP, value_y, Anchor::End, value_font);
        } else {
            let shown = c.ellipsize(value, c.width - end - VALUE_GAP + 0.5, value_font);
            c.text(&shown, end + VALUE_GAP, value_y, Anchor::Start, value_font);
        }
        c.end_mark(Mark {
            hit: Rect::new(
                0.0,
                row_top - ROW_GAP / 2.0,
                c.width,
                row_bottom - row_top + ROW_GAP,
            ),
            label: item.label.clone(),
            value: value_text(item, target),
            note: note(item, target),
        });
        if narrow {
            // Labels sit above the bars here: the zero line runs along each bar only.
            c.line(
                Point {
                    x: zero,
                    y: bar_y - 3.0,
                },
                Point {
                    x: zero,
                    y: bar_y + BAR + 3.0,
                },
                theme.text_muted,
                1.0,
            );
        }
        y = row_bottom + ROW_GAP;
    }
    let bottom = (y - ROW_GAP).max(rows_top);
    if !items.is_empty() && !narrow {
        c.line(
            Point {
                x: zero,
                y: rows_top,
            },
            Point { x: zero, y: bottom },
            theme.text_muted,
            1.0,
        );
    }
    bottom + 2.0
}

/// The figure printed at a bar's end.
fn value_text(item: &Item, target: bool) -> String {
    if target {
        let plan = quantity(item.plan.unwrap_or(0.0), &item.unit, item.bound);
        match item.result {
            Some(r) => format!("{}（目标{plan}）", quantity(r, &item.unit, Bound::Exact)),
            None => plan.to_string(),
        }
    } else {
        quantity(item.value(), &item.unit, item.bound).to_string()
    }
}

/// What a tip adds to the figure: plan or result, floor, the editor's note.
fn note(item: &Item, target: bool) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    if target || item.result.is_none() {
        parts.push(match (item.result.is_some(), item.bound) {
            (false, Bound::Floor) => "计划目标，为下限（以上）".to_string(),
            (false, Bound::Exact) => "计划目标".to_string(),
            (true, _) => "实际完成值，括号内为计划目标".to_string(),
        });
    } else if item.bound == Bound::Floor {
        parts.push("下限（以上）".to_string());
    }
    if let Some(n) = &item.note {
        parts.push(n.clone());
    }
    (!parts.is_empty()).then(|| parts.join("；"))
}

/// A rectangle spanning `a`..`b` horizontally (either order), at least
/// 1 px wide so that a tiny non-zero value still shows.
fn span_rect(a: f64, b: f64, y: f64, h: f64) -> Rect {
    let (x0, x1) = if a <= b { (a, b) } else { (b, a) };
    let w = if x1 - x0 < 1.0 && x1 != x0 {
        1.0
    } else {
        x1 - x0
    };
    Rect::new(x0, y, w, h)
}

/// A plan: tinted fill, outlined; a floor is open at its far end, with an arrow.
fn plan_bar(c: &mut Canvas, zero: f64, end: f64, y: f64, color: Color, tint: Color, bound: Bound) {
    let rect = span_rect(zero, end, y, BAR);
    let stroke = Stroke { color, width: 1.5 };
    if bound == Bound::Exact {
        c.push(Shape::Rect {
            rect,
            fill: Some(tint),
            stroke: Some(stroke),
        });
        return;
    }
    c.fill(rect, tint);
    let (x0, x1, y0, y1) = (zero, end, rect.y, rect.bottom());
    for (a, b) in [
        ((x0, y0), (x1, y0)),
        ((x0, y1), (x1, y1)),
        ((x0, y0), (x0, y1)),
    ] {
        c.line(
            Point { x: a.0, y: a.1 },
            Point { x: b.0, y: b.1 },
            color,
            1.5,
        );
    }
    let dir = if end >= zero { 1.0 } else { -1.0 };
    let mid = y + BAR / 2.0;
    c.push(Shape::Polygon {
        points: vec![
            Point {
                x: end + dir * 2.0,
                y: mid - 6.0,
            },
            Point {
                x: end + dir * ARROW,
                y: mid,
            },
            Point {
                x: end + dir * 2.0,
                y: mid + 6.0,
            },
        ],
        fill: color,
    });
}

/// The target chart's key, drawn only once results are in (plans alone are
/// read from their direct labels); returns the y below it.
fn legend(c: &mut Canvas, any_result: bool, any_floor: bool) -> f64 {
    if !any_result {
        return 0.0;
    }
    let theme = c.theme;
    let font = Font {
        size: theme.sizes.small,
        bold: false,
        color: theme.text_muted,
    };
    let (sw, sh) = (18.0, 10.0);
    let mut entries: Vec<(&str, u8)> = vec![("目标", 0), ("实际完成", 1)];
    if any_floor {
        entries.push(("目标为下限（以上）", 2));
    }
    let row_h = 20.0;
    let (mut x, mut y) = (0.0, row_h / 2.0);
    for (label, kind) in entries {
        let w = sw + 6.0 + c.measure(label, font);
        if x > 0.0 && x + w > c.width {
            x = 0.0;
            y += row_h;
        }
        match kind {
            0 => c.push(Shape::Rect {
                rect: Rect::new(x, y - sh / 2.0, sw, sh),
                fill: Some(theme.base_tint),
                stroke: Some(Stroke {
                    color: theme.base,
                    width: 1.5,
                }),
            }),
            1 => c.fill(Rect::new(x, y - sh / 4.0, sw, sh / 2.0), theme.base),
            _ => c.push(Shape::Polygon {
                points: vec![
                    Point {
                        x: x + 5.0,
                        y: y - 6.0,
                    },
                    Point {
                        x: x + 5.0 + ARROW - 2.0,
                        y,
                    },
                    Point {
                        x: x + 5.0,
                        y: y + 6.0,
                    },
                ],
                fill: theme.base,
            }),
        }
        c.text(label, x + sw + 6.0, y, Anchor::Start, font);
        x += w + 16.0;
    }
    y + row_h / 2.0 + 10.0
}
