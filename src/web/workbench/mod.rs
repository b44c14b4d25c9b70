//! The editors' workbench (`editor.html`, the editor build only): open a
//! data file (picker, drag and drop, or a start from an article or a blank
//! one), edit its text with every problem listed where it is and every
//! chart redrawn as one types, paste a table from a spreadsheet into a
//! chart, and save — back to the same file where the browser can, else as
//! a download. An unsaved change is kept in the browser's storage and
//! offered back after a reload; closing the tab with one asks first.
//!
//! - `open.rs`: opening a file, an article's or a blank one; the unsaved
//!   text offered back after a reload.
//! - `save.rs`: saving back to the file, or as a download.
//! - `file.rs`: reading (UTF-8, GBK, UTF-16) and writing files.
//! - `draft.rs`: the unsaved change kept across reloads.
//! - `view.rs`: the problem list and the charts.
//! - `paste.rs`: a spreadsheet's table into a chart's items.
//! - `publish.rs`: before publishing — every check, the charts at a phone's
//!   and a desktop's width, their summaries and images.

// The workbench's build only: the size rules' bans (ARCHITECTURE.md) guard
// the readers' module, so text is searched here as Rust reads best.
#![allow(clippy::disallowed_methods)]

mod draft;
mod file;
mod open;
mod paste;
mod publish;
mod save;
mod view;
mod wire;

use open::offer_draft;

use crate::model::load;
use crate::web::app::App;
use crate::web::dom::Listener;
use crate::web::mode::Mode;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlTextAreaElement};

/// How long after the last key the charts are redrawn (and the unsaved
/// text kept), ms.
const QUIET_MS: i32 = 100;

/// The file being edited.
struct State {
    document: Document,
    text: HtmlTextAreaElement,
    /// The file's name (saved and downloaded under it).
    name: String,
    /// The text as last opened or saved.
    saved: String,
    /// The File System Access handle to save back to.
    handle: Option<JsValue>,
    crlf: bool,
    bom: bool,
    /// Read from this encoding, not yet agreed to save as UTF-8.
    foreign: Option<&'static str>,
    /// The pending redraw's timer.
    timer: Option<i32>,
    redraw: Option<Closure<dyn FnMut()>>,
    listeners: Vec<Listener>,
    /// The page's app, which draws the charts.
    app: App,
    /// What the charts pane shows.
    shown: Rc<RefCell<view::Shown>>,
}

/// The workbench's state, shared by its handlers (which it holds: it lives
/// as long as the page).
type Shared = Rc<RefCell<State>>;

fn by_id<T: JsCast>(document: &Document, id: &str) -> Result<T, JsValue> {
    document
        .get_element_by_id(id)
        .ok_or_else(|| JsValue::from_str(&format!("#{id} missing")))?
        .dyn_into::<T>()
        .map_err(|_| JsValue::from_str(&format!("#{id} is of the wrong kind")))
}

fn say(document: &Document, id: &str, text: &str) {
    if let Some(el) = document.get_element_by_id(id) {
        el.set_text_content(Some(text));
    }
}

fn show(document: &Document, id: &str, shown: bool) {
    if let Some(el) = document.get_element_by_id(id) {
        let _ = if shown {
            el.remove_attribute("hidden")
        } else {
            el.set_attribute("hidden", "")
        };
    }
}

/// Starts the workbench on `editor.html`.
#[wasm_bindgen]
pub fn workbench() -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let text: HtmlTextAreaElement = by_id(&document, "wb-text")?;
    let state: Shared = Rc::new(RefCell::new(State {
        document: document.clone(),
        text: text.clone(),
        name: String::new(),
        saved: String::new(),
        handle: None,
        crlf: false,
        bom: false,
        foreign: None,
        timer: None,
        redraw: None,
        listeners: Vec::new(),
        app: super::app(|| Mode::Workbench),
        shown: Rc::default(),
    }));
    let redraw = {
        let state = state.clone();
        Closure::<dyn FnMut()>::new(move || {
            state.borrow_mut().timer = None;
            if let Err(e) = render(&state) {
                web_sys::console::warn_1(&e);
            }
        })
    };
    let mut listeners = wire::opening(&state, &document, &text)?;
    listeners.extend(wire::saving(&state, &document)?);
    listeners.extend(wire::page(&state, &document, &window, &text)?);
    listeners.extend(paste::wire(&document, &state)?);
    {
        let mut s = state.borrow_mut();
        s.redraw = Some(redraw);
        s.listeners = listeners;
    }
    offer_draft(&state)?;
    say(
        &document,
        "wb-status",
        "打开数据文件，或从文章、空白文件开始。",
    );
    Ok(())
}

/// Whether the text differs from the file as last opened or saved.
fn dirty(state: &Shared) -> bool {
    let s = state.borrow();
    s.text.value() != s.saved
}

/// The text changed: say whether it is saved, redraw (and keep the
/// unsaved text) soon.
fn changed(state: &Shared) {
    let document = state.borrow().document.clone();
    // What the publishing check showed is out of date.
    show(&document, "wb-publish", false);
    let status = if dirty(state) {
        "有未保存的修改。"
    } else {
        "已保存。"
    };
    say(&document, "wb-status", status);
    schedule(state);
}

/// Redraws `QUIET_MS` after the last change.
fn schedule(state: &Shared) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let mut s = state.borrow_mut();
    if let Some(t) = s.timer.take() {
        window.clear_timeout_with_handle(t);
    }
    let timer = s.redraw.as_ref().and_then(|f| {
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                f.as_ref().unchecked_ref(),
                QUIET_MS,
            )
            .ok()
    });
    s.timer = timer;
}

/// Keeps the text in the browser's storage while it is unsaved, checks
/// it and redraws the charts; lists every problem.
fn render(state: &Shared) -> Result<(), JsValue> {
    let text = keep_draft(state);
    let document = state.borrow().document.clone();
    let list: Element = by_id(&document, "wb-problem-list")?;
    let count: Element = by_id(&document, "wb-problem-count")?;
    let root: Element = by_id(&document, "wb-charts")?;
    // Read once: each chart redrawn takes its part of the same reading.
    let loaded = Rc::new(load(text.as_bytes()));
    match &*loaded {
        Ok(data) => {
            let problems: Vec<_> = data.problems().collect();
            view::problems(&document, &list, &count, &text, &problems)?;
            show(&document, "wb-stale", false);
            paste::choices(&document, &view::chart_choices(data))?;
            let (app, shown) = {
                let s = state.borrow();
                (s.app.clone(), s.shown.clone())
            };
            view::charts(&app, &shown, &document, &root, &loaded)?;
        }
        Err(problems) => {
            let problems: Vec<_> = problems.iter().collect();
            view::problems(&document, &list, &count, &text, &problems)?;
            // The charts stay as last read, and say so.
            show(&document, "wb-stale", root.child_element_count() > 0);
        }
    }
    Ok(())
}

/// Keeps the text in the browser's storage while it is unsaved (forgets
/// it once saved); returns the text.
fn keep_draft(state: &Shared) -> String {
    let draft = {
        let s = state.borrow();
        draft::Draft {
            name: s.name.clone(),
            text: s.text.value(),
            saved: s.saved.clone(),
            crlf: s.crlf,
            bom: s.bom,
        }
    };
    if draft.text == draft.saved {
        draft::forget();
    } else {
        draft::keep(&draft);
    }
    draft.text
}

/// Says that `what` failed, and why.
fn failed(state: &Shared, what: &str, why: &JsValue) {
    let document = state.borrow().document.clone();
    let why = why
        .as_string()
        .or_else(|| {
            js_sys::Reflect::get(why, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_default();
    say(&document, "wb-status", &format!("{what}：{why}"));
}

/// Replaces the whole text (a pasted table filled a chart's items), as an
/// edit: kept as a draft, redrawn.
fn replace_text(state: &Shared, text: &str) {
    state.borrow().text.set_value(text);
    changed(state);
}
