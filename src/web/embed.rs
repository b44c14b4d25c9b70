//! Height messages for hosts that embed a chart in an iframe, in the
//! conventions of Pym.js, Datawrapper and AMP. What it last told is the
//! app's (`app::Embed`).

use crate::format::plain;
use crate::web::address::query;
use crate::web::app::App;
use crate::web::report::to_js;
use serde::ser::{Serialize, SerializeMap, Serializer};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Tells the parent page (if any) the embed's height now and whenever
/// it changes.
pub(super) fn report_height(app: &App) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let body = document.body().ok_or("no body")?;
    send_height(app);
    let mut embed = app.inner().embed.borrow_mut();
    if embed.observer.is_none() {
        let weak = app.weak();
        let callback = Closure::<dyn FnMut()>::new(move || {
            if let Some(app) = App::upgrade(&weak) {
                send_height(&app);
            }
        });
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref())?;
        observer.observe(&body);
        embed.observer = Some((observer, callback));
    }
    Ok(())
}

/// Posts the page's height to the parent, if it changed.
fn send_height(app: &App) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(html) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    let height = html.get_bounding_client_rect().height().ceil();
    let changed = {
        let mut embed = app.inner().embed.borrow_mut();
        let changed = embed.last_height != height;
        embed.last_height = height;
        changed
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if !changed || parent == window {
        return;
    }
    // The chart is named in the address (embed.html?chart=ID) or by the
    // pre-rendered embed page's figure (embed-ID.html).
    let chart = query("chart")
        .or_else(|| {
            window
                .document()?
                .query_selector("[data-chart]")
                .ok()??
                .get_attribute("data-chart")
        })
        .unwrap_or_default();
    let child = query("childId").unwrap_or_else(|| chart.clone());
    // Pym.js: "pymxPYMx{id}xPYMxheightxPYMx{px}".
    let pym = JsValue::from_str(&format!("pymxPYMx{child}xPYMxheightxPYMx{}", plain(height)));
    // Datawrapper: {"datawrapper-height": {"{id}": px}}; AMP: {sentinel:
    // "amp", type: "embed-size", height: px}.
    let (Ok(dw), Ok(amp)) = (
        to_js(&Datawrapper {
            chart: &chart,
            height,
        }),
        to_js(&Amp { height }),
    ) else {
        return;
    };
    for message in [pym, dw, amp] {
        let _ = parent.post_message(&message, "*");
    }
}

/// Datawrapper's height message: `{"datawrapper-height": {"{id}": px}}`.
struct Datawrapper<'a> {
    chart: &'a str,
    height: f64,
}

/// The chart's height, by its id (the inner map of [`Datawrapper`]).
struct Heights<'a>(&'a str, f64);

/// AMP's height message: `{sentinel: "amp", type: "embed-size", height: px}`.
struct Amp {
    height: f64,
}

// Written as maps, as the page events' reports are (`report::to_js`).
impl Serialize for Datawrapper<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry("datawrapper-height", &Heights(self.chart, self.height))?;
        m.end()
    }
}

impl Serialize for Heights<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry(self.0, &self.1)?;
        m.end()
    }
}

impl Serialize for Amp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("sentinel", "amp")?;
        m.serialize_entry("type", "embed-size")?;
        m.serialize_entry("height", &self.height)?;
        m.end()
    }
}
