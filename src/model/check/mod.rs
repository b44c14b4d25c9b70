//! Checks beyond types: non-empty text, values that cannot be negative,
//! parts no larger than their whole, and the rules of each chart kind, read
//! from its declaration (`Kind::spec`).
//!
//! `mod.rs` holds the chart as written and the checks every chart gets;
//! `items.rs` the rules of charts written with items, one per capability
//! (words, ranges, one unit, periods, groups, plans); `part.rs` a
//! part-to-whole chart's; `theme.rs` the theme's.

mod items;
mod part;
mod theme;

pub(crate) use theme::validate_theme;

use super::json::Node;
use super::locate::locate;
use super::problem::{en, zh, Position, Problem};
use super::{Body, Chart, Fields, Item, Kind, Measure, Series};
use crate::format::digits::number;

/// 一个图表：共有字段，以及该类型的数据。One chart: the shared fields and its kind's data.
// A chart as written: every kind's fields optional, checked by
// `validate_chart` against the chart's `kind`. `read.rs` reads it; the JSON
// Schema is generated from it (the doc comments are the schema's words).
#[derive(Debug, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub(crate) struct RawChart {
    /// 图表 id：小写字母、数字、- 和 _，与页面上 data-chart 一致。
    /// Chart id (a-z, 0-9, -, _), as in the page's data-chart.
    pub(crate) id: String,
    /// 图表类型。Chart kind.
    pub(crate) kind: Kind,
    /// 标题：一句话说出发现。The finding, as a sentence.
    pub(crate) title: String,
    /// 副标题：统计什么、单位。What is measured, and the unit.
    pub(crate) subtitle: String,
    /// 来源，如“数据来源：喀左时讯”。Source line.
    pub(crate) source: String,
    /// 注释：下限、预计数、推算方法等。Notes.
    #[schemars(default)]
    pub(crate) notes: Vec<String>,
    /// bars、target、cards 的数据项。Items of bars, target and cards charts.
    pub(crate) items: Option<Vec<Item>>,
    /// part：各部分名称。Part charts: names of the given parts.
    pub(crate) part_labels: Option<Vec<String>>,
    /// part：其余部分（自动计算）的名称。Part charts: name of the computed remainder.
    pub(crate) rest_label: Option<String>,
    /// part：各个整体及其部分。Part charts: the wholes and their parts.
    pub(crate) measures: Option<Vec<Measure>>,
    /// series：标出年均增长（按数据计算，计算方法自动写入注释）。
    /// Series charts: state the average growth, computed from the data (the formula goes into the notes).
    #[schemars(default)]
    pub(crate) average_growth: Option<bool>,
}

/// Collects problems for one chart (or the theme), each placed where the
/// parser saw the value its path points to under `root` (for a missing key,
/// the nearest enclosing value), in the file's `text`.
struct Checker<'a> {
    prefix: &'a str,
    root: &'a Node,
    text: &'a str,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn push(&mut self, path: &str, zh: String, en: String) {
        let full = if path.is_empty() {
            self.prefix.to_string()
        } else {
            format!("{}.{path}", self.prefix)
        };
        // The value itself, or (for a missing key) the nearest enclosing one.
        let mut probe = full.as_str();
        let node = loop {
            if let Some(node) = locate(self.root, probe) {
                break node;
            }
            // The last `.` or `[`, ASCII: a byte search, not the generic
            // pattern searcher (ARCHITECTURE.md, the size rules).
            match probe.bytes().rposition(|b| b == b'.' || b == b'[') {
                Some(cut) => probe = probe.get(..cut).unwrap_or(""),
                None => break self.root,
            }
        };
        let at = Position::at_byte(self.text, node.at);
        self.problems.push(Problem::new(full, zh, en).at(at));
    }

    fn text(&mut self, path: &str, value: &str) {
        if value.trim().is_empty() {
            self.push(
                path,
                zh!("“{path}”不能为空"),
                en!("\"{path}\" must not be empty"),
            );
        }
    }

    fn non_negative(&mut self, path: &str, value: f64) {
        if value < 0.0 {
            self.push(
                path,
                zh!("不能为负数（现为 {}）", number(value)),
                en!("must not be negative (is {})", number(value)),
            );
        }
    }

    fn absent<T>(&mut self, field: &str, value: &Option<T>, kind: &str) {
        if value.is_some() {
            self.push(
                field,
                zh!("“{field}”不适用于 {kind} 图表，请删除"),
                en!("\"{field}\" does not apply to a {kind} chart"),
            );
        }
    }

    fn present<'v, T>(&mut self, field: &str, value: &'v Option<T>, kind: &str) -> Option<&'v T> {
        if value.is_none() {
            self.push(
                field,
                zh!("{kind} 图表缺少必填字段“{field}”"),
                en!("a {kind} chart needs \"{field}\""),
            );
        }
        value.as_ref()
    }
}

/// Turns a chart as written into a validated [`Chart`], or lists every
/// problem with its path (under `prefix`, such as `charts[2]`).
pub(crate) fn validate_chart(
    mut raw: RawChart,
    root: &Node,
    text: &str,
    prefix: &str,
    updated: &str,
) -> Result<Chart, Vec<Problem>> {
    let mut c = Checker {
        prefix,
        root,
        text,
        problems: Vec::new(),
    };
    c.common(&raw);
    let mut notes = std::mem::take(&mut raw.notes);
    // Items are checked once, by the rules the kind takes (one call, not
    // one per kind below: the optimiser would copy it into each).
    let items = match raw.kind.fields() {
        Fields::Items => c.items(&raw.items, raw.kind),
        Fields::Parts => Vec::new(),
    };
    let body = match raw.kind {
        Kind::Bars => Body::Bars(items),
        Kind::Target => Body::Target(items),
        Kind::Cards => Body::Cards(items),
        Kind::Grouped => Body::Grouped(items),
        Kind::Series => {
            let series = Series {
                items,
                average_growth: raw.average_growth.unwrap_or(false),
            };
            if series.average_growth {
                if let Err(problem) = series.average() {
                    c.average(problem);
                }
                notes.push(series.average_note().to_string());
            }
            Body::Series(series)
        }
        Kind::Part => Body::Part(c.part(&raw)),
    };
    if c.problems.is_empty() {
        Ok(Chart {
            id: raw.id,
            title: raw.title,
            subtitle: raw.subtitle,
            source: raw.source,
            notes,
            updated: updated.to_string(),
            body,
        })
    } else {
        Err(c.problems)
    }
}

impl Checker<'_> {
    /// What every chart is checked for: its id, its texts, and no field
    /// that its kind is not written with.
    fn common(&mut self, raw: &RawChart) {
        let id_ok = !raw.id.is_empty()
            && raw.id.len() <= 64
            && raw
                .id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        if !id_ok {
            self.push(
                "id",
                zh!(
                    "图表 id “{}”只能由小写英文字母、数字、- 和 _ 组成（1 到 64 个字符）",
                    raw.id
                ),
                en!("a chart id is 1 to 64 of a-z, 0-9, - and _"),
            );
        }
        self.text("title", &raw.title);
        self.text("subtitle", &raw.subtitle);
        self.text("source", &raw.source);
        let name = raw.kind.name();
        if !raw.kind.takes().periods {
            self.absent("average_growth", &raw.average_growth, name);
        }
        match raw.kind.fields() {
            Fields::Items => {
                self.absent("part_labels", &raw.part_labels, name);
                self.absent("rest_label", &raw.rest_label, name);
                self.absent("measures", &raw.measures, name);
            }
            Fields::Parts => self.absent("items", &raw.items, name),
        }
    }
}
