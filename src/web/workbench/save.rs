//! Saving: back to the opened file where the browser has the File System
//! Access API, else to one the editor picks, else as a download; a file
//! read from GBK or UTF-16 only once the editor agrees to UTF-8.

use super::{draft, failed, file, say, show, Shared};

/// Saves the text: to the opened file, else to one the editor picks,
/// else (no File System Access API, or `download`) as a download.
pub(super) fn save(state: &Shared, download: bool) {
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
