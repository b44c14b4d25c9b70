//! A series over time: its span, its highest and lowest periods, the
//! latest, the gaps and the average growth.

use super::{extremes, value_words, with_note, Table};
use crate::format::{number, plan_quantity, result_places, series_result};
use crate::model::{Item, Series};

/// A series: its span, its highest and lowest periods, the latest, the
/// gaps and the average growth.
pub(super) fn summary(series: &Series) -> String {
    let items = &series.items;
    let present: Vec<&Item> = items
        .iter()
        .filter(|i| i.result.is_some() || i.plan.is_some())
        .collect();
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        return String::new();
    };
    let mut s = format!("{}至{}，共{}期。", first.label, last.label, items.len());
    let value = |i: &Item| i.result.or(i.plan).unwrap_or(0.0);
    let places = result_places(items);
    let said = |i: &Item| match (i.result, i.plan) {
        (Some(_), None) => with_note(series_result(i, 1.0, places).to_string(), i),
        _ => value_words(i),
    };
    if let Some((hi, lo)) = extremes(&present, value).filter(|_| present.len() > 1) {
        s.push_str(&format!(
            "{}最高，为{}；{}最低，为{}。",
            hi.label,
            said(hi),
            lo.label,
            said(lo)
        ));
    }
    if let Some(latest) = present.last() {
        s.push_str(&format!("{}为{}。", latest.label, said(latest)));
    }
    let gaps: Vec<&str> = items
        .iter()
        .filter(|i| i.result.is_none() && i.plan.is_none())
        .map(|i| i.label.as_str())
        .collect();
    if !gaps.is_empty() {
        s.push_str(&format!("{}无数据。", gaps.join("、")));
    }
    if let Some(average) = series.average_growth() {
        s.push_str(&format!(
            "年均增长{}%。",
            number((average * 10.0).round() / 10.0)
        ));
    }
    s
}

/// Each period with its plan (when any has one), value and note.
pub(super) fn table(series: &Series) -> Table {
    let items = &series.items;
    let plans = items.iter().any(|i| i.plan.is_some());
    let cell = |v: Option<String>| v.unwrap_or_else(|| "—".to_string());
    let places = result_places(items);
    let result = |i: &Item| i.result.map(|_| series_result(i, 1.0, places).to_string());
    let plan = |i: &Item| i.plan.map(|_| plan_quantity(i, 1.0).to_string());
    let gap = |i: &Item| i.result.is_none() && i.plan.is_none();
    let note = |i: &Item| match (&i.note, gap(i)) {
        (Some(n), _) => n.clone(),
        (None, true) => "无数据".to_string(),
        (None, false) => String::new(),
    };
    Table {
        head: if plans {
            ["时期", "目标", "实际", "备注"].map(String::from).to_vec()
        } else {
            ["时期", "数值", "备注"].map(String::from).to_vec()
        },
        rows: items
            .iter()
            .map(|i| {
                let mut row = vec![i.label.clone()];
                if plans {
                    row.push(cell(plan(i)));
                }
                row.push(cell(result(i)));
                row.push(note(i));
                row
            })
            .collect(),
        groups: Vec::new(),
    }
}
