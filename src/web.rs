//! The browser: the one module that touches web-sys.
//!
//! [`mount`] finds every `[data-infographic="DATA.json"]` element, loads
//! its data file, and draws each `[data-chart="ID"]` inside it. Charts
//! re-lay out when their container resizes (ResizeObserver) and redraw
//! sharp when the device pixel ratio changes (zoom, another screen). When
//! every chart has drawn, `document` receives `infographic:ready`.

use crate::layout::{layout, Scene, TextMeasure};
use crate::model::{load, Chart, Problem};
use crate::render::{draw, Options};
use crate::theme::Theme;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use serde::Serialize;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    CanvasRenderingContext2d, CustomEvent, CustomEventInit, Document, Element, HtmlCanvasElement,
    HtmlElement, MediaQueryList, ResizeObserver, Response,
};

/// A chart on the page and what it last drew.
struct Mounted {
    chart: Chart,
    plot: HtmlElement,
    canvas: HtmlCanvasElement,
    /// CSS width and device pixel ratio of the last frame.
    drawn: Cell<(f64, f64)>,
    /// The last frame's scene, for hit-testing and accessible text.
    scene: RefCell<Option<Scene>>,
}

/// Page-wide state: the mounted charts and the listeners that keep them.
#[derive(Default)]
struct Page {
    charts: Vec<Rc<Mounted>>,
    resize: Option<(ResizeObserver, Closure<dyn FnMut()>)>,
    ratio: Option<(MediaQueryList, Closure<dyn FnMut()>)>,
}

thread_local! {
    static PAGE: RefCell<Page> = RefCell::new(Page::default());
    static THEME: Theme = Theme::light();
}

/// What `infographic:ready` reports for each chart.
#[derive(Serialize)]
struct ChartReport {
    id: String,
    ok: bool,
    problems: Vec<String>,
}

/// Mounts every infographic on the page not mounted before; resolves when every chart has
/// drawn its first frame (or shown its problem), after dispatching
/// `infographic:ready` with a report of each chart.
#[wasm_bindgen]
pub async fn mount() -> Result<JsValue, JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    if let Ok(fonts) = js_sys::Reflect::get(&document, &"fonts".into()) {
        if let Ok(ready) = js_sys::Reflect::get(&fonts, &"ready".into()) {
            if let Ok(promise) = ready.dyn_into::<js_sys::Promise>() {
                let _ = JsFuture::from(promise).await;
            }
        }
    }

    let mut reports = Vec::new();
    let roots = document.query_selector_all("[data-infographic]")?;
    for i in 0..roots.length() {
        let Some(root) = roots.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        if root.has_attribute("data-infographic-mounted") {
            continue;
        }
        root.set_attribute("data-infographic-mounted", "")?;
        let url = root.get_attribute("data-infographic").unwrap_or_default();
        let loaded = match fetch_bytes(&url).await {
            Ok(bytes) => load(&bytes),
            Err(why) => Err(vec![Problem::new(
                "",
                format!("数据文件“{url}”无法加载：{why}"),
                format!("the data file \"{url}\" could not be loaded: {why}"),
            )]),
        };
        let figures = root.query_selector_all("[data-chart]")?;
        for j in 0..figures.length() {
            let Some(figure) = figures
                .item(j)
                .and_then(|n| n.dyn_into::<HtmlElement>().ok())
            else {
                continue;
            };
            let id = figure.get_attribute("data-chart").unwrap_or_default();
            let outcome = match &loaded {
                Err(problems) => Err(problems.clone()),
                Ok(doc) => match doc.chart(&id) {
                    Some(entry) => entry.chart.clone(),
                    None => Err(vec![Problem::new(
                        "",
                        format!("数据文件中没有 id 为“{id}”的图表"),
                        format!("the data file has no chart with id \"{id}\""),
                    )]),
                },
            };
            let problems = match outcome {
                Ok(chart) => match mount_chart(&document, &figure, chart) {
                    Ok(()) => Vec::new(),
                    Err(e) => vec![format!("{e:?}")],
                },
                Err(problems) => {
                    show_problems(&document, &figure, &id, &problems)?;
                    problems.iter().map(Problem::to_string).collect()
                }
            };
            reports.push(ChartReport {
                ok: problems.is_empty(),
                id,
                problems,
            });
        }
    }
    watch()?;

    let detail = serde_wasm_bindgen::to_value(&reports)?;
    let init = CustomEventInit::new();
    init.set_detail(&detail);
    let event = CustomEvent::new_with_event_init_dict("infographic:ready", &init)?;
    if let Some(html) = document.document_element() {
        html.set_attribute("data-infographic-ready", "")?;
    }
    document.dispatch_event(&event)?;
    Ok(detail)
}

/// Builds a chart's title, plot and footer inside `figure`, then draws it.
fn mount_chart(document: &Document, figure: &HtmlElement, chart: Chart) -> Result<(), JsValue> {
    figure.set_text_content(None);
    figure.class_list().add_1("ig-chart")?;

    let head = element(document, "div", "ig-head", None)?;
    append(document, &head, "h3", "ig-title", Some(&chart.title))?;
    append(document, &head, "p", "ig-subtitle", Some(&chart.subtitle))?;
    figure.append_child(&head)?;

    let plot: HtmlElement = element(document, "div", "ig-plot", None)?.dyn_into()?;
    let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    canvas.set_attribute("role", "img")?;
    canvas.set_attribute(
        "aria-label",
        &format!("{}。{}", chart.title, chart.subtitle),
    )?;
    plot.append_child(&canvas)?;
    figure.append_child(&plot)?;

    let foot_tag = if figure.tag_name().eq_ignore_ascii_case("figure") {
        "figcaption"
    } else {
        "div"
    };
    let foot = element(document, foot_tag, "ig-foot", None)?;
    for note in &chart.notes {
        append(
            document,
            &foot,
            "p",
            "ig-note",
            Some(&format!("注：{note}")),
        )?;
    }
    let source = format!("{}　更新于{}", chart.source, chart.updated);
    append(document, &foot, "p", "ig-source", Some(&source))?;
    figure.append_child(&foot)?;

    let mounted = Rc::new(Mounted {
        chart,
        plot,
        canvas,
        drawn: Cell::new((0.0, 0.0)),
        scene: RefCell::new(None),
    });
    redraw(&mounted, true)?;
    PAGE.with(|p| p.borrow_mut().charts.push(mounted));
    Ok(())
}

/// Lays out and draws a chart at its container's width and the current
/// device pixel ratio; skips the work if neither changed, unless `force`.
fn redraw(m: &Mounted, force: bool) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let width = f64::from(m.plot.client_width());
    let ratio = window.device_pixel_ratio();
    let ratio = if ratio.is_finite() && ratio > 0.0 {
        ratio
    } else {
        1.0
    };
    if width <= 0.0 || (!force && m.drawn.get() == (width, ratio)) {
        return Ok(());
    }
    let scene = THEME.with(|theme| {
        let measure = CanvasMeasure::new(&theme.font_family);
        layout(&m.chart, width, &measure, theme)
    });
    let style = m.canvas.style();
    style.set_property("width", &format!("{width}px"))?;
    style.set_property("height", &format!("{}px", scene.height))?;
    m.canvas.set_width((width * ratio).round() as u32);
    m.canvas.set_height((scene.height * ratio).round() as u32);

    let backend = CanvasBackend::with_canvas_object(m.canvas.clone()).ok_or("no 2d context")?;
    let area = backend.into_drawing_area();
    THEME
        .with(|theme| {
            draw(
                &scene,
                &area,
                Options {
                    scale: ratio,
                    font_family: &theme.font_family,
                    font_scale: 1.0,
                },
            )
        })
        .map_err(|e| JsValue::from_str(&e.to_string()))?;
    m.drawn.set((width, ratio));
    *m.scene.borrow_mut() = Some(scene);
    Ok(())
}

/// Redraws every chart whose width or pixel ratio changed.
fn redraw_all() {
    let charts = PAGE.with(|p| p.borrow().charts.clone());
    for m in charts {
        if let Err(e) = redraw(&m, false) {
            web_sys::console::warn_1(&e);
        }
    }
}

/// Starts (once) the resize observer and the pixel-ratio watch.
fn watch() -> Result<(), JsValue> {
    PAGE.with(|p| -> Result<(), JsValue> {
        let mut page = p.borrow_mut();
        if page.resize.is_none() {
            let callback = Closure::<dyn FnMut()>::new(redraw_all);
            let observer = ResizeObserver::new(callback.as_ref().unchecked_ref())?;
            page.resize = Some((observer, callback));
        }
        if let Some((observer, _)) = &page.resize {
            for m in &page.charts {
                observer.observe(&m.plot);
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
    let query = format!("(resolution: {}dppx)", window.device_pixel_ratio());
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

/// Shows a chart's problems in its place, as text.
fn show_problems(
    document: &Document,
    figure: &HtmlElement,
    id: &str,
    problems: &[Problem],
) -> Result<(), JsValue> {
    figure.set_text_content(None);
    let box_ = element(document, "div", "ig-error", None)?;
    box_.set_attribute("role", "alert")?;
    let title = format!("图表“{id}”暂时无法显示：数据文件有误");
    append(document, &box_, "p", "ig-error-title", Some(&title))?;
    let list = element(document, "ul", "ig-error-list", None)?;
    for p in problems {
        append(document, &list, "li", "", Some(&p.to_string()))?;
    }
    box_.append_child(&list)?;
    figure.append_child(&box_)?;
    Ok(())
}

/// Appends a new element to `parent`; see [`element`].
fn append(
    document: &Document,
    parent: &Element,
    tag: &str,
    class: &str,
    text: Option<&str>,
) -> Result<Element, JsValue> {
    let el = element(document, tag, class, text)?;
    parent.append_child(&el)?;
    Ok(el)
}

/// A new element with a class and, optionally, text (never markup).
fn element(
    document: &Document,
    tag: &str,
    class: &str,
    text: Option<&str>,
) -> Result<Element, JsValue> {
    let el = document.create_element(tag)?;
    if !class.is_empty() {
        el.set_class_name(class);
    }
    if let Some(text) = text {
        el.set_text_content(Some(text));
    }
    Ok(el)
}

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response: Response = JsFuture::from(window.fetch_with_str(url))
        .await
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

/// Measures text with a canvas context, in the font the chart draws with.
struct CanvasMeasure {
    context: Option<CanvasRenderingContext2d>,
    family: String,
    font: RefCell<String>,
}

impl CanvasMeasure {
    fn new(family: &str) -> CanvasMeasure {
        let context = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("canvas").ok())
            .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
            .and_then(|c| c.get_context("2d").ok().flatten())
            .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
        CanvasMeasure {
            context,
            family: family.to_string(),
            font: RefCell::new(String::new()),
        }
    }
}

impl TextMeasure for CanvasMeasure {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        let Some(ctx) = &self.context else {
            return crate::layout::ApproxMeasure.width(text, size, bold);
        };
        // The same font string plotters-canvas sets when it draws.
        let font = format!(
            "{} {}px {}",
            if bold { "bold" } else { "normal" },
            size,
            self.family
        );
        if *self.font.borrow() != font {
            ctx.set_font(&font);
            *self.font.borrow_mut() = font;
        }
        ctx.measure_text(text)
            .map(|m| m.width())
            .unwrap_or_else(|_| crate::layout::ApproxMeasure.width(text, size, bold))
    }
}
