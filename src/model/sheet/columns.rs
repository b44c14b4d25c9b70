//! What each column of a pasted table holds, from its head or the chart's kind.

use super::super::Kind;

/// What a column of the table holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Column {
    Label,
    Unit,
    Note,
    Group,
    /// A value under this item key (`plan`, `result`), of this group
    /// (grouped bars written wide: one column per series) when some.
    Value(&'static str, Option<String>),
    /// A column that is left alone (its head says nothing known).
    Skip,
}

/// The item key figures go under when the table does not say.
pub(super) fn default_key(kind: Kind) -> &'static str {
    if kind.takes().periods {
        "result"
    } else {
        "plan"
    }
}

/// The column a head names: `(column, unit in the head)`.
pub(super) fn column_of(head: &str, kind: Kind) -> (Column, Option<String>) {
    let head = head.trim();
    // `投资额（亿元）`, `增速(%)`: the unit in brackets.
    let (name, unit) = match head.find(['（', '(']) {
        Some(i) => {
            let inner = head[i..]
                .trim_start_matches(['（', '('])
                .trim_end_matches(['）', ')'])
                .trim();
            (
                head[..i].trim(),
                (!inner.is_empty()).then(|| inner.to_string()),
            )
        }
        None => (head, None),
    };
    let has = |words: &[&str]| words.iter().any(|w| name.contains(w));
    let column = if has(&["单位"]) {
        Column::Unit
    } else if has(&["备注", "说明", "注"]) {
        Column::Note
    } else if has(&["分组", "系列"]) {
        Column::Group
    } else if has(&["实际", "完成", "结果", "实绩"]) && !kind.takes().groups {
        Column::Value("result", None)
    } else if has(&["目标", "计划", "预期"]) && !kind.takes().groups {
        Column::Value("plan", None)
    } else if has(&["数值", "金额", "数量", "数据", "值"]) {
        Column::Value(default_key(kind), None)
    } else if has(&[
        "名称", "项目", "指标", "类别", "年份", "时间", "时期", "企业", "地区",
    ]) {
        Column::Label
    } else if kind.takes().groups && !name.is_empty() {
        // Grouped bars written wide: each further head names a series.
        Column::Value("", Some(name.to_string()))
    } else {
        Column::Skip
    };
    (column, unit)
}
