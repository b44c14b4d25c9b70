//! A chart's frames: its layout at a fit, and painting that layout (or a
//! step of its entrance) on the canvas with plotters.

use super::{Backing, Drawn, Mounted, TipAt};
use crate::format::css_px;
use crate::layout::{layout, layout_at, ApproxMeasure};
use crate::render::backing_store;
use crate::web::canvas::{draw_scene, Look};
use crate::web::screen::{pixel_ratio, prefers, Fit};
use crate::web::timer::Timer;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How long the entrance takes, ms.
const ENTRANCE_MS: f64 = 500.0;

/// Whether [`Mounted::draw_at`] lays out again when nothing changed.
#[derive(Clone, Copy, PartialEq)]
pub(in crate::web) enum Relayout {
    IfChanged,
    Always,
}

/// Whether [`Mounted::draw_at`] paints the new layout at once, or leaves
/// it to [`Mounted::finish`].
#[derive(Clone, Copy, PartialEq)]
pub(in crate::web) enum Paint {
    Now,
    Later,
}

impl Mounted {
    /// Lays out at `fit` if it or the pixel ratio changed (or always) and
    /// sizes the canvas box; then paints now or leaves the paint for later.
    /// Returns whether the canvas shows the current layout.
    pub(in crate::web) fn draw_at(
        &self,
        fit: Fit,
        relayout: Relayout,
        paint: Paint,
    ) -> Result<bool, JsValue> {
        if fit.width <= 0.0 {
            return Ok(true);
        }
        let now = Drawn {
            fit,
            ratio: pixel_ratio(),
        };
        if relayout == Relayout::IfChanged && self.state.borrow().drawn == Some(now) {
            return Ok(self.state.borrow().painted);
        }
        let timer = Timer::start("redraw", &self.chart.id);
        let theme = self.themes.pick(fit.dark);
        let scene = layout(&self.chart, fit.width, &ApproxMeasure, theme);
        // The box takes its size now, so nothing below moves when it paints.
        self.clip
            .style()
            .set_property("height", &css_px(scene.height))?;
        {
            let mut s = self.state.borrow_mut();
            s.drawn = Some(now);
            s.scene = Some(scene);
            s.painted = false;
        }
        let painted = paint == Paint::Now;
        if painted {
            self.paint_first()?;
        }
        timer.end();
        Ok(painted)
    }

    /// Paints the current layout, unless painted since it was made, and
    /// moves an open tip to where its mark now is.
    pub(in crate::web) fn paint_first(&self) -> Result<(), JsValue> {
        if self.state.borrow().painted {
            return Ok(());
        }
        self.paint()?;
        self.update_tip(TipAt::Mark)
    }

    /// Starts the entrance (once); with reduced motion, shows the end.
    pub(in crate::web) fn start_entrance(&self) {
        let mut s = self.state.borrow_mut();
        if s.entered {
            return;
        }
        s.entered = true;
        if prefers("(prefers-reduced-motion: reduce)") {
            s.progress = 1.0;
            drop(s);
            let _ = self.paint();
        }
    }

    /// One animation frame at time `now` (ms).
    pub(in crate::web) fn tick(&self, now: f64) -> Result<(), JsValue> {
        {
            let mut s = self.state.borrow_mut();
            if !s.entered || s.progress >= 1.0 {
                return Ok(());
            }
            let start = *s.start.get_or_insert(now);
            let t = ((now - start) / ENTRANCE_MS).clamp(0.0, 1.0);
            s.progress = 1.0 - (1.0 - t).powi(3);
            if t >= 1.0 {
                s.progress = 1.0;
            }
        }
        self.paint()
    }

    /// Draws the current frame: the entrance's progress (the mark a reader
    /// looks at is ringed by the page, not painted).
    pub(super) fn paint(&self) -> Result<(), JsValue> {
        let Some(Drawn { fit, ratio }) = self.state.borrow().drawn else {
            return Ok(());
        };
        self.state.borrow_mut().painted = true;
        let s = self.state.borrow();
        let Some(scene) = &s.scene else {
            return Ok(());
        };
        let theme = self.themes.pick(fit.dark);
        let entering;
        let frame = if s.progress < 1.0 {
            entering = layout_at(&self.chart, fit.width, &ApproxMeasure, theme, s.progress);
            &entering
        } else {
            scene
        };
        let need = (
            (fit.width * ratio).round() as u32,
            (scene.height * ratio).round() as u32,
        );
        let now = (self.canvas.width(), self.canvas.height());
        let (width, height) = backing_store(need, self.backing.get().map(|_| now));
        // One backing pixel per device pixel, whatever the store's size
        // (set only when either changes: not on every hover).
        let backing = Some(Backing {
            width,
            height,
            ratio,
        });
        if self.backing.get() != backing {
            let style = self.canvas.style();
            style.set_property("width", &css_px(f64::from(width) / ratio))?;
            style.set_property("height", &css_px(f64::from(height) / ratio))?;
            self.backing.set(backing);
        }
        if !self.clip.contains(Some(&self.canvas)) {
            // The first frame takes the static plot's place, in one task:
            // the reader never sees the box empty.
            self.clip.set_text_content(None);
            self.clip.append_child(&self.canvas)?;
            self.figure.class_list().add_1("ig-live")?;
        }
        if (width, height) != now {
            // Resizing the backing store also clears it.
            self.canvas.set_width(width);
            self.canvas.set_height(height);
        } else if let Some(ctx) = self
            .canvas
            .get_context("2d")?
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        {
            ctx.clear_rect(0.0, 0.0, f64::from(width), f64::from(height));
        }
        draw_scene(
            &self.canvas,
            frame,
            Look {
                ratio,
                font_family: &theme.font_family,
                background: false,
            },
        )
    }
}
