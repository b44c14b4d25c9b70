//! Live preview for editors (`?preview`, the full build): the data files
//! of the page are polled, and a root is taken over again when its file
//! changed. What it watches is the app's (`app::Preview`).

use crate::web::app::{App, Watched};
use crate::web::fetch::fetch_fresh;
use crate::web::take_over::{read, remount};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// How often preview checks the data file, ms.
const POLL_MS: i32 = 500;

/// Remembers a root's data file for preview.
pub(super) fn watch_file(app: &App, root: &Element, url: &str, bytes: Option<Vec<u8>>) {
    app.inner().preview.borrow_mut().watched.push(Watched {
        root: root.clone(),
        url: url.to_string(),
        last: bytes,
    });
}

/// Starts polling the watched data files (once).
pub(super) fn poll(app: &App) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let mut preview = app.inner().preview.borrow_mut();
    if preview.poll.is_some() {
        return Ok(());
    }
    let weak = app.weak();
    let tick = Closure::<dyn FnMut()>::new(move || {
        let Some(app) = App::upgrade(&weak) else {
            return;
        };
        let busy = std::mem::replace(&mut app.inner().preview.borrow_mut().busy, true);
        if !busy {
            wasm_bindgen_futures::spawn_local(async move { check(&app).await });
        }
    });
    window.set_interval_with_callback_and_timeout_and_arguments_0(
        tick.as_ref().unchecked_ref(),
        POLL_MS,
    )?;
    preview.poll = Some(tick);
    Ok(())
}

/// Fetches each watched file; takes its root over again when it changed.
async fn check(app: &App) {
    let targets: Vec<(usize, String)> = app
        .inner()
        .preview
        .borrow()
        .watched
        .iter()
        .enumerate()
        .map(|(i, w)| (i, w.url.clone()))
        .collect();
    for (index, url) in targets {
        let fetched = fetch_fresh(&url).await;
        let changed = {
            let mut preview = app.inner().preview.borrow_mut();
            preview.watched.get_mut(index).and_then(|w| {
                let now = fetched.as_ref().ok().cloned();
                if now == w.last {
                    return None;
                }
                w.last = now;
                Some(w.root.clone())
            })
        };
        if let Some(root) = changed {
            let document = web_sys::window().and_then(|w| w.document());
            if let Some(document) = document {
                remount(app, &document, &root, &read(&url, fetched)).await;
            }
        }
    }
    app.inner().preview.borrow_mut().busy = false;
}
