//! Start-up: [`mount`] finds every `[data-infographic="DATA.json"]`
//! root, reads its data file and takes over each `[data-chart="ID"]`
//! figure in it — the ones on the first screen before `infographic:ready`,
//! the rest one per task after it.

use crate::web::app::App;
use crate::web::dom::listen;
use crate::web::embed::report_height;
use crate::web::fetch::{fetch, page_copy};
use crate::web::preview::{poll, watch_file};
use crate::web::report::announce;
use crate::web::schedule::next_task;
use crate::web::screen::view_height;
use crate::web::take_over::{complete, find_charts, first_screen, read, settle};
use crate::web::watch::watch;
use std::future::Future;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element, Event};

/// Waits for the page to be parsed (loaded `async`, the engine may start
/// before it is).
async fn parsed(document: &Document) {
    let loading = js_sys::Reflect::get(document, &"readyState".into())
        .ok()
        .and_then(|s| s.as_string())
        .is_some_and(|s| s == "loading");
    if !loading {
        return;
    }
    let mut listener = None;
    let parsed = js_sys::Promise::new(&mut |resolve, _| {
        listener = listen(document, "DOMContentLoaded", move |_: &Event| {
            let _ = resolve.call0(&JsValue::NULL);
        })
        .ok();
    });
    let _ = JsFuture::from(parsed).await;
    drop(listener);
}

/// Mounts every infographic on the page not mounted before; resolves
/// when every chart has drawn its first frame (or shown its problem).
/// On the way it dispatches `infographic:ready` once the charts on the
/// first screen answer the reader, and `infographic:painted` once all
/// are live; each event's detail reports every chart (the first lists
/// marks of drawn charts only).
pub(super) async fn mount(app: &App) -> Result<JsValue, JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    parsed(&document).await;
    // Every data file is requested first. Layout measures text with one
    // fixed metric (`ApproxMeasure`, as the build does), so nothing
    // waits for fonts.
    let roots = roots(app, &document)?;
    let mut found = Vec::new();
    let mut embeds = false;
    let mut view = None;
    for (root, url, copy, request) in roots {
        let fetched = match request {
            Some(request) => request.await,
            None => copy.ok_or_else(String::new),
        };
        // Read with the figures' places, before any chart DOM goes in:
        // on a phone (a page with a viewport) reading it later would
        // force a second layout of the whole article before the first
        // frame.
        view.get_or_insert_with(view_height);
        if app.mode().preview() {
            // A built page names its data file's own copy for preview.
            let source = root
                .get_attribute("data-infographic-source")
                .unwrap_or_else(|| url.clone());
            watch_file(app, &root, &source, fetched.as_ref().ok().cloned());
        }
        found.extend(find_charts(app, &document, &root, &read(&url, fetched))?);
        embeds |= root.has_attribute("data-embed");
    }
    let mut charts = first_screen(app, &document, found, view.unwrap_or(f64::INFINITY));
    if embeds {
        report_height(app)?;
    }
    announce(&document, "ready", &charts)?;

    // What the first frame does not need waits for a later task: the
    // page-wide watchers, preview's polling, the charts further down.
    next_task().await;
    watch(app)?;
    if app.mode().preview() {
        poll(app)?;
    }
    settle(app).await;
    complete(app, &mut charts);
    announce(&document, "painted", &charts)
}

/// The roots not mounted before, each marked mounted, with its data
/// file: the page's copy, else a request made now (preview: the file
/// may be newer than the page, so always a request).
#[allow(clippy::type_complexity)]
fn roots(
    app: &App,
    document: &Document,
) -> Result<
    Vec<(
        Element,
        String,
        Option<Vec<u8>>,
        Option<impl Future<Output = Result<Vec<u8>, String>>>,
    )>,
    JsValue,
> {
    let mut roots = Vec::new();
    let list = document.query_selector_all("[data-infographic]")?;
    for i in 0..list.length() {
        let Some(root) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if root.has_attribute("data-infographic-mounted") {
            continue;
        }
        root.set_attribute("data-infographic-mounted", "")?;
        let url = root.get_attribute("data-infographic").unwrap_or_default();
        let copy = if app.mode().preview() {
            None
        } else {
            page_copy(document, &url)
        };
        let request = copy.is_none().then(|| fetch(&url));
        roots.push((root, url, copy, request));
    }
    Ok(roots)
}
