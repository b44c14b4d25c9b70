//! Layout invariants of every bundled chart at phone and desktop widths.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::disallowed_methods
)]

mod common;

use kazuo_infographic::layout::{layout, layout_at, ApproxMeasure, Scene, Shape, NARROW};
use kazuo_infographic::model::load;
use kazuo_infographic::theme::Theme;

#[test]
fn every_label_inside_the_canvas() {
    for (chart, w, scene) in common::scenes() {
        let id = &chart.id;
        assert_eq!(scene.width, w);
        for t in scene.texts() {
            let b = t.bounds();
            assert!(
                b.x >= -0.01
                    && b.right() <= w + 0.01
                    && b.y >= -0.01
                    && b.bottom() <= scene.height + 0.01,
                "{id} at {w}px: {:?} at {b:?} outside {w}x{}",
                t.text,
                scene.height
            );
            assert!(
                t.size >= 12.0,
                "{id} at {w}px: {:?} is {}px",
                t.text,
                t.size
            );
        }
    }
}

#[test]
fn no_two_labels_overlap() {
    for (chart, w, scene) in common::scenes() {
        let id = &chart.id;
        let texts: Vec<_> = scene.texts().collect();
        for (i, a) in texts.iter().enumerate() {
            for b in texts.iter().skip(i + 1) {
                assert!(
                    !a.bounds().overlaps(&b.bounds()),
                    "{id} at {w}px: {:?} {:?} overlaps {:?} {:?}",
                    a.text,
                    a.bounds(),
                    b.text,
                    b.bounds()
                );
            }
        }
    }
}

#[test]
fn every_shape_inside_the_canvas() {
    for (chart, w, scene) in common::scenes() {
        let id = &chart.id;
        for placed in &scene.shapes {
            let shape = &placed.shape;
            let (x0, x1, y0, y1) = match shape {
                Shape::Rect { rect, .. } => (rect.x, rect.right(), rect.y, rect.bottom()),
                Shape::Line { from, to, .. } => (
                    from.x.min(to.x),
                    from.x.max(to.x),
                    from.y.min(to.y),
                    from.y.max(to.y),
                ),
                Shape::Polygon { points, .. } => points.iter().fold(
                    (f64::MAX, f64::MIN, f64::MAX, f64::MIN),
                    |(a, b, c, d), p| (a.min(p.x), b.max(p.x), c.min(p.y), d.max(p.y)),
                ),
                Shape::Text(_) => continue,
            };
            assert!(
                x0 >= -1.0 && x1 <= w + 1.0 && y0 >= -1.0 && y1 <= scene.height + 1.0,
                "{id} at {w}px: {shape:?} outside"
            );
        }
    }
}

#[test]
fn every_figure_is_printed_and_has_a_mark() {
    for (chart, w, scene) in common::scenes() {
        let expected = common::figures(&chart);
        // Cards print number and unit as two texts; bars as one.
        let printed: String = scene
            .texts()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join("|");
        let joined: String = scene.texts().map(|t| t.text.as_str()).collect();
        for figure in &expected {
            assert!(
                printed.contains(figure.as_str()) || joined.contains(figure.as_str()),
                "{} at {w}px does not print {figure}: {printed}",
                chart.id
            );
            assert!(
                scene
                    .marks
                    .iter()
                    .any(|m| m.value.contains(figure.as_str())),
                "{} at {w}px has no mark for {figure}",
                chart.id
            );
        }
        for m in &scene.marks {
            assert!(
                m.hit.w > 0.0 && m.hit.h > 0.0,
                "{}: empty hit area {m:?}",
                chart.id
            );
        }
    }
}

#[test]
fn narrow_widths_reflow_instead_of_shrinking() {
    let theme = Theme::light();
    let chart = common::chart("targets");
    let phone = layout(&chart, 358.0, &ApproxMeasure, &theme);
    let desk = layout(&chart, 648.0, &ApproxMeasure, &theme);
    const { assert!(358.0 < NARROW && 648.0 >= NARROW) };
    let first_label = |s: &Scene| {
        s.texts()
            .find(|t| t.text == "固定资产投资")
            .unwrap()
            .clone()
    };
    let value = |s: &Scene| s.texts().find(|t| t.text == "15%").unwrap().clone();
    // On a phone the label sits above its bar; on a desktop beside it.
    assert!(first_label(&phone).y < value(&phone).y - 10.0);
    assert!((first_label(&desk).y - value(&desk).y).abs() < 1.0);
    // Same type size at both widths: the layout changes, the text does not shrink.
    assert_eq!(first_label(&phone).size, first_label(&desk).size);
    assert!(phone.height > desk.height);

    let cards = common::chart("technology");
    let columns = |w: f64| {
        let s = layout(&cards, w, &ApproxMeasure, &theme);
        let top = s.marks.first().unwrap().hit.y;
        s.marks
            .iter()
            .filter(|m| (m.hit.y - top).abs() < 0.5)
            .count()
    };
    // The first group has seven cards: two columns on a phone, at most four.
    assert_eq!(columns(320.0), 2);
    assert_eq!(columns(768.0), 4);
    assert_eq!(columns(1200.0), 4);
}

#[test]
fn bars_are_proportional_to_their_values() {
    let theme = Theme::light();
    let chart = common::chart("q1-starts");
    for w in common::WIDTHS {
        let scene = layout(&chart, w, &ApproxMeasure, &theme);
        let bars = common::bar_widths(&scene);
        assert_eq!(bars.len(), 2, "{bars:?}");
        let ratio = bars[0] / bars[1];
        assert!(
            (ratio - 25.0 / 3.0).abs() < 0.01,
            "25亿 : 3亿 drawn as {ratio}"
        );
    }
}

/// A target chart with results in, a fall and a floor, as next year's file may have.
const WITH_RESULTS: &str = r#"{"publication":"喀左时讯","updated":"2025年1月","charts":[
 {"id":"t","kind":"target","title":"t","subtitle":"s","source":"x","items":[
  {"label":"地区生产总值","unit":"%","plan":6.5,"result":7.1},
  {"label":"进出口总额","unit":"%","plan":8,"bound":"floor","result":9.4,"highlight":true},
  {"label":"一般公共预算收入","unit":"%","plan":10,"result":-3.2},
  {"label":"社会消费品零售总额","unit":"%","plan":-2,"result":null}]},
 {"id":"b","kind":"bars","title":"t","subtitle":"s","source":"x","items":[
  {"label":"甲","unit":"亿元","plan":-4},{"label":"乙","unit":"亿元","result":12.5}]}]}"#;

#[test]
fn results_falls_and_floors_keep_the_invariants() {
    let doc = kazuo_infographic::model::load(WITH_RESULTS.as_bytes()).unwrap();
    let theme = Theme::light();
    for entry in &doc.charts {
        let chart = entry.chart.as_ref().unwrap();
        for w in common::WIDTHS {
            let scene = layout(chart, w, &ApproxMeasure, &theme);
            let texts: Vec<_> = scene.texts().collect();
            for (i, a) in texts.iter().enumerate() {
                let b = a.bounds();
                assert!(
                    b.x >= -0.01 && b.right() <= w + 0.01,
                    "{} at {w}px: {:?} outside: {b:?}",
                    chart.id,
                    a.text
                );
                for other in texts.iter().skip(i + 1) {
                    assert!(
                        !b.overlaps(&other.bounds()),
                        "{:?} overlaps {:?}",
                        a.text,
                        other.text
                    );
                }
            }
            let printed: Vec<&str> = texts.iter().map(|t| t.text.as_str()).collect();
            if chart.id == "t" {
                assert!(
                    printed.contains(&"实际"),
                    "legend shown once results are in: {printed:?}"
                );
                assert!(printed.contains(&"9.4%（目标8%以上）"), "{printed:?}");
                assert!(printed.contains(&"-3.2%（目标10%）"), "{printed:?}");
                assert!(printed.contains(&"-2%"), "{printed:?}");
            } else {
                assert!(
                    printed.contains(&"-4亿元") && printed.contains(&"12.5亿元"),
                    "{printed:?}"
                );
            }
        }
    }
}

#[test]
fn degenerate_widths_do_not_panic() {
    let theme = Theme::light();
    for chart in common::charts() {
        for w in [0.0, 1.0, 40.0, 4000.0, f64::NAN, f64::INFINITY, -5.0] {
            let s = layout(&chart, w, &ApproxMeasure, &theme);
            assert!(s.width >= 1.0 && s.height >= 1.0);
        }
    }
}

/// Found by the 100,000-case property run: figures as long as the scale's
/// whole room once pushed a target's negative figure past the canvas.
#[test]
fn figures_wider_than_the_room_stay_inside() {
    let data = r#"{"publication":"p","updated":"u","charts":[{"id":"c","kind":"target",
      "title":"t","subtitle":"s","source":"x","items":[{"label":"Wide WWWa","unit":"人次",
      "plan":-9999999999999.99,"result":-6543976671613.41,"bound":"floor","note":"预计"}]}]}"#;
    let doc = load(data.as_bytes()).unwrap();
    let chart = doc.charts[0].chart.as_ref().unwrap();
    for width in [320.0, 504.914_526_159_011_36, 700.0] {
        for t in [0.3, 0.600_470_069_963_195_6, 1.0] {
            let scene = layout_at(chart, width, &ApproxMeasure, &Theme::light(), t);
            for text in scene.texts() {
                let b = text.bounds();
                assert!(
                    b.x >= -0.5 && b.right() <= width + 0.5,
                    "{:?} at {b:?} outside {width} px at t = {t}",
                    text.text
                );
            }
        }
    }
}

/// Found by the 10,000-case property run: a grouped chart's figures were
/// printed past a 1 px canvas instead of being shortened.
#[test]
fn grouped_figures_stay_inside_at_any_width() {
    let data = r#"{"publication":"p","updated":"u","charts":[{"id":"c","kind":"grouped",
      "title":"t","subtitle":"s","source":"x","items":[
      {"label":"Wide WWW项目","group":"甲","unit":"人次","plan":0.9,"result":0.6},
      {"label":"鑫益州新能源汽车装备制造项目","group":"丙","unit":"人次","plan":9999999999999.99,
       "result":0.99,"decrease":"降低"}]}]}"#;
    let doc = load(data.as_bytes()).unwrap();
    let chart = doc.charts[0].chart.as_ref().unwrap();
    for width in [1.0, 40.0, 120.0, 320.0] {
        for t in [0.3, 0.615, 1.0] {
            let scene = layout_at(chart, width, &ApproxMeasure, &Theme::light(), t);
            for text in scene.texts() {
                let b = text.bounds();
                assert!(
                    (b.x >= -0.5 && b.right() <= width + 0.5) || text.text.ends_with('…'),
                    "{:?} at {b:?} outside {width} px at t = {t}",
                    text.text
                );
            }
        }
    }
}
