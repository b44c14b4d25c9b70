//! The workbench's controls wired to what they do: typing and opening,
//! saving and the publishing check, and the page (the problem list, a
//! dropped file, leaving with unsaved changes).

use super::open::{may_replace, open_file, opened, start_from};
use super::save::save;
use super::{by_id, changed, dirty, failed, file, keep_draft, publish, say, show, view, Shared};
use crate::web::dom::{listen, Listener};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Document, DragEvent, Element, Event, HtmlElement, HtmlInputElement, HtmlSelectElement,
    HtmlTextAreaElement,
};

/// Wires typing and opening: the text, the file input, the open button, starting from an article or a blank file.
pub(super) fn opening(
    state: &Shared,
    document: &Document,
    text: &HtmlTextAreaElement,
) -> Result<Vec<Listener>, JsValue> {
    let mut listeners = Vec::new();
    let on = |id: &str| -> Result<web_sys::EventTarget, JsValue> { by_id(document, id) };
    {
        let state = state.clone();
        listeners.push(listen::<Event>(text, "input", move |_| changed(&state))?);
    }
    {
        let state = state.clone();
        let input: HtmlInputElement = by_id(document, "wb-file")?;
        let picked = input.clone();
        listeners.push(listen::<Event>(&input, "change", move |_| {
            if let Some(file) = picked.files().and_then(|f| f.get(0)) {
                if may_replace(&state) {
                    open_file(&state, file, None);
                }
            }
            picked.set_value("");
        })?);
    }
    {
        let state = state.clone();
        listeners.push(listen::<Event>(&on("wb-open")?, "click", move |_| {
            if !may_replace(&state) {
                return;
            }
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match file::pick().await {
                    Ok(Some((handle, name, bytes))) => opened(&state, &name, &bytes, Some(handle)),
                    // No File System Access API: the file input.
                    Ok(None) if !file::can_save_in_place() => {
                        let document = state.borrow().document.clone();
                        if let Ok(input) = by_id::<HtmlElement>(&document, "wb-file") {
                            input.click();
                        }
                    }
                    Ok(None) => {}
                    Err(e) => failed(&state, "文件无法打开", &e),
                }
            });
        })?);
    }
    {
        let state = state.clone();
        let select: HtmlSelectElement = by_id(document, "wb-template")?;
        let chosen = select.clone();
        listeners.push(listen::<Event>(&on("wb-start")?, "click", move |_| {
            start_from(&state, &chosen.value());
        })?);
    }
    Ok(listeners)
}

/// Wires saving, downloading, the publishing check and the encoding's conversion.
pub(super) fn saving(state: &Shared, document: &Document) -> Result<Vec<Listener>, JsValue> {
    let mut listeners = Vec::new();
    let on = |id: &str| -> Result<web_sys::EventTarget, JsValue> { by_id(document, id) };
    {
        let state = state.clone();
        listeners.push(listen::<Event>(&on("wb-save")?, "click", move |_| {
            save(&state, false)
        })?);
    }
    {
        let state = state.clone();
        listeners.push(listen::<Event>(&on("wb-download")?, "click", move |_| {
            save(&state, true)
        })?);
    }
    {
        let state = state.clone();
        listeners.push(listen::<Event>(
            &on("wb-publish-check")?,
            "click",
            move |_| {
                let (app, document, text) = {
                    let s = state.borrow();
                    (s.app.clone(), s.document.clone(), s.text.value())
                };
                if let Err(e) = publish::check(&app, &document, &text) {
                    failed(&state, "发布前检查未完成", &e);
                }
            },
        )?);
    }
    {
        let state = state.clone();
        listeners.push(listen::<Event>(&on("wb-convert")?, "click", move |_| {
            let document = {
                let mut s = state.borrow_mut();
                s.foreign = None;
                s.document.clone()
            };
            show(&document, "wb-encoding", false);
            say(&document, "wb-status", "将按 UTF-8 保存。");
        })?);
    }
    Ok(listeners)
}

/// Wires the page: the problem list, a dropped file, leaving with unsaved changes.
pub(super) fn page(
    state: &Shared,
    document: &Document,
    window: &web_sys::Window,
    text: &HtmlTextAreaElement,
) -> Result<Vec<Listener>, JsValue> {
    let mut listeners = Vec::new();
    let on = |id: &str| -> Result<web_sys::EventTarget, JsValue> { by_id(document, id) };
    {
        let text = text.clone();
        listeners.push(listen::<Event>(&on("wb-problems")?, "click", move |e| {
            let button = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|t| t.closest(".wb-problem").ok().flatten());
            if let Some(button) = button {
                view::go_to(&text, &button);
            }
        })?);
    }
    // A file dropped anywhere on the page is opened.
    {
        let body = document.body().ok_or("no body")?;
        listeners.push(listen::<DragEvent>(&body, "dragover", |e| {
            e.prevent_default()
        })?);
        let state = state.clone();
        listeners.push(listen::<DragEvent>(&body, "drop", move |e| {
            e.prevent_default();
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                if may_replace(&state) {
                    open_file(&state, file, None);
                }
            }
        })?);
    }
    // Closing the tab with unsaved changes asks first.
    {
        let state = state.clone();
        listeners.push(listen::<web_sys::BeforeUnloadEvent>(
            window,
            "beforeunload",
            move |e| {
                if dirty(&state) {
                    keep_draft(&state);
                    e.prevent_default();
                    e.set_return_value("");
                }
            },
        )?);
    }
    // Leaving the page (mobile browsers may not ask first) keeps the last
    // keys, if the pause before the redraw has not kept them yet.
    {
        let state = state.clone();
        listeners.push(listen::<Event>(window, "pagehide", move |_| {
            keep_draft(&state);
        })?);
    }
    Ok(listeners)
}
