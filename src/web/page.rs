//! Page-wide state and watchers: the mounted charts, the charts waiting to
//! be taken over, a ResizeObserver (lay out again when a column changes
//! width), the device pixel ratio and colour scheme media queries (redraw
//! sharp, in the scheme the host declares), two IntersectionObservers (the
//! entrance the first time a chart scrolls into view; painting charts as
//! they come near), one animation-frame loop, and the document listeners
//! that close tips.

use super::chart::{Mounted, Paint, Relayout};
use super::dom::{listen, Listener};
use super::screen::{pixel_ratio, view_height, Fit};
use super::start::Pending;
use crate::format::plain;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit,
    MediaQueryList, ResizeObserver,
};

/// An observer or media query and the callback it calls.
type Watcher<O, A> = (O, Closure<dyn FnMut(A)>);

/// Page-wide state: the mounted charts and the watchers that keep them.
#[derive(Default)]
struct Page {
    charts: Vec<Rc<Mounted>>,
    /// Charts below the first screen, to take over after `infographic:ready`.
    waiting: Vec<Pending>,
    resize: Option<Watcher<ResizeObserver, JsValue>>,
    ratio: Option<Watcher<MediaQueryList, JsValue>>,
    scheme: Option<Watcher<MediaQueryList, JsValue>>,
    intersect: Option<Watcher<IntersectionObserver, js_sys::Array>>,
    /// Watches charts come within half a screen of view, to paint them.
    near: Option<Watcher<IntersectionObserver, js_sys::Array>>,
    document: Vec<Listener>,
    frame: Option<Closure<dyn FnMut(f64)>>,
    frame_pending: bool,
}

thread_local! {
    static PAGE: RefCell<Page> = RefCell::new(Page::default());
}

/// How far beyond the screen, as a share of its height, a chart counts as
/// near: painted at once on resize, and painted when scrolled this close.
const NEAR: f64 = 0.5;

/// Every mounted chart.
pub(super) fn charts() -> Vec<Rc<Mounted>> {
    PAGE.with(|p| p.borrow().charts.clone())
}

/// The mounted charts inside `root`.
pub(super) fn charts_in(root: &Element) -> Vec<Rc<Mounted>> {
    charts()
        .into_iter()
        .filter(|m| root.contains(Some(m.plot())))
        .collect()
}

/// Adds a chart taken over to the page's charts.
pub(super) fn add(m: Rc<Mounted>) {
    PAGE.with(|p| p.borrow_mut().charts.push(m));
}

/// Keeps a chart to take over later (see `start::settle`).
pub(super) fn wait(pending: Pending) {
    PAGE.with(|p| p.borrow_mut().waiting.push(pending));
}

/// The first chart still waiting to be taken over, if any.
pub(super) fn next_waiting() -> Option<Pending> {
    PAGE.with(|p| {
        let waiting = &mut p.borrow_mut().waiting;
        (!waiting.is_empty()).then(|| waiting.remove(0))
    })
}

/// Drops the charts mounted or waiting inside `root`, before mounting it
/// again.
pub(super) fn unmount(root: &Element) {
    PAGE.with(|p| {
        let mut page = p.borrow_mut();
        let (gone, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut page.charts)
            .into_iter()
            .partition(|m| root.contains(Some(m.plot())));
        for m in &gone {
            if let Some((observer, _)) = &page.resize {
                observer.unobserve(m.plot());
            }
            for (observer, _) in page.intersect.iter().chain(&page.near) {
                observer.unobserve(m.plot());
            }
        }
        page.charts = kept;
        page.waiting.retain(|w| !w.is_in(root));
    });
}

/// Lays out again every chart whose width, pixel ratio or scheme changed,
/// painting those near the screen at once. The others are left to paint
/// when they come near (a page of many charts rotates as fast as one
/// screenful). All sizes and places are read before anything is drawn:
/// one page layout, not one per chart.
fn redraw_all() {
    let view = view_height();
    let charts = charts();
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
            Ok(false) => PAGE.with(|p| {
                if let Some((observer, _)) = &p.borrow().near {
                    observer.unobserve(m.plot());
                    observer.observe(m.plot());
                }
            }),
            Ok(true) => {}
            Err(e) => web_sys::console::warn_1(&e),
        }
    }
}

/// Near-view observer callback: paints charts that came near the screen
/// and were not painted at their current size.
fn came_near(entries: js_sys::Array) {
    for m in intersecting(&entries) {
        if let Err(e) = m.finish() {
            web_sys::console::warn_1(&e);
        }
    }
}

/// IntersectionObserver callback: starts the entrance of charts that
/// scrolled into view, once each.
fn entered(entries: js_sys::Array) {
    for m in intersecting(&entries) {
        if let Err(e) = m.finish() {
            web_sys::console::warn_1(&e);
        }
        m.start_entrance();
        PAGE.with(|p| {
            if let Some((observer, _)) = &p.borrow().intersect {
                observer.unobserve(m.plot());
            }
        });
    }
    request_frame();
}

/// The charts an observer reports as now intersecting.
fn intersecting(entries: &js_sys::Array) -> Vec<Rc<Mounted>> {
    let targets: Vec<Element> = entries
        .iter()
        .filter_map(|e| e.dyn_into::<IntersectionObserverEntry>().ok())
        .filter(|e| e.is_intersecting())
        .map(|e| e.target())
        .collect();
    charts()
        .into_iter()
        .filter(|m| targets.iter().any(|t| m.plot().is_same_node(Some(t))))
        .collect()
}

/// An IntersectionObserver with `margin` around the viewport calling `f`.
fn observer(
    margin: &str,
    f: fn(js_sys::Array),
) -> Result<Watcher<IntersectionObserver, js_sys::Array>, JsValue> {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(f);
    let init = IntersectionObserverInit::new();
    init.set_root_margin(margin);
    let observer =
        IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init)?;
    Ok((observer, callback))
}

/// Starts the page-wide watchers (once) and observes every mounted chart.
pub(super) fn watch() -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    PAGE.with(|p| -> Result<(), JsValue> {
        let mut page = p.borrow_mut();
        if page.resize.is_none() {
            let callback = Closure::<dyn FnMut(JsValue)>::new(|_| redraw_all());
            let observer = ResizeObserver::new(callback.as_ref().unchecked_ref())?;
            page.resize = Some((observer, callback));
        }
        if page.intersect.is_none() {
            page.intersect = Some(observer("0px 0px -15% 0px", entered)?);
        }
        if page.near.is_none() {
            let margin = format!("{0}% 0px {0}% 0px", plain(NEAR * 100.0));
            page.near = Some(observer(&margin, came_near)?);
        }
        if page.document.is_empty() {
            for kind in ["pointerdown", "keydown"] {
                page.document.push(listen(&document, kind, dismiss)?);
            }
        }
        if page.scheme.is_none() {
            if let Some(list) = window.match_media("(prefers-color-scheme: dark)")? {
                let callback = Closure::<dyn FnMut(JsValue)>::new(|_| redraw_all());
                list.add_event_listener_with_callback("change", callback.as_ref().unchecked_ref())?;
                page.scheme = Some((list, callback));
            }
        }
        for m in &page.charts {
            if let Some((observer, _)) = &page.resize {
                observer.observe(m.plot());
            }
            if let Some((observer, _)) = &page.intersect {
                if !m.entered() {
                    observer.observe(m.plot());
                }
            }
            if let Some((observer, _)) = &page.near {
                observer.observe(m.plot());
            }
        }
        Ok(())
    })?;
    watch_ratio()
}

/// Listens for the device pixel ratio leaving its current value; then
/// redraws and listens again for the new value.
fn watch_ratio() -> Result<(), JsValue> {
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
    let callback = Closure::<dyn FnMut(JsValue)>::new(|_| {
        redraw_all();
        if let Err(e) = watch_ratio() {
            web_sys::console::warn_1(&e);
        }
    });
    list.add_event_listener_with_callback("change", callback.as_ref().unchecked_ref())?;
    PAGE.with(|p| {
        if let Some((old, old_cb)) = p.borrow_mut().ratio.replace((list, callback)) {
            let _ =
                old.remove_event_listener_with_callback("change", old_cb.as_ref().unchecked_ref());
        }
    });
    Ok(())
}

/// Asks for one animation frame if any chart is entering and none is
/// pending; each frame advances every entering chart.
pub(super) fn request_frame() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let wanted = charts().iter().any(|m| m.animating());
    PAGE.with(|p| {
        let mut page = p.borrow_mut();
        if !wanted || page.frame_pending {
            return;
        }
        if page.frame.is_none() {
            page.frame = Some(Closure::<dyn FnMut(f64)>::new(|now: f64| {
                PAGE.with(|p| p.borrow_mut().frame_pending = false);
                for m in charts() {
                    if let Err(e) = m.tick(now) {
                        web_sys::console::warn_1(&e);
                    }
                }
                request_frame();
            }));
        }
        if let Some(frame) = &page.frame {
            if window
                .request_animation_frame(frame.as_ref().unchecked_ref())
                .is_ok()
            {
                page.frame_pending = true;
            }
        }
    });
}

/// Document listener: a tap outside a chart, or Escape, closes every tip.
fn dismiss(event: &web_sys::Event) {
    let escape = event
        .dyn_ref::<web_sys::KeyboardEvent>()
        .map(|k| k.key() == "Escape");
    if escape == Some(false) {
        return;
    }
    let target = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok());
    for m in charts() {
        let inside = target.as_ref().is_some_and(|t| m.plot().contains(Some(t)));
        if escape == Some(true) || !inside {
            m.dismiss();
        }
    }
}
