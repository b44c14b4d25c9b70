//! Target (bullet) bars: each plan as a tinted outline, its result (once
//! known) as a solid inner bar; the plan's qualifier drawn at its end (a
//! at-least arrow, an at-most cap, an about-band), a range as a span, a
//! decrease leftwards from zero, a target in words as its words; a legend
//! above once results are in.

use super::marks::bar::{plan, reach, solid, Outline};
use super::marks::legend::{bound_entries, legend, Swatch};
use super::rows::{note, plan_lead, Row, Rows, Side, Tip, BAR};
use super::scale::Domain;
use super::SceneBuilder;
use crate::format::item_text;
use crate::model::{Item, Sense};

/// Lays out the legend, then one row per item; returns the height used.
pub(super) fn layout(items: &[Item], c: &mut SceneBuilder) -> f64 {
    let top = key(items, c);
    let values: Vec<String> = items.iter().map(|item| value_text(item, 1.0)).collect();
    let extra = items
        .iter()
        .map(|i| reach(i.bound.sense()))
        .fold(0.0, f64::max);
    let mut rows = Rows::new(c, items, domain(items), &values, top, extra);
    for (item, value) in items.iter().zip(&values) {
        let row = rows.begin(c, &item.label);
        let tip = if item.words().is_some() {
            words_row(c, &rows, &row, item, value)
        } else {
            plan_row(c, &rows, &row, item, value)
        };
        rows.end(c, &row, tip);
    }
    rows.finish(c)
}

/// Draws the key once results are in; returns the height it takes.
fn key(items: &[Item], c: &mut SceneBuilder) -> f64 {
    let any_result = items.iter().any(|i| i.result.is_some());
    let has = |sense: Sense| {
        items
            .iter()
            .any(|i| i.bound.sense() == sense && i.plan.is_some())
    };
    // The key is drawn only once results are in (plans alone are read from
    // their direct labels, which carry the qualifiers' words).
    if any_result {
        let mut entries = vec![(Swatch::Outline, "目标"), (Swatch::Solid, "实际")];
        bound_entries(&mut entries, has);
        if items.iter().any(|i| i.plan_to.is_some()) {
            entries.push((Swatch::Span, "目标区间"));
        }
        legend(c, &entries)
    } else {
        0.0
    }
}

/// The values the scale spans: zero, every plan, range end and result.
fn domain(items: &[Item]) -> Domain {
    let mut domain = Domain::ZERO;
    for item in items {
        for v in [item.plan, item.plan_to, item.result].into_iter().flatten() {
            domain.include(v);
        }
    }
    domain
}

/// Fills the row of a target in words with its words; returns its tip.
fn words_row(c: &mut SceneBuilder, rows: &Rows, row: &Row, item: &Item, value: &str) -> Tip {
    // Words in the place of the bar, from zero on.
    rows.value_label(c, row, value, rows.zero, Side::Positive);
    Tip {
        label: item.label.clone(),
        value: value.to_string(),
        note: note(Some("目标（无具体数值）".to_string()), item),
    }
}

/// Fills the row of a plan with its bars and its figure; returns its tip.
fn plan_row(c: &mut SceneBuilder, rows: &Rows, row: &Row, item: &Item, value: &str) -> Tip {
    let end = bars(c, rows, row, item);
    // The side follows the final figures, so that it stays put while
    // the bars grow.
    let side = if item.plan.unwrap_or(0.0) < 0.0 && item.result.is_none_or(|r| r < 0.0) {
        Side::Negative
    } else {
        Side::Positive
    };
    // The figures counted up, never wider than the final ones.
    let shown = if c.progress < 1.0 {
        value_text(item, c.progress)
    } else {
        value.to_string()
    };
    rows.value_label(c, row, &shown, end, side);
    let lead = match item.result {
        Some(_) => "实际值，括号内为计划目标".to_string(),
        None => plan_lead(item),
    };
    Tip {
        label: item.label.clone(),
        value: value.to_string(),
        note: note(Some(lead), item),
    }
}

/// Draws the plan and result grown to the entrance's progress; returns where the figure goes.
fn bars(c: &mut SceneBuilder, rows: &Rows, row: &Row, item: &Item) -> f64 {
    let t = c.progress;
    let (color, tint) = rows.colors(item, c);
    let plan_now = item.plan.map(|v| v * t).unwrap_or(0.0);
    let to_now = item.plan_to.map(|v| v * t);
    let result_now = item.result.map(|v| v * t);
    let sense = item.bound.sense();
    let look = Outline { color, tint, sense };
    let plan_x = rows.x.at(plan_now);
    let to_x = to_now.map(|v| rows.x.at(v));
    let result_x = result_now.map(|r| rows.x.at(r));
    plan(c, rows.zero, plan_x, to_x, row.bar_y, BAR, look);
    if let Some(result_x) = result_x {
        let h = BAR * 0.5;
        let y = row.bar_y + (BAR - h) / 2.0;
        solid(c, rows.zero, result_x, y, h, color);
    }
    // Where the figure goes: by the leftmost end when the bars grow
    // leftwards, else past the rightmost end and the qualifier's mark.
    let far_x = to_x.unwrap_or(plan_x);
    let reach_x = far_x.max(result_x.unwrap_or(f64::MIN));
    let low = far_x.min(result_x.unwrap_or(f64::MAX));
    let leftwards = plan_now < 0.0 && result_now.is_none_or(|r| r < 0.0);
    if leftwards {
        low - if low == far_x { reach(sense) } else { 0.0 }
    } else {
        reach_x + if reach_x == far_x { reach(sense) } else { 0.0 }
    }
}

/// The figure printed at a bar's end, counted `t` of the way up: the
/// result with the plan in brackets, or the plan alone, each in its own
/// words (`5.2%（目标5%左右）`); a target in words, its words.
fn value_text(item: &Item, t: f64) -> String {
    match item.words() {
        Some(text) => text.to_string(),
        None => item_text(item, t),
    }
}
