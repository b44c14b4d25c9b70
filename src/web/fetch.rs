//! Reading files: the data files (the page's own copy, or over the
//! network), and preview's polling.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element, Response};

/// Requests `url` now (not when first polled) and reads the body when
/// awaited.
pub(super) fn fetch(url: &str) -> impl std::future::Future<Output = Result<Vec<u8>, String>> {
    request(url, false)
}

/// The page's own copy of the data file at `url`: the build writes it as a
/// `<script type="application/json" data-infographic-data="URL">`, so that
/// no request waits on the network.
pub(super) fn page_copy(document: &Document, url: &str) -> Option<Vec<u8>> {
    let blocks = document
        .query_selector_all("script[data-infographic-data]")
        .ok()?;
    for i in 0..blocks.length() {
        let block: Element = blocks.item(i)?.dyn_into().ok()?;
        if block.get_attribute("data-infographic-data")? == url {
            return block.text_content().map(String::into_bytes);
        }
    }
    None
}

/// Fetches bypassing every cache (preview's polling).
pub(super) async fn fetch_fresh(url: &str) -> Result<Vec<u8>, String> {
    request(url, true).await
}

fn request(url: &str, fresh: bool) -> impl std::future::Future<Output = Result<Vec<u8>, String>> {
    let request = web_sys::window().map(|window| {
        let init = web_sys::RequestInit::new();
        if fresh {
            init.set_cache(web_sys::RequestCache::NoStore);
        }
        JsFuture::from(window.fetch_with_str_and_init(url, &init))
    });
    async move { read_body(request.ok_or("no window")?.await).await }
}

/// The body of a fetched response, or why there is none.
async fn read_body(response: Result<JsValue, JsValue>) -> Result<Vec<u8>, String> {
    let response: Response = response
        .map_err(|_| "网络错误 (network error)".to_string())?
        .dyn_into()
        .map_err(|_| "not a response".to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| "no body".to_string())?)
        .await
        .map_err(|_| "读取失败 (read error)".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
