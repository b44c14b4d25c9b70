//! Grouped bars' items read as series (their groups) and categories (their labels).

use super::Item;

/// Grouped bars' series (the items' groups) and categories (their
/// labels), each in order of first appearance.
pub fn series_and_categories(items: &[Item]) -> (Vec<&str>, Vec<&str>) {
    let mut series: Vec<&str> = Vec::new();
    let mut categories: Vec<&str> = Vec::new();
    for item in items {
        let group = item.group.as_deref().unwrap_or("");
        if !series.contains(&group) {
            series.push(group);
        }
        if !categories.contains(&item.label.as_str()) {
            categories.push(&item.label);
        }
    }
    (series, categories)
}

/// Grouped bars' item for `category` in `series`, if it has one.
pub fn grouped_item<'a>(items: &'a [Item], category: &str, series: &str) -> Option<&'a Item> {
    items
        .iter()
        .find(|i| i.label == category && i.group.as_deref().unwrap_or("") == series)
}
