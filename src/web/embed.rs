//! Height messages for hosts that embed a chart in an iframe, in the
//! conventions of Pym.js, Datawrapper and AMP. What it last told is the
//! app's (`app::Embed`).

use crate::format::plain;
use crate::web::address::query;
use crate::web::app::App;
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
    // Datawrapper: {"datawrapper-height": {"{id}": px}}.
    let inner = js_sys::Object::new();
    let dw = js_sys::Object::new();
    // AMP: {sentinel: "amp", type: "embed-size", height: px}.
    let amp = js_sys::Object::new();
    let set = |o: &js_sys::Object, k: &str, v: &JsValue| {
        let _ = js_sys::Reflect::set(o, &k.into(), v);
    };
    set(&inner, &chart, &height.into());
    set(&dw, "datawrapper-height", &inner);
    set(&amp, "sentinel", &"amp".into());
    set(&amp, "type", &"embed-size".into());
    set(&amp, "height", &height.into());
    for message in [pym, dw.into(), amp.into()] {
        let _ = parent.post_message(&message, "*");
    }
}
