//! Words for what a chart shows: a Chinese summary for screen readers and
//! the figures as a table, both generated from the same validated data
//! that the drawing uses.

use crate::format::{
    figure_text, number, plan_quantity, quantity, result_places, result_quantity, series_result,
    share, shown_quantity,
};
use crate::model::{grouped_item, series_and_categories, Body, Bound, Chart, Item, Sense, Series};

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

/// What a figure is, with its owner: `喀左宏发食品：一季度产值` for a card
/// in a group (two companies' "一季度产值" must not read alike), else the
/// label alone.
pub fn named(item: &Item) -> String {
    match &item.group {
        Some(group) => format!("{group}：{}", item.label),
        None => item.label.clone(),
    }
}

/// What a qualifier makes of its figure, for tips and summaries:
/// `为下限（以上）`, `为上限（以内）`, `为约数（左右）`; none when exact.
pub fn qualifier(bound: Bound) -> Option<String> {
    let kind = match bound.sense() {
        Sense::Exact => return None,
        _ if bound == Bound::More => "约数",
        Sense::Floor => "下限",
        Sense::Ceiling => "上限",
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
        Body::Target(items) => targets(items),
        Body::Bars(items) => bars(items),
        Body::Series(series) => over_time(series),
        Body::Grouped(items) => grouped(items),
        Body::Part(part) => part
            .measures
            .iter()
            .map(|m| {
                let mut s = format!(
                    "{}共{}，其中",
                    m.label,
                    quantity(m.whole, &m.unit, Bound::Exact)
                );
                let parts: Vec<String> = part
                    .part_labels
                    .iter()
                    .zip(&m.parts)
                    .map(|(l, v)| (l.as_str(), *v))
                    .chain(std::iter::once((part.rest_label.as_str(), m.rest())))
                    .map(|(l, v)| {
                        format!(
                            "{l}{}，占{}",
                            quantity(v, &m.unit, Bound::Exact),
                            share(v, m.whole)
                        )
                    })
                    .collect();
                s.push_str(&parts.join("；"));
                s.push('。');
                s
            })
            .collect(),
        Body::Cards(items) => {
            // Each group once, its items after it: "喀左宏发食品：日产值500万元，…；…".
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
                list.push_str(&figure(i));
            }
            format!("共{}项数据。{list}。", items.len())
        }
    }
}

/// An item's figure as a summary says it: the figure (or the target's
/// words), the plan beside a result, the editor's note.
fn figure(item: &Item) -> String {
    with_note(figure_cell(item), item)
}

/// A figure with the editor's note in brackets after it, or inside its
/// brackets when it ends in some (`13908亿斤（目标1.3万亿斤以上；即69541万吨）`,
/// never two brackets in a row).
fn with_note(figure: String, item: &Item) -> String {
    match (&item.note, figure.strip_suffix('）')) {
        (None, _) => figure,
        (Some(note), Some(head)) => format!("{head}；{note}）"),
        (Some(note), None) => format!("{figure}（{note}）"),
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

/// Targets: the highest and lowest of the rising figures (decreases and
/// targets in words are not ranked with them), every qualified or
/// worded target in its own words, the results beside their plans. It
/// never says whether a target was met.
fn targets(items: &[Item]) -> String {
    let plan = |i: &Item| i.plan.unwrap_or(0.0);
    let mut s = format!("图表列出{}项指标的目标。", items.len());
    let ranked: Vec<&Item> = items
        .iter()
        .filter(|i| i.words().is_none() && i.decrease.is_none())
        .collect();
    if let Some((hi, lo)) = extremes(&ranked, plan).filter(|_| ranked.len() > 1) {
        let tied: Vec<&str> = ranked
            .iter()
            .filter(|i| plan(i) == plan(hi))
            .map(|i| i.label.as_str())
            .collect();
        let hi_text = plan_quantity(hi, 1.0);
        if tied.len() == ranked.len() {
            s.push_str(&format!("各项目标均为{hi_text}。"));
        } else {
            s.push_str(&format!(
                "{}目标最高，为{hi_text}，比最低的{}（{}）{}。",
                tied.join("、"),
                lo.label,
                plan_quantity(lo, 1.0),
                gap(hi, plan(hi), plan(lo))
            ));
        }
    }
    let worded: Vec<String> = items
        .iter()
        .filter(|i| {
            i.words().is_some()
                || i.bound != Bound::Exact
                || i.plan_to.is_some()
                || i.decrease.is_some()
        })
        .map(|i| match i.words() {
            Some(text) => format!("{}：{text}", i.label),
            None => format!("{}目标为{}", i.label, plan_quantity(i, 1.0)),
        })
        .collect();
    if !worded.is_empty() {
        s.push_str(&format!("{}。", worded.join("；")));
    }
    let done: Vec<String> = items
        .iter()
        .filter(|i| i.result.is_some())
        .map(|i| format!("{}{}", i.label, figure(i)))
        .collect();
    if done.is_empty() {
        s.push_str("实际完成情况尚未公布。");
    } else {
        s.push_str(&format!(
            "已公布{}项实际完成情况：{}。",
            done.len(),
            done.join("；")
        ));
    }
    s
}

/// Grouped bars: the series compared, then each category's figures in
/// every series, in their own words.
fn grouped(items: &[Item]) -> String {
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

/// A series: its span, its highest and lowest periods, the latest, the
/// gaps and the average growth.
fn over_time(series: &Series) -> String {
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
    let figure = |i: &Item| match (i.result, i.plan) {
        (Some(_), None) => with_note(series_result(i, 1.0, places).to_string(), i),
        _ => figure(i),
    };
    if let Some((hi, lo)) = extremes(&present, value).filter(|_| present.len() > 1) {
        s.push_str(&format!(
            "{}最高，为{}；{}最低，为{}。",
            hi.label,
            figure(hi),
            lo.label,
            figure(lo)
        ));
    }
    if let Some(latest) = present.last() {
        s.push_str(&format!("{}为{}。", latest.label, figure(latest)));
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

fn bars(items: &[Item]) -> String {
    let all: Vec<&Item> = items.iter().collect();
    let Some((hi, lo)) = extremes(&all, Item::value) else {
        return String::new();
    };
    if items.len() == 1 {
        return format!("{}为{}。", hi.label, figure(hi));
    }
    format!(
        "图表比较{}项：{}最高，为{}；{}最低，为{}；前者比后者{}。",
        items.len(),
        hi.label,
        figure(hi),
        lo.label,
        figure(lo),
        gap(hi, hi.value(), lo.value())
    )
}

/// A card's figure in the table: as the card shows it, with the plan
/// beside a result, or its words.
fn figure_cell(item: &Item) -> String {
    match item.words() {
        Some(text) => text.to_string(),
        None => figure_text(item, 1.0),
    }
}

/// The chart's figures as a table: every figure the drawing shows, exactly.
pub fn table(chart: &Chart) -> Table {
    let plan_cell = |i: &Item| match (i.words(), i.plan) {
        (Some(text), _) => text.to_string(),
        (None, Some(_)) => plan_quantity(i, 1.0).to_string(),
        (None, None) => "—".to_string(),
    };
    let result_cell = |i: &Item| match i.result {
        Some(_) => result_quantity(i, 1.0).to_string(),
        None => "—".to_string(),
    };
    let note = |i: &Item| i.note.clone().unwrap_or_default();
    match &chart.body {
        Body::Target(items) | Body::Bars(items) => {
            let target = matches!(chart.body, Body::Target(_));
            let head: [&str; 4] = if target {
                ["指标", "目标", "实际", "备注"]
            } else {
                ["名称", "计划", "实际", "备注"]
            };
            Table {
                head: head.iter().map(|h| h.to_string()).collect(),
                rows: items
                    .iter()
                    .map(|i| vec![i.label.clone(), plan_cell(i), result_cell(i), note(i)])
                    .collect(),
                groups: Vec::new(),
            }
        }
        Body::Grouped(items) => {
            let (series, _) = series_and_categories(items);
            let mut head = vec!["指标".to_string()];
            head.extend(series.iter().map(|s| s.to_string()));
            Table {
                head,
                rows: table_of_groups(items),
                groups: Vec::new(),
            }
        }
        Body::Series(series) => {
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
        Body::Part(part) => {
            let mut head = vec!["指标".to_string()];
            head.extend(part.part_labels.iter().cloned());
            head.push(part.rest_label.clone());
            head.push("合计".into());
            let rows = part
                .measures
                .iter()
                .map(|m| {
                    let mut row = vec![m.label.clone()];
                    for v in m.parts.iter().chain(std::iter::once(&m.rest())) {
                        row.push(format!(
                            "{}（{}）",
                            quantity(*v, &m.unit, Bound::Exact),
                            share(*v, m.whole)
                        ));
                    }
                    row.push(quantity(m.whole, &m.unit, Bound::Exact).to_string());
                    row
                })
                .collect();
            Table {
                head,
                rows,
                groups: Vec::new(),
            }
        }
        Body::Cards(items) => Table {
            head: vec!["项目".into(), "数值".into(), "备注".into()],
            rows: items
                .iter()
                .map(|i| vec![i.label.clone(), figure_cell(i), note(i)])
                .collect(),
            groups: if items.iter().any(|i| i.group.is_some()) {
                items
                    .iter()
                    .map(|i| i.group.clone().unwrap_or_default())
                    .collect()
            } else {
                Vec::new()
            },
        },
    }
}
