//! When deferred work runs: in a later task, or when the browser is idle.
//! Between tasks the browser paints and answers the reader.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Resolves in a later task (a zero timeout).
pub(super) async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Resolves when the browser is idle (`requestIdleCallback`, at most half
/// a second away), or in a later task where there is no such call.
pub(super) async fn next_idle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let called = idle.is_some_and(|f| {
            let options = web_sys::IdleRequestOptions::new();
            options.set_timeout(500);
            f.call2(&window, &resolve, &options).is_ok()
        });
        if !called {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}
