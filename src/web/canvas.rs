//! Drawing a scene on a `<canvas>` with plotters-canvas: the one place the
//! browser's canvas meets `render::draw`.

use crate::layout::Scene;
use crate::render::{draw, Options};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
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
