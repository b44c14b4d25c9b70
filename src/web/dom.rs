//! Small DOM helpers: every text reaches the page through `textContent`.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

/// A new element with a class and, optionally, text (never markup).
pub(super) fn element(
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
pub(super) fn append(
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

/// Sets several attributes at once.
pub(super) fn attrs(el: &Element, pairs: &[(&str, &str)]) -> Result<(), JsValue> {
    for (k, v) in pairs {
        el.set_attribute(k, v)?;
    }
    Ok(())
}
