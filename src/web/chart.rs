//! One chart on the page: its DOM, its frames, and the reader's ways in —
//! pointer, touch, keyboard and screen reader.

use super::dom::{append, attrs, element};
use super::{dark_scheme, pixel_ratio, prefers, request_frame, share, Listener, Themes};
use crate::format::css_px;
use crate::interact::{place_tip, step};
use crate::layout::{layout, layout_at, ApproxMeasure, Point, Scene};
use crate::markup::{data_table, figure_inner, id_prefix, TOOLS};
use crate::model::{Chart, Problem};
use crate::render::{backing_store, draw, Options};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlCanvasElement, HtmlElement};

/// How long the entrance takes, ms.
const ENTRANCE_MS: f64 = 500.0;

/// Where a tip is anchored.
#[derive(Clone, Copy)]
enum Anchor {
    /// At the pointer (viewport coordinates); touch keeps clear of the finger.
    Pointer { x: f64, y: f64, touch: bool },
    /// Above the mark itself (keyboard focus).
    Mark,
}

/// What the chart last drew and how.
struct State {
    /// CSS width, pixel ratio and dark scheme of the last layout.
    drawn: Option<(f64, f64, bool)>,
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

/// A mounted chart.
pub(super) struct Mounted {
    chart: Chart,
    themes: Rc<Themes>,
    figure: HtmlElement,
    plot: HtmlElement,
    /// The plot's box: its height is the layout's. It holds the static
    /// plot until the first paint puts the canvas in its place; it clips
    /// the canvas, whose backing store may be a little larger, so that
    /// small resizes keep it (see [`backing_store`]).
    clip: HtmlElement,
    canvas: HtmlCanvasElement,
    tip: HtmlElement,
    /// The closed "查看数据" box; its table is built by [`Mounted::finish`].
    details: HtmlElement,
    /// Whether the data table is built.
    tabled: Cell<bool>,
    /// The backing store's size and the pixel ratio the canvas's CSS size
    /// was last set for.
    sized: Cell<Option<(u32, u32, f64)>>,
    state: RefCell<State>,
    listeners: RefCell<Vec<(&'static str, Listener)>>,
}

impl Mounted {
    /// Takes over `figure`: adopts its pre-rendered markup (see `markup`),
    /// or writes that markup first into a figure that has none (a host page
    /// without pre-rendering: the page then shifts once) or when told to
    /// `rewrite` it (preview: the data may be newer than the page), and wires its
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
        rewrite: bool,
        on_screen: bool,
    ) -> Result<Rc<Mounted>, JsValue> {
        if rewrite || figure.query_selector(":scope > .ig-plot")?.is_none() {
            figure.set_inner_html(&figure_inner(&chart, heading_level, ""));
        }
        figure.class_list().add_1("ig-chart")?;
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
        let tools = find(":scope > .ig-tools")?;
        if tools.query_selector(".ig-save")?.is_none() {
            tools.set_inner_html(TOOLS);
        }
        let save = find(":scope > .ig-tools > .ig-save")?;
        let details = find(":scope > .ig-tools > .ig-data")?;

        let id = id_prefix(&chart);
        let help_id = format!("{id}-help");
        attrs(
            &plot,
            &[
                ("tabindex", "0"),
                ("role", "group"),
                ("aria-roledescription", "图表"),
                ("aria-labelledby", &format!("{id}-title")),
                ("aria-describedby", &format!("{id}-summary {help_id}")),
            ],
        )?;
        if document.get_element_by_id(&help_id).is_none() {
            let help = element(
                document,
                "p",
                "ig-sr",
                Some("用方向键逐项查看数值，Home、End 跳到首项、末项，Esc 关闭提示。"),
            )?;
            help.set_id(&help_id);
            let summary = find(&format!(":scope > #{id}-summary"))?;
            summary.after_with_node_1(&help)?;
        }
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
            details,
            tabled: Cell::new(false),
            sized: Cell::new(None),
            state: RefCell::new(State {
                drawn: None,
                scene: None,
                active: None,
                keyboard: false,
                progress: if still { 1.0 } else { 0.0 },
                start: None,
                entered: still,
                painted: false,
            }),
            listeners: RefCell::new(Vec::new()),
        });
        Mounted::wire(&mounted, &save)?;
        Ok(mounted)
    }

    /// The element that holds the canvas (observed for size and view).
    pub(super) fn plot(&self) -> &HtmlElement {
        &self.plot
    }

    /// Whether the chart is complete: its canvas painted, its data table built.
    pub(super) fn finished(&self) -> bool {
        self.tabled.get() && self.state.borrow().painted
    }

    /// Completes what mounting left for later: builds the data table, lays
    /// the chart out at its width if it never was, and paints its first
    /// frame, each once.
    pub(super) fn finish(&self) -> Result<(), JsValue> {
        if !self.tabled.replace(true) {
            self.details
                .insert_adjacent_html("beforeend", &data_table(&self.chart))?;
        }
        if self.state.borrow().drawn.is_none() {
            self.draw_at(self.width(), false, false)?;
        }
        self.paint_first()
    }

    /// The height of the last layout in CSS px (0 before the first).
    pub(super) fn height(&self) -> f64 {
        self.state.borrow().scene.as_ref().map_or(0.0, |s| s.height)
    }

    /// Paints the current layout, unless painted since it was made, and
    /// moves an open tip to where its mark now is.
    pub(super) fn paint_first(&self) -> Result<(), JsValue> {
        if self.state.borrow().painted {
            return Ok(());
        }
        self.paint()?;
        self.update_tip(Anchor::Mark)
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

    /// Starts the entrance (once); with reduced motion, shows the end.
    pub(super) fn start_entrance(&self) {
        let mut s = self.state.borrow_mut();
        if s.entered {
            return;
        }
        s.entered = true;
        if prefers("(prefers-reduced-motion: reduce)") {
            s.progress = 1.0;
            drop(s);
            let _ = self.paint();
        }
    }

    /// One animation frame at time `now` (ms).
    pub(super) fn tick(&self, now: f64) -> Result<(), JsValue> {
        {
            let mut s = self.state.borrow_mut();
            if !s.entered || s.progress >= 1.0 {
                return Ok(());
            }
            let start = *s.start.get_or_insert(now);
            let t = ((now - start) / ENTRANCE_MS).clamp(0.0, 1.0);
            s.progress = 1.0 - (1.0 - t).powi(3);
            if t >= 1.0 {
                s.progress = 1.0;
            }
        }
        self.paint()
    }

    /// The plot's width in whole CSS px, rounded down, as the build's
    /// bands of plot heights are (reading it may lay out the page).
    pub(super) fn width(&self) -> f64 {
        layout_width(self.plot.get_bounding_client_rect().width())
    }

    /// Whether the chart shows in the dark scheme now.
    fn dark(&self) -> bool {
        dark_scheme(&self.figure)
    }

    /// Lays out at `width` if it, the pixel ratio or the scheme changed (or
    /// if `force`) and sizes the canvas box; then paints if `paint`, else
    /// leaves the paint to [`Mounted::finish`]. Returns whether the canvas
    /// shows the current layout.
    pub(super) fn draw_at(&self, width: f64, force: bool, paint: bool) -> Result<bool, JsValue> {
        if width <= 0.0 {
            return Ok(true);
        }
        let key = (width, pixel_ratio(), self.dark());
        if !force && self.state.borrow().drawn == Some(key) {
            return Ok(self.state.borrow().painted);
        }
        let timer = Timer::start("redraw", &self.chart.id);
        let theme = self.themes.pick(key.2);
        let scene = layout(&self.chart, width, &ApproxMeasure, theme);
        // The box takes its size now, so nothing below moves when it paints.
        self.clip
            .style()
            .set_property("height", &css_px(scene.height))?;
        {
            let mut s = self.state.borrow_mut();
            s.drawn = Some(key);
            s.scene = Some(scene);
            s.painted = false;
        }
        if paint {
            self.paint_first()?;
        }
        timer.end();
        Ok(paint)
    }

    /// Draws the current frame: the entrance's progress, the active mark.
    fn paint(&self) -> Result<(), JsValue> {
        let Some((width, ratio, dark)) = self.state.borrow().drawn else {
            return Ok(());
        };
        self.state.borrow_mut().painted = true;
        let s = self.state.borrow();
        let Some(scene) = &s.scene else {
            return Ok(());
        };
        let theme = self.themes.pick(dark);
        let entering;
        let frame = if s.progress < 1.0 {
            entering = layout_at(&self.chart, width, &ApproxMeasure, theme, s.progress);
            &entering
        } else {
            scene
        };
        let need = (
            (width * ratio).round() as u32,
            (scene.height * ratio).round() as u32,
        );
        let now = (self.canvas.width(), self.canvas.height());
        let (bw, bh) = backing_store(need, now);
        // One backing pixel per device pixel, whatever the store's size
        // (set only when either changes: not on every hover).
        let size = Some((bw, bh, ratio));
        if self.sized.get() != size {
            let style = self.canvas.style();
            style.set_property("width", &css_px(f64::from(bw) / ratio))?;
            style.set_property("height", &css_px(f64::from(bh) / ratio))?;
            self.sized.set(size);
        }
        if !self.clip.contains(Some(&self.canvas)) {
            // The first frame takes the static plot's place, in one task:
            // the reader never sees the box empty.
            self.clip.set_text_content(None);
            self.clip.append_child(&self.canvas)?;
            self.figure.class_list().add_1("ig-live")?;
        }
        if (bw, bh) != now {
            // Resizing the backing store also clears it.
            self.canvas.set_width(bw);
            self.canvas.set_height(bh);
        } else if let Some(ctx) = self
            .canvas
            .get_context("2d")?
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        {
            ctx.clear_rect(0.0, 0.0, f64::from(bw), f64::from(bh));
        }
        let backend =
            CanvasBackend::with_canvas_object(self.canvas.clone()).ok_or("no 2d context")?;
        draw(
            frame,
            &backend.into_drawing_area(),
            Options {
                scale: ratio,
                font_family: &theme.font_family,
                font_scale: 1.0,
                active: s.active,
                background: false,
            },
        )
        .map_err(|e| JsValue::from_str(&e.to_string()))
    }

    /// Makes `active` the mark the reader looks at, repaints, moves the tip.
    fn set_active(&self, active: Option<usize>, anchor: Anchor, keyboard: bool) {
        {
            let mut s = self.state.borrow_mut();
            if s.active == active && !matches!(anchor, Anchor::Pointer { .. }) {
                return;
            }
            let changed = s.active != active;
            s.active = active;
            s.keyboard = keyboard && active.is_some();
            if !changed {
                drop(s);
                let _ = self.update_tip(anchor);
                return;
            }
        }
        if let Err(e) = self.paint().and_then(|()| self.update_tip(anchor)) {
            web_sys::console::warn_1(&e);
        }
    }

    /// Closes the tip (tap elsewhere, Escape).
    pub(super) fn dismiss(&self) {
        if self.state.borrow().active.is_some() {
            self.set_active(None, Anchor::Mark, false);
        }
    }

    /// Fills and places the tip for the active mark, or hides it.
    fn update_tip(&self, anchor: Anchor) -> Result<(), JsValue> {
        let s = self.state.borrow();
        let mark = s
            .active
            .and_then(|i| s.scene.as_ref().and_then(|sc| sc.marks.get(i)));
        let Some(mark) = mark else {
            self.tip.set_hidden(true);
            self.tip.set_text_content(None);
            return Ok(());
        };
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or("no document")?;
        self.tip.set_text_content(None);
        append(
            &document,
            &self.tip,
            "span",
            "ig-tip-label",
            Some(&mark.label),
        )?;
        append(
            &document,
            &self.tip,
            "strong",
            "ig-tip-value",
            Some(&mark.value),
        )?;
        if let Some(note) = &mark.note {
            append(&document, &self.tip, "span", "ig-tip-note", Some(note))?;
        }
        self.tip.set_hidden(false);

        let window = web_sys::window().ok_or("no window")?;
        let viewport = (
            window.inner_width()?.as_f64().unwrap_or(320.0),
            window.inner_height()?.as_f64().unwrap_or(640.0),
        );
        let plot = self.plot.get_bounding_client_rect();
        let canvas = self.clip.get_bounding_client_rect();
        let size = (
            f64::from(self.tip.offset_width()),
            f64::from(self.tip.offset_height()),
        );
        let below = canvas.top() + mark.hit.bottom();
        let (at, touch) = match anchor {
            Anchor::Pointer { x, y, touch } => (Point { x, y }, touch),
            Anchor::Mark => (
                Point {
                    x: canvas.left() + mark.hit.x + mark.hit.w / 2.0,
                    y: canvas.top() + mark.hit.y,
                },
                false,
            ),
        };
        let (x, y) = place_tip(at, below, size, viewport, touch);
        let style = self.tip.style();
        style.set_property("left", &css_px(x - plot.left()))?;
        style.set_property("top", &css_px(y - plot.top()))?;
        Ok(())
    }

    /// The mark under a pointer event, if any.
    fn mark_at(&self, client_x: f64, client_y: f64) -> Option<usize> {
        let r = self.clip.get_bounding_client_rect();
        let p = Point {
            x: client_x - r.left(),
            y: client_y - r.top(),
        };
        self.state.borrow().scene.as_ref().and_then(|s| s.hit(p))
    }

    /// Runs `f` over the current scene's marks (none before the first layout).
    pub(super) fn with_marks<T>(&self, f: impl FnOnce(&[crate::layout::Mark]) -> T) -> T {
        let s = self.state.borrow();
        f(s.scene.as_ref().map_or(&[], |sc| sc.marks.as_slice()))
    }

    fn mark_count(&self) -> usize {
        self.state
            .borrow()
            .scene
            .as_ref()
            .map_or(0, |s| s.marks.len())
    }

    /// Hover, tap, keyboard and the save button.
    fn wire(this: &Rc<Mounted>, save: &Element) -> Result<(), JsValue> {
        let on = |target: &web_sys::EventTarget,
                  kind: &'static str,
                  f: Box<dyn FnMut(web_sys::Event)>|
         -> Result<(), JsValue> {
            let listener = Closure::wrap(f);
            target.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref())?;
            this.listeners.borrow_mut().push((kind, listener));
            Ok(())
        };

        let m = Rc::downgrade(this);
        on(
            &this.plot,
            "pointermove",
            Box::new(move |e| {
                let (Some(m), Some(e)) = (m.upgrade(), e.dyn_ref::<web_sys::PointerEvent>()) else {
                    return;
                };
                if e.pointer_type() != "mouse" {
                    return;
                }
                let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
                let hit = m.mark_at(x, y);
                let (active, keyboard) = {
                    let s = m.state.borrow();
                    (s.active, s.keyboard)
                };
                if hit != active && (hit.is_some() || !keyboard) {
                    let timer = Timer::start("hover", &m.chart.id);
                    m.set_active(hit, Anchor::Pointer { x, y, touch: false }, false);
                    timer.end();
                } else if hit.is_some() {
                    // Same mark: the tip follows the pointer.
                    m.set_active(hit, Anchor::Pointer { x, y, touch: false }, false);
                }
            }),
        )?;

        let m = Rc::downgrade(this);
        on(
            &this.plot,
            "pointerleave",
            Box::new(move |e| {
                let (Some(m), Some(e)) = (m.upgrade(), e.dyn_ref::<web_sys::PointerEvent>()) else {
                    return;
                };
                if e.pointer_type() == "mouse" && !m.state.borrow().keyboard {
                    m.set_active(None, Anchor::Mark, false);
                }
            }),
        )?;

        // A tap (click after touch) toggles the tip; scrolling never clicks.
        let m = Rc::downgrade(this);
        on(
            &this.plot,
            "click",
            Box::new(move |e| {
                let (Some(m), Some(e)) = (m.upgrade(), e.dyn_ref::<web_sys::MouseEvent>()) else {
                    return;
                };
                let touch = js_sys::Reflect::get(e, &"pointerType".into())
                    .ok()
                    .and_then(|v| v.as_string())
                    .is_some_and(|t| t == "touch" || t == "pen");
                let timer = Timer::start("tap", &m.chart.id);
                let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
                let hit = m.mark_at(x, y);
                let current = m.state.borrow().active;
                let next = if touch && hit == current { None } else { hit };
                m.set_active(next, Anchor::Pointer { x, y, touch }, false);
                timer.end();
            }),
        )?;

        let m = Rc::downgrade(this);
        on(
            &this.plot,
            "keydown",
            Box::new(move |e| {
                let (Some(m), Some(k)) = (m.upgrade(), e.dyn_ref::<web_sys::KeyboardEvent>())
                else {
                    return;
                };
                let active = m.state.borrow().active;
                if let Some(next) = step(active, &k.key(), m.mark_count()) {
                    e.prevent_default();
                    m.set_active(next, Anchor::Mark, true);
                }
            }),
        )?;

        let m = Rc::downgrade(this);
        on(
            &this.plot,
            "blur",
            Box::new(move |_| {
                if let Some(m) = m.upgrade() {
                    if m.state.borrow().keyboard {
                        m.set_active(None, Anchor::Mark, false);
                    }
                }
            }),
        )?;

        // Opening "查看数据" before the table is built builds it first.
        let m = Rc::downgrade(this);
        on(
            &this.details,
            "click",
            Box::new(move |_| {
                if let Some(Err(e)) = m.upgrade().map(|m| m.finish()) {
                    web_sys::console::warn_1(&e);
                }
            }),
        )?;

        let m = Rc::downgrade(this);
        on(
            save,
            "click",
            Box::new(move |_| {
                let Some(m) = m.upgrade() else {
                    return;
                };
                let width = m.width();
                let theme = m.themes.pick(m.dark());
                if let Err(e) = share::open(&m.chart, theme, width, pixel_ratio()) {
                    web_sys::console::warn_1(&e);
                }
            }),
        )?;
        request_frame();
        Ok(())
    }
}

/// Times a piece of work as a performance measure
/// (`infographic:redraw:ID`, `infographic:hover:ID`, `infographic:tap:ID`)
/// for benchmarks and DevTools.
struct Timer(Option<(web_sys::Performance, String)>);

impl Timer {
    fn start(what: &str, id: &str) -> Timer {
        let name = format!("infographic:{what}:{id}");
        Timer(
            web_sys::window()
                .and_then(|w| w.performance())
                .filter(|p| p.mark(&name).is_ok())
                .map(|p| (p, name)),
        )
    }

    fn end(self) {
        if let Some((perf, name)) = self.0 {
            let _ = perf.measure_with_start_mark(&name, &name);
            perf.clear_marks_with_mark_name(&name);
        }
    }
}

/// A plot's width in whole CSS px, rounded down (a hair under a whole
/// pixel, as float layout gives, counts as that pixel).
pub(super) fn layout_width(width: f64) -> f64 {
    (width + 0.01).floor().max(0.0)
}

/// Shows a chart's problems in its place, as text. For readers, a
/// pre-rendered figure stays as it is (it is the chart as built: nothing
/// on the page moves); in preview (for editors), or where there is no
/// figure yet, every problem is listed with its path.
pub(super) fn show_problems(
    document: &Document,
    figure: &HtmlElement,
    id: &str,
    problems: &[Problem],
    preview: bool,
) -> Result<(), JsValue> {
    for p in problems {
        web_sys::console::warn_1(&format!("infographic {id}: {p}").into());
    }
    if !preview && figure.query_selector(".ig-static")?.is_some() {
        return Ok(());
    }
    figure.set_text_content(None);
    figure.class_list().remove_2("ig-chart", "ig-live")?;
    let box_ = element(document, "div", "ig-error", None)?;
    box_.set_attribute("role", "alert")?;
    let title = format!("图表“{id}”暂时无法显示：数据文件有误");
    append(document, &box_, "p", "ig-error-title", Some(&title))?;
    let list = append(document, &box_, "ul", "ig-error-list", None)?;
    for p in problems {
        append(document, &list, "li", "", Some(&p.to_string()))?;
    }
    figure.append_child(&box_)?;
    Ok(())
}
