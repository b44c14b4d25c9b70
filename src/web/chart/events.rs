//! The reader's ways into a chart: hover, tap, the keyboard, the
//! "查看数据" box and the save button.

use super::{Mounted, TipAt};
use crate::interact::step;
use crate::web::dom::listen;
use crate::web::screen::pixel_ratio;
use crate::web::share;
use crate::web::timer::Timer;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, KeyboardEvent, MouseEvent, PointerEvent};

/// Listens for `kind` events of type `E` on `target` for as long as the
/// chart lives, calling `f` with the chart and the event.
fn on<E: JsCast>(
    this: &Rc<Mounted>,
    target: &EventTarget,
    kind: &'static str,
    f: impl Fn(&Mounted, &E) + 'static,
) -> Result<(), JsValue> {
    let m = Rc::downgrade(this);
    let listener = listen(target, kind, move |e: &E| {
        if let Some(m) = m.upgrade() {
            f(&m, e);
        }
    })?;
    this.listeners.borrow_mut().push(listener);
    Ok(())
}

impl Mounted {
    /// Whether `e` happened on the tip.
    fn on_tip(&self, e: &Event) -> bool {
        e.target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .is_some_and(|t| self.tip.contains(Some(&t)))
    }
}

/// Wires hover, tap, keyboard, the data box and the save button.
pub(super) fn wire(this: &Rc<Mounted>, save: &Element) -> Result<(), JsValue> {
    on(this, &this.plot, "pointermove", |m, e: &PointerEvent| {
        // Over the tip, the tip stays (a magnifier's reader moves onto it).
        if e.pointer_type() != "mouse" || m.on_tip(e) {
            return;
        }
        let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
        let hit = m.mark_at(x, y);
        let (active, keyboard) = {
            let s = m.state.borrow();
            (s.active, s.keyboard)
        };
        let at = TipAt::Pointer { x, touch: false };
        if hit != active && (hit.is_some() || !keyboard) {
            let timer = Timer::start("hover", &m.chart.id);
            m.set_active(hit, at, false);
            timer.end();
        } else if hit.is_some() {
            // Same mark: the tip follows the pointer.
            m.set_active(hit, at, false);
        }
    })?;

    on(this, &this.plot, "pointerleave", |m, e: &PointerEvent| {
        if e.pointer_type() == "mouse" && !m.state.borrow().keyboard {
            m.set_active(None, TipAt::Mark, false);
        }
    })?;

    // A tap (click after touch) toggles the tip; scrolling never clicks.
    on(this, &this.plot, "click", |m, e: &MouseEvent| {
        if m.on_tip(e) {
            return;
        }
        let touch = js_sys::Reflect::get(e, &"pointerType".into())
            .ok()
            .and_then(|v| v.as_string())
            .is_some_and(|t| t == "touch" || t == "pen");
        let timer = Timer::start("tap", &m.chart.id);
        let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
        let hit = m.mark_at(x, y);
        let current = m.state.borrow().active;
        let next = if touch && hit == current { None } else { hit };
        m.set_active(next, TipAt::Pointer { x, touch }, false);
        timer.end();
    })?;

    on(this, &this.plot, "keydown", |m, k: &KeyboardEvent| {
        let active = m.state.borrow().active;
        if let Some(next) = step(active, &k.key(), m.mark_count()) {
            k.prevent_default();
            m.set_active(next, TipAt::Mark, true);
        }
    })?;

    on(this, &this.plot, "blur", |m, _: &Event| {
        if m.state.borrow().keyboard {
            m.set_active(None, TipAt::Mark, false);
        }
    })?;

    // Opening "查看数据" before the table is built builds it first.
    on(this, &this.details, "click", |m, _: &Event| {
        if let Err(e) = m.finish() {
            web_sys::console::warn_1(&e);
        }
    })?;

    on(this, save, "click", |m, _: &Event| {
        let fit = m.fit();
        let theme = m.themes.pick(fit.dark);
        if let Err(e) = share::open(&m.chart, theme, fit.width, pixel_ratio()) {
            web_sys::console::warn_1(&e);
        }
    })?;
    Ok(())
}
