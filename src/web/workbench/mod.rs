//! The editors' workbench (`editor.html`, the editor build only): open a
//! data file (picker, drag and drop, or a start from an article or a blank
//! one), edit its text with every problem listed where it is and every
//! chart redrawn as one types, paste a table from a spreadsheet into a
//! chart, and save — back to the same file where the browser can, else as
//! a download. An unsaved change is kept in the browser's storage and
//! offered back after a reload; closing the tab with one asks first.
//!
//! - `file.rs`: reading (UTF-8, GBK, UTF-16) and writing files.
//! - `draft.rs`: the unsaved change kept across reloads.
//! - `view.rs`: the problem list and the charts.
//! - `paste.rs`: a spreadsheet's table into a chart's items.
//! - `publish.rs`: before publishing — every check, the charts at a phone's
//!   and a desktop's width, their summaries and images.

mod draft;
mod file;
mod paste;
mod publish;
mod view;

use super::dom::{listen, Listener};
use crate::model::load;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Document, DragEvent, Element, Event, HtmlElement, HtmlInputElement, HtmlSelectElement,
    HtmlTextAreaElement,
};

/// How long after the last key the charts are redrawn, ms.
const QUIET_MS: i32 = 100;

/// A blank article: one chart to fill in (its items by pasting a table).
const BLANK: &str = r#"{
  "$schema": "./infographic.schema.json",
  "publication": "喀左时讯",
  "updated": "",
  "charts": [
    {
      "id": "chart-1",
      "kind": "bars",
      "title": "",
      "subtitle": "",
      "source": "数据来源：",
      "notes": [],
      "items": []
    }
  ]
}
"#;

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
}

type Shared = Rc<RefCell<State>>;

thread_local! {
    static BENCH: RefCell<Option<Shared>> = const { RefCell::new(None) };
}

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
    }));
    BENCH.with(|b| *b.borrow_mut() = Some(state.clone()));
    super::start::as_workbench();

    let redraw = {
        let state = state.clone();
        Closure::<dyn FnMut()>::new(move || {
            state.borrow_mut().timer = None;
            if let Err(e) = render(&state) {
                web_sys::console::warn_1(&e);
            }
        })
    };
    let mut listeners = Vec::new();
    let on = |id: &str| -> Result<web_sys::EventTarget, JsValue> { by_id(&document, id) };
    {
        let state = state.clone();
        listeners.push(listen::<Event>(&text, "input", move |_| changed(&state))?);
    }
    {
        let state = state.clone();
        let input: HtmlInputElement = by_id(&document, "wb-file")?;
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
        let select: HtmlSelectElement = by_id(&document, "wb-template")?;
        let chosen = select.clone();
        listeners.push(listen::<Event>(&on("wb-start")?, "click", move |_| {
            start_from(&state, &chosen.value());
        })?);
    }
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
                let (document, text) = {
                    let s = state.borrow();
                    (s.document.clone(), s.text.value())
                };
                if let Err(e) = publish::check(&document, &text) {
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
            &window,
            "beforeunload",
            move |e| {
                if dirty(&state) {
                    e.prevent_default();
                    e.set_return_value("");
                }
            },
        )?);
    }
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

/// The text changed: keep the draft, say so, redraw soon.
fn changed(state: &Shared) {
    let (document, draft) = {
        let s = state.borrow();
        (
            s.document.clone(),
            draft::Draft {
                name: s.name.clone(),
                text: s.text.value(),
                saved: s.saved.clone(),
                crlf: s.crlf,
                bom: s.bom,
            },
        )
    };
    // What the publishing check showed is out of date.
    show(&document, "wb-publish", false);
    if draft.text == draft.saved {
        draft::forget();
        say(&document, "wb-status", "已保存。");
    } else {
        draft::keep(&draft);
        say(&document, "wb-status", "有未保存的修改。");
    }
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

/// Checks the text and redraws the charts; lists every problem.
fn render(state: &Shared) -> Result<(), JsValue> {
    let (document, text) = {
        let s = state.borrow();
        (s.document.clone(), s.text.value())
    };
    let list: Element = by_id(&document, "wb-problem-list")?;
    let count: Element = by_id(&document, "wb-problem-count")?;
    let root: Element = by_id(&document, "wb-charts")?;
    match load(text.as_bytes()) {
        Ok(data) => {
            let problems: Vec<_> = data.problems().collect();
            view::problems(&document, &list, &count, &text, &problems)?;
            show(&document, "wb-stale", false);
            paste::choices(&document, &view::chart_choices(&data))?;
            view::charts(&document, &root, &data, text.into_bytes())?;
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

/// Opens a `File` chosen with the file input or dropped on the page.
fn open_file(state: &Shared, file: web_sys::File, handle: Option<JsValue>) {
    let state = state.clone();
    wasm_bindgen_futures::spawn_local(async move {
        match file::bytes_of(&file).await {
            Ok(bytes) => opened(&state, &file.name(), &bytes, handle),
            Err(e) => failed(&state, "文件无法读取", &e),
        }
    });
}

/// Shows a file just read, replacing what was edited.
fn opened(state: &Shared, name: &str, bytes: &[u8], handle: Option<JsValue>) {
    let opened = match file::decode(bytes) {
        Ok(o) => o,
        Err(e) => return failed(state, "文件无法按文本读取", &e),
    };
    let document = {
        let mut s = state.borrow_mut();
        s.name = name.to_string();
        s.saved = opened.text.clone();
        s.handle = handle;
        s.crlf = opened.crlf;
        s.bom = opened.bom;
        s.foreign = opened.foreign;
        s.text.set_value(&opened.text);
        s.document.clone()
    };
    draft::forget();
    show(&document, "wb-draft", false);
    say(&document, "wb-name", name);
    if let Some(encoding) = opened.foreign {
        say(
            &document,
            "wb-encoding-text",
            &format!("此文件是 {encoding} 编码，已按 {encoding} 读取显示。网页只读 UTF-8：保存时须改存为 UTF-8。"),
        );
        show(&document, "wb-encoding", true);
        say(
            &document,
            "wb-status",
            &format!("已打开 {name}（{encoding} 编码）。"),
        );
    } else {
        show(&document, "wb-encoding", false);
        say(&document, "wb-status", &format!("已打开 {name}。"));
    }
    if let Err(e) = render(state) {
        web_sys::console::warn_1(&e);
    }
}

/// Starts from an article's data file (`url`), or a blank one (`""`).
fn start_from(state: &Shared, url: &str) {
    if !may_replace(state) {
        return;
    }
    if url.is_empty() {
        return opened(state, "new-article.json", BLANK.as_bytes(), None);
    }
    let state = state.clone();
    let url = url.to_string();
    wasm_bindgen_futures::spawn_local(async move {
        match super::fetch::fetch(&url).await {
            Ok(bytes) => {
                let name = unhashed(url.rsplit('/').next().unwrap_or("data.json"));
                opened(&state, &name, &bytes, None);
            }
            Err(why) => failed(&state, "文件无法加载", &JsValue::from_str(&why)),
        }
    });
}

/// A built data file's own name: `kazuo-2024.6a2e5af2d4.json` →
/// `kazuo-2024.json` (the build's content hash out).
fn unhashed(name: &str) -> String {
    let parts: Vec<&str> = name.split('.').collect();
    match parts.as_slice() {
        [stem @ .., hash, ext]
            if hash.len() == 10 && hash.bytes().all(|b| b.is_ascii_hexdigit()) =>
        {
            format!("{}.{ext}", stem.join("."))
        }
        _ => name.to_string(),
    }
}

/// Whether the text may be replaced by another file's: nothing unsaved,
/// or the editor agrees to drop it.
fn may_replace(state: &Shared) -> bool {
    !dirty(state) || confirm("当前文件有未保存的修改，确定放弃并打开另一个文件吗？")
}

fn confirm(question: &str) -> bool {
    web_sys::window().is_some_and(|w| w.confirm_with_message(question).unwrap_or(false))
}

/// Saves the text: to the opened file, else to one the editor picks,
/// else (no File System Access API, or `download`) as a download.
fn save(state: &Shared, download: bool) {
    let (document, name, text, crlf, bom, foreign, handle) = {
        let s = state.borrow();
        (
            s.document.clone(),
            s.name.clone(),
            s.text.value(),
            s.crlf,
            s.bom,
            s.foreign,
            s.handle.clone(),
        )
    };
    if name.is_empty() {
        return say(&document, "wb-status", "还没有打开文件。");
    }
    if let Some(encoding) = foreign {
        show(&document, "wb-encoding", true);
        return say(
            &document,
            "wb-status",
            &format!("此文件是 {encoding} 编码：请先确认改存为 UTF-8。"),
        );
    }
    let bytes = file::encode(&text, crlf, bom);
    if download || !file::can_save_in_place() {
        return match file::download(&document, &name, &bytes, "application/json") {
            Ok(()) => {
                if !download {
                    saved(state, &text, &format!("已下载 {name}：请用它替换原文件。"));
                } else {
                    say(&document, "wb-status", &format!("已下载副本 {name}。"));
                }
            }
            Err(e) => failed(state, "无法下载", &e),
        };
    }
    let state = state.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let handle = match handle {
            Some(h) => Some(h),
            None => match file::pick_save(&name).await {
                Ok(h) => h,
                Err(e) => return failed(&state, "无法保存", &e),
            },
        };
        let Some(handle) = handle else {
            return;
        };
        match file::write(&handle, &bytes).await {
            Ok(()) => {
                let name = file::handle_name(&handle).unwrap_or(name);
                {
                    let mut s = state.borrow_mut();
                    s.handle = Some(handle);
                    s.name = name.clone();
                }
                say(&document, "wb-name", &name);
                saved(&state, &text, &format!("已保存到 {name}。"));
            }
            Err(e) => failed(&state, "无法保存", &e),
        }
    });
}

/// `text` is now the file's: nothing unsaved.
fn saved(state: &Shared, text: &str, message: &str) {
    let document = {
        let mut s = state.borrow_mut();
        s.saved = text.to_string();
        s.document.clone()
    };
    draft::forget();
    say(&document, "wb-status", message);
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

/// Offers back the unsaved change kept from before a reload.
fn offer_draft(state: &Shared) -> Result<(), JsValue> {
    let Some(kept) = draft::kept() else {
        return Ok(());
    };
    let document = state.borrow().document.clone();
    say(
        &document,
        "wb-draft-text",
        &format!("上次编辑 {} 时有未保存的修改。", kept.name),
    );
    show(&document, "wb-draft", true);
    let restore: Element = by_id(&document, "wb-restore")?;
    let discard: Element = by_id(&document, "wb-discard")?;
    let kept = Rc::new(kept);
    let mut listeners = Vec::new();
    {
        let state = state.clone();
        let kept = kept.clone();
        listeners.push(listen::<Event>(&restore, "click", move |_| {
            let document = {
                let mut s = state.borrow_mut();
                s.name = kept.name.clone();
                s.saved = kept.saved.clone();
                s.crlf = kept.crlf;
                s.bom = kept.bom;
                s.handle = None;
                s.foreign = None;
                s.text.set_value(&kept.text);
                s.document.clone()
            };
            show(&document, "wb-draft", false);
            say(&document, "wb-name", &kept.name);
            say(
                &document,
                "wb-status",
                "已恢复未保存的修改：保存时请选择文件。",
            );
            if let Err(e) = render(&state) {
                web_sys::console::warn_1(&e);
            }
        })?);
    }
    {
        let document = document.clone();
        listeners.push(listen::<Event>(&discard, "click", move |_| {
            draft::forget();
            show(&document, "wb-draft", false);
            say(&document, "wb-status", "已放弃上次未保存的修改。");
        })?);
    }
    state.borrow_mut().listeners.extend(listeners);
    Ok(())
}

/// Replaces the whole text (a pasted table filled a chart's items), as an
/// edit: kept as a draft, redrawn.
fn replace_text(state: &Shared, text: &str) {
    state.borrow().text.set_value(text);
    changed(state);
}
