//! Target (bullet) bars: each plan as a tinted outline, its result (once
//! known) as a solid inner bar, a floor as an outline open to the right
//! with an arrow; a legend above once results are in.

use super::marks::bar::{plan, solid, Outline, ARROW};
use super::marks::legend::{legend, Swatch};
use super::rows::{note, plan_lead, Rows, Side, Tip, BAR};
use super::scale::Domain;
use super::SceneBuilder;
use crate::format::quantity_counted;
use crate::model::{Bound, Item};

/// Lays out the legend, then one row per item; returns the height used.
pub(super) fn layout(items: &[Item], c: &mut SceneBuilder) -> f64 {
    let any_result = items.iter().any(|i| i.result.is_some());
    let any_floor = items.iter().any(|i| i.bound == Bound::Floor);
    // The key is drawn only once results are in (plans alone are read from
    // their direct labels).
    let top = if any_result {
        let mut entries = vec![(Swatch::Outline, "目标"), (Swatch::Solid, "实际完成")];
        if any_floor {
            entries.push((Swatch::Arrow, "目标为下限（以上）"));
        }
        legend(c, &entries)
    } else {
        0.0
    };

    let mut domain = Domain::ZERO;
    for item in items {
        if let Some(plan) = item.plan {
            domain.include(plan);
        }
        if let Some(result) = item.result {
            domain.include(result);
        }
    }
    let values: Vec<String> = items.iter().map(|item| value_text(item, 1.0)).collect();
    let arrow = if any_floor { ARROW + 2.0 } else { 0.0 };
    let mut rows = Rows::new(c, items, domain, &values, top, arrow);
    for (item, value) in items.iter().zip(&values) {
        let row = rows.begin(c, &item.label);
        // The plan and result grown to the entrance's progress.
        let t = c.progress;
        let (color, tint) = rows.colors(item, c);
        let plan_now = item.plan.map(|v| v * t).unwrap_or(0.0);
        let result_now = item.result.map(|v| v * t);
        let look = Outline {
            color,
            tint,
            bound: item.bound,
        };
        let plan_x = rows.x.at(plan_now);
        let result_x = result_now.map(|r| rows.x.at(r));
        plan(c, rows.zero, plan_x, row.bar_y, BAR, look);
        if let Some(result_x) = result_x {
            let h = BAR * 0.5;
            let y = row.bar_y + (BAR - h) / 2.0;
            solid(c, rows.zero, result_x, y, h, color);
        }
        // Where the figure goes: by the leftmost end when the bars grow
        // leftwards, else past the rightmost end and any floor's arrow.
        let reach = plan_x.max(result_x.unwrap_or(f64::MIN));
        let low = plan_x.min(result_x.unwrap_or(f64::MAX));
        let end = if plan_now < 0.0 && result_now.is_none_or(|r| r < 0.0) {
            low
        } else {
            reach
                + if item.bound == Bound::Floor {
                    ARROW + 2.0
                } else {
                    0.0
                }
        };
        // The side follows the final figures, so that it stays put while
        // the bars grow.
        let side = if item.plan.unwrap_or(0.0) < 0.0 && item.result.is_none_or(|r| r < 0.0) {
            Side::Negative
        } else {
            Side::Positive
        };
        // The figures counted up, never wider than the final ones.
        let shown = if t < 1.0 {
            value_text(item, t)
        } else {
            value.clone()
        };
        rows.figure(c, &row, &shown, end, side);
        let lead = match item.result {
            Some(_) => "实际完成值，括号内为计划目标",
            None => plan_lead(item.bound),
        };
        let tip = Tip {
            label: item.label.clone(),
            value: value.clone(),
            note: note(Some(lead), item),
        };
        rows.end(c, &row, tip);
    }
    rows.finish(c)
}

/// The figure printed at a bar's end, counted `t` of the way up: the
/// result with the plan in brackets, or the plan alone.
fn value_text(item: &Item, t: f64) -> String {
    let plan = quantity_counted(item.plan.unwrap_or(0.0), t, &item.unit, item.bound);
    match item.result {
        Some(r) => format!(
            "{}（目标{plan}）",
            quantity_counted(r, t, &item.unit, Bound::Exact)
        ),
        None => plan.to_string(),
    }
}
