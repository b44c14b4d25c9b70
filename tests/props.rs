//! No panic, ever: property tests over the loader and the layout.
//!
//! Runs `PROPTEST_CASES` cases per property (256 by default); run longer by
//! hand with, for example, `PROPTEST_CASES=100000 cargo test --test props`.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::disallowed_methods
)]

mod common;

use kazuo_infographic::describe::{summary, table};
use kazuo_infographic::layout::{framed, layout, layout_at, ApproxMeasure, Point, ELLIPSIS};
use kazuo_infographic::model::{load, Bound, Fields, Kind, MAX_VALUE};
use kazuo_infographic::render::to_svg;
use kazuo_infographic::theme::Theme;
use proptest::prelude::*;
use serde_json::{json, Value};

/// Labels of 0 to 200 characters: CJK, Latin, digits, emoji, markup, RTL.
fn label() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "固定资产投资",
        "鑫益州新能源汽车装备制造项目",
        "a",
        "Wide WWW",
        "1.51",
        "🚀",
        "👩‍👩‍👧",
        "<b>x</b>",
        "&amp;",
        " ",
        "مرحبا",
        "，",
        "（注）",
        "\u{200b}",
        "1234567890",
        "ÅÉ",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat().chars().take(200).collect())
}

/// Figures as a data file admits them: up to ±`MAX_VALUE`, at most two
/// decimals (whole hundredths, written as serde_json writes the f64).
fn value() -> impl Strategy<Value = f64> {
    const MAX: i64 = 999_999_999_999_999;
    prop_oneof![
        Just(0),
        Just(100),
        Just(MAX),
        Just(-MAX),
        -MAX..=MAX,
        -10_000i64..10_000,
        0i64..100,
    ]
    .prop_map(hundredths)
}

/// Non-negative figures up to `max` hundredths.
fn positive(max: i64) -> impl Strategy<Value = f64> {
    (0..=max).prop_map(hundredths)
}

fn hundredths(h: i64) -> f64 {
    h as f64 / 100.0
}

#[test]
fn the_largest_generated_figure_is_the_largest_admitted() {
    assert_eq!(hundredths(999_999_999_999_999), MAX_VALUE);
}

/// An item: a figure with any qualifier, a range, a decrease, or a target
/// in words (some are refused, such as 多 on a percentage, and skipped).
fn item() -> impl Strategy<Value = Value> {
    let bounds: Vec<&str> = Bound::ALL.iter().map(|b| b.name()).collect();
    (
        label(),
        prop::sample::select(vec!["%", "亿元", "万元", "个", "人次", ""]),
        value(),
        prop::option::of(value()),
        prop::sample::select(bounds),
        any::<bool>(),
        0u8..8,
        positive(99_999),
        prop::sample::select(vec![None, Some("甲"), Some("乙"), Some("丙")]),
    )
        .prop_map(|(label, unit, plan, result, bound, highlight, shape, spread, group)| {
            let mut item = json!({
                "label": label, "unit": unit, "plan": plan, "result": result,
                "bound": bound, "highlight": highlight,
                "group": group, "note": if bound != "exact" { Some("预计") } else { None },
            });
            match shape {
                // A range from the plan up.
                0 => {
                    item["bound"] = json!("exact");
                    item["range_word"] = json!(["—", "～", "至"][(spread * 100.0).round() as usize % 3]);
                    item["plan_to"] = json!(hundredths((plan * 100.0).round() as i64 + (spread * 100.0).round() as i64 + 1).min(MAX_VALUE));
                }
                // A decrease: its figures written positive.
                1 => {
                    item["decrease"] = json!("降低");
                    item["plan"] = json!(plan.abs());
                    item["result"] = json!(result.map(f64::abs));
                }
                // A target in words.
                2 => item = json!({ "label": item["label"].clone(), "text": "和经济增长同步", "highlight": highlight }),
                _ => {}
            }
            item
        })
}

/// Any chart the schema admits, of every declared kind, with 0, 1 or up to
/// 500 items; each written with the fields its declaration names.
fn chart() -> impl Strategy<Value = Value> {
    let count = prop_oneof![Just(0usize), Just(1usize), 2usize..12, Just(500usize)];
    (prop::sample::select(Kind::ALL.to_vec()), count, label(), item(), prop::collection::vec(item(), 0..12), any::<bool>())
        .prop_flat_map(|(kind, n, title, first, rest, yearly)| {
            let mut items: Vec<Value> = std::iter::once(first).chain(rest).cycle().take(n).collect();
            // Periods over years, some with their average growth stated.
            if kind.spec().takes.periods && yearly {
                for (k, item) in items.iter_mut().enumerate() {
                    item["label"] = json!(format!("{}年", 1990 + k));
                }
            }
            let measures = prop::collection::vec((label(), positive(999_999_999_999_999), prop::collection::vec(positive(99_999_999_999_999), 1..3)), 0..4);
            (Just(kind), Just(title), Just(items), measures, Just(yearly))
        })
        .prop_map(|(kind, title, items, measures, yearly)| {
            let mut chart = json!({
                "id": "c", "kind": kind.name(), "title": title.clone(), "subtitle": title.clone(),
                "source": title, "notes": ["注"],
            });
            if kind.spec().fields == Fields::Parts {
                let parts = measures.first().map_or(1, |m| m.2.len());
                chart["part_labels"] = json!(vec!["部分"; parts]);
                chart["rest_label"] = json!("其余");
                chart["measures"] = measures
                    .into_iter()
                    .map(|(label, whole, parts_v)| json!({"label": label, "unit": "个", "whole": whole, "parts": parts_v}))
                    .collect();
            } else {
                chart["items"] = Value::Array(items);
            }
            if kind.spec().takes.periods && yearly {
                chart["average_growth"] = json!(true);
            }
            chart
        })
}

proptest! {
    // Cases from PROPTEST_CASES (default 256); failures are printed, not saved.
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_admitted_chart_lays_out_at_any_width(chart in chart(), width in prop_oneof![Just(1.0), Just(4000.0), 1.0..4000.0f64], t in 0.0..1.0f64) {
        let doc = json!({"publication": "p", "updated": "u", "charts": [chart]});
        let bytes = serde_json::to_vec(&doc).unwrap();
        let loaded = load(&bytes).unwrap();
        let theme = Theme::light();
        for entry in &loaded.charts {
            let chart = match &entry.chart {
                Ok(chart) => chart,
                // Refused for its labels or shape, never for its figures:
                // every generated figure is one a data file admits.
                Err(problems) => {
                    for p in problems {
                        let message = p.to_string();
                        prop_assert!(!message.contains("两位小数") && !message.contains("超出范围"), "{}", message);
                    }
                    continue;
                }
            };
            let scene = layout(chart, width, &ApproxMeasure, &theme);
            prop_assert!(scene.height.is_finite() && scene.height >= 1.0);
            for text in scene.texts() {
                let b = text.bounds();
                let inside = b.x >= -0.5 && b.right() <= width + 0.5;
                prop_assert!(
                    inside || text.text.ends_with(ELLIPSIS),
                    "{:?} at {:?} outside {} px", text.text, b, width
                );
            }
            let _ = scene.hit(Point { x: width / 2.0, y: 10.0 });
            // Every frame of the entrance keeps its texts inside too.
            for text in layout_at(chart, width, &ApproxMeasure, &theme, t).texts() {
                let b = text.bounds();
                let inside = b.x >= -0.5 && b.right() <= width + 0.5;
                prop_assert!(
                    inside || text.text.ends_with(ELLIPSIS),
                    "{:?} at {:?} outside {} px at t = {}", text.text, b, width, t
                );
            }
            let _ = framed(chart, width, &ApproxMeasure, &theme);
            let _ = summary(chart);
            let _ = table(chart);
            prop_assert!(to_svg(&scene, &theme.font_family).is_ok());
        }
    }

    #[test]
    fn the_loader_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = load(&bytes);
    }

    #[test]
    fn the_loader_never_panics_on_a_mangled_data_file(cuts in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let mut bytes = std::fs::read(common::DATA).unwrap();
        for (at, byte) in cuts {
            let i = at.index(bytes.len());
            match byte % 3 {
                0 => bytes[i] = byte,
                1 => { bytes.remove(i); }
                _ => bytes.insert(i, byte),
            }
        }
        if let Ok(doc) = load(&bytes) {
            let theme = Theme::light();
            for chart in doc.charts.iter().filter_map(|c| c.chart.as_ref().ok()) {
                let _ = layout(chart, 390.0, &ApproxMeasure, &theme);
            }
        }
    }
}
