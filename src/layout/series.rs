//! A series over time: one column per period from a zero line, its
//! figure above it (below it when negative); a line with dots when there
//! are many periods. A period without a figure is a gap marked "—", never
//! a zero. Plans are outlined columns (a dashed-looking thin line in line
//! form), results solid; the highlighted period is in the accent colour.
//! The average growth, when asked for, is stated above the plot.

use super::marks::legend::{legend, Swatch};
use super::rows::note;
use super::series_measure::{item_text, plot, value, value_texts, Fonts, Plot, ValueTexts};
use super::{Anchor, Font, Mark, Point, Rect, SceneBuilder, Shape, Stroke};
use crate::color::Color;
use crate::format::{number, padded, shown_quantity};
use crate::model::{Item, Series};

/// More periods than this are drawn as a line.
pub(crate) const LINE_FROM: usize = 13;
const GAP_MARK: &str = "—";

/// Where the previous period's points are, for the line's segments.
#[derive(Default)]
struct Trail {
    /// The previous result's point.
    result: Option<Point>,
    /// The previous plan's point.
    plan: Option<Point>,
}

/// The whole series as measured, drawn period by period.
struct Periods<'a> {
    /// The periods, oldest first.
    items: &'a [Item],
    /// How their texts are set.
    fonts: Fonts,
    /// Where they are drawn.
    plot: Plot,
    /// Which figures are printed.
    figures: ValueTexts,
    /// Some period is highlighted (the others are then in the base colour).
    any_highlight: bool,
}

/// One period's place and colours, during the entrance.
struct Period<'a> {
    /// Its index.
    k: usize,
    /// Its figures and name.
    item: &'a Item,
    /// The middle of its band.
    centre: f64,
    /// Its mark's colour.
    color: Color,
    /// Its plan column's fill.
    tint: Color,
    /// Where its plan is, grown to the entrance's progress.
    plan_y: Option<f64>,
    /// Where its result is, grown to the entrance's progress.
    result_y: Option<f64>,
}

/// Lays out the series; returns the height used.
pub(super) fn layout(series: &Series, c: &mut SceneBuilder) -> f64 {
    let items = &series.items;
    let theme = c.theme;
    let fonts = Fonts::new(theme);
    let top = header(series, c);
    let plot = plot(c, items, fonts, top);
    let periods = Periods {
        items,
        fonts,
        figures: value_texts(c, items, fonts.value, &plot),
        plot,
        any_highlight: items.iter().any(|i| i.highlight),
    };
    // The zero line across the plot.
    let zero = periods.plot.zero;
    let end = Point {
        x: c.width,
        y: zero,
    };
    c.line(Point { x: 0.0, y: zero }, end, theme.text_muted, 1.0);
    let mut trail = Trail::default();
    for (k, item) in items.iter().enumerate() {
        periods.draw(c, &mut trail, k, item);
    }
    periods.plot.bottom
}

/// Draws the key and the average growth above the plot; returns where the plot starts.
fn header(series: &Series, c: &mut SceneBuilder) -> f64 {
    // The key when plans and results are both drawn, the average growth
    // when asked for.
    let items = &series.items;
    let any_plan = items.iter().any(|i| i.plan.is_some());
    let any_result = items.iter().any(|i| i.result.is_some());
    let mut top = if any_plan && any_result {
        legend(c, &[(Swatch::Outline, "目标"), (Swatch::Solid, "实际")])
    } else {
        0.0
    };
    if let Some(average) = series.average_growth() {
        let text = format!(
            "{}年均增长{}%",
            result_span(items),
            number((average * 10.0).round() / 10.0)
        );
        let font = Font {
            size: c.theme.sizes.small + 1.0,
            bold: true,
            color: c.theme.text_muted,
        };
        let shown = c.ellipsize(&text, c.width, font);
        c.text(&shown, 0.0, top + 9.0, Anchor::Start, font);
        top += 26.0;
    }
    top
}

/// The periods from the first result to the last, `2014—2023年`; empty without results.
fn result_span(items: &[Item]) -> String {
    // 2014—2023年: the first period's 年 is the last one's.
    let first = items.iter().find(|i| i.result.is_some());
    let last = items.iter().rev().find(|i| i.result.is_some());
    match (first, last) {
        (Some(a), Some(b)) => {
            let from = match (a.label.strip_suffix('年'), b.label.ends_with('年')) {
                (Some(year), true) => year,
                _ => a.label.as_str(),
            };
            format!("{from}—{}", b.label)
        }
        _ => String::new(),
    }
}

impl Periods<'_> {
    /// Draws period `k`, `item`, as a mark: its column or point, its figure, its name.
    fn draw(&self, c: &mut SceneBuilder, trail: &mut Trail, k: usize, item: &Item) {
        c.begin_mark();
        let theme = c.theme;
        let (color, tint) = if item.highlight || !self.any_highlight {
            (theme.accent, theme.accent_tint)
        } else {
            (theme.base, theme.base_tint)
        };
        let t = c.progress;
        let p = Period {
            k,
            item,
            centre: self.plot.band * (k as f64 + 0.5),
            color,
            tint,
            plan_y: item.plan.map(|v| self.plot.y(v * t)),
            result_y: item.result.map(|v| self.plot.y(v * t)),
        };
        if self.plot.line {
            self.points(c, trail, &p);
        } else {
            self.columns(c, &p);
        }
        self.value_label(c, &p);
        self.name(c, &p);
        self.end(c, &p);
    }

    /// Draws the period in line form: its dot and the segments from the previous period's.
    fn points(&self, c: &mut SceneBuilder, trail: &mut Trail, p: &Period) {
        // Segments from the previous period's points (a gap breaks them), a
        // dot for the result, else a ring for the plan.
        let theme = c.theme;
        let plan_at = p.plan_y.map(|py| Point { x: p.centre, y: py });
        if let (Some(a), Some(b)) = (trail.plan, plan_at) {
            c.line(a, b, theme.base_tint.mix(theme.base, 0.5), 1.5);
        }
        trail.plan = plan_at;
        let at = p.result_y.map(|ry| Point { x: p.centre, y: ry });
        if let (Some(a), Some(b)) = (trail.result, at) {
            c.line(a, b, theme.base, 2.0);
        }
        if let Some(q) = at {
            c.fill(Rect::new(q.x - 3.0, q.y - 3.0, 6.0, 6.0), p.color);
        } else if let Some(q) = plan_at {
            c.push(Shape::Rect {
                rect: Rect::new(q.x - 3.0, q.y - 3.0, 6.0, 6.0),
                fill: Some(theme.background),
                stroke: Some(Stroke {
                    color: p.color,
                    width: 1.5,
                }),
            });
        }
        trail.result = at;
    }

    /// Draws the period's columns from the zero line: the plan outlined, the result solid.
    fn columns(&self, c: &mut SceneBuilder, p: &Period) {
        let (zero, col_w) = (self.plot.zero, self.plot.col_w);
        if let Some(py) = p.plan_y {
            c.push(Shape::Rect {
                rect: column(p.centre, col_w, zero, py),
                fill: Some(p.tint),
                stroke: Some(Stroke {
                    color: p.color,
                    width: 1.5,
                }),
            });
        }
        if let Some(ry) = p.result_y {
            // Half as wide in front of a plan.
            let w = if p.plan_y.is_some() {
                col_w * 0.5
            } else {
                col_w
            };
            c.fill(column(p.centre, w, zero, ry), p.color);
        }
    }

    /// Prints the period's figure, if it is one of those printed.
    fn value_label(&self, c: &mut SceneBuilder, p: &Period) {
        let (item, k, f) = (p.item, p.k, &self.figures);
        let v = value(item);
        let show = f.all
            || item.highlight
            || k + 1 == self.items.len()
            || Some(k) == f.hi
            || Some(k) == f.lo
            || v.is_none();
        if !show {
            return;
        }
        // Above a rising column, below a falling one: past the farthest end
        // on the figure's side of the zero line (a falling result beside a
        // rising plan: under the result); a gap's dash on the zero line.
        let (zero, half) = (self.plot.zero, self.plot.label_h / 2.0);
        let below = v.is_some_and(|v| v < 0.0);
        let ends = [p.result_y, p.plan_y].into_iter().flatten();
        let fy = if v.is_none() {
            zero - half - 2.0
        } else if below {
            ends.fold(zero, f64::max) + half + 2.0
        } else {
            ends.fold(zero, f64::min) - half - 2.0
        };
        let shown = if v.is_none() {
            GAP_MARK.to_string()
        } else if f.short {
            padded(shown_quantity(item, c.progress).number, f.places)
        } else {
            item_text(item, c.progress, f.places)
        };
        let font = Font {
            color: if item.highlight {
                c.theme.accent
            } else if v.is_none() {
                c.theme.text_muted
            } else {
                c.theme.text
            },
            ..self.fonts.value
        };
        let x = inside(p.centre, c.measure(&shown, font), c.width);
        c.text(&shown, x, fy, Anchor::Middle, font);
    }

    /// Prints the period's name under the plot, if it is one named.
    fn name(&self, c: &mut SceneBuilder, p: &Period) {
        let from_last = self.items.len() - 1 - p.k;
        if from_last % self.plot.step != 0 {
            return;
        }
        let item = p.item;
        let font = Font {
            bold: item.highlight,
            color: if item.highlight {
                c.theme.text
            } else {
                c.theme.text_muted
            },
            ..self.fonts.axis
        };
        let x = inside(p.centre, c.measure(&item.label, font), c.width);
        c.text(&item.label, x, self.plot.axis_y + 7.0, Anchor::Middle, font);
    }

    /// Ends the period's mark: its band of the plot, its full figure.
    fn end(&self, c: &mut SceneBuilder, p: &Period) {
        let (item, plot) = (p.item, &self.plot);
        let lead = match (item.result, item.plan) {
            (None, None) => Some("无数据".to_string()),
            (None, Some(_)) => Some("计划目标".to_string()),
            (Some(_), _) => None,
        };
        let value = match (value(item), self.figures.texts.get(p.k)) {
            (Some(_), Some(text)) => text.clone(),
            _ => GAP_MARK.to_string(),
        };
        c.end_mark(Mark {
            hit: Rect::new(
                plot.band * p.k as f64,
                plot.top,
                plot.band,
                plot.bottom - plot.top,
            ),
            label: item.label.clone(),
            value,
            note: note(lead, item),
        });
    }
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
