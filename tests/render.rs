//! Drawing a scene through plotters' SVG backend: the same code path as the canvas.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::disallowed_methods
)]

mod common;

use kazuo_infographic::layout::{layout, ApproxMeasure, Shape};
use kazuo_infographic::render::to_svg;
use kazuo_infographic::theme::Theme;

#[test]
fn svg_has_every_text_and_mark_of_the_scene() {
    let theme = Theme::light();
    for (chart, w, scene) in common::scenes() {
        let svg = to_svg(&scene, &theme.font_family).unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{}: {e}", chart.id));
        let root = doc.root_element();
        assert_eq!(root.attribute("width"), Some(w.to_string().as_str()));
        let texts: Vec<String> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .map(|n| n.text().unwrap_or("").trim().to_string())
            .collect();
        let want: Vec<String> = scene.texts().map(|t| t.text.clone()).collect();
        assert_eq!(texts, want, "{} at {w}px", chart.id);
        let rects = doc.descendants().filter(|n| n.has_tag_name("rect")).count();
        let scene_rects: usize = scene
            .shapes
            .iter()
            .map(|s| match &s.shape {
                Shape::Rect { fill, stroke, .. } => {
                    usize::from(fill.is_some()) + usize::from(stroke.is_some())
                }
                Shape::Line { from, to, .. } if from.x == to.x || from.y == to.y => 1,
                _ => 0,
            })
            .sum();
        // +1: the background.
        assert_eq!(rects, scene_rects + 1, "{} at {w}px", chart.id);
        let family = doc
            .descendants()
            .find(|n| n.has_tag_name("text"))
            .and_then(|n| n.attribute("font-family"))
            .unwrap();
        assert!(family.contains("Noto Sans CJK SC"), "{family}");
    }
}

#[test]
fn hostile_text_stays_text() {
    let json = r#"{"publication":"p","updated":"u","charts":[{"id":"x","kind":"bars","title":"t",
      "subtitle":"s","source":"src","items":[{"label":"<b>x</b> & <img src=x onerror=alert(1)>","unit":"个","plan":3}]}]}"#;
    let doc = kazuo_infographic::model::load(json.as_bytes()).unwrap();
    let chart = doc.charts[0].chart.clone().unwrap();
    let theme = Theme::light();
    let scene = layout(&chart, 390.0, &ApproxMeasure, &theme);
    let svg = to_svg(&scene, &theme.font_family).unwrap();
    let parsed = roxmltree::Document::parse(&svg).unwrap();
    assert!(!parsed
        .descendants()
        .any(|n| n.has_tag_name("img") || n.has_tag_name("b")));
    assert!(parsed
        .descendants()
        .any(|n| n.text().is_some_and(|t| t.contains("<b>x</b> & <img"))));
}

#[test]
fn canvas_backing_store_survives_small_resizes() {
    use kazuo_infographic::render::backing_store;
    // First paint: exactly the need (a chart at rest fills its box).
    assert_eq!(backing_store((1170, 900), None), (1170, 900));
    // Grown a little: the need plus a margin…
    let grown = backing_store((1180, 900), Some((1170, 900)));
    assert_eq!(grown, (1239, 990));
    // …then narrower or a little wider, a little taller: kept.
    assert_eq!(backing_store((1140, 930), Some(grown)), grown);
    assert_eq!(backing_store((1200, 990), Some(grown)), grown);
    // Wider than the store: a new one.
    assert_eq!(backing_store((1300, 900), Some(grown)), (1365, 990));
    // Much smaller (a phone rotated back, a lower pixel ratio): a new one.
    assert_eq!(backing_store((600, 500), Some(grown)), (630, 550));
    // Nothing to show.
    assert_eq!(backing_store((0, 0), None), (0, 0));
}
