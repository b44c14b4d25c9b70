//! Opening a file: one the editor picks or drops, an article's data file
//! or a blank article (never over unsaved text without asking), and the
//! unsaved text kept from before a reload, offered back.

use super::{by_id, dirty, draft, failed, file, render, say, show, Shared};
use crate::web::dom::listen;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Element, Event};

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

/// Opens a `File` chosen with the file input or dropped on the page.
pub(super) fn open_file(state: &Shared, file: web_sys::File, handle: Option<JsValue>) {
    let state = state.clone();
    wasm_bindgen_futures::spawn_local(async move {
        match file::bytes_of(&file).await {
            Ok(bytes) => opened(&state, &file.name(), &bytes, handle),
            Err(e) => failed(&state, "文件无法读取", &e),
        }
    });
}

/// Shows a file just read, replacing what was edited.
pub(super) fn opened(state: &Shared, name: &str, bytes: &[u8], handle: Option<JsValue>) {
    let opened = match file::decode(bytes) {
        Ok(o) => o,
        Err(e) => return failed(state, "文件无法按文本读取", &e),
    };
    let saved = opened.text.clone();
    let foreign = opened.foreign;
    let document = put(state, name, opened, saved, handle);
    if let Some(encoding) = foreign {
        say(
            &document,
            "wb-encoding-text",
            &format!("此文件是 {encoding} 编码，已按 {encoding} 读取显示。网页只读 UTF-8：保存时须改存为 UTF-8。"),
        );
        say(
            &document,
            "wb-status",
            &format!("已打开 {name}（{encoding} 编码）。"),
        );
    } else {
        say(&document, "wb-status", &format!("已打开 {name}。"));
    }
    show(&document, "wb-encoding", foreign.is_some());
    if let Err(e) = render(state) {
        web_sys::console::warn_1(&e);
    }
}

/// Puts `text` (as last saved: `saved`) in the editor under `name`, to be
/// written back through `handle` if some; returns the page.
fn put(
    state: &Shared,
    name: &str,
    text: file::Opened,
    saved: String,
    handle: Option<JsValue>,
) -> web_sys::Document {
    let document = {
        let mut s = state.borrow_mut();
        s.name = name.to_string();
        s.saved = saved;
        s.handle = handle;
        s.crlf = text.crlf;
        s.bom = text.bom;
        s.foreign = text.foreign;
        s.text.set_value(&text.text);
        s.document.clone()
    };
    show(&document, "wb-draft", false);
    say(&document, "wb-name", name);
    document
}

/// Starts from an article's data file (`url`), or a blank one (`""`).
pub(super) fn start_from(state: &Shared, url: &str) {
    if !may_replace(state) {
        return;
    }
    if url.is_empty() {
        return opened(state, "new-article.json", BLANK.as_bytes(), None);
    }
    let state = state.clone();
    let url = url.to_string();
    wasm_bindgen_futures::spawn_local(async move {
        match crate::web::fetch::fetch(&url).await {
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
pub(super) fn may_replace(state: &Shared) -> bool {
    !dirty(state) || confirm("当前文件有未保存的修改，确定放弃并打开另一个文件吗？")
}

fn confirm(question: &str) -> bool {
    web_sys::window().is_some_and(|w| w.confirm_with_message(question).unwrap_or(false))
}

/// Offers back the unsaved change kept from before a reload.
pub(super) fn offer_draft(state: &Shared) -> Result<(), JsValue> {
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
            let text = file::Opened {
                text: kept.text.clone(),
                foreign: None,
                crlf: kept.crlf,
                bom: kept.bom,
            };
            let document = put(&state, &kept.name, text, kept.saved.clone(), None);
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
