//! Horizontal bars: the highest and the lowest, and the gap between them.

use super::{extremes, gap, plans_table, value_words, Table};
use crate::model::Item;

/// The highest and lowest items and the gap between them.
pub(super) fn summary(items: &[Item]) -> String {
    let all: Vec<&Item> = items.iter().collect();
    let Some((hi, lo)) = extremes(&all, Item::value) else {
        return String::new();
    };
    if items.len() == 1 {
        return format!("{}为{}。", hi.label, value_words(hi));
    }
    format!(
        "图表比较{}项：{}最高，为{}；{}最低，为{}；前者比后者{}。",
        items.len(),
        hi.label,
        value_words(hi),
        lo.label,
        value_words(lo),
        gap(hi, hi.value(), lo.value())
    )
}

/// Each item with its plan, result and note.
pub(super) fn table(items: &[Item]) -> Table {
    plans_table(items, ["名称", "计划", "实际", "备注"])
}
