//! The page around the charts: live preview for editors, and height
//! messages for hosts that embed a chart in an iframe.

use super::fetch::fetch_fresh;
use super::start::{read, remount};
use crate::format::plain;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// How often preview checks the data file, ms.
const POLL_MS: i32 = 500;

/// A root whose data file preview watches.
struct Watched {
    root: Element,
    url: String,
    last: Option<Vec<u8>>,
}

#[derive(Default)]
struct Host {
    watched: Vec<Watched>,
    poll: Option<Closure<dyn FnMut()>>,
    busy: bool,
    height: Option<(web_sys::ResizeObserver, Closure<dyn FnMut()>)>,
    last_height: f64,
}

thread_local! {
    static HOST: RefCell<Host> = RefCell::new(Host::default());
}

/// A query parameter of the page's address.
pub(super) fn query(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// Preview mode: `?preview` in the page's address (`main.js` then loads
/// the full build; `start` asks only there, so that the readers'
/// build has none of preview's code).
pub(super) fn is_preview() -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok())
        .is_some_and(|p| p.has("preview"))
}

/// Remembers a root's data file for preview.
pub(super) fn watch_file(root: &Element, url: &str, bytes: Option<Vec<u8>>) {
    HOST.with(|h| {
        h.borrow_mut().watched.push(Watched {
            root: root.clone(),
            url: url.to_string(),
            last: bytes,
        });
    });
}

/// The preview banner at the top of a root: when the file was loaded and
/// how many problems it has.
pub(super) fn banner(
    document: &web_sys::Document,
    root: &Element,
    problems: usize,
) -> Result<(), JsValue> {
    let el = match root.query_selector(":scope > .ig-preview")? {
        Some(el) => el,
        None => {
            let el = document.create_element("p")?;
            el.set_class_name("ig-preview");
            el.set_attribute("role", "status")?;
            root.insert_before(&el, root.first_child().as_ref())?;
            el
        }
    };
    let time = js_sys::Date::new_0().to_locale_time_string("zh-CN");
    let state = if problems == 0 {
        "没有发现问题".to_string()
    } else {
        format!("发现 {problems} 个问题，见各图表位置")
    };
    // A built page's static figures are those of the build: the engine
    // redraws from the saved file, the built page only on the next build.
    let built = if root.has_attribute("data-infographic-source") {
        "；页面中预渲染的静态图要重新构建后才会更新"
    } else {
        ""
    };
    el.set_text_content(Some(&format!(
        "预览模式：保存数据文件后页面自动更新（{time} 载入，{state}{built}）"
    )));
    Ok(())
}

/// Starts polling the watched data files (once).
pub(super) fn poll() -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    HOST.with(|h| -> Result<(), JsValue> {
        let mut host = h.borrow_mut();
        if host.poll.is_some() {
            return Ok(());
        }
        let tick = Closure::<dyn FnMut()>::new(|| {
            let busy = HOST.with(|h| std::mem::replace(&mut h.borrow_mut().busy, true));
            if !busy {
                wasm_bindgen_futures::spawn_local(check());
            }
        });
        window.set_interval_with_callback_and_timeout_and_arguments_0(
            tick.as_ref().unchecked_ref(),
            POLL_MS,
        )?;
        host.poll = Some(tick);
        Ok(())
    })
}

/// Fetches each watched file; mounts its root again when it changed.
async fn check() {
    let targets: Vec<(usize, String)> = HOST.with(|h| {
        h.borrow()
            .watched
            .iter()
            .enumerate()
            .map(|(i, w)| (i, w.url.clone()))
            .collect()
    });
    for (index, url) in targets {
        let fetched = fetch_fresh(&url).await;
        let changed = HOST.with(|h| {
            let mut host = h.borrow_mut();
            let w = host.watched.get_mut(index)?;
            let now = fetched.as_ref().ok().cloned();
            if now == w.last {
                return None;
            }
            w.last = now;
            Some(w.root.clone())
        });
        if let Some(root) = changed {
            let document = web_sys::window().and_then(|w| w.document());
            if let Some(document) = document {
                remount(&document, &root, &read(&url, fetched)).await;
            }
        }
    }
    HOST.with(|h| h.borrow_mut().busy = false);
}

/// Tells the parent page (if any) the embed's height whenever it changes,
/// in the conventions of Pym.js, Datawrapper and AMP.
pub(super) fn report_height() -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let body = document.body().ok_or("no body")?;
    send_height();
    HOST.with(|h| -> Result<(), JsValue> {
        let mut host = h.borrow_mut();
        if host.height.is_none() {
            let callback = Closure::<dyn FnMut()>::new(send_height);
            let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref())?;
            observer.observe(&body);
            host.height = Some((observer, callback));
        }
        Ok(())
    })
}

fn send_height() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(html) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    let height = html.get_bounding_client_rect().height().ceil();
    let changed = HOST.with(|h| {
        let mut host = h.borrow_mut();
        let changed = host.last_height != height;
        host.last_height = height;
        changed
    });
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if !changed || parent == window {
        return;
    }
    // The chart is named in the address (embed.html?chart=ID) or by the
    // pre-rendered embed page's figure (embed-ID.html).
    let chart = query("chart")
        .or_else(|| {
            window
                .document()?
                .query_selector("[data-chart]")
                .ok()??
                .get_attribute("data-chart")
        })
        .unwrap_or_default();
    let child = query("childId").unwrap_or_else(|| chart.clone());
    // Pym.js: "pymxPYMx{id}xPYMxheightxPYMx{px}".
    let pym = JsValue::from_str(&format!("pymxPYMx{child}xPYMxheightxPYMx{}", plain(height)));
    // Datawrapper: {"datawrapper-height": {"{id}": px}}.
    let inner = js_sys::Object::new();
    let dw = js_sys::Object::new();
    // AMP: {sentinel: "amp", type: "embed-size", height: px}.
    let amp = js_sys::Object::new();
    let set = |o: &js_sys::Object, k: &str, v: &JsValue| {
        let _ = js_sys::Reflect::set(o, &k.into(), v);
    };
    set(&inner, &chart, &height.into());
    set(&dw, "datawrapper-height", &inner);
    set(&amp, "sentinel", &"amp".into());
    set(&amp, "type", &"embed-size".into());
    set(&amp, "height", &height.into());
    for message in [pym, dw.into(), amp.into()] {
        let _ = parent.post_message(&message, "*");
    }
}
