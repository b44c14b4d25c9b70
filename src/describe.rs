//! Words for what a chart shows: a Chinese summary for screen readers and
//! the figures as a table, both generated from the same validated data
//! that the drawing uses.

use crate::format::{number, quantity, share};
use crate::model::{Body, Bound, Chart, Item};

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

fn figure(item: &Item) -> String {
    let mut s = quantity(item.value(), &item.unit, item.bound).to_string();
    if let Some(note) = &item.note {
        s.push_str(&format!("（{note}）"));
    }
    s
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
fn extremes(items: &[Item], key: impl Fn(&Item) -> f64) -> Option<(&Item, &Item)> {
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

fn targets(items: &[Item]) -> String {
    let plan = |i: &Item| i.plan.unwrap_or(0.0);
    let Some((hi, lo)) = extremes(items, plan) else {
        return String::new();
    };
    let mut s = format!("图表列出{}项指标的目标。", items.len());
    let tied: Vec<&str> = items
        .iter()
        .filter(|i| plan(i) == plan(hi))
        .map(|i| i.label.as_str())
        .collect();
    let hi_text = quantity(plan(hi), &hi.unit, hi.bound);
    if tied.len() == items.len() {
        s.push_str(&format!("各项目标均为{hi_text}。"));
    } else {
        s.push_str(&format!(
            "{}目标最高，为{hi_text}，比最低的{}（{}）{}。",
            tied.join("、"),
            lo.label,
            quantity(plan(lo), &lo.unit, lo.bound),
            gap(hi, plan(hi), plan(lo))
        ));
    }
    let floors: Vec<String> = items
        .iter()
        .filter(|i| i.bound == Bound::Floor)
        .map(|i| format!("{}目标为{}", i.label, quantity(plan(i), &i.unit, i.bound)))
        .collect();
    if !floors.is_empty() {
        s.push_str(&format!("{}，为下限。", floors.join("，")));
    }
    let done: Vec<&Item> = items.iter().filter(|i| i.result.is_some()).collect();
    if done.is_empty() {
        s.push_str("实际完成情况尚未公布。");
    } else {
        let met = done
            .iter()
            .filter(|i| i.result.unwrap_or(f64::MIN) >= plan(i))
            .count();
        s.push_str(&format!(
            "已公布{}项实际完成值，其中{}项达到目标。",
            done.len(),
            met
        ));
    }
    s
}

fn bars(items: &[Item]) -> String {
    let Some((hi, lo)) = extremes(items, Item::value) else {
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

/// The chart's figures as a table: every figure the drawing shows, exactly.
pub fn table(chart: &Chart) -> Table {
    let plan_or_dash = |v: Option<f64>, i: &Item, b: Bound| {
        v.map_or("—".to_string(), |v| quantity(v, &i.unit, b).to_string())
    };
    let note = |i: &Item| i.note.clone().unwrap_or_default();
    match &chart.body {
        Body::Target(items) | Body::Bars(items) => {
            let target = matches!(chart.body, Body::Target(_));
            let head: [&str; 4] = if target {
                ["指标", "目标", "实际完成", "备注"]
            } else {
                ["名称", "计划", "实际", "备注"]
            };
            Table {
                head: head.iter().map(|h| h.to_string()).collect(),
                rows: items
                    .iter()
                    .map(|i| {
                        // A target's floor is its plan's; a bar's, its figure's.
                        let result_bound = if target { Bound::Exact } else { i.bound };
                        vec![
                            i.label.clone(),
                            plan_or_dash(i.plan, i, i.bound),
                            plan_or_dash(i.result, i, result_bound),
                            note(i),
                        ]
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
                .map(|i| {
                    vec![
                        i.label.clone(),
                        quantity(i.value(), &i.unit, i.bound).to_string(),
                        note(i),
                    ]
                })
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
