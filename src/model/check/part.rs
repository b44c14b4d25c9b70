//! A part-to-whole chart's rules: named parts, wholes above 0, each whole
//! split into as many parts as there are names, none negative, their sum
//! within the whole.

use super::super::problem::{en, zh};
use super::super::{Measure, Part, MAX_PARTS};
use super::{Checker, RawChart};
use crate::format::digits::number;

impl Checker<'_> {
    /// The part-to-whole chart as written, checked.
    pub(super) fn part(&mut self, raw: &RawChart) -> Part {
        let name = raw.kind.name();
        let labels = self
            .present("part_labels", &raw.part_labels, name)
            .cloned()
            .unwrap_or_default();
        let rest = self
            .present("rest_label", &raw.rest_label, name)
            .cloned()
            .unwrap_or_default();
        let measures = self
            .present("measures", &raw.measures, name)
            .cloned()
            .unwrap_or_default();
        self.parts(&labels, &rest, &measures);
        Part {
            part_labels: labels,
            rest_label: rest,
            measures,
        }
    }

    fn parts(&mut self, part_labels: &[String], rest_label: &str, measures: &[Measure]) {
        if part_labels.is_empty() {
            self.push(
                "part_labels",
                zh!("“part_labels”至少要有一项"),
                en!("\"part_labels\" must not be empty"),
            );
        }
        if part_labels.len() > MAX_PARTS {
            self.push(
                "part_labels",
                zh!(
                    "构成图最多画{MAX_PARTS}个部分和“其余”（现有{}个部分）：部分再多，颜色就分不清了。请只列最重要的部分，其余合入“{rest_label}”；或改用 bars 图表，按数值从大到小排列各部分",
                    part_labels.len()
                ),
                en!(
                    "a part chart draws at most {MAX_PARTS} parts and the rest (has {}): more cannot be told apart by colour; merge the others into the rest, or use a bars chart sorted by size",
                    part_labels.len()
                ),
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
