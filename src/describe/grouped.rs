//! Grouped bars: the series compared, each category's values in every series.

use super::Table;
use crate::format::shown_quantity;
use crate::model::{grouped_item, series_and_categories, Item};

/// Grouped bars: the series compared, then each category's figures in
/// every series, in their own words.
pub(super) fn summary(items: &[Item]) -> String {
    let (series, categories) = series_and_categories(items);
    let mut s = format!(
        "图表按{}比较{}项指标。",
        series.join("、"),
        categories.len()
    );
    let rows: Vec<String> = table_of_groups(items)
        .into_iter()
        .map(|row| {
            let mut cells = row.into_iter();
            let label = cells.next().unwrap_or_default();
            let figures: Vec<String> = series
                .iter()
                .zip(cells)
                .map(|(name, cell)| format!("{name}{cell}"))
                .collect();
            format!("{label}：{}", figures.join("，"))
        })
        .collect();
    s.push_str(&rows.join("；"));
    s.push('。');
    s
}

/// Grouped bars as rows: each category, then its figure in each series
/// (`—` where it has none).
fn table_of_groups(items: &[Item]) -> Vec<Vec<String>> {
    let (series, categories) = series_and_categories(items);
    categories
        .iter()
        .map(|category| {
            let mut row = vec![category.to_string()];
            for name in &series {
                let item = grouped_item(items, category, name);
                row.push(item.map_or("—".to_string(), |i| shown_quantity(i, 1.0).to_string()));
            }
            row
        })
        .collect()
}

/// Each category with its value in each series.
pub(super) fn table(items: &[Item]) -> Table {
    let (series, _) = series_and_categories(items);
    let mut head = vec!["指标".to_string()];
    head.extend(series.iter().map(|s| s.to_string()));
    Table {
        head,
        rows: table_of_groups(items),
        groups: Vec::new(),
    }
}
