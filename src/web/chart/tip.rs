//! The tip: the exact figure of the mark the reader points at, taps or
//! steps to with the keyboard, placed beside the mark on the screen.

use super::Mounted;
use crate::format::css_px;
use crate::interact::place_tip;
use crate::layout::Point;
use crate::web::dom::append;
use wasm_bindgen::prelude::*;

/// Where a tip is placed.
#[derive(Clone, Copy)]
pub(super) enum TipAt {
    /// At the pointer's x (viewport coordinates), by a tap or a mouse.
    Pointer { x: f64, touch: bool },
    /// Above the mark itself (keyboard focus).
    Mark,
}

impl Mounted {
    /// Makes `active` the mark the reader looks at: rings it, moves the tip.
    pub(super) fn set_active(&self, active: Option<usize>, at: TipAt, keyboard: bool) {
        {
            let mut s = self.state.borrow_mut();
            if s.active == active && !matches!(at, TipAt::Pointer { .. }) {
                return;
            }
            let changed = s.active != active;
            s.active = active;
            s.keyboard = keyboard && active.is_some();
            if !changed {
                drop(s);
                let _ = self.update_tip(at);
                return;
            }
        }
        if let Err(e) = self.update_tip(at) {
            web_sys::console::warn_1(&e);
        }
    }

    /// Closes the tip (tap elsewhere, Escape).
    pub(in crate::web) fn dismiss(&self) {
        if self.state.borrow().active.is_some() {
            self.set_active(None, TipAt::Mark, false);
        }
    }

    /// Fills and places the tip for the active mark, or hides it.
    pub(super) fn update_tip(&self, at: TipAt) -> Result<(), JsValue> {
        let s = self.state.borrow();
        let mark = s
            .active
            .and_then(|i| s.scene.as_ref().and_then(|sc| sc.marks.get(i)));
        let Some(mark) = mark else {
            self.tip.set_hidden(true);
            self.ring.set_hidden(true);
            self.tip.set_text_content(None);
            self.live.set_text_content(None);
            return Ok(());
        };
        // Announced on a key or a tap, not as a mouse passes over the marks.
        if !matches!(at, TipAt::Pointer { touch: false, .. }) {
            let mut words = format!("{} {}", mark.label, mark.value);
            if let Some(note) = &mark.note {
                words.push(' ');
                words.push_str(note);
            }
            self.live.set_text_content(Some(&words));
        }
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or("no document")?;
        self.tip.set_text_content(None);
        append(
            &document,
            &self.tip,
            "span",
            "ig-tip-label",
            Some(&mark.label),
        )?;
        append(
            &document,
            &self.tip,
            "strong",
            "ig-tip-value",
            Some(&mark.value),
        )?;
        if let Some(note) = &mark.note {
            append(&document, &self.tip, "span", "ig-tip-note", Some(note))?;
        }
        self.tip.set_hidden(false);

        let window = web_sys::window().ok_or("no window")?;
        let viewport = (
            window.inner_width()?.as_f64().unwrap_or(320.0),
            window.inner_height()?.as_f64().unwrap_or(640.0),
        );
        let plot = self.plot.get_bounding_client_rect();
        let canvas = self.clip.get_bounding_client_rect();
        let size = (
            f64::from(self.tip.offset_width()),
            f64::from(self.tip.offset_height()),
        );
        let span = (canvas.top() + mark.hit.y, canvas.top() + mark.hit.bottom());
        let x = match at {
            TipAt::Pointer { x, .. } => x,
            TipAt::Mark => canvas.left() + mark.hit.x + mark.hit.w / 2.0,
        };
        let (x, y) = place_tip(x, span, size, viewport);
        let style = self.tip.style();
        style.set_property("left", &css_px(x - plot.left()))?;
        style.set_property("top", &css_px(y - plot.top()))?;
        let ring = self.ring.style();
        let hit = mark.hit;
        for (key, value) in [
            ("left", canvas.left() - plot.left() + hit.x),
            ("top", canvas.top() - plot.top() + hit.y),
            ("width", hit.w),
            ("height", hit.h),
        ] {
            ring.set_property(key, &css_px(value))?;
        }
        self.ring.set_hidden(false);
        Ok(())
    }

    /// The mark under a pointer at viewport coordinates, if any.
    pub(super) fn mark_at(&self, client_x: f64, client_y: f64) -> Option<usize> {
        let r = self.clip.get_bounding_client_rect();
        let p = Point {
            x: client_x - r.left(),
            y: client_y - r.top(),
        };
        self.state.borrow().scene.as_ref().and_then(|s| s.hit(p))
    }

    /// How many marks the current scene has.
    pub(super) fn mark_count(&self) -> usize {
        self.state
            .borrow()
            .scene
            .as_ref()
            .map_or(0, |s| s.marks.len())
    }
}
