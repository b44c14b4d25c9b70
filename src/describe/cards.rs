//! Big-number cards: every card's value in its group.

use super::{value_cell, value_words, Table};
use crate::model::Item;

/// How many values, then each group once with its cards after it:
/// "喀左宏发食品：日产值500万元，…；…".
pub(super) fn summary(items: &[Item]) -> String {
    let mut list = String::new();
    let mut last: Option<&String> = None;
    for (n, i) in items.iter().enumerate() {
        if n > 0 {
            list.push(if i.group.is_some() && i.group.as_ref() != last {
                '；'
            } else {
                '，'
            });
        }
        if let Some(group) = i.group.as_ref().filter(|g| Some(*g) != last) {
            list.push_str(group);
            list.push('：');
        }
        last = i.group.as_ref();
        list.push_str(&i.label);
        list.push_str(&value_words(i));
    }
    format!("共{}项数据。{list}。", items.len())
}

/// Each card with its value and note, under its group.
pub(super) fn table(items: &[Item]) -> Table {
    let note = |i: &Item| i.note.clone().unwrap_or_default();
    Table {
        head: vec!["项目".into(), "数值".into(), "备注".into()],
        rows: items
            .iter()
            .map(|i| vec![i.label.clone(), value_cell(i), note(i)])
            .collect(),
        groups: if items.iter().any(|i| i.group.is_some()) {
            items
                .iter()
                .map(|i| i.group.clone().unwrap_or_default())
                .collect()
        } else {
            Vec::new()
        },
    }
}
