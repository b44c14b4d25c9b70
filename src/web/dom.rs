//! Small DOM helpers: every text reaches the page through `textContent`,
//! and every event listener is added through [`listen`].

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, EventTarget};

/// A new element with a class and, optionally, text (never markup).
pub(in crate::web) fn element(
    document: &Document,
    tag: &str,
    class: &str,
    text: Option<&str>,
) -> Result<Element, JsValue> {
    let el = document.create_element(tag)?;
    if !class.is_empty() {
        el.set_class_name(class);
    }
    if let Some(text) = text {
        el.set_text_content(Some(text));
    }
    Ok(el)
}

/// Appends a new element to `parent`; see [`element`].
pub(in crate::web) fn append(
    document: &Document,
    parent: &Element,
    tag: &str,
    class: &str,
    text: Option<&str>,
) -> Result<Element, JsValue> {
    let el = element(document, tag, class, text)?;
    parent.append_child(&el)?;
    Ok(el)
}

/// A plain JS object of `entries`, for the workbench's arguments to browser
/// calls that web-sys has no type for (File System Access's picker options,
/// the draft kept in `localStorage`). What the engine reports to the page
/// goes through `report::to_js`.
#[cfg(feature = "editor")]
pub(in crate::web) fn object(entries: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (key, value) in entries {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(key), value);
    }
    o.into()
}

/// Sets several attributes at once.
pub(in crate::web) fn attrs(el: &Element, pairs: &[(&str, &str)]) -> Result<(), JsValue> {
    for (k, v) in pairs {
        el.set_attribute(k, v)?;
    }
    Ok(())
}

/// An event listener: it listens as long as it is kept, and stops when
/// dropped.
pub(in crate::web) struct Listener {
    target: EventTarget,
    kind: &'static str,
    closure: Closure<dyn FnMut(Event)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.kind, self.closure.as_ref().unchecked_ref());
    }
}

/// Listens for `kind` events on `target`, handing `f` each one that is an
/// `E` (`PointerEvent`, `KeyboardEvent`, … or any `Event`); others are
/// ignored. Every listener of the engine is added here (the app's
/// `App::listen` hands its handlers the app as well).
pub(in crate::web) fn listen<E: JsCast>(
    target: &EventTarget,
    kind: &'static str,
    f: impl FnMut(&E) + 'static,
) -> Result<Listener, JsValue> {
    let closure = handler(f);
    target.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref())?;
    Ok(Listener {
        target: target.clone(),
        kind,
        closure,
    })
}

/// The closure that hands `f` each event that is an `E`.
fn handler<E: JsCast>(mut f: impl FnMut(&E) + 'static) -> Closure<dyn FnMut(Event)> {
    Closure::<dyn FnMut(Event)>::new(move |event: Event| {
        if let Some(event) = event.dyn_ref::<E>() {
            f(event);
        }
    })
}

/// Listens for `kind` events on `target` for as long as the page lives, as
/// [`listen`] does: for an element made once per page (the share dialog),
/// whose listeners nothing needs to stop.
pub(in crate::web) fn listen_for_the_page<E: JsCast>(
    target: &EventTarget,
    kind: &'static str,
    f: impl FnMut(&E) + 'static,
) -> Result<(), JsValue> {
    let closure = handler(f);
    target.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref())?;
    closure.forget();
    Ok(())
}
