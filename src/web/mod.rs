//! The browser: the one module that touches web-sys.
//!
//! [`mount`] finds every `[data-infographic="DATA.json"]` element, loads
//! its data file, and takes over each `[data-chart="ID"]` inside it (see
//! `chart.rs`): it adopts the pre-rendered figure and puts the live canvas
//! in its static plot's place, in the same box. Page-wide watchers live
//! here: a ResizeObserver (re-layout when a column changes width), the
//! device pixel ratio and colour scheme media queries (redraw sharp, in
//! the scheme the host page declares), an IntersectionObserver (entrance
//! animation the first time a chart scrolls into view), one animation-frame
//! loop, and the document listeners that dismiss tooltips. When the charts
//! on the first screen answer the reader, `document` receives
//! `infographic:ready`; when every chart is live, `infographic:painted`.

mod chart;
mod dom;
mod host;
mod share;

use crate::format::plain;
use crate::model::{en, load, Chart, Problem};
use crate::theme::Theme;
use chart::Mounted;
use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    CustomEvent, CustomEventInit, Element, HtmlElement, IntersectionObserver,
    IntersectionObserverEntry, IntersectionObserverInit, MediaQueryList, ResizeObserver, Response,
};

/// A data file's light and dark themes.
pub(crate) struct Themes {
    light: Theme,
    dark: Theme,
}

impl Themes {
    /// The light or the dark theme.
    fn pick(&self, dark: bool) -> &Theme {
        if dark {
            &self.dark
        } else {
            &self.light
        }
    }
}

/// Whether `el` is shown in the dark scheme: the colour scheme its page
/// declares (CSS `color-scheme`, inherited; `data-theme` on the root sets
/// it, see `infographic.css`) decides, and the reader's preference only
/// when the page supports both. A page that declares nothing is light.
fn dark_scheme(el: &Element) -> bool {
    let scheme = web_sys::window()
        .and_then(|w| w.get_computed_style(el).ok().flatten())
        .and_then(|s| s.get_property_value("color-scheme").ok())
        .unwrap_or_default();
    let has = |word: &str| scheme.split_ascii_whitespace().any(|t| t == word);
    has("dark") && (!has("light") || prefers("(prefers-color-scheme: dark)"))
}

type Listener = Closure<dyn FnMut(web_sys::Event)>;

/// An observer and the callback it calls.
type Observer<O, A> = (O, Closure<dyn FnMut(A)>);

/// Page-wide state: the mounted charts and the listeners that keep them.
#[derive(Default)]
struct Page {
    charts: Vec<Rc<Mounted>>,
    /// Charts below the first screen, to mount after `infographic:ready`.
    waiting: Vec<Plan>,
    resize: Option<(ResizeObserver, Closure<dyn FnMut()>)>,
    ratio: Option<(MediaQueryList, Closure<dyn FnMut()>)>,
    scheme: Option<(MediaQueryList, Closure<dyn FnMut()>)>,
    intersect: Option<Observer<IntersectionObserver, js_sys::Array>>,
    /// Watches charts come within half a screen of view, to paint them.
    near: Option<Observer<IntersectionObserver, js_sys::Array>>,
    document: Vec<(&'static str, Listener)>,
    frame: Option<Closure<dyn FnMut(f64)>>,
    frame_pending: bool,
}

thread_local! {
    static PAGE: RefCell<Page> = RefCell::new(Page::default());
}

/// What `infographic:ready` and `infographic:painted` report for each chart.
#[derive(Serialize)]
struct ChartReport {
    id: String,
    ok: bool,
    problems: Vec<String>,
    /// The chart's data marks, with hit areas in CSS px from the canvas's
    /// top left, as first drawn (none in `ready` for a chart not drawn yet).
    marks: Vec<MarkReport>,
}

/// One mark in the ready report.
#[derive(Serialize)]
struct MarkReport {
    label: String,
    value: String,
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

/// Mounts every infographic on the page not mounted before; resolves when
/// every chart has drawn its first frame (or shown its problem). On the way
/// it dispatches `infographic:ready` once the charts on the first screen
/// are drawn, and `infographic:painted` once all are; each event's detail
/// reports every chart (the first lists marks of drawn charts only).
#[wasm_bindgen]
pub async fn mount() -> Result<JsValue, JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    // Loaded `async`, the engine may start before the page is parsed.
    let loading = js_sys::Reflect::get(&document, &"readyState".into())
        .ok()
        .and_then(|s| s.as_string())
        .is_some_and(|s| s == "loading");
    if loading {
        let parsed = js_sys::Promise::new(&mut |resolve, _| {
            let _ = document.add_event_listener_with_callback("DOMContentLoaded", &resolve);
        });
        let _ = JsFuture::from(parsed).await;
    }

    // Every data file is requested first. Layout measures text with one
    // fixed metric (`ApproxMeasure`, as the build does), so nothing waits
    // for fonts.
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
        let request = fetch(&url, false);
        roots.push((root, url, request));
    }
    let preview = host::is_preview();
    let mut plans = Vec::new();
    let mut embeds = false;
    let mut view = None;
    for (root, url, request) in roots {
        let fetched = request.await;
        // Read with the figures' places, before any chart DOM goes in: on a
        // phone (a page with a viewport) reading it later would force a
        // second layout of the whole article before the first frame.
        view.get_or_insert_with(view_height);
        if preview {
            // A built page names its data file's own copy for preview.
            let source = root
                .get_attribute("data-infographic-source")
                .unwrap_or_else(|| url.clone());
            host::watch_file(&root, &source, fetched.as_ref().ok().cloned());
        }
        plans.extend(mount_root(&document, &root, &url, fetched, preview)?);
        embeds |= root.has_attribute("data-embed");
    }
    let mut charts = first_frames(&document, plans, view.unwrap_or(f64::INFINITY));
    if embeds {
        host::report_height()?;
    }
    announce(&document, "ready", &charts)?;

    // What the first frame does not need waits for a later task: the
    // page-wide watchers, preview's polling, the charts further down.
    next_task().await;
    watch()?;
    if preview {
        host::poll()?;
    }
    settle(&document).await;
    // Reports of the charts mounted after ready: their marks now, or why
    // there are none.
    for (report, figure) in &mut charts {
        if let (Some(figure), true) = (figure, report.ok && report.marks.is_empty()) {
            match charts_in(figure).first() {
                Some(m) => report.marks = marks_of(m),
                None => {
                    report.ok = false;
                    report.problems.push("mount failed".to_string());
                }
            }
        }
    }
    announce(&document, "painted", &charts)
}

/// Marks `<html>` with `data-infographic-NAME` and dispatches
/// `infographic:NAME` on `document` with the charts' reports as its detail;
/// returns that detail.
fn announce(
    document: &web_sys::Document,
    name: &str,
    charts: &[(ChartReport, Option<HtmlElement>)],
) -> Result<JsValue, JsValue> {
    let reports: Vec<&ChartReport> = charts.iter().map(|(r, _)| r).collect();
    let detail = serde_wasm_bindgen::to_value(&reports)?;
    let init = CustomEventInit::new();
    init.set_detail(&detail);
    let event = CustomEvent::new_with_event_init_dict(&format!("infographic:{name}"), &init)?;
    if let Some(html) = document.document_element() {
        html.set_attribute(&format!("data-infographic-{name}"), "")?;
    }
    document.dispatch_event(&event)?;
    Ok(detail)
}

/// Finishes what [`first_frames`] left for later, one chart per task so the
/// page stays responsive: paints the canvases of the charts taken over
/// before ready, then takes over the charts below the first screen (DOM,
/// layout, paint) when the browser is idle, then paints any chart not yet
/// painted. A chart that scrolls near first is painted then; one with no
/// width yet (hidden) is drawn when the resize observer gives it one. Each
/// chart is tried once: nothing here can spin.
pub(super) async fn settle(document: &web_sys::Document) {
    paint_unfinished().await;
    while let Some(plan) = PAGE.with(|p| {
        let waiting = &mut p.borrow_mut().waiting;
        (!waiting.is_empty()).then(|| waiting.remove(0))
    }) {
        next_idle().await;
        if let Err(e) = create(document, plan, false).and_then(|m| {
            watch()?;
            m.finish()
        }) {
            web_sys::console::warn_1(&e);
        }
    }
    paint_unfinished().await;
}

/// Paints, one per task, every chart taken over but not painted yet.
async fn paint_unfinished() {
    for m in charts().into_iter().filter(|m| !m.finished()) {
        next_task().await;
        if let Err(e) = m.finish() {
            web_sys::console::warn_1(&e);
        }
    }
}

/// Resolves when the browser is idle (`requestIdleCallback`, at most half
/// a second away), or in a later task where there is no such call.
async fn next_idle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let called = idle.is_some_and(|f| {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"timeout".into(), &500.into());
            f.call2(&window, &resolve, &options).is_ok()
        });
        if !called {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Resolves in a later task (a zero timeout), letting the browser paint
/// and handle input in between.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// A chart ready to mount: its figure, its data and where the figure was
/// (width, and top in CSS px from the viewport) before any chart DOM went in.
pub(super) struct Plan {
    figure: HtmlElement,
    chart: Chart,
    themes: Rc<Themes>,
    level: u8,
    width: f64,
    top: f64,
    /// Write the figure's markup afresh (preview: the data file changed
    /// since the page was built) instead of adopting it.
    rewrite: bool,
}

/// Takes over a planned chart's figure and adds it to the page's charts;
/// `on_screen`: the reader may see it now (no entrance).
fn create(
    document: &web_sys::Document,
    plan: Plan,
    on_screen: bool,
) -> Result<Rc<Mounted>, JsValue> {
    let m = Mounted::create(
        document,
        &plan.figure,
        plan.chart,
        plan.themes,
        plan.level,
        plan.rewrite,
        on_screen,
    )?;
    PAGE.with(|p| p.borrow_mut().charts.push(m.clone()));
    Ok(m)
}

/// Reads one root's data file's bytes (or the reason they could not be
/// fetched) and plans each of its charts, creating nothing but the
/// problem notes of charts that cannot be drawn; see [`first_frames`].
fn mount_root(
    document: &web_sys::Document,
    root: &Element,
    url: &str,
    fetched: Result<Vec<u8>, String>,
    preview: bool,
) -> Result<Vec<(ChartReport, Option<Plan>)>, JsValue> {
    // Chart titles are headings one level below the host's: h2 unless the
    // host says `data-heading-level="3"` (2 to 6).
    let level = root
        .get_attribute("data-heading-level")
        .and_then(|l| l.parse::<u8>().ok())
        .filter(|l| (2..=6).contains(l))
        .unwrap_or(2);
    let loaded = match fetched {
        Ok(bytes) => load(&bytes),
        Err(why) => Err(vec![Problem::new(
            "",
            format!("数据文件“{url}”无法加载：{why}"),
            en!("the data file \"{url}\" could not be loaded: {why}"),
        )]),
    };
    let themes = Rc::new(match &loaded {
        Ok(doc) => {
            for w in &doc.warnings {
                web_sys::console::warn_1(&format!("infographic: {w}").into());
            }
            Themes {
                light: Theme::for_document(&doc.theme, false),
                dark: Theme::for_document(&doc.theme, true),
            }
        }
        Err(_) => Themes {
            light: Theme::light(),
            dark: Theme::dark(),
        },
    });
    if preview {
        let count = match &loaded {
            Ok(doc) => doc.problems().count(),
            Err(p) => p.len(),
        };
        host::banner(document, root, count)?;
    }
    let mut plans = Vec::new();
    let list = root.query_selector_all("[data-chart]")?;
    let figures: Vec<HtmlElement> = (0..list.length())
        .filter_map(|j| list.item(j).and_then(|n| n.dyn_into().ok()))
        .collect();
    // Every figure's width and top are read before any chart DOM goes in:
    // that costs at most the page layout the browser owes anyway, where
    // reading after each insertion would force a layout per chart. Should a
    // plot come out narrower than its figure (a host's padding), the resize
    // observer's first call lays it out again before the page paints.
    let places: Vec<(f64, f64)> = figures
        .iter()
        .map(|f| {
            let rect = f.get_bounding_client_rect();
            (chart::layout_width(rect.width()), rect.top())
        })
        .collect();
    for (figure, (width, top)) in figures.into_iter().zip(places) {
        // An embed names its chart in the page address: embed.html?chart=ID.
        let id = match figure.get_attribute("data-chart").unwrap_or_default() {
            id if id.is_empty() => host::query("chart").unwrap_or_default(),
            id => id,
        };
        let outcome = match &loaded {
            Err(problems) => Err(problems.clone()),
            Ok(doc) => match doc.chart(&id) {
                Some(entry) => entry.chart.clone(),
                None => Err(vec![Problem::new(
                    "",
                    format!("数据文件中没有 id 为“{id}”的图表"),
                    en!("the data file has no chart with id \"{id}\""),
                )]),
            },
        };
        let (problems, plan) = match outcome {
            Ok(chart) => (
                Vec::new(),
                Some(Plan {
                    figure,
                    chart,
                    themes: themes.clone(),
                    level,
                    width,
                    top,
                    rewrite: preview,
                }),
            ),
            Err(problems) => {
                chart::show_problems(document, &figure, &id, &problems, preview)?;
                (problems.iter().map(Problem::to_string).collect(), None)
            }
        };
        let report = ChartReport {
            ok: problems.is_empty(),
            id,
            problems,
            marks: Vec::new(),
        };
        plans.push((report, plan));
    }
    Ok(plans)
}

/// Takes over and lays out every planned chart that may be on the first
/// screen, at the width read before (its box has, or takes at once, its
/// height): from then on it answers the reader, hit-testing its scene. Its
/// canvas is painted in a later task by [`settle`] (or at once by the first
/// tap), since the pre-rendered plot shows the same drawing meanwhile; the
/// charts further down wait for [`settle`] too, after `infographic:ready`.
/// No layout is read: a chart lies at least as low as its figure's top
/// before mounting plus the heights that bare figures above it took, so
/// any chart whose lowest place starts above the screen's bottom edge
/// (`view`, CSS px) counts as on the first screen, and the first that does
/// not ends it. Returns each chart's report (with the marks of those laid
/// out) and its figure.
fn first_frames(
    document: &web_sys::Document,
    plans: Vec<(ChartReport, Option<Plan>)>,
    view: f64,
) -> Vec<(ChartReport, Option<HtmlElement>)> {
    let mut above = 0.0;
    let mut later = false;
    plans
        .into_iter()
        .map(|(mut report, plan)| {
            let Some(plan) = plan else {
                return (report, None);
            };
            let figure = plan.figure.clone();
            later |= plan.top + above >= view;
            if later {
                PAGE.with(|p| p.borrow_mut().waiting.push(plan));
                return (report, Some(figure));
            }
            let width = plan.width;
            // A pre-rendered figure already has its height.
            let bare = plan.rewrite
                || plan
                    .figure
                    .query_selector(".ig-static")
                    .ok()
                    .flatten()
                    .is_none();
            let drawn = create(document, plan, true).and_then(|m| {
                m.draw_at(width, true, false)?;
                if bare {
                    above += m.height();
                }
                report.marks = marks_of(&m);
                Ok(())
            });
            if let Err(e) = drawn {
                report.ok = false;
                report
                    .problems
                    .push(e.as_string().unwrap_or_else(|| "draw failed".to_string()));
            }
            (report, Some(figure))
        })
        .collect()
}

/// A chart's marks as reported in the page events.
fn marks_of(m: &Mounted) -> Vec<MarkReport> {
    m.with_marks(|ms| {
        ms.iter()
            .map(|m| MarkReport {
                label: m.label.clone(),
                value: m.value.clone(),
                x: m.hit.x,
                y: m.hit.y,
                w: m.hit.w,
                h: m.hit.h,
            })
            .collect()
    })
}

/// The mounted charts inside `root`.
fn charts_in(root: &Element) -> Vec<Rc<Mounted>> {
    charts()
        .into_iter()
        .filter(|m| root.contains(Some(m.plot())))
        .collect()
}

/// Drops the charts mounted inside `root`, before mounting it again.
fn unmount_root(root: &Element) {
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
        page.waiting
            .retain(|plan| !root.contains(Some(&plan.figure)));
    });
}

/// Whether a media query matches now.
fn prefers(query: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.match_media(query).ok().flatten())
        .is_some_and(|m| m.matches())
}

/// The viewport's height in CSS px (unbounded when unknown: every chart
/// then counts as in view).
fn view_height() -> f64 {
    web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(f64::INFINITY)
}

/// The device pixel ratio, 1 when the browser gives nonsense.
fn pixel_ratio() -> f64 {
    let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    if ratio.is_finite() && ratio > 0.0 {
        ratio
    } else {
        1.0
    }
}

fn charts() -> Vec<Rc<Mounted>> {
    PAGE.with(|p| p.borrow().charts.clone())
}

/// How far beyond the screen, as a share of its height, a chart counts as
/// near: painted at once on resize, and painted when scrolled this close.
const NEAR: f64 = 0.5;

/// Lays out again every chart whose width, pixel ratio or scheme changed,
/// painting those near the screen at once. The others are left to paint
/// when they come near (a page of many charts rotates as fast as one
/// screenful). All sizes and places are read before anything is drawn:
/// one page layout, not one per chart.
fn redraw_all() {
    let view = view_height();
    let charts = charts();
    let places: Vec<(f64, bool)> = charts
        .iter()
        .map(|m| {
            let rect = m.plot().get_bounding_client_rect();
            let near = rect.bottom() > -NEAR * view && rect.top() < (1.0 + NEAR) * view;
            (m.width(), near)
        })
        .collect();
    for (m, (width, near)) in charts.iter().zip(places) {
        match m.draw_at(width, false, near) {
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

/// Starts the page-wide watchers (once) and observes every mounted chart.
fn watch() -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    PAGE.with(|p| -> Result<(), JsValue> {
        let mut page = p.borrow_mut();
        if page.resize.is_none() {
            let callback = Closure::<dyn FnMut()>::new(redraw_all);
            let observer = ResizeObserver::new(callback.as_ref().unchecked_ref())?;
            page.resize = Some((observer, callback));
        }
        if page.intersect.is_none() {
            let callback = Closure::<dyn FnMut(js_sys::Array)>::new(entered);
            let init = IntersectionObserverInit::new();
            init.set_root_margin("0px 0px -15% 0px");
            let observer =
                IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init)?;
            page.intersect = Some((observer, callback));
        }
        if page.near.is_none() {
            let callback = Closure::<dyn FnMut(js_sys::Array)>::new(came_near);
            let init = IntersectionObserverInit::new();
            init.set_root_margin(&format!("{0}% 0px {0}% 0px", plain(NEAR * 100.0)));
            let observer =
                IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init)?;
            page.near = Some((observer, callback));
        }
        if page.document.is_empty() {
            for kind in ["pointerdown", "keydown"] {
                let listener = Closure::<dyn FnMut(web_sys::Event)>::new(dismiss);
                document
                    .add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref())?;
                page.document.push((kind, listener));
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
    if PAGE.with(|p| p.borrow().scheme.is_none()) {
        let window = web_sys::window().ok_or("no window")?;
        if let Some(list) = window.match_media("(prefers-color-scheme: dark)")? {
            let callback = Closure::<dyn FnMut()>::new(redraw_all);
            list.add_event_listener_with_callback("change", callback.as_ref().unchecked_ref())?;
            PAGE.with(|p| p.borrow_mut().scheme = Some((list, callback)));
        }
    }
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
    let callback = Closure::<dyn FnMut()>::new(|| {
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

/// Asks for one animation frame if any chart is entering and none is pending.
fn request_frame() {
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
fn dismiss(event: web_sys::Event) {
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

/// Fetches bypassing every cache (preview's polling).
async fn fetch_bytes_fresh(url: &str) -> Result<Vec<u8>, String> {
    fetch(url, true).await
}

/// Requests `url` now (not when first polled) and reads the body when
/// awaited.
fn fetch(url: &str, fresh: bool) -> impl std::future::Future<Output = Result<Vec<u8>, String>> {
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
