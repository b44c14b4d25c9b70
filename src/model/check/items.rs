//! The rules of a chart written with items, each read from what its kind
//! takes (`Takes`): targets in words, ranges, one unit, periods (gaps, an
//! average growth), groups, plans; and how any item states its value.

use super::super::problem::{en, en_str, zh, zh_str};
use super::super::{AverageProblem, Bound, Item, Kind, RangeWord};
use super::Checker;
use crate::format::digits::number;

impl Checker<'_> {
    /// A chart's items as written, checked by the rules its kind takes.
    pub(super) fn items(&mut self, items: &Option<Vec<Item>>, kind: Kind) -> Vec<Item> {
        let items = self
            .present("items", items, kind.name())
            .cloned()
            .unwrap_or_default();
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
            match &item.text {
                Some(text) => self.in_words(&at, item, text, kind),
                None => self.item(&at, item, kind, first_unit),
            }
        }
        if kind.takes().periods {
            self.some_value(&items, kind);
        }
        if kind.takes().groups {
            self.groups(&items, kind);
        }
        items
    }

    /// An item with a value (or a gap in periods), by its kind's rules.
    fn item(&mut self, at: &str, item: &Item, kind: Kind, first_unit: Option<&str>) {
        // A period with no value is a gap.
        if item.plan.is_none() && item.result.is_none() && !kind.takes().periods {
            self.push(
                at,
                zh!("需要“plan”（计划）或“result”（实际）中至少一个数值"),
                en!("needs a \"plan\" or a \"result\" value"),
            );
        }
        self.unit(at, item);
        self.stated(at, item, kind);
        if kind.takes().plans && item.plan.is_none() {
            let name = kind.name();
            self.push(
                &format!("{at}.plan"),
                zh!("{name} 图表的每一项都需要“plan”（目标值）"),
                en!("every item of a {name} chart needs a \"plan\""),
            );
        }
        if kind.takes().one_unit && Some(item.unit.as_str()) != first_unit {
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

    /// Grouped bars: every item in a series (`group`), two or three
    /// series, one item per series and category.
    fn groups(&mut self, items: &[Item], kind: Kind) {
        let name = kind.name();
        let mut seen: Vec<(&str, &str)> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let Some(group) = item.group.as_deref() else {
                self.push(
                    &format!("items[{i}]"),
                    zh!("{name} 图表的每一项都需要“group”（所属的一组，如“2024年目标”）"),
                    en!("every item of a {name} chart needs a \"group\""),
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
                zh!("{name} 图表要有两到三组（group），现有 {} 组", groups.len()),
                en!("a {name} chart has two or three groups"),
            );
        }
    }

    /// Periods need a value in one of them at least.
    fn some_value(&mut self, items: &[Item], kind: Kind) {
        let name = kind.name();
        if !items.is_empty() && items.iter().all(|i| i.plan.is_none() && i.result.is_none()) {
            self.push(
                "items",
                zh!("{name} 图表至少要有一期数值（plan 或 result）"),
                en!("a {name} chart needs a value for one period or more"),
            );
        }
    }

    /// A target in words: no figure beside it, only where words can stand.
    fn in_words(&mut self, at: &str, item: &Item, text: &str, kind: Kind) {
        self.text(&format!("{at}.text"), text);
        if !kind.takes().words {
            let name = kind.name();
            self.push(
                &format!("{at}.text"),
                zh!(
                    "{name} 图表的每一项都要有数值；文字目标请用 {} 图表",
                    Kind::names_taking(|t| t.words).join(" 或 ")
                ),
                en!(
                    "a {name} chart draws figures only: use a {} chart for a target in words",
                    Kind::names_taking(|t| t.words).join(" or ")
                ),
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

    /// How an item states its value — a qualifier (`bound`), a range, a
    /// decrease — as far as the value and its kind allow.
    fn stated(&mut self, at: &str, item: &Item, kind: Kind) {
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
            self.range(at, item, kind, to, sign);
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
            let value = if kind.takes().plans {
                item.plan
            } else {
                Some(item.value())
            };
            let whole = value.is_none_or(|v| v.fract() == 0.0);
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
    pub(super) fn average(&mut self, problem: AverageProblem) {
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

    /// A range (`plan_to`): one its kind draws, with its low end below it
    /// and no qualifier. `sign` is −1 for a decrease (held negative).
    fn range(&mut self, at: &str, item: &Item, kind: Kind, to: f64, sign: f64) {
        if !kind.takes().ranges {
            let name = kind.name();
            self.push(
                &format!("{at}.plan_to"),
                zh!(
                    "{name} 图表不画区间；区间目标请用 {} 图表",
                    Kind::names_taking(|t| t.ranges).join(" 或 ")
                ),
                en!(
                    "a {name} chart draws no ranges: use a {} chart",
                    Kind::names_taking(|t| t.ranges).join(" or ")
                ),
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
}
