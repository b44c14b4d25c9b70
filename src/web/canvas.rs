//! Drawing a scene on a `<canvas>` with plotters-canvas: the one place the
//! browser's canvas meets `render::draw`.

use crate::layout::{framed, ApproxMeasure, Scene};
use crate::model::Chart;
use crate::render::{draw, Options};
use crate::theme::Theme;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

/// How a scene is drawn on a canvas.
pub(super) struct Look<'a> {
    /// Device pixels per CSS px.
    pub ratio: f64,
    pub font_family: &'a str,
    /// Whether to paint the background (an image that travels alone)
    /// or let the page show through.
    pub background: bool,
}

/// Draws `scene` on `canvas`, whose backing store is already sized.
pub(super) fn draw_scene(
    canvas: &HtmlCanvasElement,
    scene: &Scene,
    look: Look,
) -> Result<(), JsValue> {
    let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("no 2d context")?;
    draw(
        scene,
        &backend.into_drawing_area(),
        Options {
            scale: look.ratio,
            font_family: look.font_family,
            font_scale: 1.0,
            background: look.background,
        },
    )
    .map_err(|e| JsValue::from_str(&e.to_string()))
}

/// `chart` with its title, notes and source (`layout::framed`) at `width`
/// CSS px on a new canvas of `ratio` device px per CSS px, its background
/// painted: an image that travels alone.
pub(super) fn framed_image(
    document: &web_sys::Document,
    chart: &Chart,
    theme: &Theme,
    width: f64,
    ratio: f64,
) -> Result<HtmlCanvasElement, JsValue> {
    let scene = framed(chart, width, &ApproxMeasure, theme);
    let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    canvas.set_width((scene.width * ratio).round() as u32);
    canvas.set_height((scene.height * ratio).round() as u32);
    draw_scene(
        &canvas,
        &scene,
        Look {
            ratio,
            font_family: &theme.font_family,
            background: true,
        },
    )?;
    Ok(canvas)
}
