//! The workbench's files: reading the bytes an editor opens (UTF-8, or GBK
//! and UTF-16 as Notepad and WPS save them), and writing them back — to the
//! same file where the browser has the File System Access API, else as a
//! download.

use crate::web::dom::object;
use js_sys::{Array, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// A data file's text as the editor sees it, and how to write it back.
pub(super) struct Opened {
    /// The text, with line breaks as a textarea has them (`\n`).
    pub text: String,
    /// The encoding it was read from when not UTF-8 (`GBK`, `UTF-16`):
    /// saved as UTF-8 only once the editor agrees.
    pub foreign: Option<&'static str>,
    /// Line breaks were `\r\n`: written back so.
    pub crlf: bool,
    /// It began with a UTF-8 byte-order mark: written back with it.
    pub bom: bool,
}

/// Reads a file's bytes as text.
pub(super) fn decode(bytes: &[u8]) -> Result<Opened, JsValue> {
    let (label, foreign, body, bom) = match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => ("utf-8", None, rest, true),
        [0xFF, 0xFE, ..] => ("utf-16le", Some("UTF-16"), bytes, false),
        [0xFE, 0xFF, ..] => ("utf-16be", Some("UTF-16"), bytes, false),
        _ if std::str::from_utf8(bytes).is_ok() => ("utf-8", None, bytes, false),
        _ => ("gbk", Some("GBK"), bytes, false),
    };
    let text = match (label, std::str::from_utf8(body)) {
        ("utf-8", Ok(text)) => text.to_string(),
        _ => web_sys::TextDecoder::new_with_label(label)?.decode_with_u8_array(body)?,
    };
    let crlf = text.contains("\r\n");
    Ok(Opened {
        text: if crlf {
            text.replace("\r\n", "\n")
        } else {
            text
        },
        foreign,
        crlf,
        bom,
    })
}

/// The bytes to write for `text`: UTF-8, with the file's line breaks and
/// byte-order mark as they were.
pub(super) fn encode(text: &str, crlf: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + 3);
    if bom {
        out.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
    }
    if crlf {
        out.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
    } else {
        out.extend_from_slice(text.as_bytes());
    }
    out
}

/// The bytes of a `File` (or any `Blob`).
pub(super) async fn bytes_of(file: &web_sys::Blob) -> Result<Vec<u8>, JsValue> {
    let buffer = JsFuture::from(file.array_buffer()).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Calls `window[name](options)` if the browser has it (the File System
/// Access API's pickers); `None` when it has not.
fn picker(name: &str, options: &JsValue) -> Option<Promise> {
    let window = web_sys::window()?;
    let f = Reflect::get(&window, &name.into()).ok()?;
    let f: js_sys::Function = f.dyn_into().ok()?;
    f.call1(&window, options).ok()?.dyn_into().ok()
}

/// Whether the browser can save back to an opened file.
pub(super) fn can_save_in_place() -> bool {
    web_sys::window().is_some_and(|w| {
        Reflect::get(&w, &"showSaveFilePicker".into()).is_ok_and(|f| f.is_function())
    })
}

/// The pickers' options: JSON data files, and a suggested name.
fn options(suggested: Option<&str>) -> JsValue {
    let accept = object(&[("application/json", Array::of1(&".json".into()).into())]);
    let kind = object(&[
        ("description", "数据文件 (JSON)".into()),
        ("accept", accept),
    ]);
    let types: JsValue = Array::of1(&kind).into();
    match suggested {
        Some(name) => object(&[("types", types), ("suggestedName", name.into())]),
        None => object(&[("types", types)]),
    }
}

/// Calls `object.method()` and awaits the promise it returns.
async fn call(object: &JsValue, method: &str, args: &Array) -> Result<JsValue, JsValue> {
    let f: js_sys::Function = Reflect::get(object, &method.into())?.dyn_into()?;
    let promise: Promise = f.apply(object, args)?.dyn_into()?;
    JsFuture::from(promise).await
}

/// Lets the editor pick a file with the File System Access API: its handle
/// (to save back to), name and bytes. `Ok(None)`: no such API, or the
/// editor cancelled.
pub(super) async fn pick() -> Result<Option<(JsValue, String, Vec<u8>)>, JsValue> {
    let Some(promise) = picker("showOpenFilePicker", &options(None)) else {
        return Ok(None);
    };
    let Ok(handles) = JsFuture::from(promise).await else {
        return Ok(None);
    };
    let handle = Array::from(&handles).get(0);
    let file: web_sys::File = call(&handle, "getFile", &Array::new()).await?.dyn_into()?;
    let bytes = bytes_of(&file).await?;
    Ok(Some((handle, file.name(), bytes)))
}

/// Asks where to save a file first saved (File System Access API): its
/// handle, or `None` if the editor cancelled.
pub(super) async fn pick_save(name: &str) -> Result<Option<JsValue>, JsValue> {
    let Some(promise) = picker("showSaveFilePicker", &options(Some(name))) else {
        return Ok(None);
    };
    Ok(JsFuture::from(promise).await.ok())
}

/// Writes `bytes` to the file behind `handle`, replacing it.
pub(super) async fn write(handle: &JsValue, bytes: &[u8]) -> Result<(), JsValue> {
    let writable = call(handle, "createWritable", &Array::new()).await?;
    let data = Uint8Array::from(bytes);
    call(&writable, "write", &Array::of1(&data)).await?;
    call(&writable, "close", &Array::new()).await?;
    Ok(())
}

/// The file name behind `handle`.
pub(super) fn handle_name(handle: &JsValue) -> Option<String> {
    Reflect::get(handle, &"name".into()).ok()?.as_string()
}

/// Offers `bytes` as a download named `name`.
pub(super) fn download(
    document: &web_sys::Document,
    name: &str,
    bytes: &[u8],
    kind: &str,
) -> Result<(), JsValue> {
    let url = blob_url(bytes, kind)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Let go of the file once the download has surely started (revoked at
    // once, some browsers cancel it).
    let release = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        window.set_timeout_with_callback_and_timeout_and_arguments_0(
            release.unchecked_ref(),
            60_000,
        )?;
    }
    Ok(())
}

/// A `blob:` URL of `bytes` of type `kind`.
pub(super) fn blob_url(bytes: &[u8], kind: &str) -> Result<String, JsValue> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(kind);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    web_sys::Url::create_object_url_with_blob(&blob)
}
