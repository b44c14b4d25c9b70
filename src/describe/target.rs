//! Targets: the highest and lowest plans, every qualified or worded target
//! in its own words, the results beside their plans.

use super::{extremes, gap, plans_table, value_words, Table};
use crate::format::plan_quantity;
use crate::model::{Bound, Item};

/// Targets: the highest and lowest of the rising figures (decreases and
/// targets in words are not ranked with them), every qualified or
/// worded target in its own words, the results beside their plans. It
/// never says whether a target was met.
pub(super) fn summary(items: &[Item]) -> String {
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
        .map(|i| format!("{}{}", i.label, value_words(i)))
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

/// Each target with its plan, result and note.
pub(super) fn table(items: &[Item]) -> Table {
    plans_table(items, ["指标", "目标", "实际", "备注"])
}
