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
use kazuo_infographic::model::{load, MAX_FIGURE};
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

/// Values from 0 to the largest a data file admits (`MAX_FIGURE`), negative
/// where the schema allows it.
fn value() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        Just(1.0),
        Just(MAX_FIGURE),
        Just(-MAX_FIGURE),
        -MAX_FIGURE..MAX_FIGURE,
        -100.0..100.0f64,
        0.0..1.0f64,
    ]
}

fn item() -> impl Strategy<Value = Value> {
    (label(), prop::sample::select(vec!["%", "亿元", "万元", "个", "人次", ""]), value(), prop::option::of(value()), any::<bool>(), any::<bool>())
        .prop_map(|(label, unit, plan, result, floor, highlight)| {
            json!({
                "label": label, "unit": unit, "plan": plan, "result": result,
                "bound": if floor { "floor" } else { "exact" }, "highlight": highlight,
                "group": if highlight { Some("组") } else { None }, "note": if floor { Some("预计") } else { None },
            })
        })
}

/// Any chart the schema admits, of any kind, with 0, 1 or up to 500 items.
fn chart() -> impl Strategy<Value = Value> {
    let count = prop_oneof![Just(0usize), Just(1usize), 2usize..12, Just(500usize)];
    (prop::sample::select(vec!["bars", "target", "cards", "part"]), count, label(), item(), prop::collection::vec(item(), 0..12))
        .prop_flat_map(|(kind, n, title, first, rest)| {
            let items: Vec<Value> = std::iter::once(first).chain(rest).cycle().take(n).collect();
            let measures = prop::collection::vec((label(), 0.0..MAX_FIGURE, prop::collection::vec(0.0..MAX_FIGURE / 10.0, 1..3)), 0..4);
            (Just(kind), Just(title), Just(items), measures)
        })
        .prop_map(|(kind, title, items, measures)| {
            let mut chart = json!({
                "id": "c", "kind": kind, "title": title.clone(), "subtitle": title.clone(),
                "source": title, "notes": ["注"],
            });
            if kind == "part" {
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
            let Ok(chart) = &entry.chart else { continue };
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
            let _ = layout_at(chart, width, &ApproxMeasure, &theme, t);
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
