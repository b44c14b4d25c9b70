//! Shared helpers for the native tests.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::disallowed_methods
)]

use kazuo_infographic::format::quantity;
use kazuo_infographic::model::{load, Body, Bound, Chart, Document};

/// Every `.rs` file under `dir`, sorted (`src/` for the layer and length checks).
pub fn rust_sources(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The article's bundled data file.
pub const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/kazuo-2024.json");

/// The bundled document, which must load.
pub fn document() -> Document {
    let bytes = std::fs::read(DATA).expect("read data file");
    load(&bytes).expect("bundled data file loads")
}

/// Every chart of the bundled document, which must all be valid.
pub fn charts() -> Vec<Chart> {
    document()
        .charts
        .into_iter()
        .map(|e| e.chart.expect("bundled chart is valid"))
        .collect()
}

/// The bundled chart with this id.
pub fn chart(id: &str) -> Chart {
    charts()
        .into_iter()
        .find(|c| c.id == id)
        .expect("bundled chart")
}

/// Widths of the filled rectangles (the bars) of a scene, in drawing order.
pub fn bar_widths(scene: &kazuo_infographic::layout::Scene) -> Vec<f64> {
    scene
        .shapes
        .iter()
        .filter_map(|p| match &p.shape {
            kazuo_infographic::layout::Shape::Rect {
                rect,
                fill: Some(_),
                ..
            } => Some(rect.w),
            _ => None,
        })
        .collect()
}

/// The widths every layout invariant is checked at.
pub const WIDTHS: [f64; 4] = [320.0, 390.0, 768.0, 1200.0];

/// Every bundled chart laid out at every width of [`WIDTHS`] (light theme,
/// approximate text measure).
pub fn scenes() -> Vec<(Chart, f64, kazuo_infographic::layout::Scene)> {
    let theme = kazuo_infographic::theme::Theme::light();
    let mut out = Vec::new();
    for chart in charts() {
        for w in WIDTHS {
            let scene = kazuo_infographic::layout::layout(
                &chart,
                w,
                &kazuo_infographic::layout::ApproxMeasure,
                &theme,
            );
            out.push((chart.clone(), w, scene));
        }
    }
    out
}

/// Every figure a chart prints, formatted as the chart prints it.
pub fn figures(chart: &Chart) -> Vec<String> {
    match &chart.body {
        Body::Bars(items) | Body::Cards(items) | Body::Grouped(items) => items
            .iter()
            .map(|i| quantity(i.value(), &i.unit, i.bound).to_string())
            .collect(),
        Body::Series(s) => s
            .items
            .iter()
            .filter(|i| i.result.or(i.plan).is_some())
            .map(|i| quantity(i.value(), &i.unit, i.bound).to_string())
            .collect(),
        Body::Target(items) => items
            .iter()
            .map(|i| quantity(i.plan.unwrap_or(0.0), &i.unit, i.bound).to_string())
            .collect(),
        Body::Part(p) => p
            .measures
            .iter()
            .flat_map(|m| {
                m.parts
                    .iter()
                    .chain(std::iter::once(&m.rest()))
                    .map(|v| quantity(*v, &m.unit, Bound::Exact).to_string())
                    .collect::<Vec<_>>()
            })
            .collect(),
    }
}

/// Every label a chart prints.
pub fn labels(chart: &Chart) -> Vec<String> {
    match &chart.body {
        Body::Bars(items) | Body::Cards(items) | Body::Target(items) | Body::Grouped(items) => {
            items.iter().map(|i| i.label.clone()).collect()
        }
        Body::Series(s) => s.items.iter().map(|i| i.label.clone()).collect(),
        Body::Part(p) => p
            .part_labels
            .iter()
            .chain(std::iter::once(&p.rest_label))
            .cloned()
            .chain(p.measures.iter().map(|m| m.label.clone()))
            .collect(),
    }
}

/// The problems of the first chart of a data file, one per line (empty if
/// it is valid).
pub fn first_chart_problems(data: &str) -> String {
    let doc = load(data.as_bytes()).unwrap();
    doc.charts[0]
        .chart
        .clone()
        .err()
        .unwrap_or_default()
        .iter()
        .map(|p| p.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every text of `scene` lies inside its width.
pub fn assert_texts_inside(scene: &kazuo_infographic::layout::Scene, width: f64) {
    for text in scene.texts() {
        let b = text.bounds();
        assert!(
            b.x >= -0.01 && b.right() <= width + 0.01,
            "{width}px: {:?} outside",
            text.text
        );
    }
}
