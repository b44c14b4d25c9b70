//! Start-up: [`mount`] finds every `[data-infographic="DATA.json"]` root,
//! reads its data file and takes over each `[data-chart="ID"]` figure in
//! it — the ones on the first screen before `infographic:ready`, the rest
//! one per task after it ([`settle`]).

use super::chart::{show_problems, Mounted, Paint, Relayout, Themes};
use super::fetch::{fetch, page_copy};
use super::report::{announce, complete, ChartReport, Reported};
use super::schedule::{next_idle, next_task};
use super::screen::{fit_of, view_height, Fit};
use super::{host, page};
use crate::model::{en, load, Chart, Document as Data, Problem};
use crate::theme::Theme;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element, HtmlElement};

/// Whether this is the full build. Preview's code is behind `FULL &&` at
/// each use (a flag kept across an await is not folded), so that the
/// readers' build drops it.
const FULL: bool = cfg!(feature = "full");

#[cfg(feature = "editor")]
thread_local! {
    static WORKBENCH: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Makes every later take-over the workbench's: figures written afresh
/// with every problem in place (as preview), no preview banner, and every
/// chart taken over at once as if on screen, so drawn at rest (no
/// entrance at each key) and painted in the same task.
#[cfg(feature = "editor")]
pub(super) fn as_workbench() {
    WORKBENCH.with(|w| w.set(true));
}

/// Whether this page is the workbench (never in the readers' build).
fn workbench() -> bool {
    #[cfg(feature = "editor")]
    return WORKBENCH.with(std::cell::Cell::get);
    #[cfg(not(feature = "editor"))]
    false
}

/// Mounts every infographic on the page not mounted before; resolves when
/// every chart has drawn its first frame (or shown its problem). On the way
/// it dispatches `infographic:ready` once the charts on the first screen
/// answer the reader, and `infographic:painted` once all are live; each
/// event's detail reports every chart (the first lists marks of drawn
/// charts only).
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

    let preview = FULL && host::is_preview();
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
        // The page's copy of the data file, else a request (preview: the
        // file may be newer than the page, so always a request).
        let copy = if preview {
            None
        } else {
            page_copy(&document, &url)
        };
        let request = copy.is_none().then(|| fetch(&url));
        roots.push((root, url, copy, request));
    }
    let mut found = Vec::new();
    let mut embeds = false;
    let mut view = None;
    for (root, url, copy, request) in roots {
        let fetched = match request {
            Some(request) => request.await,
            None => copy.ok_or_else(String::new),
        };
        // Read with the figures' places, before any chart DOM goes in: on a
        // phone (a page with a viewport) reading it later would force a
        // second layout of the whole article before the first frame.
        view.get_or_insert_with(view_height);
        if FULL && preview {
            // A built page names its data file's own copy for preview.
            let source = root
                .get_attribute("data-infographic-source")
                .unwrap_or_else(|| url.clone());
            host::watch_file(&root, &source, fetched.as_ref().ok().cloned());
        }
        found.extend(find_charts(
            &document,
            &root,
            &read(&url, fetched),
            preview,
        )?);
        embeds |= root.has_attribute("data-embed");
    }
    let mut charts = first_screen(&document, found, view.unwrap_or(f64::INFINITY));
    if embeds {
        host::report_height()?;
    }
    announce(&document, "ready", &charts)?;

    // What the first frame does not need waits for a later task: the
    // page-wide watchers, preview's polling, the charts further down.
    next_task().await;
    page::watch()?;
    if FULL && preview {
        host::poll()?;
    }
    settle().await;
    complete(&mut charts);
    announce(&document, "painted", &charts)
}

/// Takes over `root` again from its data file as `loaded` (preview: the
/// file changed; the workbench: the text did, read once for every chart
/// redrawn).
pub(super) async fn remount(document: &Document, root: &Element, loaded: &Loaded) {
    page::unmount(root);
    // The workbench redraws one chart at a time, and at once wherever it is.
    let view = if workbench() {
        f64::INFINITY
    } else {
        view_height()
    };
    let result = find_charts(document, root, loaded, true)
        .map(|found| first_screen(document, found, view))
        .and_then(|_| page::watch());
    if let Err(e) = result {
        web_sys::console::warn_1(&e);
    }
    settle().await;
}

/// A chart found on the page and not taken over yet: its figure, its data
/// and where the figure was before any chart DOM went in.
pub(super) struct Pending {
    figure: HtmlElement,
    chart: Chart,
    themes: Rc<Themes>,
    level: u8,
    fit: Fit,
    /// The figure's top, CSS px from the viewport's.
    top: f64,
    /// Write the figure's markup afresh (preview: the data file changed
    /// since the page was built) instead of adopting it.
    rewrite: bool,
}

impl Pending {
    /// Whether the chart's figure is inside `root`.
    pub(super) fn is_in(&self, root: &Element) -> bool {
        root.contains(Some(&self.figure))
    }

    /// Takes the chart's figure over and adds it to the page's charts;
    /// `on_screen`: the reader may see it now (no entrance).
    fn take_over(self, document: &Document, on_screen: bool) -> Result<Rc<Mounted>, JsValue> {
        let m = Mounted::create(
            document,
            &self.figure,
            self.chart,
            self.themes,
            self.level,
            self.rewrite,
            on_screen,
        )?;
        page::add(m.clone());
        Ok(m)
    }
}

/// A data file as read: its document, or the problems that stop it.
pub(super) type Loaded = Result<Data, Vec<Problem>>;

/// Reads the data file at `url` from its bytes, or says why they could not
/// be fetched.
pub(super) fn read(url: &str, fetched: Result<Vec<u8>, String>) -> Loaded {
    match fetched {
        Ok(bytes) => load(&bytes),
        Err(why) => Err(vec![Problem::new(
            "",
            format!("数据文件“{url}”无法加载：{why}"),
            en!("the data file \"{url}\" could not be loaded: {why}"),
        )]),
    }
}

/// Finds each chart of one root in its data file as `loaded`, creating
/// nothing but the problem notes of charts that cannot be drawn; see
/// [`first_screen`].
fn find_charts(
    document: &Document,
    root: &Element,
    loaded: &Loaded,
    preview: bool,
) -> Result<Vec<(ChartReport, Option<Pending>)>, JsValue> {
    // Chart titles are headings one level below the host's: h2 unless the
    // host says `data-heading-level="3"` (2 to 6).
    let level = match root.get_attribute("data-heading-level").as_deref() {
        Some("3") => 3,
        Some("4") => 4,
        Some("5") => 5,
        Some("6") => 6,
        _ => 2,
    };
    let themes = Rc::new(match loaded {
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
    if FULL && preview && !workbench() {
        let count = match loaded {
            Ok(doc) => doc.problems().count(),
            Err(p) => p.len(),
        };
        host::banner(document, root, count)?;
    }
    let list = root.query_selector_all("[data-chart]")?;
    let figures: Vec<HtmlElement> = (0..list.length())
        .filter_map(|j| list.item(j).and_then(|n| n.dyn_into().ok()))
        .collect();
    // Every figure's fit and top are read before any chart DOM goes in:
    // that costs at most the page layout the browser owes anyway, where
    // reading after each insertion would force a layout per chart. Should a
    // plot come out narrower than its figure (a host's padding), the resize
    // observer's first call lays it out again before the page paints.
    let places: Vec<(Fit, f64)> = figures
        .iter()
        .map(|f| (fit_of(f), f.get_bounding_client_rect().top()))
        .collect();
    let mut found = Vec::new();
    for (figure, (fit, top)) in figures.into_iter().zip(places) {
        // An embed names its chart in the page address: embed.html?chart=ID.
        let id = match figure.get_attribute("data-chart").unwrap_or_default() {
            id if id.is_empty() => host::query("chart").unwrap_or_default(),
            id => id,
        };
        let outcome = match loaded {
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
        found.push(match outcome {
            Ok(chart) => (
                ChartReport::new(id, &[]),
                Some(Pending {
                    figure,
                    chart,
                    themes: themes.clone(),
                    level,
                    fit,
                    top,
                    rewrite: preview,
                }),
            ),
            Err(problems) => {
                show_problems(document, &figure, &id, &problems, preview)?;
                (ChartReport::new(id, &problems), None)
            }
        });
    }
    Ok(found)
}

/// Takes over and lays out every chart found that may be on the first
/// screen, at the fit read before (its box has, or takes at once, its
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
fn first_screen(
    document: &Document,
    found: Vec<(ChartReport, Option<Pending>)>,
    view: f64,
) -> Vec<Reported> {
    let mut above = 0.0;
    let mut later = false;
    found
        .into_iter()
        .map(|(mut report, pending)| {
            let Some(pending) = pending else {
                return Reported {
                    report,
                    figure: None,
                };
            };
            let figure = pending.figure.clone();
            later |= pending.top + above >= view;
            if later {
                page::wait(pending);
                return Reported {
                    report,
                    figure: Some(figure),
                };
            }
            let fit = pending.fit;
            // A pre-rendered figure already has its height.
            let bare = pending.rewrite
                || pending
                    .figure
                    .query_selector(".ig-static")
                    .ok()
                    .flatten()
                    .is_none();
            let drawn = pending.take_over(document, true).and_then(|m| {
                // (The workbench redraws one chart, which the editor waits for.)
                let paint = if workbench() {
                    Paint::Now
                } else {
                    Paint::Later
                };
                m.draw_at(fit, Relayout::Always, paint)?;
                if bare {
                    above += m.height();
                }
                report.drawn(&m);
                Ok(())
            });
            if let Err(e) = drawn {
                report.failed(e.as_string().unwrap_or_else(|| "draw failed".to_string()));
            }
            Reported {
                report,
                figure: Some(figure),
            }
        })
        .collect()
}

/// Finishes what [`first_screen`] left for later, one chart per task so
/// the page stays responsive: paints the canvases of the charts taken over
/// before ready, then takes over the charts below the first screen (DOM,
/// layout, paint) when the browser is idle, then paints any chart not yet
/// painted. A chart that scrolls near first is painted then; one with no
/// width yet (hidden) is drawn when the resize observer gives it one. Each
/// chart is tried once: nothing here can spin.
async fn settle() {
    paint_unfinished().await;
    while let Some(pending) = page::next_waiting() {
        next_idle().await;
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Err(e) = pending.take_over(&document, false).and_then(|m| {
            page::watch()?;
            m.finish()
        }) {
            web_sys::console::warn_1(&e);
        }
    }
    paint_unfinished().await;
}

/// Paints, one per task, every chart taken over but not painted yet.
async fn paint_unfinished() {
    for m in page::charts().into_iter().filter(|m| !m.finished()) {
        next_task().await;
        if let Err(e) = m.finish() {
            web_sys::console::warn_1(&e);
        }
    }
}
