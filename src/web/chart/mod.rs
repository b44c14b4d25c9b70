//! One chart on the page: it adopts its pre-rendered figure (this file),
//! lays out and paints its frames (`paint.rs`), shows the tip of the mark
//! the reader looks at (`tip.rs`), and answers pointer, touch and keyboard
//! (`events.rs`); a chart that cannot be drawn shows why (`problems.rs`).

mod events;
mod paint;
mod problems;
mod tip;

pub(super) use paint::{Paint, Relayout};
pub(super) use problems::show_problems;
use tip::TipAt;

use crate::layout::{Mark, Scene};
use crate::markup::{data_table, figure_inner, id_prefix};
use crate::model::Chart;
use crate::theme::Theme;
use crate::web::dom::{attrs, Listener};
use crate::web::mode::Mode;
use crate::web::screen::{fit_of, prefers, Fit};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlCanvasElement, HtmlElement};

/// A data file's light and dark themes.
pub(crate) struct Themes {
    pub light: Theme,
    pub dark: Theme,
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

/// What a chart's last layout was made for.
#[derive(Clone, Copy, PartialEq)]
struct Drawn {
    fit: Fit,
    /// The device pixel ratio.
    ratio: f64,
}

/// The size a canvas's backing store was last given, in device pixels,
/// and the pixel ratio its CSS size was set for.
#[derive(Clone, Copy, PartialEq)]
struct Backing {
    width: u32,
    height: u32,
    ratio: f64,
}

/// What the chart last drew and how.
struct State {
    /// What the last layout was made for.
    drawn: Option<Drawn>,
    /// The final-state scene at that width: hits and tips read this.
    scene: Option<Scene>,
    /// The mark the reader is looking at.
    active: Option<usize>,
    /// Whether `active` came from the keyboard (survives pointer leave).
    keyboard: bool,
    /// Entrance progress, eased, 0 to 1.
    progress: f64,
    /// When the entrance started (animation-frame clock), once started.
    start: Option<f64>,
    /// Whether the entrance has been triggered.
    entered: bool,
    /// Whether the canvas has been painted since mounting.
    painted: bool,
}

impl State {
    /// Nothing drawn yet; `still`: no entrance (it shows its end at once).
    fn new(still: bool) -> State {
        State {
            drawn: None,
            scene: None,
            active: None,
            keyboard: false,
            progress: if still { 1.0 } else { 0.0 },
            start: None,
            entered: still,
            painted: false,
        }
    }
}

/// Makes `figure` a chart's: adopts its pre-rendered markup, or writes it
/// where the mode does (a bare figure; preview and the workbench always).
/// A figure built before the live region and the ring existed (a snippet
/// pasted long ago) is built anew, as a bare one is: by the full build only
/// (`main.js` loads it for a page with a bare figure). The readers' build
/// adopts pre-rendered figures, and leaves any other as it is.
fn adopt(
    figure: &HtmlElement,
    chart: &Chart,
    heading_level: u8,
    mode: Mode,
) -> Result<(), JsValue> {
    let adoptable = figure
        .query_selector(":scope > .ig-live + .ig-tools > .ig-save")?
        .is_some();
    if mode.rewrites() || !adoptable {
        if !mode.writes_figures() {
            return Err(JsValue::from_str("not pre-rendered"));
        }
        figure.set_inner_html(&figure_inner(chart, heading_level, ""));
    }
    figure.class_list().add_1("ig-chart")?;
    Ok(())
}

/// A mounted chart.
pub(super) struct Mounted {
    chart: Chart,
    themes: Rc<Themes>,
    figure: HtmlElement,
    plot: HtmlElement,
    /// The plot's box: its height is the layout's. It holds the static
    /// plot until the first paint puts the canvas in its place; it clips
    /// the canvas, whose backing store may be a little larger, so that
    /// small resizes keep it (see `render::backing_store`).
    clip: HtmlElement,
    canvas: HtmlCanvasElement,
    tip: HtmlElement,
    /// The ring around the mark the reader looks at (the canvas is not
    /// repainted for it: a tap is answered with the next frame).
    ring: HtmlElement,
    /// The polite live region that announces the active figure; always in
    /// the page, only its text changes.
    live: HtmlElement,
    /// The closed "查看数据" box; its table is built by [`Mounted::finish`].
    details: HtmlElement,
    /// Whether the data table is built.
    tabled: Cell<bool>,
    backing: Cell<Option<Backing>>,
    state: RefCell<State>,
    listeners: RefCell<Vec<Listener>>,
}

impl Mounted {
    /// Takes over `figure`: adopts its pre-rendered markup (see `markup`),
    /// or writes that markup first into a figure that has none (a host page
    /// without pre-rendering: the page then shifts once) or when the `mode`
    /// rewrites figures (preview: the data may be newer than the page), and wires its
    /// events. The static plot stays until the first frame, from
    /// [`Mounted::draw_at`], replaces it in the same box. A chart taken
    /// over on screen shows its final state at once (the reader already
    /// sees it); one taken over further down enters when it scrolls in.
    pub(super) fn create(
        document: &Document,
        figure: &HtmlElement,
        chart: Chart,
        themes: Rc<Themes>,
        heading_level: u8,
        mode: Mode,
        on_screen: bool,
    ) -> Result<Rc<Mounted>, JsValue> {
        adopt(figure, &chart, heading_level, mode)?;
        let id = id_prefix(&chart);
        let title = format!("{id}-title");
        // The figure is named by its title (its caption holds notes and source).
        figure.set_attribute("aria-labelledby", &title)?;
        let find = |selector: &str| -> Result<HtmlElement, JsValue> {
            figure
                .query_selector(selector)?
                .ok_or_else(|| JsValue::from_str(&format!("no {selector}")))?
                .dyn_into::<HtmlElement>()
                .map_err(|_| JsValue::from_str(selector))
        };
        let plot = find(":scope > .ig-plot")?;
        let clip = find(":scope > .ig-plot > .ig-canvas")?;
        let tip = find(":scope > .ig-plot > .ig-tip")?;
        let ring = find(":scope > .ig-plot > .ig-ring")?;
        let live = find(":scope > .ig-live")?;
        let save = find(":scope > .ig-tools > .ig-save")?;
        let details = find(":scope > .ig-tools > .ig-data")?;
        // The controls work from now on.
        save.set_hidden(false);
        details.set_hidden(false);

        attrs(
            &plot,
            &[
                ("tabindex", "0"),
                ("role", "group"),
                ("aria-roledescription", "图表"),
                ("aria-labelledby", &title),
                ("aria-describedby", &format!("{id}-summary {id}-help")),
            ],
        )?;
        let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
        canvas.set_attribute("aria-hidden", "true")?;

        let still = on_screen || prefers("(prefers-reduced-motion: reduce)");
        let mounted = Rc::new(Mounted {
            chart,
            themes,
            figure: figure.clone(),
            plot,
            clip,
            canvas,
            tip,
            ring,
            live,
            details,
            tabled: Cell::new(false),
            backing: Cell::new(None),
            state: RefCell::new(State::new(still)),
            listeners: RefCell::new(Vec::new()),
        });
        events::wire(&mounted, &save)?;
        Ok(mounted)
    }

    /// The element that holds the canvas (observed for size and view).
    pub(super) fn plot(&self) -> &HtmlElement {
        &self.plot
    }

    /// The plot's fit now (reading it may lay out the page).
    pub(super) fn fit(&self) -> Fit {
        fit_of(&self.plot)
    }

    /// Whether the chart is complete: its canvas painted, its data table built.
    pub(super) fn finished(&self) -> bool {
        self.tabled.get() && self.state.borrow().painted
    }

    /// Completes what mounting left for later: builds the data table, lays
    /// the chart out at its fit if it never was, and paints its first
    /// frame, each once.
    pub(super) fn finish(&self) -> Result<(), JsValue> {
        if !self.tabled.replace(true) {
            self.details
                .insert_adjacent_html("beforeend", &data_table(&self.chart))?;
        }
        if self.state.borrow().drawn.is_none() {
            self.draw_at(self.fit(), Relayout::IfChanged, Paint::Later)?;
        }
        self.paint_first()
    }

    /// The height of the last layout in CSS px (0 before the first).
    pub(super) fn height(&self) -> f64 {
        self.state.borrow().scene.as_ref().map_or(0.0, |s| s.height)
    }

    /// Whether the entrance has started (or was skipped).
    pub(super) fn entered(&self) -> bool {
        self.state.borrow().entered
    }

    /// Whether the entrance is running.
    pub(super) fn animating(&self) -> bool {
        let s = self.state.borrow();
        s.entered && s.progress < 1.0
    }

    /// Runs `f` over the current scene's marks (none before the first layout).
    pub(super) fn with_marks<T>(&self, f: impl FnOnce(&[Mark]) -> T) -> T {
        let s = self.state.borrow();
        f(s.scene.as_ref().map_or(&[], |sc| sc.marks.as_slice()))
    }
}
