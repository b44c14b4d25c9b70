//! Figures over time: columns, a line for many periods, a gap that is no
//! zero, negative figures, plans beside results, the average growth, and
//! the same words in chart, tips, summary and table.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::disallowed_methods
)]

mod common;

use kazuo_infographic::describe::{summary, table};
use kazuo_infographic::layout::{layout, ApproxMeasure, Scene, Shape};
use kazuo_infographic::model::{load, Body, Chart};
use kazuo_infographic::render::to_svg;
use kazuo_infographic::theme::Theme;
use proptest::prelude::*;

const GDP: [f64; 10] = [7.4, 7.0, 6.8, 6.9, 6.7, 6.0, 2.2, 8.4, 3.0, 5.2];

fn series(items: &str, extra: &str) -> Chart {
    let data = format!(
        r#"{{"publication": "P", "updated": "U", "charts": [{{"id": "s", "kind": "series",
        "title": "t", "subtitle": "s", "source": "S"{extra}, "items": [{items}]}}]}}"#
    );
    let doc = load(data.as_bytes()).unwrap_or_else(|p| panic!("{p:?}"));
    doc.charts[0]
        .chart
        .clone()
        .unwrap_or_else(|p| panic!("{p:?}"))
}

fn years(values: &[Option<f64>], unit: &str) -> String {
    values
        .iter()
        .enumerate()
        .map(|(k, v)| {
            let v = v.map_or("null".to_string(), |v| v.to_string());
            format!(
                r#"{{"label": "{}年", "unit": "{unit}", "result": {v}}}"#,
                2014 + k
            )
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn gdp() -> Chart {
    let values: Vec<Option<f64>> = GDP.iter().map(|v| Some(*v)).collect();
    series(&years(&values, "%"), r#", "average_growth": true"#)
}

fn printed(scene: &Scene) -> Vec<String> {
    scene.texts().map(|t| t.text.clone()).collect()
}

#[test]
fn every_figure_is_printed_at_every_width_and_stays_inside() {
    let chart = gdp();
    for width in [320.0, 360.0, 390.0, 768.0, 1200.0] {
        let scene = layout(&chart, width, &ApproxMeasure, &Theme::light());
        let texts = printed(&scene);
        for v in GDP {
            // With the unit where it fits, the bare number where it does not
            // (the subtitle names the unit).
            let bare = format!("{v:.1}");
            assert!(
                texts.iter().any(|t| *t == bare || *t == format!("{bare}%")),
                "{width}px: {bare} not printed: {texts:?}"
            );
        }
        common::assert_texts_inside(&scene, width);
        // The latest period is always named under the plot.
        assert!(texts.iter().any(|t| t == "2023年"), "{texts:?}");
        assert_eq!(scene.marks.len(), 10);
        assert_eq!(scene.marks[9].value, "5.2%");
    }
}

#[test]
fn the_average_growth_is_computed_and_its_formula_noted() {
    let chart = gdp();
    let Body::Series(s) = &chart.body else {
        panic!("a series")
    };
    let product: f64 = GDP.iter().map(|g| 1.0 + g / 100.0).product();
    let expected = (product.powf(1.0 / 10.0) - 1.0) * 100.0;
    assert!((s.average_growth().unwrap() - expected).abs() < 1e-9);
    let scene = layout(&chart, 390.0, &ApproxMeasure, &Theme::light());
    assert!(printed(&scene).contains(&"2014—2023年年均增长5.9%".to_string()));
    assert!(
        summary(&chart).contains("年均增长5.9%"),
        "{}",
        summary(&chart)
    );
    assert!(
        chart.notes.iter().any(|n| n.contains("几何平均")),
        "{:?}",
        chart.notes
    );
    // Levels: from the first result to the last.
    let levels = series(
        &years(&[Some(100.0), None, Some(121.0)], "亿元"),
        r#", "average_growth": true"#,
    );
    let Body::Series(s) = &levels.body else {
        panic!("a series")
    };
    assert!((s.average_growth().unwrap() - 10.0).abs() < 1e-9);
    // Over the years between, not the periods listed: 2019年 to 2023年 is 4.
    let spaced = series(
        r#"{"label": "2019年", "unit": "亿元", "result": 100},
           {"label": "2023年", "unit": "亿元", "result": 146.41}"#,
        r#", "average_growth": true"#,
    );
    let Body::Series(s) = &spaced.body else {
        panic!("a series")
    };
    assert!((s.average_growth().unwrap() - 10.0).abs() < 1e-9);
    assert!(levels.notes.iter().any(|n| n.contains("首末两年")));
}

#[test]
fn a_missing_period_is_a_gap_not_a_zero() {
    let chart = series(&years(&[Some(3.0), None, Some(-1.5), Some(2.0)], "%"), "");
    let scene = layout(&chart, 390.0, &ApproxMeasure, &Theme::light());
    let gap = &scene.marks[1];
    assert_eq!(gap.value, "—");
    assert_eq!(gap.note.as_deref(), Some("无数据"));
    // No column is drawn for the gap.
    let rects = scene
        .shapes
        .iter()
        .filter(|p| p.mark == Some(1) && matches!(p.shape, Shape::Rect { .. }))
        .count();
    assert_eq!(rects, 0);
    assert!(
        summary(&chart).contains("2015年无数据"),
        "{}",
        summary(&chart)
    );
    let rows = table(&chart).rows;
    assert_eq!(rows[1], ["2015年", "—", "无数据"]);
    // The negative figure is drawn below the zero line, printed with its sign.
    let column = |i: usize| {
        scene
            .shapes
            .iter()
            .find_map(|p| match (&p.shape, p.mark == Some(i)) {
                (Shape::Rect { rect, .. }, true) => Some(*rect),
                _ => None,
            })
            .unwrap()
    };
    assert!(column(2).y >= column(0).bottom() - 0.01, "below zero");
    assert!(printed(&scene).iter().any(|t| t == "-1.5%" || t == "-1.5"));
}

#[test]
fn many_periods_are_a_line_and_plans_sit_beside_results() {
    let values: Vec<Option<f64>> = (0..24).map(|m| Some(f64::from(m % 7) + 1.0)).collect();
    let chart = series(&years(&values, "%"), "");
    let scene = layout(&chart, 768.0, &ApproxMeasure, &Theme::light());
    let lines = scene
        .shapes
        .iter()
        .filter(|p| matches!(p.shape, Shape::Line { .. }) && p.mark.is_some())
        .count();
    assert_eq!(lines, 23, "a segment between each pair of periods");
    let items = r#"{"label": "2023年", "unit": "%", "plan": 5, "bound": "左右", "result": 5.2},
                   {"label": "2024年", "unit": "%", "plan": 5, "bound": "左右"}"#;
    let chart = series(items, "");
    let scene = layout(&chart, 390.0, &ApproxMeasure, &Theme::light());
    assert_eq!(scene.marks[0].value, "5.2%（目标5%左右）");
    assert_eq!(scene.marks[1].value, "5%左右");
    assert_eq!(table(&chart).rows[1], ["2024年", "5%左右", "—", ""]);
    let texts = printed(&scene);
    assert!(texts.contains(&"目标".to_string()) && texts.contains(&"实际".to_string()));
    assert!(to_svg(&scene, "sans-serif").unwrap().contains("5%左右"));
}

#[test]
fn a_series_refuses_what_it_cannot_draw() {
    let load_err = |items: &str, extra: &str| {
        let data = format!(
            r#"{{"publication": "P", "updated": "U", "charts": [{{"id": "s", "kind": "series",
            "title": "t", "subtitle": "s", "source": "S"{extra}, "items": [{items}]}}]}}"#
        );
        common::first_chart_problems(&data)
    };
    let none = load_err(&years(&[None, None], "%"), "");
    assert!(none.contains("至少要有一期数值"), "{none}");
    let one = load_err(
        &years(&[Some(1.0), None], "%"),
        r#", "average_growth": true"#,
    );
    assert!(one.contains("年均增长需要至少两年"), "{one}");
    // 年均 is a yearly average: quarters, months or years out of order
    // are refused, and so are growth rates with a year missing.
    for labels in [
        ["2024年一季度", "2024年二季度"],
        ["2024年1月", "2024年2月"],
        ["2023年", "2022年"],
        ["二〇二二年", "二〇二三年"],
    ] {
        let items = labels
            .iter()
            .map(|l| format!(r#"{{"label": "{l}", "unit": "%", "result": 3}}"#))
            .collect::<Vec<_>>()
            .join(",");
        let problems = load_err(&items, r#", "average_growth": true"#);
        assert!(
            problems.contains("年均增长只用于逐年的数据"),
            "{labels:?}: {problems}"
        );
    }
    let gap = load_err(
        &years(&[Some(3.0), None, Some(2.0)], "%"),
        r#", "average_growth": true"#,
    );
    assert!(gap.contains("首末两年之间每年都有实际数值"), "{gap}");
    let falling = load_err(
        &years(&[Some(0.0), Some(2.0)], "亿元"),
        r#", "average_growth": true"#,
    );
    assert!(falling.contains("首末两年的实际数值须大于 0"), "{falling}");
    let words = load_err(r#"{"label": "2024年", "text": "同步"}"#, "");
    assert!(words.contains("series 图表的每一项都要有数值"), "{words}");
    let mixed = load_err(
        r#"{"label": "a", "unit": "%", "result": 1}, {"label": "b", "unit": "亿元", "result": 2}"#,
        "",
    );
    assert!(mixed.contains("单位必须一致"), "{mixed}");
}

/// Quarters and months are periods like years: named under the plot,
/// highlighted, and a falling result's figure sits under its column even
/// beside a rising plan.
#[test]
fn quarters_and_months_highlight_and_a_fall_beside_a_plan() {
    let quarters = series(
        r#"{"label": "2024年一季度", "unit": "%", "plan": 5, "result": -1.2},
           {"label": "2024年二季度", "unit": "%", "plan": 5, "result": 3.4, "highlight": true},
           {"label": "2024年三季度", "unit": "%", "plan": 5.5}"#,
        "",
    );
    let theme = Theme::light();
    for width in [320.0, 390.0, 1200.0] {
        let scene = layout(&quarters, width, &ApproxMeasure, &theme);
        let texts = printed(&scene);
        for name in ["2024年一季度", "2024年二季度", "2024年三季度"] {
            assert!(
                texts.iter().any(|t| t == name),
                "{width}: {name} in {texts:?}"
            );
        }
        // The highlighted period: its figure and its result in the accent.
        let figure = scene
            .texts()
            .find(|t| t.text == "3.4%（目标5%）")
            .unwrap_or_else(|| panic!("{texts:?}"));
        assert_eq!(figure.color, theme.accent);
        let others = scene.texts().find(|t| t.text == "-1.2%（目标5%）").unwrap();
        assert_eq!(others.color, theme.text);
        let accent_fills = scene
            .shapes
            .iter()
            .filter(|p| matches!(p.shape, Shape::Rect { fill: Some(c), .. } if c == theme.accent))
            .count();
        assert_eq!(accent_fills, 1, "{width}: one accent column");
        // The falling result's figure lies below its column's bottom.
        let bottom = scene
            .shapes
            .iter()
            .filter_map(|p| match &p.shape {
                Shape::Rect {
                    rect,
                    fill: Some(c),
                    ..
                } if *c == theme.base => Some(rect.y + rect.h),
                _ => None,
            })
            .fold(0.0, f64::max);
        let top = others.bounds().y;
        assert!(
            top >= bottom,
            "{width}: the figure from {top} is over the column to {bottom}"
        );
    }
    // Months, many of them: a line, the names never touching.
    let months: Vec<String> = (0..13)
        .map(|k| {
            let (y, m) = if k == 0 { (2023, 12) } else { (2024, k) };
            let hl = if k == 12 {
                r#", "highlight": true"#
            } else {
                ""
            };
            format!(
                r#"{{"label": "{y}年{m}月", "unit": "%", "result": {}{hl}}}"#,
                k as f64 - 4.5
            )
        })
        .collect();
    let chart = series(&months.join(","), "");
    for width in [320.0, 390.0, 768.0, 1200.0] {
        let scene = layout(&chart, width, &ApproxMeasure, &theme);
        let mut names: Vec<(f64, f64)> = scene
            .texts()
            .filter(|t| t.text.ends_with('月'))
            .map(|t| (t.bounds().x, t.bounds().x + t.bounds().w))
            .collect();
        names.sort_by(|a, b| a.0.total_cmp(&b.0));
        assert!(names.len() >= 2, "{width}: {names:?}");
        for pair in names.windows(2) {
            assert!(
                pair[1].0 - pair[0].1 >= 4.0,
                "{width}: period names touch: {names:?}"
            );
        }
        assert!(printed(&scene).contains(&"2024年12月".to_string()));
    }
}

proptest! {
    /// The `n`th root (no `powf` in the wasm module) against `powf`.
    #[test]
    fn the_nth_root_agrees_with_powf(h in 1i64..100_000, n in 1usize..60) {
        let x = h as f64 / 100.0;
        let values = vec![Some(x); n + 1];
        let chart = series(&years(&values.iter().enumerate().map(|(k, v)| if k == 0 { Some(1.0) } else { *v }).collect::<Vec<_>>(), "亿元"), r#", "average_growth": true"#);
        let Body::Series(s) = &chart.body else { panic!("a series") };
        // Levels from 1 to x over n periods.
        let expected = (x.powf(1.0 / n as f64) - 1.0) * 100.0;
        let got = s.average_growth().unwrap();
        prop_assert!((got - expected).abs() <= 1e-9 * expected.abs().max(1.0), "{} vs {}", got, expected);
    }
}
