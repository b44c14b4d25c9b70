//! Checks beyond types: non-empty text, values that cannot be negative,
//! parts no larger than their whole, fields that belong to the kind.

use super::json::Node;
use super::locate::locate;
use super::problem::{en, en_str, zh, zh_str, Position, Problem};
use super::{
    AverageProblem, Body, Bound, Chart, Item, Kind, Measure, PaletteSpec, Part, RangeWord, Series,
    ThemeSpec,
};
use crate::color::{Color, DARK, LIGHT};
use crate::format::digits::number;
/// 一个图表：共有字段，以及该类型的数据。One chart: the shared fields and its kind's data.
// A chart as written: every kind's fields optional, checked by
// `validate_chart` against the chart's `kind`. `read.rs` reads it; the JSON
// Schema is generated from it (the doc comments are the schema's words).
#[derive(Debug)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
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
    #[cfg_attr(not(target_arch = "wasm32"), schemars(default))]
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
    #[cfg_attr(not(target_arch = "wasm32"), schemars(default))]
    pub(crate) average_growth: Option<bool>,
}

/// A kind's name, as the data file writes it.
fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Bars => "bars",
        Kind::Target => "target",
        Kind::Part => "part",
        Kind::Cards => "cards",
        Kind::Series => "series",
        Kind::Grouped => "grouped",
    }
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
            match probe.rfind(['.', '[']) {
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

    fn items(&mut self, items: &[Item], kind: Kind) {
        if items.is_empty() {
            self.push(
                "items",
                zh!("“items”至少要有一项"),
                en!("\"items\" must not be empty"),
            );
        }
        let first_unit = items
            .iter()
            .find(|i| i.text.is_none())
            .map(|i| i.unit.as_str());
        for (i, item) in items.iter().enumerate() {
            let at = format!("items[{i}]");
            self.text(&format!("{at}.label"), &item.label);
            if let Some(text) = &item.text {
                self.in_words(&at, item, text, kind);
                continue;
            }
            // A series' period with no figure is a gap.
            if item.plan.is_none() && item.result.is_none() && kind != Kind::Series {
                self.push(
                    &at,
                    zh!("需要“plan”（计划）或“result”（实际）中至少一个数值"),
                    en!("needs a \"plan\" or a \"result\" value"),
                );
            }
            self.unit(&at, item);
            self.qualifier(&at, item, kind);
            if kind == Kind::Target && item.plan.is_none() {
                self.push(
                    &format!("{at}.plan"),
                    zh!("target 图表的每一项都需要“plan”（目标值）"),
                    en!("every item of a target chart needs a \"plan\""),
                );
            }
            if matches!(
                kind,
                Kind::Bars | Kind::Target | Kind::Series | Kind::Grouped
            ) && Some(item.unit.as_str()) != first_unit
            {
                self.push(
                    &format!("{at}.unit"),
                    zh!(
                        "同一图表的单位必须一致：应为“{}”，此处为“{}”",
                        first_unit.unwrap_or(""),
                        item.unit
                    ),
                    en!("all items of one chart must share one unit"),
                );
            }
        }
    }

    /// Grouped bars: every item in a series (`group`), two or three
    /// series, one item per series and category.
    fn grouped(&mut self, items: &[Item]) {
        let mut seen: Vec<(&str, &str)> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let Some(group) = item.group.as_deref() else {
                self.push(
                    &format!("items[{i}]"),
                    zh!("grouped 图表的每一项都需要“group”（所属的一组，如“2024年目标”）"),
                    en!("every item of a grouped chart needs a \"group\""),
                );
                continue;
            };
            if seen.contains(&(item.label.as_str(), group)) {
                self.push(
                    &format!("items[{i}].group"),
                    zh!("“{}”在“{group}”中出现了两次", item.label),
                    en!("\"{}\" appears twice in \"{group}\"", item.label),
                );
            }
            seen.push((item.label.as_str(), group));
        }
        let mut groups: Vec<&str> = Vec::new();
        for (_, g) in &seen {
            if !groups.contains(g) {
                groups.push(g);
            }
        }
        if !items.is_empty() && !(2..=3).contains(&groups.len()) {
            self.push(
                "items",
                zh!(
                    "grouped 图表要有两到三组（group），现有 {} 组",
                    groups.len()
                ),
                en!("a grouped chart has two or three groups"),
            );
        }
    }

    /// A series needs a figure in at least one period.
    fn some_figure(&mut self, items: &[Item]) {
        if !items.is_empty() && items.iter().all(|i| i.plan.is_none() && i.result.is_none()) {
            self.push(
                "items",
                zh!("series 图表至少要有一期数值（plan 或 result）"),
                en!("a series needs a figure for one period or more"),
            );
        }
    }

    /// A target in words: no figure beside it, only where words can stand.
    fn in_words(&mut self, at: &str, item: &Item, text: &str, kind: Kind) {
        self.text(&format!("{at}.text"), text);
        if matches!(kind, Kind::Bars | Kind::Series | Kind::Grouped) {
            let name = kind_name(kind);
            self.push(
                &format!("{at}.text"),
                zh!("{name} 图表的每一项都要有数值；文字目标请用 target 或 cards 图表"),
                en!("a {name} chart draws figures only: use a target or cards chart for a target in words"),
            );
        }
        for (field, present) in [
            ("plan", item.plan.is_some()),
            ("plan_to", item.plan_to.is_some()),
            ("result", item.result.is_some()),
            ("decrease", item.decrease.is_some()),
            ("bound", item.bound != Bound::Exact),
        ] {
            if present {
                self.push(
                    &format!("{at}.{field}"),
                    zh!("文字目标（text）不带数值，请删除“{field}”"),
                    en!("a target in words (text) has no figure: remove \"{field}\""),
                );
            }
        }
    }

    /// A unit is there for a figure (a target in words needs none).
    fn unit(&mut self, at: &str, item: &Item) {
        if item.unit.trim().is_empty() {
            self.push(
                &format!("{at}.unit"),
                zh!("单位“unit”不能为空"),
                en!("\"unit\" must not be empty"),
            );
        }
    }

    /// A qualifier, range or decrease that its figures can carry.
    fn qualifier(&mut self, at: &str, item: &Item, kind: Kind) {
        // The figures as the file writes them (a decrease's are positive).
        let sign = if item.decrease.is_some() { -1.0 } else { 1.0 };
        if item.decrease.is_some() {
            for (field, v) in [
                ("plan", item.plan),
                ("plan_to", item.plan_to),
                ("result", item.result),
            ] {
                if let Some(v) = v.filter(|v| *v > 0.0) {
                    self.push(
                        &format!("{at}.{field}"),
                        zh!("下降类指标（decrease）的数值照原文写正数，如“降低2.5%”写 2.5（现为 {}）", number(-v)),
                        en!("a decrease's figures are written positive (is {})", number(-v)),
                    );
                }
            }
        }
        if let Some(to) = item.plan_to {
            if matches!(kind, Kind::Bars | Kind::Series | Kind::Grouped) {
                let name = kind_name(kind);
                self.push(
                    &format!("{at}.plan_to"),
                    zh!("{name} 图表不画区间；区间目标请用 target 或 cards 图表"),
                    en!("a {name} chart draws no ranges: use a target or cards chart"),
                );
            }
            match item.plan {
                None => self.push(
                    &format!("{at}.plan"),
                    zh!("区间目标需要下端“plan”和上端“plan_to”"),
                    en!("a range needs its low end \"plan\" as well as \"plan_to\""),
                ),
                Some(low) if low * sign >= to * sign => self.push(
                    &format!("{at}.plan_to"),
                    zh!(
                        "区间的上端“plan_to”（{}）应大于下端“plan”（{}）",
                        number(to * sign),
                        number(low * sign)
                    ),
                    en!("a range's upper end must be above its low end"),
                ),
                Some(_) => {}
            }
            if item.bound != Bound::Exact {
                self.push(
                    &format!("{at}.bound"),
                    zh!(
                        "区间目标不再加限定词（“{}”），请删除“bound”",
                        item.bound.word()
                    ),
                    en!("a range takes no qualifier: remove \"bound\""),
                );
            }
        }
        if item.plan_to.is_none() && item.range_word != RangeWord::Dash {
            self.push(
                &format!("{at}.range_word"),
                zh!("“range_word”是区间的写法，只用于有上端“plan_to”的区间目标"),
                en!("\"range_word\" writes a range: it needs \"plan_to\""),
            );
        }
        if item.bound == Bound::More {
            // 多 counts: 50多个, never 5.5%多.
            let figure = if kind == Kind::Target {
                item.plan
            } else {
                Some(item.value())
            };
            let whole = figure.is_none_or(|v| v.fract() == 0.0);
            if item.unit == "%" || !whole {
                self.push(
                    &format!("{at}.bound"),
                    zh!("“多”只用于整数个数，如“50多个”；百分比或小数请用“以上”或“左右”"),
                    en!("\"多\" qualifies whole counts (50多个): use 以上 or 左右 for a percentage or decimal"),
                );
            }
        }
    }

    /// Why the average growth asked for cannot be stated.
    fn average(&mut self, problem: AverageProblem) {
        let (zh, en) = match problem {
            AverageProblem::NotYears => (
                zh_str!("年均增长只用于逐年的数据：各期名称须是按先后排列的年份，如“2014年”"),
                en_str!("the average growth is for years: each period's label a year (2014年), in order"),
            ),
            AverageProblem::TooFew => (
                zh_str!("年均增长需要至少两年的实际数值（result）"),
                en_str!("the average growth needs results for two years or more"),
            ),
            AverageProblem::Gap => (
                zh_str!("增速的年均增长需要首末两年之间每年都有实际数值（result）"),
                en_str!("the average of growth rates needs a result for every year from the first to the last"),
            ),
            AverageProblem::NotPositive => (
                zh_str!("年均增长无法计算：首末两年的实际数值须大于 0，增速须大于 -100%"),
                en_str!("the average growth needs first and last results above 0 (rates above -100%)"),
            ),
        };
        self.push("average_growth", zh.to_string(), en.to_string());
    }

    fn part(&mut self, part_labels: &[String], rest_label: &str, measures: &[Measure]) {
        if part_labels.is_empty() {
            self.push(
                "part_labels",
                zh!("“part_labels”至少要有一项"),
                en!("\"part_labels\" must not be empty"),
            );
        }
        for (i, label) in part_labels.iter().enumerate() {
            self.text(&format!("part_labels[{i}]"), label);
        }
        self.text("rest_label", rest_label);
        if measures.is_empty() {
            self.push(
                "measures",
                zh!("“measures”至少要有一项"),
                en!("\"measures\" must not be empty"),
            );
        }
        for (i, m) in measures.iter().enumerate() {
            let at = format!("measures[{i}]");
            self.text(&format!("{at}.label"), &m.label);
            if m.whole <= 0.0 {
                self.push(
                    &format!("{at}.whole"),
                    zh!("总数必须大于 0（现为 {}）", number(m.whole)),
                    en!("the whole must be greater than 0 (is {})", number(m.whole)),
                );
            }
            if m.parts.len() != part_labels.len() {
                self.push(
                    &format!("{at}.parts"),
                    zh!(
                        "“parts”应有 {} 个数值，与“part_labels”一一对应（现有 {} 个）",
                        part_labels.len(),
                        m.parts.len()
                    ),
                    en!(
                        "\"parts\" needs {} values, one per part label (has {})",
                        part_labels.len(),
                        m.parts.len()
                    ),
                );
            }
            for (j, p) in m.parts.iter().enumerate() {
                self.non_negative(&format!("{at}.parts[{j}]"), *p);
            }
            let sum: f64 = m.parts.iter().sum();
            if sum > m.whole * (1.0 + 1e-9) {
                self.push(
                    &format!("{at}.parts"),
                    zh!(
                        "部分之和 {} 大于总数 {}：部分不能超过整体",
                        number(sum),
                        number(m.whole)
                    ),
                    en!(
                        "the parts add up to {}, more than the whole {}",
                        number(sum),
                        number(m.whole)
                    ),
                );
            }
        }
    }
}

/// Turns a chart as written into a validated [`Chart`], or lists every
/// problem with its path (under `prefix`, such as `charts[2]`).
pub(crate) fn validate_chart(
    raw: RawChart,
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
    let id_ok = !raw.id.is_empty()
        && raw.id.len() <= 64
        && raw
            .id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if !id_ok {
        c.push(
            "id",
            zh!(
                "图表 id “{}”只能由小写英文字母、数字、- 和 _ 组成（1 到 64 个字符）",
                raw.id
            ),
            en!("a chart id is 1 to 64 of a-z, 0-9, - and _"),
        );
    }
    c.text("title", &raw.title);
    c.text("subtitle", &raw.subtitle);
    c.text("source", &raw.source);

    let mut notes = raw.notes;
    if raw.kind != Kind::Series {
        c.absent("average_growth", &raw.average_growth, kind_name(raw.kind));
    }
    let body = match raw.kind {
        Kind::Bars | Kind::Target | Kind::Cards | Kind::Series | Kind::Grouped => {
            let name = kind_name(raw.kind);
            c.absent("part_labels", &raw.part_labels, name);
            c.absent("rest_label", &raw.rest_label, name);
            c.absent("measures", &raw.measures, name);
            let items = c
                .present("items", &raw.items, name)
                .cloned()
                .unwrap_or_default();
            c.items(&items, raw.kind);
            if raw.kind == Kind::Series {
                c.some_figure(&items);
            }
            match raw.kind {
                Kind::Bars => Body::Bars(items),
                Kind::Target => Body::Target(items),
                Kind::Grouped => {
                    c.grouped(&items);
                    Body::Grouped(items)
                }
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
                _ => Body::Cards(items),
            }
        }
        Kind::Part => {
            c.absent("items", &raw.items, "part");
            let labels = c
                .present("part_labels", &raw.part_labels, "part")
                .cloned()
                .unwrap_or_default();
            let rest = c
                .present("rest_label", &raw.rest_label, "part")
                .cloned()
                .unwrap_or_default();
            let measures = c
                .present("measures", &raw.measures, "part")
                .cloned()
                .unwrap_or_default();
            c.part(&labels, &rest, &measures);
            Body::Part(Part {
                part_labels: labels,
                rest_label: rest,
                measures,
            })
        }
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

/// Checks the `theme` section: colours that parse, an accent readable as
/// text on its page, a font stack that is a plain list of names.
pub(crate) fn validate_theme(spec: &ThemeSpec, root: &Node, text: &str) -> Vec<Problem> {
    let mut c = Checker {
        prefix: "theme",
        root,
        text,
        problems: Vec::new(),
    };
    if let Some(font) = &spec.font_family {
        let plain = !font.trim().is_empty()
            && !font
                .bytes()
                .any(|b| matches!(b, b';' | b'{' | b'}' | b'<' | b'>' | b'\\'));
        if !plain {
            c.push(
                "font_family",
                "字体应为逗号分隔的字体名列表，如 \"PingFang SC\", sans-serif".into(),
                en!("font_family must be a comma-separated list of font names"),
            );
        }
    }
    for (name, palette, page) in [("light", &spec.light, LIGHT), ("dark", &spec.dark, DARK)] {
        let Some(PaletteSpec { accent, base }) = palette else {
            continue;
        };
        for (key, value, min) in [("accent", accent, 4.5), ("base", base, 3.0)] {
            let Some(value) = value else {
                continue;
            };
            let path = format!("{name}.{key}");
            match Color::parse(value) {
                None => c.push(
                    &path,
                    zh!("颜色“{value}”应写成 #rrggbb，如 #b8232f"),
                    en!("colour \"{value}\" must be written #rrggbb"),
                ),
                Some(color) => {
                    let ratio = color.contrast(&page.background);
                    if ratio < min {
                        c.push(
                            &path,
                            zh!(
                                "颜色 {value} 与{}背景（{}）的对比度只有 {}:1，至少需要 {}:1",
                                if name == "light" { "浅色" } else { "深色" },
                                page.background.css(),
                                number((ratio * 10.0).floor() / 10.0),
                                number(min)
                            ),
                            en!(
                                "colour {value} has {}:1 contrast with the page, needs {}:1",
                                number((ratio * 10.0).floor() / 10.0),
                                number(min)
                            ),
                        );
                    }
                }
            }
        }
    }
    c.problems
}
