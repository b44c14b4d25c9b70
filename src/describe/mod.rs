//! Words for what a chart shows: a Chinese summary for screen readers and
//! the values as a table, both generated from the same validated data
//! that the drawing uses.
//!
//! `mod.rs` dispatches to one file per chart kind, each with the kind's
//! `summary` and `table`, and holds what they share: an item's value in
//! words, a note after it, the gap between two values, the extremes.

mod bars;
mod cards;
mod grouped;
mod part;
mod series;
mod target;

use crate::format::{item_text, number, plan_quantity, quantity, result_quantity};
use crate::model::{Body, Bound, Chart, Item, Sense};

/// A chart's figures as rows and columns of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Column headings.
    pub head: Vec<String>,
    /// One row per datum; every row has `head.len()` cells, the first
    /// naming the item (the row's header).
    pub rows: Vec<Vec<String>>,
    /// The group each row belongs to (cards: a company, a topic), heading
    /// the rows that follow it; empty when the chart has no groups.
    pub groups: Vec<String>,
}

/// What a value is, with its owner: `喀左宏发食品：一季度产值` for a card
/// in a group (two companies' "一季度产值" must not read alike), else the
/// label alone.
pub fn named(item: &Item) -> String {
    match &item.group {
        Some(group) => format!("{group}：{}", item.label),
        None => item.label.clone(),
    }
}

/// What a qualifier (`Bound`) makes of its value, for tips and summaries:
/// `为下限（以上）`, `为上限（以内）`, `为约数（左右）`; none when exact.
pub fn bound_words(bound: Bound) -> Option<String> {
    let kind = match bound.sense() {
        Sense::Exact => return None,
        _ if bound == Bound::More => "约数",
        Sense::AtLeast => "下限",
        Sense::AtMost => "上限",
        Sense::About => "约数",
    };
    Some(format!("为{kind}（{}）", bound.word()))
}

/// The line under a chart's notes: its source and when it was updated (the
/// figure's HTML and the framed image print the same words).
pub fn source_line(chart: &Chart) -> String {
    format!("{}　更新于{}", chart.source, chart.updated)
}

/// A note as printed under a chart.
pub fn note_line(note: &str) -> String {
    format!("注：{note}")
}

/// One or two Chinese sentences on what the chart shows: its extremes, the
/// gap between them, floors and results.
pub fn summary(chart: &Chart) -> String {
    match &chart.body {
        Body::Bars(items) => bars::summary(items),
        Body::Target(items) => target::summary(items),
        Body::Part(part) => part::summary(part),
        Body::Cards(items) => cards::summary(items),
        Body::Series(series) => series::summary(series),
        Body::Grouped(items) => grouped::summary(items),
    }
}

/// The chart's values as a table: every value the drawing shows, exactly.
pub fn table(chart: &Chart) -> Table {
    match &chart.body {
        Body::Bars(items) => bars::table(items),
        Body::Target(items) => target::table(items),
        Body::Part(part) => part::table(part),
        Body::Cards(items) => cards::table(items),
        Body::Series(series) => series::table(series),
        Body::Grouped(items) => grouped::table(items),
    }
}

/// An item's value as a summary says it: the value (or the target's
/// words), the plan beside a result, the editor's note.
fn value_words(item: &Item) -> String {
    with_note(value_cell(item), item)
}

/// A value with the editor's note in brackets after it, or inside its
/// brackets when it ends in some (`13908亿斤（目标1.3万亿斤以上；即69541万吨）`,
/// never two brackets in a row).
fn with_note(value: String, item: &Item) -> String {
    match (&item.note, value.strip_suffix('）')) {
        (None, _) => value,
        (Some(note), Some(head)) => format!("{head}；{note}）"),
        (Some(note), None) => format!("{value}（{note}）"),
    }
}

/// "高8.5个百分点" for percentages, "多22亿元" otherwise.
fn gap(hi: &Item, hi_v: f64, lo_v: f64) -> String {
    let d = hi_v - lo_v;
    if hi.unit == "%" {
        format!("高{}个百分点", number(d))
    } else {
        let mut s = format!("多{}", quantity(d, &hi.unit, Bound::Exact));
        if lo_v > 0.0 && hi_v / lo_v >= 1.95 {
            s.push_str(&format!(
                "，约为其{}倍",
                number((hi_v / lo_v * 10.0).round() / 10.0)
            ));
        }
        s
    }
}

/// The highest and lowest items by `key`, the first of equals winning.
fn extremes<'a>(items: &[&'a Item], key: impl Fn(&Item) -> f64) -> Option<(&'a Item, &'a Item)> {
    let hi = items.iter().fold(None::<&Item>, |best, i| match best {
        Some(b) if key(b) >= key(i) => Some(b),
        _ => Some(i),
    })?;
    let lo = items.iter().fold(None::<&Item>, |best, i| match best {
        Some(b) if key(b) <= key(i) => Some(b),
        _ => Some(i),
    })?;
    Some((hi, lo))
}

/// An item's value in a table cell: as the chart shows it, with the plan
/// beside a result, or its words.
fn value_cell(item: &Item) -> String {
    match item.words() {
        Some(text) => text.to_string(),
        None => item_text(item, 1.0),
    }
}

/// A row's plan cell: the plan in its own words, a target's words, or `—`.
fn plan_cell(item: &Item) -> String {
    match (item.words(), item.plan) {
        (Some(text), _) => text.to_string(),
        (None, Some(_)) => plan_quantity(item, 1.0).to_string(),
        (None, None) => "—".to_string(),
    }
}

/// A row's result cell: the result in its own words, or `—`.
fn result_cell(item: &Item) -> String {
    match item.result {
        Some(_) => result_quantity(item, 1.0).to_string(),
        None => "—".to_string(),
    }
}

/// Items as rows of their plan, result and note, under `head`.
fn plans_table(items: &[Item], head: [&str; 4]) -> Table {
    Table {
        head: heads(&head),
        rows: items
            .iter()
            .map(|i| {
                let note = i.note.clone().unwrap_or_default();
                vec![i.label.clone(), plan_cell(i), result_cell(i), note]
            })
            .collect(),
        groups: Vec::new(),
    }
}

/// Column heads as owned text.
fn heads(heads: &[&str]) -> Vec<String> {
    heads.iter().map(|h| h.to_string()).collect()
}
