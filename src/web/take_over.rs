//! Taking charts over: each `[data-chart]` figure of a root is found in
//! its data file ([`find_charts`]); those on the first screen are
//! taken over at once ([`first_screen`]), the rest one per task after
//! `infographic:ready` ([`settle`]). Preview and the workbench take a
//! root over again when its data changes ([`remount`]).

use crate::model::{en, load, Document as Data, Problem};
use crate::theme::Theme;
use crate::web::address::query;
use crate::web::app::App;
use crate::web::banner::banner;
use crate::web::chart::Mounted;
use crate::web::chart::{show_problems, Paint, Relayout, Themes};
use crate::web::life::{Found, Life};
use crate::web::report::{ChartReport, Reported};
use crate::web::schedule::{next_idle, next_task};
use crate::web::screen::{fit_of, view_height, Fit};
use crate::web::watch::{request_frame, watch};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

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

/// Takes a chart's figure over and adds it to the page's charts;
/// `on_screen`: the reader may see it now (no entrance).
fn take_over(
    app: &App,
    found: Found,
    document: &Document,
    on_screen: bool,
) -> Result<Rc<Mounted>, JsValue> {
    let m = found.mount(document, app.mode(), on_screen)?;
    app.add(Life::TakenOver(m.clone()));
    request_frame(app);
    Ok(m)
}

/// A chart found, or its report alone when it cannot be drawn.
pub(super) type FoundChart = (ChartReport, Option<Found>);

/// The heading level of a root's chart titles: one below the host's, h2
/// unless the host says `data-heading-level="3"` (2 to 6).
fn heading_level(root: &Element) -> u8 {
    match root.get_attribute("data-heading-level").as_deref() {
        Some("3") => 3,
        Some("4") => 4,
        Some("5") => 5,
        Some("6") => 6,
        _ => 2,
    }
}

/// A data file's light and dark themes (the defaults for a file that could
/// not be read); its theme's warnings go to the console.
fn themes_of(loaded: &Loaded) -> Themes {
    match loaded {
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
    }
}

/// The chart `id` of a data file as read, or why it cannot be drawn.
fn chart_of(loaded: &Loaded, id: &str) -> Result<crate::model::Chart, Vec<Problem>> {
    match loaded {
        Err(problems) => Err(problems.clone()),
        Ok(doc) => match doc.chart(id) {
            Some(entry) => entry.chart.clone(),
            None => Err(vec![Problem::new(
                "",
                format!("数据文件中没有 id 为“{id}”的图表"),
                en!("the data file has no chart with id \"{id}\""),
            )]),
        },
    }
}

/// Finds each chart of one root in its data file as `loaded`, creating
/// nothing but the problem notes of charts that cannot be drawn; see
/// [`first_screen`].
pub(super) fn find_charts(
    app: &App,
    document: &Document,
    root: &Element,
    loaded: &Loaded,
) -> Result<Vec<FoundChart>, JsValue> {
    let level = heading_level(root);
    let themes = Rc::new(themes_of(loaded));
    if app.mode().preview() {
        let count = match loaded {
            Ok(doc) => doc.problems().count(),
            Err(p) => p.len(),
        };
        banner(document, root, count)?;
    }
    let list = root.query_selector_all("[data-chart]")?;
    let figures: Vec<HtmlElement> = (0..list.length())
        .filter_map(|j| list.item(j).and_then(|n| n.dyn_into().ok()))
        .collect();
    // Every figure's fit and top are read before any chart DOM goes in:
    // that costs at most the page layout the browser owes anyway, where
    // reading after each insertion would force a layout per chart. Should
    // a plot come out narrower than its figure (a host's padding), the
    // resize observer's first call lays it out again before the page
    // paints.
    let places: Vec<(Fit, f64)> = figures
        .iter()
        .map(|f| (fit_of(f), f.get_bounding_client_rect().top()))
        .collect();
    let mut found = Vec::new();
    for (figure, (fit, top)) in figures.into_iter().zip(places) {
        // An embed names its chart in the page address: embed.html?chart=ID.
        let id = match figure.get_attribute("data-chart").unwrap_or_default() {
            id if id.is_empty() => query("chart").unwrap_or_default(),
            id => id,
        };
        found.push(match chart_of(loaded, &id) {
            Ok(chart) => (
                ChartReport::new(id, &[]),
                Some(Found {
                    figure,
                    chart,
                    themes: themes.clone(),
                    level,
                    fit,
                    top,
                }),
            ),
            Err(problems) => {
                show_problems(document, &figure, &id, &problems, app.mode())?;
                (ChartReport::new(id, &problems), None)
            }
        });
    }
    Ok(found)
}

/// Takes over and lays out every chart found that may be on the first
/// screen, at the fit read before (its box has, or takes at once, its
/// height): from then on it answers the reader, hit-testing its scene.
/// Its canvas is painted in a later task by [`settle`] (or at once
/// by the first tap), since the pre-rendered plot shows the same drawing
/// meanwhile; the charts further down wait for [`settle`] too,
/// after `infographic:ready`. No layout is read: a chart lies at least
/// as low as its figure's top before mounting plus the heights that bare
/// figures above it took, so any chart whose lowest place starts above
/// the screen's bottom edge (`view`, CSS px) counts as on the first
/// screen, and the first that does not ends it. Returns each chart's
/// report (with the marks of those laid out) and its figure.
pub(super) fn first_screen(
    app: &App,
    document: &Document,
    found: Vec<FoundChart>,
    view: f64,
) -> Vec<Reported> {
    let mut above = 0.0;
    let mut later = false;
    found
        .into_iter()
        .map(|(mut report, found)| {
            let Some(found) = found else {
                return Reported {
                    report,
                    figure: None,
                };
            };
            let figure = found.figure.clone();
            later |= found.top + above >= view;
            if later {
                app.add(Life::Waiting(found));
            } else if let Err(e) = take_over_now(app, document, found, &mut above, &mut report) {
                report.failed(e.as_string().unwrap_or_else(|| "draw failed".to_string()));
            }
            Reported {
                report,
                figure: Some(figure),
            }
        })
        .collect()
}

/// Takes one chart of the first screen over and lays it out; a bare
/// figure's height adds to `above`.
fn take_over_now(
    app: &App,
    document: &Document,
    found: Found,
    above: &mut f64,
    report: &mut ChartReport,
) -> Result<(), JsValue> {
    let fit = found.fit;
    // A pre-rendered figure already has its height.
    let bare = app.mode().rewrites()
        || found
            .figure
            .query_selector(".ig-static")
            .ok()
            .flatten()
            .is_none();
    let m = take_over(app, found, document, true)?;
    // (The workbench redraws one chart, which the editor waits for.)
    let paint = if app.mode().workbench() {
        Paint::Now
    } else {
        Paint::Later
    };
    m.draw_at(fit, Relayout::Always, paint)?;
    if bare {
        *above += m.height();
    }
    report.drawn(&m);
    Ok(())
}

/// Finishes what [`first_screen`] left for later, one chart per
/// task so the page stays responsive: paints the canvases of the charts
/// taken over before ready, then takes over the charts below the first
/// screen (DOM, layout, paint) when the browser is idle, then paints any
/// chart not yet painted. A chart that scrolls near first is painted
/// then; one with no width yet (hidden) is drawn when the resize
/// observer gives it one. Each chart is tried once: nothing here can
/// spin.
pub(super) async fn settle(app: &App) {
    paint_unfinished(app).await;
    while let Some(found) = app.next_waiting() {
        next_idle().await;
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Err(e) = take_over(app, found, &document, false).and_then(|m| {
            watch(app)?;
            m.finish()
        }) {
            web_sys::console::warn_1(&e);
        }
    }
    paint_unfinished(app).await;
}

/// Paints, one per task, every chart taken over but not painted yet.
async fn paint_unfinished(app: &App) {
    for m in app.charts().into_iter().filter(|m| !m.finished()) {
        next_task().await;
        if let Err(e) = m.finish() {
            web_sys::console::warn_1(&e);
        }
    }
}

/// Takes over `root` again from its data file as `loaded` (preview: the
/// file changed; the workbench: the text did, read once for every chart
/// redrawn).
pub(super) async fn remount(app: &App, document: &Document, root: &Element, loaded: &Loaded) {
    app.unmount(root);
    // The workbench redraws one chart at a time, and at once wherever it is.
    let view = if app.mode().workbench() {
        f64::INFINITY
    } else {
        view_height()
    };
    let result = find_charts(app, document, root, loaded)
        .map(|found| first_screen(app, document, found, view))
        .and_then(|_| watch(app));
    if let Err(e) = result {
        web_sys::console::warn_1(&e);
    }
    settle(app).await;
}

/// Completes the reports of the charts taken over after ready: their
/// marks now, or why there are none.
pub(super) fn complete(app: &App, charts: &mut [Reported]) {
    for Reported { report, figure } in charts {
        if let (Some(figure), true) = (figure, report.ok() && !report.has_marks()) {
            match app.charts_in(figure).first() {
                Some(m) => report.drawn(m),
                None => report.failed("mount failed".to_string()),
            }
        }
    }
}
