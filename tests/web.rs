//! The browser glue in headless Chromium: charts draw into canvases whose
//! backing store follows the device pixel ratio, and bad data shows a
//! message in place. Run with `wasm-pack test --headless --chrome -- --test web`.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::disallowed_methods
)]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const DATA: &str = include_str!("../www/data/kazuo-2024.json");

fn data_url(json: &str) -> String {
    format!(
        "data:application/json;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(json))
    )
}

/// Puts an infographic root with the given charts into the page; returns it.
fn root(json: &str, ids: &[&str], width: u32) -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let root: HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    root.set_attribute("data-infographic", &data_url(json))
        .unwrap();
    root.style()
        .set_property("width", &format!("{width}px"))
        .unwrap();
    // The readers' build takes pre-rendered figures over: write each valid
    // chart's markup as the build does (its static plot aside). The full
    // build also writes bare figures: leave them bare there.
    let doc = kazuo_infographic::model::load(json.as_bytes()).ok();
    for id in ids {
        let figure = document.create_element("figure").unwrap();
        figure.set_attribute("data-chart", id).unwrap();
        figure.set_attribute("style", "margin:0").unwrap();
        let chart = doc
            .as_ref()
            .and_then(|d| d.chart(id))
            .and_then(|e| e.chart.as_ref().ok());
        if let (false, Some(chart)) = (cfg!(feature = "full"), chart) {
            figure.set_class_name("ig-chart");
            figure.set_inner_html(&kazuo_infographic::markup::figure_inner(chart, 2, ""));
        }
        root.append_child(&figure).unwrap();
    }
    document.body().unwrap().append_child(&root).unwrap();
    root
}

fn set_ratio(ratio: f64) {
    let window = web_sys::window().unwrap();
    let descriptor = js_sys::Object::new();
    js_sys::Reflect::set(&descriptor, &"value".into(), &ratio.into()).unwrap();
    js_sys::Reflect::set(&descriptor, &"configurable".into(), &true.into()).unwrap();
    js_sys::Object::define_property(&window, &"devicePixelRatio".into(), &descriptor);
}

fn canvas_in(root: &HtmlElement, id: &str) -> HtmlCanvasElement {
    root.query_selector(&format!("[data-chart=\"{id}\"] canvas"))
        .unwrap()
        .unwrap_or_else(|| panic!("{id} has a canvas"))
        .dyn_into()
        .unwrap()
}

/// The size the reader sees: the canvas's clipping box, in CSS px.
fn shown(canvas: &HtmlCanvasElement) -> (u32, u32) {
    let clip = canvas.parent_element().unwrap();
    (clip.client_width() as u32, clip.client_height() as u32)
}

/// Share of backing pixels that are not near-white.
fn ink(canvas: &HtmlCanvasElement) -> f64 {
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let data = ctx
        .get_image_data(
            0.0,
            0.0,
            f64::from(canvas.width()),
            f64::from(canvas.height()),
        )
        .unwrap()
        .data();
    let dark = data
        .chunks(4)
        .filter(|p| p[0] < 200 || p[1] < 200 || p[2] < 200)
        .count();
    dark as f64 / (data.len() / 4) as f64
}

#[wasm_bindgen_test]
async fn charts_draw_into_their_canvas() {
    set_ratio(1.0);
    let root = root(DATA, &["targets", "projects"], 360);
    kazuo_infographic::web::mount().await.unwrap();
    for id in ["targets", "projects"] {
        let canvas = canvas_in(&root, id);
        assert_eq!(shown(&canvas).0, 360, "{id}");
        assert!(canvas.width() >= 360, "{id}");
        assert_eq!(
            canvas.client_width() as u32,
            canvas.width(),
            "{id}: 1 backing px per px"
        );
        assert!(canvas.height() > 100, "{id}");
        assert!(ink(&canvas) > 0.02, "{id} drew nothing");
    }
    root.remove();
}

#[wasm_bindgen_test]
async fn backing_store_follows_device_pixel_ratio() {
    set_ratio(3.0);
    let root = root(DATA, &["q1-starts"], 320);
    kazuo_infographic::web::mount().await.unwrap();
    let canvas = canvas_in(&root, "q1-starts");
    let (w, h) = shown(&canvas);
    assert_eq!(w, 320);
    // The store covers what is shown, one backing pixel per device pixel.
    assert!(canvas.width() >= 960 && canvas.height() >= h * 3);
    assert_eq!(
        f64::from(canvas.width()),
        (f64::from(canvas.client_width()) * 3.0).round()
    );
    assert_eq!(
        f64::from(canvas.height()),
        (f64::from(canvas.client_height()) * 3.0).round()
    );
    assert!(ink(&canvas) > 0.02);
    set_ratio(1.0);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_broken_chart_is_said_in_place_by_the_full_build_and_the_others_draw() {
    set_ratio(1.0);
    let broken = DATA.replacen("\"plan\": 25", "\"plan\": \"25亿\"", 1);
    assert_ne!(broken, DATA);
    let root = root(&broken, &["q1-starts", "targets", "nonexistent"], 360);
    kazuo_infographic::web::mount().await.unwrap();
    assert!(ink(&canvas_in(&root, "targets")) > 0.02);
    let error = |id: &str| {
        root.query_selector(&format!("[data-chart=\"{id}\"] .ig-error"))
            .unwrap()
            .and_then(|e| e.text_content())
    };
    if cfg!(feature = "full") {
        // The full build (preview, bare figures) says where and why.
        let text = error("q1-starts").expect("the broken chart shows an error");
        assert!(text.contains("图表“q1-starts”暂时无法显示"), "{text}");
        assert!(text.contains("charts[2].items[0].plan"), "{text}");
        assert!(text.contains("应为数字"), "{text}");
        let missing = error("nonexistent").expect("the missing chart is said");
        assert!(
            missing.contains("没有 id 为“nonexistent”的图表"),
            "{missing}"
        );
    } else {
        // The readers' build takes pre-rendered figures over and leaves
        // any other as it is (the console names the problem's place).
        assert_eq!(error("q1-starts"), None);
        assert_eq!(error("nonexistent"), None);
        assert!(root
            .query_selector("[data-chart=\"q1-starts\"] canvas")
            .unwrap()
            .is_none());
    }
    root.remove();
}

#[wasm_bindgen_test]
async fn a_missing_data_file_is_said_in_place() {
    let document = web_sys::window().unwrap().document().unwrap();
    let root: HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    root.set_attribute("data-infographic", "/no/such/file.json")
        .unwrap();
    let figure = document.create_element("figure").unwrap();
    figure.set_attribute("data-chart", "targets").unwrap();
    root.append_child(&figure).unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    kazuo_infographic::web::mount().await.unwrap();
    let text = figure.text_content().unwrap();
    if cfg!(feature = "full") {
        assert!(text.contains("无法加载"), "{text}");
    } else {
        assert_eq!(text, "", "the readers' build leaves a bare figure as it is");
    }
    root.remove();
}
