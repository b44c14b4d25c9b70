//! Text measured by the browser, in the font the chart draws with.

use crate::layout::{ApproxMeasure, TextMeasure};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Measures with a canvas context; falls back to [`ApproxMeasure`].
pub(super) struct CanvasMeasure {
    context: Option<CanvasRenderingContext2d>,
    family: String,
    font: RefCell<String>,
}

impl CanvasMeasure {
    pub(super) fn new(family: &str) -> CanvasMeasure {
        let context = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("canvas").ok())
            .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
            .and_then(|c| c.get_context("2d").ok().flatten())
            .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
        CanvasMeasure {
            context,
            family: family.to_string(),
            font: RefCell::new(String::new()),
        }
    }
}

impl TextMeasure for CanvasMeasure {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        let Some(ctx) = &self.context else {
            return ApproxMeasure.width(text, size, bold);
        };
        // The same font string plotters-canvas sets when it draws.
        let font = format!(
            "{} {}px {}",
            if bold { "bold" } else { "normal" },
            size,
            self.family
        );
        if *self.font.borrow() != font {
            ctx.set_font(&font);
            *self.font.borrow_mut() = font;
        }
        ctx.measure_text(text)
            .map(|m| m.width())
            .unwrap_or_else(|_| ApproxMeasure.width(text, size, bold))
    }
}
