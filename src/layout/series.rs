//! A series over time: one column per period from a zero line, its
//! figure above it (below it when negative); a line with dots when there
//! are many periods. A period without a figure is a gap marked "—", never
//! a zero. Plans are outlined columns (a dashed-looking thin line in line
//! form), results solid; the highlighted period is in the accent colour.
//! The average growth, when asked for, is stated above the plot.

use super::marks::legend::{legend, Swatch};
use super::rows::note;
use super::scale::{Domain, Linear};
use super::{Anchor, Font, Mark, Point, Rect, SceneBuilder, Shape, Stroke};
use crate::format::{self, number, padded, result_places, series_result, shown_quantity};
use crate::model::{Bound, Item, Series};

/// More periods than this are drawn as a line.
pub(crate) const LINE_FROM: usize = 13;
const GAP_MARK: &str = "—";

/// Lays out the series; returns the height used.
pub(super) fn layout(series: &Series, c: &mut SceneBuilder) -> f64 {
    let items = &series.items;
    let theme = c.theme;
    let n = items.len().max(1);
    let line = items.len() >= LINE_FROM;
    let value_font = Font {
        size: theme.sizes.small + 1.0,
        bold: true,
        color: theme.text,
    };
    let axis_font = Font {
        size: theme.sizes.small,
        bold: false,
        color: theme.text_muted,
    };
    let any_plan = items.iter().any(|i| i.plan.is_some());
    let any_result = items.iter().any(|i| i.result.is_some());

    // Above the plot: the key when plans and results are both drawn, the
    // average growth when asked for.
    let mut top = if any_plan && any_result {
        legend(c, &[(Swatch::Outline, "目标"), (Swatch::Solid, "实际")])
    } else {
        0.0
    };
    if let Some(average) = series.average_growth() {
        let first = items.iter().find(|i| i.result.is_some());
        let last = items.iter().rev().find(|i| i.result.is_some());
        // 2014—2023年: the first period's 年 is the last one's.
        let span = match (first, last) {
            (Some(a), Some(b)) => {
                let from = match (a.label.strip_suffix('年'), b.label.ends_with('年')) {
                    (Some(year), true) => year,
                    _ => a.label.as_str(),
                };
                format!("{from}—{}", b.label)
            }
            _ => String::new(),
        };
        let text = format!("{span}年均增长{}%", number((average * 10.0).round() / 10.0));
        let font = Font {
            size: theme.sizes.small + 1.0,
            bold: true,
            color: theme.text_muted,
        };
        let shown = c.ellipsize(&text, c.width, font);
        c.text(&shown, 0.0, top + 9.0, Anchor::Start, font);
        top += 26.0;
    }

    // The plot: room for the figures above the tallest column and below
    // the deepest, the period labels under it.
    let mut domain = Domain::ZERO;
    for item in items {
        for v in [item.plan, item.result].into_iter().flatten() {
            domain.include(v);
        }
    }
    let label_h = (value_font.size * 1.4).round();
    let plot_top = top + label_h + 4.0;
    let plot_h = (c.width * 0.42).clamp(140.0, 280.0);
    let neg_room = if domain.has_negative() {
        label_h + 4.0
    } else {
        0.0
    };
    let plot_bottom = plot_top + plot_h - neg_room;
    let y = {
        let scale = Linear::new(domain, 0.0, plot_bottom - plot_top);
        move |v: f64| plot_bottom - scale.at(v)
    };
    let zero = y(0.0);
    let band = c.width / n as f64;
    let col_w = (band * if line { 0.2 } else { 0.62 }).clamp(1.0, 64.0);
    let axis_y = plot_top + plot_h + 4.0;
    let bottom = axis_y + (axis_font.size * 1.4).round();

    // Which periods are labelled: every `step`th from the last backwards
    // (the latest period always), as many as fit.
    // Measured bold (the highlighted one is), with room for the first and
    // last names, which move in from the chart's edges.
    let bold = Font {
        bold: true,
        ..axis_font
    };
    let widest = items
        .iter()
        .map(|i| c.measure(&i.label, bold))
        .fold(0.0, f64::max);
    let edge_shift = (widest / 2.0 - band / 2.0).max(0.0);
    let step = ((widest + 8.0 + edge_shift) / band).ceil().max(1.0) as usize;
    // Which figures are printed: with their unit if every one fits its
    // column, else the bare numbers (the subtitle names the unit), else
    // the highlighted, the last, the highest and the lowest. Every figure
    // to as many decimals as the most precise one (7.0 beside 7.4).
    let places = result_places(items);
    let item_text = |item: &Item, t: f64| item_text(item, t, places);
    let texts: Vec<String> = items.iter().map(|i| item_text(i, 1.0)).collect();
    let fits = |texts: &[String]| {
        let widest = texts
            .iter()
            .map(|t| c.measure(t, value_font))
            .fold(0.0, f64::max);
        !line && widest + 4.0 <= band
    };
    let bare_ok = items
        .iter()
        .all(|i| i.plan.is_none() && i.bound == Bound::Exact && i.decrease.is_none());
    let bare: Vec<String> = items
        .iter()
        .map(|i| padded(shown_quantity(i, 1.0).number, places))
        .collect();
    let (all_figures, short) = if fits(&texts) {
        (true, false)
    } else if bare_ok && fits(&bare) {
        (true, true)
    } else {
        (false, false)
    };
    let printed = |i: &Item, t: f64| {
        if short {
            padded(shown_quantity(i, t).number, places)
        } else {
            item_text(i, t)
        }
    };
    let value = |i: &Item| i.result.or(i.plan);
    let hi = items
        .iter()
        .enumerate()
        .filter_map(|(k, i)| value(i).map(|v| (k, v)))
        .fold(None::<(usize, f64)>, |best, (k, v)| match best {
            Some((_, b)) if b >= v => best,
            _ => Some((k, v)),
        })
        .map(|(k, _)| k);
    let lo = items
        .iter()
        .enumerate()
        .filter_map(|(k, i)| value(i).map(|v| (k, v)))
        .fold(None::<(usize, f64)>, |best, (k, v)| match best {
            Some((_, b)) if b <= v => best,
            _ => Some((k, v)),
        })
        .map(|(k, _)| k);
    let any_highlight = items.iter().any(|i| i.highlight);

    // The zero line across the plot.
    c.line(
        Point { x: 0.0, y: zero },
        Point {
            x: c.width,
            y: zero,
        },
        theme.text_muted,
        1.0,
    );

    let t = c.progress;
    let mut previous: Option<Point> = None;
    let mut previous_plan: Option<Point> = None;
    for (k, (item, text)) in items.iter().zip(&texts).enumerate() {
        c.begin_mark();
        let centre = band * (k as f64 + 0.5);
        let (color, tint) = if item.highlight || !any_highlight {
            (theme.accent, theme.accent_tint)
        } else {
            (theme.base, theme.base_tint)
        };
        let plan_y = item.plan.map(|v| y(v * t));
        let result_y = item.result.map(|v| y(v * t));
        if line {
            // Segments from the previous period's point; a gap breaks them.
            let dot = |c: &mut SceneBuilder, p: Point, color| {
                c.fill(Rect::new(p.x - 3.0, p.y - 3.0, 6.0, 6.0), color);
            };
            let plan_at = plan_y.map(|py| Point { x: centre, y: py });
            if let (Some(a), Some(b)) = (previous_plan, plan_at) {
                c.line(a, b, theme.base_tint.mix(theme.base, 0.5), 1.5);
            }
            previous_plan = plan_at;
            let at = result_y.map(|ry| Point { x: centre, y: ry });
            if let (Some(a), Some(b)) = (previous, at) {
                c.line(a, b, theme.base, 2.0);
            }
            if let Some(p) = at {
                dot(c, p, color);
            } else if let Some(p) = plan_at {
                c.push(Shape::Rect {
                    rect: Rect::new(p.x - 3.0, p.y - 3.0, 6.0, 6.0),
                    fill: Some(theme.background),
                    stroke: Some(Stroke { color, width: 1.5 }),
                });
            }
            previous = at;
        } else {
            if let Some(py) = plan_y {
                c.push(Shape::Rect {
                    rect: column(centre, col_w, zero, py),
                    fill: Some(tint),
                    stroke: Some(Stroke { color, width: 1.5 }),
                });
            }
            if let Some(ry) = result_y {
                let w = if plan_y.is_some() { col_w * 0.5 } else { col_w };
                c.fill(column(centre, w, zero, ry), color);
            }
        }
        // The figure: above a rising column, below a falling one; a gap's
        // dash on the zero line.
        let v = value(item);
        let show = all_figures
            || item.highlight
            || k + 1 == items.len()
            || Some(k) == hi
            || Some(k) == lo
            || v.is_none();
        if show {
            // Past the farthest end on the figure's side of the zero line
            // (a falling result beside a rising plan: under the result).
            let below = v.is_some_and(|v| v < 0.0);
            let ends = [result_y, plan_y].into_iter().flatten();
            let fy = if v.is_none() {
                zero - label_h / 2.0 - 2.0
            } else if below {
                ends.fold(zero, f64::max) + label_h / 2.0 + 2.0
            } else {
                ends.fold(zero, f64::min) - label_h / 2.0 - 2.0
            };
            let shown = if v.is_none() {
                GAP_MARK.to_string()
            } else {
                printed(item, t)
            };
            let font = Font {
                color: if item.highlight {
                    theme.accent
                } else if v.is_none() {
                    theme.text_muted
                } else {
                    theme.text
                },
                ..value_font
            };
            let x = inside(centre, c.measure(&shown, font), c.width);
            c.text(&shown, x, fy, Anchor::Middle, font);
        }
        // The period's name under the plot.
        let from_last = items.len() - 1 - k;
        if from_last % step == 0 {
            let font = Font {
                bold: item.highlight,
                color: if item.highlight {
                    theme.text
                } else {
                    theme.text_muted
                },
                ..axis_font
            };
            let x = inside(centre, c.measure(&item.label, font), c.width);
            c.text(&item.label, x, axis_y + 7.0, Anchor::Middle, font);
        }
        let lead = match (item.result, item.plan) {
            (None, None) => Some("无数据".to_string()),
            (None, Some(_)) => Some("计划目标".to_string()),
            (Some(_), _) => None,
        };
        c.end_mark(Mark {
            hit: Rect::new(band * k as f64, plot_top, band, bottom - plot_top),
            label: item.label.clone(),
            value: if v.is_none() {
                GAP_MARK.to_string()
            } else {
                text.clone()
            },
            note: note(lead, item),
        });
    }
    bottom
}

/// Where to centre a text `w` wide near `x` so that it stays inside the
/// chart's `width` (the first and last periods' texts move in).
fn inside(x: f64, w: f64, width: f64) -> f64 {
    x.max(w / 2.0).min(width - w / 2.0)
}

/// A column `w` wide about `centre`, spanning `a`..`b` vertically (either
/// order), at least 1 px tall so that a tiny non-zero figure still shows.
fn column(centre: f64, w: f64, a: f64, b: f64) -> Rect {
    let (y0, y1) = if a <= b { (a, b) } else { (b, a) };
    let h = if y1 - y0 < 1.0 && y1 != y0 {
        1.0
    } else {
        y1 - y0
    };
    Rect::new(centre - w / 2.0, y0, w, h)
}

/// A period's figure: its result (with the plan in brackets when both are
/// given), else its plan, counted `t` of the way up; a result alone to
/// `places` decimals (a plan keeps its own words: 5%左右).
fn item_text(item: &Item, t: f64, places: usize) -> String {
    match (item.result, item.plan) {
        (Some(_), None) => series_result(item, t, places).to_string(),
        _ => format::item_text(item, t),
    }
}
