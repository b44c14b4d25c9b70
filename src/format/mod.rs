//! Chinese number and unit formatting, after GB/T 15835-2011.
//!
//! Arabic numerals for quantities; 万, 亿 and 万亿 serve as units for large round
//! numbers (`15万只`, `1.51亿元`), never a mixed form such as `3亿4500万`;
//! numbers that are not round in 万 keep every digit, ungrouped as the
//! reports write them (`13908亿斤`, `12345只`). A lower bound reads `8%以上`.
//!
//! Every function here is total: any `f64`, any unit string.

pub mod digits;

pub use digits::{css_px, number, plain};

use crate::model::{Bound, Item};

/// A formatted quantity, split so that charts can set the number larger
/// than its unit (big-number cards) or join them (`to_string`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    /// Words before the number: a decrease's `"降低"`, `"不低于"`; mostly empty.
    pub lead: String,
    /// The digits, with sign, decimal point and separators: `"1.51"`; a
    /// range's low end with its unit and the dash: `"6%—7"`.
    pub number: String,
    /// The unit after any 万/亿 rescaling, with the qualifier: `"亿元"`,
    /// `"%以上"`, `"多个"`.
    pub unit: String,
}

impl std::fmt::Display for Quantity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}{}", self.lead, self.number, self.unit)
    }
}

/// Formats `value` in `unit` the way a Chinese newspaper writes it.
///
/// `unit` may carry a magnitude (`万元`, `亿元`); the value is rescaled to
/// the largest of 万亿 / 亿 / 万 / none in which it is round to two decimals.
/// ```
/// use kazuo_infographic::{format::quantity, model::Bound};
/// assert_eq!(quantity(150_000.0, "只", Bound::Exact).to_string(), "15万只");
/// assert_eq!(quantity(15_100.0, "万元", Bound::Exact).to_string(), "1.51亿元");
/// assert_eq!(quantity(8.0, "%", Bound::Floor).to_string(), "8%以上");
/// ```
pub fn quantity(value: f64, unit: &str, bound: Bound) -> Quantity {
    quantity_counted(value, 1.0, unit, bound)
}

/// `value` counted `t` (0 to 1) of the way up from 0, for the entrance's
/// frames: written in the unit the final figure takes and rounded to its
/// last decimal, so that a counting figure is never wider than the final
/// one it becomes (`t` = 1 is [`quantity`]).
pub fn quantity_counted(value: f64, t: f64, unit: &str, bound: Bound) -> Quantity {
    // 不低于8%, 8%以上, 50多个 (多 between the magnitude and the unit: 5万多人).
    let (lead, more, suffix) = match bound {
        Bound::More => ("", "多", ""),
        b if b.leads() => (b.word(), "", ""),
        b => ("", "", b.word()),
    };
    let (factor, base) = split_magnitude(unit);
    let (number, prefix) = match own_hundredths(value).and_then(|own| in_magnitude(own, factor)) {
        Some((final_hundredths, size)) => {
            // The step of the final figure's last decimal, in hundredths.
            let step = [100, 10, 1]
                .into_iter()
                .find(|s| final_hundredths % s == 0)
                .unwrap_or(1);
            let now = if t >= 1.0 {
                final_hundredths
            } else {
                // Never past the final figure: |now| ≤ |final| in whole steps.
                ((final_hundredths / step) as f64 * t.max(0.0)).round() as i64 * step
            };
            (digits::hundredths_text(now), magnitude_prefix(size))
        }
        // More than two decimals (which a data file cannot hold) or beyond
        // 64 bits: the editor's unit, rounded as `number` rounds.
        None => (number(value * t.clamp(0.0, 1.0)), magnitude_prefix(factor)),
    };
    Quantity {
        lead: lead.to_string(),
        number,
        unit: format!("{prefix}{more}{base}{suffix}"),
    }
}

/// An item's plan as a plan is written, counted `t` of the way up: its
/// qualifier (`5%左右`), a range (`6%—7%`), a decrease (`降低2.5%左右`).
pub fn plan_quantity(item: &Item, t: f64) -> Quantity {
    let low = stated(item, item.plan.unwrap_or(0.0), t, item.bound);
    match item.plan_to {
        Some(to) => {
            let high = stated(item, to, t, Bound::Exact);
            Quantity {
                lead: low.lead,
                number: format!(
                    "{}{}{}{}",
                    low.number,
                    low.unit,
                    item.range_word.word(),
                    high.number
                ),
                unit: high.unit,
            }
        }
        None => low,
    }
}

/// An item's result, counted `t` of the way up: exact, but for a result
/// given alone, whose qualifier it is (`50多个`).
pub fn result_quantity(item: &Item, t: f64) -> Quantity {
    let bound = if item.plan.is_some() {
        Bound::Exact
    } else {
        item.bound
    };
    stated(item, item.result.unwrap_or(0.0), t, bound)
}

/// The figure an item shows, counted `t` of the way up: its result when
/// known, else its plan.
pub fn shown_quantity(item: &Item, t: f64) -> Quantity {
    if item.result.is_some() {
        result_quantity(item, t)
    } else {
        plan_quantity(item, t)
    }
}

/// An item's figure as a chart prints it, counted `t` of the way up: the
/// result with the plan in brackets, each in its own words
/// (`5.2%（目标5%左右）`), else the one figure given.
pub fn item_text(item: &Item, t: f64) -> String {
    match (item.result, item.plan) {
        (Some(_), Some(_)) => format!(
            "{}（目标{}）",
            result_quantity(item, t),
            plan_quantity(item, t)
        ),
        _ => shown_quantity(item, t).to_string(),
    }
}

/// A series' result counted `t` of the way up, to `places` decimals when
/// it stands alone ([`result_places`]); beside a plan, as written.
pub fn series_result(item: &Item, t: f64, places: usize) -> Quantity {
    let mut q = result_quantity(item, t);
    if item.plan.is_none() {
        q.number = padded(q.number, places);
    }
    q
}

/// The decimals to print a series' results to: as many as the most
/// precise result given alone (`7.0` beside `7.4`).
pub fn result_places(items: &[Item]) -> usize {
    items
        .iter()
        .filter(|i| i.result.is_some() && i.plan.is_none())
        .map(|i| decimals(&shown_quantity(i, 1.0).number))
        .max()
        .unwrap_or(0)
}

/// How many decimals a printed number has.
pub fn decimals(number: &str) -> usize {
    number
        .bytes()
        .position(|b| b == b'.')
        .map_or(0, |i| number.len() - i - 1)
}

/// `number` with trailing zeros up to `places` decimals: `7` → `7.0`.
pub fn padded(mut number: String, places: usize) -> String {
    let have = decimals(&number);
    if have < places
        && number
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'-'))
    {
        if have == 0 {
            number.push('.');
        }
        number.extend(std::iter::repeat_n('0', places - have));
    }
    number
}

/// One of an item's figures in its unit, as a decrease is written: the
/// word, then the figure without a sign (`降低2.5%`).
fn stated(item: &Item, value: f64, t: f64, bound: Bound) -> Quantity {
    match item.decrease {
        Some(word) => {
            let mut q = quantity_counted(-value, t, &item.unit, bound);
            q.lead = format!("{}{}", word.word(), q.lead);
            q
        }
        None => quantity_counted(value, t, &item.unit, bound),
    }
}

const WAN: i64 = 10_000;
const YI: i64 = 100_000_000;
const WANYI: i64 = 1_000_000_000_000;

/// A figure in hundredths, exactly, if it has at most two decimals (as
/// finely as its `f64` resolves it): the whole part and the fraction
/// apart, so that no product rounds the decimal the data means.
fn own_hundredths(value: f64) -> Option<i64> {
    if !value.is_finite() || value.abs() >= 9e16 {
        return None;
    }
    let whole = value.trunc();
    let hundredths = (value - whole) * 100.0;
    let resolution = (value.abs() * f64::EPSILON * 400.0).max(1e-6);
    let rounded = hundredths.round();
    ((hundredths - rounded).abs() <= resolution).then(|| whole as i64 * 100 + rounded as i64)
}

/// `own` hundredths of a unit `factor` (1, 万 or 亿) times the base unit,
/// in the largest of 万亿 / 亿 / 万 / the base unit in which it has at most two
/// decimals: its hundredths there and that unit's factor; integers only.
/// `None` if it does not fit 64 bits.
fn in_magnitude(own: i64, factor: i64) -> Option<(i64, i64)> {
    for size in [WANYI, YI, WAN] {
        let there = if factor >= size {
            own.checked_mul(factor / size)
        } else {
            let down = size / factor;
            (own % down == 0).then_some(own / down)
        };
        if let Some(h) = there.filter(|h| h.abs() >= 100) {
            return Some((h, size));
        }
    }
    own.checked_mul(factor).map(|h| (h, 1))
}

/// A share of a whole as a percentage with at most one decimal: `"59.5%"`.
/// A zero or non-finite whole gives `"—"`.
pub fn share(part: f64, whole: f64) -> String {
    if whole == 0.0 || !whole.is_finite() || !part.is_finite() {
        return "—".to_string();
    }
    let pct = (part / whole * 1000.0).round() / 10.0;
    format!("{}%", number(pct))
}

/// Splits a leading 万 or 亿 off a unit: `"万元"` → `(1e4, "元")`.
fn split_magnitude(unit: &str) -> (i64, &str) {
    if let Some(rest) = unit.strip_prefix("万亿") {
        (WANYI, rest)
    } else if let Some(rest) = unit.strip_prefix('亿') {
        (YI, rest)
    } else if let Some(rest) = unit.strip_prefix('万') {
        (WAN, rest)
    } else {
        (1, unit)
    }
}

fn magnitude_prefix(factor: i64) -> &'static str {
    if factor >= WANYI {
        "万亿"
    } else if factor >= YI {
        "亿"
    } else if factor >= WAN {
        "万"
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(v: f64, unit: &str) -> String {
        quantity(v, unit, Bound::Exact).to_string()
    }

    #[test]
    fn percentages_and_floors() {
        assert_eq!(q(6.5, "%"), "6.5%");
        assert_eq!(q(15.0, "%"), "15%");
        assert_eq!(quantity(8.0, "%", Bound::Floor).to_string(), "8%以上");
        assert_eq!(quantity(50.0, "个", Bound::Floor).to_string(), "50个以上");
        assert_eq!(q(-2.25, "%"), "-2.25%");
    }

    #[test]
    fn money_in_yi_and_wan() {
        assert_eq!(q(377.0, "亿元"), "377亿元");
        assert_eq!(q(1.51, "亿元"), "1.51亿元");
        assert_eq!(q(5600.0, "万元"), "5600万元");
        assert_eq!(q(645.0, "万元"), "645万元");
        assert_eq!(q(500.0, "万元"), "500万元");
        assert_eq!(q(15_100.0, "万元"), "1.51亿元");
        assert_eq!(q(4e8, "元"), "4亿元");
        assert_eq!(q(0.5, "万元"), "5000元");
        assert_eq!(q(0.123, "万元"), "0.12万元");
        assert_eq!(q(0.1234567, "万元"), "0.12万元");
    }

    #[test]
    fn counts_use_wan_only_when_round() {
        assert_eq!(q(150_000.0, "只"), "15万只");
        assert_eq!(q(50_000.0, "亩"), "5万亩");
        assert_eq!(q(3800.0, "亩"), "3800亩");
        assert_eq!(q(12_345.0, "只"), "12345只");
        assert_eq!(q(178.0, "人次"), "178人次");
        assert_eq!(q(0.0, "个"), "0个");
    }

    #[test]
    fn never_mixed_forms() {
        // 3亿4500万 must never appear: 3.45亿 is round to two decimals.
        assert_eq!(q(34_500.0, "万元"), "3.45亿元");
        // Not round in 亿 (3.4567), but round in 万: stays in 万.
        assert_eq!(q(34_567.0, "万元"), "34567万元");
    }

    #[test]
    fn shares() {
        assert_eq!(share(119.0, 200.0), "59.5%");
        assert_eq!(share(170.0, 377.0), "45.1%");
        assert_eq!(share(1.0, 0.0), "—");
    }

    #[test]
    fn quantity_split_for_cards() {
        let q = quantity(1.51, "亿元", Bound::Exact);
        assert_eq!(q.number, "1.51");
        assert_eq!(q.unit, "亿元");
        let huge = quantity(1e15, "元", Bound::Exact);
        assert_eq!(huge.to_string(), "1000万亿元");
        assert_eq!(
            quantity(13_000.0, "亿斤", Bound::Above).to_string(),
            "1.3万亿斤以上"
        );
        assert_eq!(
            quantity(13_908.0, "亿斤", Bound::Exact).to_string(),
            "13908亿斤"
        );
        let inf = quantity(f64::INFINITY, "万元", Bound::Exact);
        assert_eq!(inf.to_string(), "—万元");
    }
}
