//! Figures print as the decimal the data means, at every magnitude a data
//! file admits (±`MAX_VALUE`, two decimals): `format::quantity` and
//! `format::number` against a reference that never touches an `f64`, the
//! figure kept as its decimal text and integer hundredths.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods,
    clippy::indexing_slicing
)]

use kazuo_infographic::format::{number, quantity, quantity_counted};
use kazuo_infographic::model::{load, Bound, MAX_VALUE};
use proptest::prelude::*;

/// A figure as an editor writes it: sign, up to 13 integer digits, up to
/// two decimals; with its value in hundredths.
fn figure() -> impl Strategy<Value = (String, i128)> {
    (any::<bool>(), 0u64..10_000_000_000_000, 0u8..3, 0u8..100).prop_map(
        |(negative, int, decimals, frac)| {
            let (text_frac, hundredths_frac) = match decimals {
                0 => (String::new(), 0),
                1 => (format!(".{}", frac / 10), i128::from(frac / 10) * 10),
                _ => (format!(".{frac:02}"), i128::from(frac)),
            };
            let h = i128::from(int) * 100 + hundredths_frac;
            let sign = if negative && h != 0 { "-" } else { "" };
            (
                format!("{sign}{int}{text_frac}"),
                if sign.is_empty() { h } else { -h },
            )
        },
    )
}

/// Hundredths as text: trailing zeros dropped, digits ungrouped (GB/T
/// 15835-2011 5.1.5, as the reports write `13908亿斤`). String work only.
fn text(h: i128) -> String {
    let sign = if h < 0 { "-" } else { "" };
    let digits = h.unsigned_abs().to_string();
    let digits = format!("{digits:0>3}");
    let (int, frac) = digits.split_at(digits.len() - 2);
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    }
}

/// How a newspaper writes `h` hundredths of `unit`: in 万亿, 亿 or 万 where the
/// figure comes out with at most two decimals there.
fn reference(h: i128, unit: &str) -> String {
    let (factor, base) = if let Some(b) = unit.strip_prefix("万亿") {
        (1_000_000_000_000, b)
    } else if let Some(b) = unit.strip_prefix('亿') {
        (100_000_000, b)
    } else if let Some(b) = unit.strip_prefix('万') {
        (10_000, b)
    } else {
        (1, unit)
    };
    let raw = h * factor;
    if raw.abs() >= 100 * 1_000_000_000_000 && raw % 1_000_000_000_000 == 0 {
        format!("{}万亿{base}", text(raw / 1_000_000_000_000))
    } else if raw.abs() >= 100 * 100_000_000 && raw % 100_000_000 == 0 {
        format!("{}亿{base}", text(raw / 100_000_000))
    } else if raw.abs() >= 100 * 10_000 && raw % 10_000 == 0 {
        format!("{}万{base}", text(raw / 10_000))
    } else {
        format!("{}{base}", text(raw))
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn quantities_print_the_decimal_the_data_means(
        (written, h) in figure(),
        unit in prop::sample::select(vec!["元", "万元", "亿元", "万亿元", "个", "%", "亩", "只"]),
    ) {
        let value: f64 = written.parse().unwrap();
        prop_assert_eq!(quantity(value, unit, Bound::Exact).to_string(), reference(h, unit), "{} {}", written, unit);
    }

    #[test]
    fn differences_print_exactly((a, ha) in figure(), (b, hb) in figure()) {
        let (a, b): (f64, f64) = (a.parse().unwrap(), b.parse().unwrap());
        prop_assert_eq!(number(a - b), text(ha - hb));
        prop_assert_eq!(number(a + b), text(ha + hb));
    }

    /// The entrance counts a figure up in the unit the final figure takes,
    /// to its last decimal: never wider than the figure it becomes, and
    /// that figure exactly at the end.
    #[test]
    fn counted_figures_are_never_wider_than_the_final_one(
        (written, h) in figure(),
        unit in prop::sample::select(vec!["元", "万元", "亿元", "万亿元", "%"]),
        t in prop_oneof![Just(0.0), Just(0.999_999), 0.0..1.0f64],
    ) {
        let value: f64 = written.parse().unwrap();
        let end = quantity(value, unit, Bound::Floor);
        let now = quantity_counted(value, t, unit, Bound::Floor);
        prop_assert_eq!(&now.unit, &end.unit);
        prop_assert!(now.number.chars().count() <= end.number.chars().count(), "{} > {}", now.number, end.number);
        let decimals = |n: &str| n.split_once('.').map_or(0, |(_, f)| f.len());
        prop_assert!(decimals(&now.number) <= decimals(&end.number), "{} vs {}", now.number, end.number);
        prop_assert_eq!(quantity_counted(value, 1.0, unit, Bound::Floor), end);
        prop_assert_eq!(reference(h, unit) + "以上", quantity(value, unit, Bound::Floor).to_string());
    }
}

#[test]
fn the_largest_figures_print_exactly() {
    assert_eq!(number(MAX_VALUE), "9999999999999.99");
    assert_eq!(
        quantity(9_999_999_999_999.99, "亿元", Bound::Exact).to_string(),
        "9999999999999.99亿元"
    );
    // Once printed 999,999,999,999,999.84亿元 (a product and a quotient in f64).
    assert_eq!(
        quantity(1e12, "亿元", Bound::Exact).to_string(),
        "100000000万亿元"
    );
    assert_eq!(number(9_999_876_543_210.99 - 0.01), "9999876543210.98");
}

#[test]
fn figures_beyond_the_range_are_refused_where_they_are() {
    let data =
        include_str!("../www/data/kazuo-2024.json").replacen("\"plan\": 15,", "\"plan\": 1e15,", 1);
    // The chart with it is refused where it is; the other charts stand.
    let doc = load(data.as_bytes()).expect("the file loads");
    assert!(doc.chart("targets").is_some_and(|c| c.chart.is_err()));
    assert!(doc.chart("projects").is_some_and(|c| c.chart.is_ok()));
    let text = doc
        .problems()
        .map(|p| p.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(text.contains("数值超出范围"), "{text}");
    assert!(text.contains("items[0].plan"), "{text}");
}
