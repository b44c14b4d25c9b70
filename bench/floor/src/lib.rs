//! A rectangle, a line and a text drawn on a canvas with plotters-canvas:
//! the least a chart engine on this stack ships.

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;

/// Draws on the canvas with id `id`; false when there is none.
#[wasm_bindgen]
pub fn draw(id: &str, label: &str, width: i32) -> bool {
    try_draw(id, label, width).is_some()
}

fn try_draw(id: &str, label: &str, width: i32) -> Option<()> {
    let area = CanvasBackend::new(id)?.into_drawing_area();
    let red = RGBColor(184, 35, 47);
    area.draw(&Rectangle::new([(0, 0), (width, 20)], red.filled()))
        .ok()?;
    area.draw(&PathElement::new(vec![(0, 40), (width, 40)], BLACK))
        .ok()?;
    let font = ("sans-serif", 14.0).into_font().color(&BLACK);
    area.draw(&Text::new(label.to_string(), (5, 30), font))
        .ok()?;
    area.present().ok()
}

/// The engine's allocator (see its `src/lib.rs`).
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());
