//! The page-wide watchers the app keeps: a ResizeObserver (lay out again
//! when a column changes width), the device pixel ratio and colour scheme
//! media queries (redraw sharp, in the scheme the host declares), two
//! IntersectionObservers (the entrance the first time a chart scrolls into
//! view; painting charts as they come near), one animation-frame loop, and
//! the document listeners that close tips. Each calls back into the app.

use crate::format::plain;
use crate::web::app::{App, Watcher};
use crate::web::chart::{Mounted, Paint, Relayout};
use crate::web::screen::{pixel_ratio, view_height, Fit};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, Event, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit,
    ResizeObserver,
};

/// How far beyond the screen, as a share of its height, a chart counts as
/// near: painted at once on resize, and painted when scrolled this close.
const NEAR: f64 = 0.5;

/// An IntersectionObserver with `margin` around the viewport calling `f`
/// with the app and the charts now intersecting.
fn observer(
    app: &App,
    margin: &str,
    f: fn(&App, Vec<Rc<Mounted>>),
) -> Result<Watcher<IntersectionObserver, js_sys::Array>, JsValue> {
    let weak = app.weak();
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(app) = App::upgrade(&weak) {
            let charts = intersecting(&app, &entries);
            f(&app, charts);
        }
    });
    let init = IntersectionObserverInit::new();
    init.set_root_margin(margin);
    let observer =
        IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init)?;
    Ok((observer, callback))
}

/// Starts the page-wide watchers (once) and observes every chart
/// taken over.
pub(super) fn watch(app: &App) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let charts = app.charts();
    let mut w = app.inner().watchers.borrow_mut();
    if w.resize.is_none() {
        let weak = app.weak();
        let callback = Closure::<dyn FnMut(JsValue)>::new(move |_| {
            if let Some(app) = App::upgrade(&weak) {
                redraw_all(&app);
            }
        });
        let observer = ResizeObserver::new(callback.as_ref().unchecked_ref())?;
        w.resize = Some((observer, callback));
    }
    if w.intersect.is_none() {
        w.intersect = Some(observer(app, "0px 0px -15% 0px", entered)?);
    }
    if w.near.is_none() {
        let margin = format!("{0}% 0px {0}% 0px", plain(NEAR * 100.0));
        w.near = Some(observer(app, &margin, came_near)?);
    }
    if w.document.is_empty() {
        for kind in ["pointerdown", "keydown"] {
            w.document.push(app.listen(&document, kind, dismiss)?);
        }
    }
    if w.scheme.is_none() {
        if let Some(list) = window.match_media("(prefers-color-scheme: dark)")? {
            let listener = app.listen(&list, "change", |_: &Event, app| redraw_all(app))?;
            w.scheme = Some((list, listener));
        }
    }
    for m in &charts {
        if let Some((observer, _)) = &w.resize {
            observer.observe(m.plot());
        }
        if let Some((observer, _)) = &w.intersect {
            if !m.entered() {
                observer.observe(m.plot());
            }
        }
        if let Some((observer, _)) = &w.near {
            observer.observe(m.plot());
        }
    }
    drop(w);
    watch_ratio(app)
}

/// Listens for the device pixel ratio leaving its current value; then
/// redraws and listens again for the new value.
fn watch_ratio(app: &App) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    // A window of a hundredth around the ratio: `plain` prints two decimals.
    let ratio = pixel_ratio() * 100.0;
    let query = format!(
        "(min-resolution: {}dppx) and (max-resolution: {}dppx)",
        plain(ratio.floor() / 100.0),
        plain(ratio.ceil() / 100.0)
    );
    let Some(list) = window.match_media(&query)? else {
        return Ok(());
    };
    let listener = app.listen(&list, "change", |_: &Event, app| {
        redraw_all(app);
        if let Err(e) = watch_ratio(app) {
            web_sys::console::warn_1(&e);
        }
    })?;
    // The old query's listener goes with it.
    app.inner().watchers.borrow_mut().ratio = Some((list, listener));
    Ok(())
}

/// Lays out again every chart whose width, pixel ratio or scheme
/// changed, painting those near the screen at once. The others are
/// left to paint when they come near (a page of many charts rotates as
/// fast as one screenful). All sizes and places are read before
/// anything is drawn: one page layout, not one per chart.
fn redraw_all(app: &App) {
    let view = view_height();
    let charts = app.charts();
    let places: Vec<(Fit, bool)> = charts
        .iter()
        .map(|m| {
            let rect = m.plot().get_bounding_client_rect();
            let near = rect.bottom() > -NEAR * view && rect.top() < (1.0 + NEAR) * view;
            (m.fit(), near)
        })
        .collect();
    for (m, (fit, near)) in charts.iter().zip(places) {
        let paint = if near { Paint::Now } else { Paint::Later };
        match m.draw_at(fit, Relayout::IfChanged, paint) {
            // Asked again, the observer reports where the chart is once
            // the page is laid out: it is painted then if near after all.
            Ok(false) => {
                if let Some((observer, _)) = &app.inner().watchers.borrow().near {
                    observer.unobserve(m.plot());
                    observer.observe(m.plot());
                }
            }
            Ok(true) => {}
            Err(e) => web_sys::console::warn_1(&e),
        }
    }
}

/// Near-view observer: paints charts that came near the screen and
/// were not painted at their current size.
fn came_near(_: &App, charts: Vec<Rc<Mounted>>) {
    for m in charts {
        if let Err(e) = m.finish() {
            web_sys::console::warn_1(&e);
        }
    }
}

/// Entrance observer: starts the entrance of charts that scrolled into
/// view, once each.
fn entered(app: &App, charts: Vec<Rc<Mounted>>) {
    for m in charts {
        if let Err(e) = m.finish() {
            web_sys::console::warn_1(&e);
        }
        m.start_entrance();
        if let Some((observer, _)) = &app.inner().watchers.borrow().intersect {
            observer.unobserve(m.plot());
        }
    }
    request_frame(app);
}

/// The charts an observer reports as now intersecting.
fn intersecting(app: &App, entries: &js_sys::Array) -> Vec<Rc<Mounted>> {
    let targets: Vec<Element> = entries
        .iter()
        .filter_map(|e| e.dyn_into::<IntersectionObserverEntry>().ok())
        .filter(|e| e.is_intersecting())
        .map(|e| e.target())
        .collect();
    app.charts()
        .into_iter()
        .filter(|m| targets.iter().any(|t| m.plot().is_same_node(Some(t))))
        .collect()
}

/// Asks for one animation frame if any chart is entering and none is
/// pending; each frame advances every entering chart.
pub(super) fn request_frame(app: &App) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let wanted = app.charts().iter().any(|m| m.animating());
    let mut w = app.inner().watchers.borrow_mut();
    if !wanted || w.frame_pending {
        return;
    }
    if w.frame.is_none() {
        let weak = app.weak();
        w.frame = Some(Closure::<dyn FnMut(f64)>::new(move |now: f64| {
            let Some(app) = App::upgrade(&weak) else {
                return;
            };
            app.inner().watchers.borrow_mut().frame_pending = false;
            for m in app.charts() {
                if let Err(e) = m.tick(now) {
                    web_sys::console::warn_1(&e);
                }
            }
            request_frame(&app);
        }));
    }
    if let Some(frame) = &w.frame {
        if window
            .request_animation_frame(frame.as_ref().unchecked_ref())
            .is_ok()
        {
            w.frame_pending = true;
        }
    }
}

/// A tap outside a chart, or Escape, closes every tip.
fn dismiss(event: &Event, app: &App) {
    let escape = event
        .dyn_ref::<web_sys::KeyboardEvent>()
        .map(|k| k.key() == "Escape");
    if escape == Some(false) {
        return;
    }
    let target = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
    for m in app.charts() {
        let inside = target.as_ref().is_some_and(|t| m.plot().contains(Some(t)));
        if escape == Some(true) || !inside {
            m.dismiss();
        }
    }
}
