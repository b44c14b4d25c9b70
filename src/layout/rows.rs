//! The frame of a chart of horizontal bars, one row per item: a label
//! column (or labels above the bars on a phone), one value scale across
//! the rest, the figure at each bar's end, a hit area per row and the zero
//! line. Plain bars and target bars draw their own bars into it.

use super::marks::bar::rule;
use super::marks::label::{row_label, value_label, Flow, ValueAt, VALUE_GAP};
use super::scale::{Bands, Domain, Linear};
use super::{Font, Mark, Rect, SceneBuilder, NARROW};
use crate::color::Color;
use crate::describe::bound_words;
use crate::model::Item;

/// Height of a bar, CSS px.
pub(crate) const BAR: f64 = 20.0;
const ROW_GAP: f64 = 16.0;
const LABEL_GAP: f64 = 10.0;
const MAX_LABEL_LINES: usize = 2;

/// Where the figures go.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ValuePlace {
    /// At each bar's end.
    AtEnds,
    /// On a phone, long figures move up beside the label, right-aligned,
    /// so that the bars keep the full width.
    BesideLabels,
}

/// Which way a bar grows from zero, and so which side of its end the
/// figure goes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    /// Rightwards: the figure follows the bar's end.
    Positive,
    /// Leftwards: the figure precedes the bar's end.
    Negative,
}

/// One row as laid out: where it starts, where its bar is, where it ends.
#[derive(Clone, Copy)]
pub(crate) struct Row {
    /// Top of the row.
    pub top: f64,
    /// Top of the bar.
    pub bar_y: f64,
    /// Bottom of the row.
    pub bottom: f64,
}

/// The rows under construction.
pub(crate) struct Rows {
    /// The value scale.
    pub x: Linear,
    /// Where the value scale puts 0.
    pub zero: f64,
    flow: Flow,
    values: ValuePlace,
    label_font: Font,
    value_font: Font,
    line_h: f64,
    label_w: f64,
    value_w: f64,
    any_highlight: bool,
    bands: Bands,
}

impl Rows {
    /// Rows for `items` from `top`, their scale fitted to `domain` and to
    /// `values`, the longest figure printed at a bar's end; `reserve` px
    /// are kept free right of the scale (for arrows).
    pub fn new(
        c: &SceneBuilder,
        items: &[Item],
        domain: Domain,
        values: &[String],
        top: f64,
        reserve: f64,
    ) -> Rows {
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
        let flow = if c.width < NARROW {
            Flow::Above
        } else {
            Flow::Beside
        };
        let line_h = (label_font.size * 1.45).round();
        let value_w = values
            .iter()
            .map(|v| c.measure(v, value_font))
            .fold(0.0, f64::max);
        let label_w = match flow {
            Flow::Above => 0.0,
            Flow::Beside => items
                .iter()
                .map(|i| c.measure(&i.label, label_font))
                .fold(0.0, f64::max)
                .min(c.width * 0.3),
        };
        let left = match flow {
            Flow::Above => 0.0,
            Flow::Beside => label_w + LABEL_GAP,
        };
        let place = if flow == Flow::Above && value_w > c.width * 0.25 {
            ValuePlace::BesideLabels
        } else {
            ValuePlace::AtEnds
        };
        let value_room = match place {
            ValuePlace::BesideLabels => 0.0,
            ValuePlace::AtEnds => value_w + VALUE_GAP,
        };
        let neg_room = if domain.has_negative() {
            value_room
        } else {
            0.0
        };
        let x0 = left + neg_room;
        let x = Linear::new(domain, x0, c.width - value_room - reserve);
        Rows {
            x,
            zero: x.at(0.0),
            flow,
            values: place,
            label_font,
            value_font,
            line_h,
            label_w,
            value_w,
            any_highlight: items.iter().any(|i| i.highlight),
            bands: Bands::new(top, ROW_GAP),
        }
    }

    /// The bar colour and tint of `item`: the accent for highlighted items
    /// (or all, if none is), the base colour for the rest.
    pub fn colors(&self, item: &Item, c: &SceneBuilder) -> (Color, Color) {
        if item.highlight || !self.any_highlight {
            (c.theme.accent, c.theme.accent_tint)
        } else {
            (c.theme.base, c.theme.base_tint)
        }
    }

    /// Starts the next row, a mark, with its label set; returns where its
    /// bar goes.
    pub fn begin(&mut self, c: &mut SceneBuilder, label: &str) -> Row {
        c.begin_mark();
        let top = self.bands.start();
        let label_width = match (self.flow, self.values) {
            (Flow::Above, ValuePlace::BesideLabels) => c.width - self.value_w - 2.0 * VALUE_GAP,
            (Flow::Above, ValuePlace::AtEnds) => c.width,
            (Flow::Beside, _) => self.label_w,
        };
        let lines = c.wrap(label, label_width, self.label_font, MAX_LABEL_LINES);
        let fitted = row_label(c, &lines, top, self.line_h, self.label_font, self.flow, BAR);
        Row {
            top,
            bar_y: fitted.bar_y,
            bottom: fitted.bottom,
        }
    }

    /// Prints `text`, the row's figure, by the bar ending at `end`.
    pub fn value_label(&self, c: &mut SceneBuilder, row: &Row, text: &str, end: f64, side: Side) {
        let y = row.bar_y + BAR / 2.0;
        let at = match (self.values, side) {
            (ValuePlace::BesideLabels, _) => ValueAt::Corner {
                y: row.top + self.line_h / 2.0,
            },
            (ValuePlace::AtEnds, Side::Negative) => ValueAt::Before { end, y },
            (ValuePlace::AtEnds, Side::Positive) => ValueAt::After { end, y },
        };
        value_label(c, text, at, self.value_font);
    }

    /// Ends the row's mark, whose hit area spans the full width and half
    /// the gaps around the row; on a phone, adds the row's piece of the
    /// zero line.
    pub fn end(&mut self, c: &mut SceneBuilder, row: &Row, tip: Tip) {
        c.end_mark(Mark {
            hit: Rect::new(
                0.0,
                row.top - ROW_GAP / 2.0,
                c.width,
                row.bottom - row.top + ROW_GAP,
            ),
            label: tip.label,
            value: tip.value,
            note: tip.note,
        });
        if self.flow == Flow::Above {
            // Labels sit above the bars here: the zero line runs along each bar only.
            rule(c, self.zero, row.bar_y - 3.0, row.bar_y + BAR + 3.0);
        }
        self.bands.end(row.bottom);
    }

    /// Adds the zero line down all rows (beside the labels) and returns the
    /// height used.
    pub fn finish(self, c: &mut SceneBuilder) -> f64 {
        let bottom = self.bands.bottom();
        if self.bands.count() > 0 && self.flow == Flow::Beside {
            rule(c, self.zero, self.bands.top(), bottom);
        }
        bottom + 2.0
    }
}

/// What a row's tip says.
pub(crate) struct Tip {
    /// What the item is.
    pub label: String,
    /// Its exact figure with the unit.
    pub value: String,
    /// Plan or result, qualifier, the editor's note.
    pub note: Option<String>,
}

/// A tip's note: `lead` (what the figure is), then the editor's note.
pub(crate) fn note(lead: Option<String>, item: &Item) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    if let Some(lead) = lead {
        parts.push(lead);
    }
    if let Some(n) = &item.note {
        parts.push(n.clone());
    }
    (!parts.is_empty()).then(|| parts.join("；"))
}

/// What a plan's tip says before the editor's note: `计划目标`, with what
/// its qualifier or range makes of it.
pub(crate) fn plan_lead(item: &Item) -> String {
    match (item.plan_to, bound_words(item.bound)) {
        (Some(_), _) => "计划目标，为区间".to_string(),
        (None, Some(q)) => format!("计划目标，{q}"),
        (None, None) => "计划目标".to_string(),
    }
}
