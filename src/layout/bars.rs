//! Horizontal bars: one solid bar per item from zero to its figure, the
//! figure at the bar's end.

use super::marks::bar::solid;
use super::rows::{note, plan_lead, Rows, Side, Tip, BAR};
use super::scale::Domain;
use super::SceneBuilder;
use crate::describe::bound_words;
use crate::format::shown_quantity;
use crate::model::Item;

/// Lays out one row per item; returns the height used.
pub(super) fn layout(items: &[Item], c: &mut SceneBuilder) -> f64 {
    let mut domain = Domain::ZERO;
    for item in items {
        domain.include(item.value());
    }
    let values: Vec<String> = items.iter().map(value_text).collect();
    let mut rows = Rows::new(c, items, domain, &values, 0.0, 0.0);
    for (item, value) in items.iter().zip(&values) {
        let row = rows.begin(c, &item.label);
        // The bar grown to the entrance's progress, and the figure counted
        // up to it, rounded as the final figure is.
        let t = c.progress;
        let (color, _) = rows.colors(item, c);
        let end = rows.x.at(item.value() * t);
        solid(c, rows.zero, end, row.bar_y, BAR, color);
        let side = if item.value() < 0.0 {
            Side::Negative
        } else {
            Side::Positive
        };
        let shown = if t < 1.0 {
            shown_quantity(item, t).to_string()
        } else {
            value.clone()
        };
        rows.value_label(c, &row, &shown, end, side);
        let tip = Tip {
            label: item.label.clone(),
            value: value.clone(),
            note: note(lead(item), item),
        };
        rows.end(c, &row, tip);
    }
    rows.finish(c)
}

/// The figure printed at a bar's end.
fn value_text(item: &Item) -> String {
    shown_quantity(item, 1.0).to_string()
}

/// What a tip says before the editor's note: that the figure is a plan,
/// or what its qualifier makes of it.
fn lead(item: &Item) -> Option<String> {
    match (item.result, item.plan) {
        (None, _) => Some(plan_lead(item)),
        (Some(_), None) => bound_words(item.bound),
        (Some(_), Some(_)) => None,
    }
}
