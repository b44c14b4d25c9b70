//! The one owner of the page's state: [`App`] holds the mode, every
//! chart's life, the page-wide watchers and what preview and an embed keep.
//! Every handler is given the app (as eframe's runner is given to its
//! handlers): a closure keeps a weak handle and upgrades it when called, so
//! nothing reaches the state any other way.

use crate::web::dom::{listen, Listener};
use crate::web::life::{Found, Life};
use crate::web::mode::Mode;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, EventTarget, IntersectionObserver, MediaQueryList, ResizeObserver};

use crate::web::chart::Mounted;

/// The page's state; see the module's documentation.
#[derive(Clone)]
pub(super) struct App(Rc<Inner>);

/// What the app holds.
pub(super) struct Inner {
    mode: Mode,
    /// Every chart found, in page order, at its stage of life.
    charts: RefCell<Vec<Life>>,
    /// The page-wide watchers (`watch.rs`).
    pub(super) watchers: RefCell<Watchers>,
    /// What preview watches (`preview.rs`).
    pub(super) preview: RefCell<Preview>,
    /// What an embed last told its host (`embed.rs`).
    pub(super) embed: RefCell<Embed>,
}

/// An observer and the callback it calls.
pub(super) type Watcher<O, A> = (O, Closure<dyn FnMut(A)>);

/// The page-wide watchers (`watch.rs` starts them), each started once.
#[derive(Default)]
pub(super) struct Watchers {
    pub(super) resize: Option<Watcher<ResizeObserver, JsValue>>,
    /// The pixel ratio's query, and its listener.
    pub(super) ratio: Option<(MediaQueryList, Listener)>,
    /// The colour scheme's query, and its listener.
    pub(super) scheme: Option<(MediaQueryList, Listener)>,
    pub(super) intersect: Option<Watcher<IntersectionObserver, js_sys::Array>>,
    /// Watches charts come within half a screen of view, to paint them.
    pub(super) near: Option<Watcher<IntersectionObserver, js_sys::Array>>,
    pub(super) document: Vec<Listener>,
    pub(super) frame: Option<Closure<dyn FnMut(f64)>>,
    pub(super) frame_pending: bool,
}

impl Watchers {
    /// Stops watching a chart that leaves the page.
    pub(super) fn forget(&self, m: &Mounted) {
        if let Some((observer, _)) = &self.resize {
            observer.unobserve(m.plot());
        }
        for (observer, _) in self.intersect.iter().chain(&self.near) {
            observer.unobserve(m.plot());
        }
    }
}

/// A root whose data file preview watches, and the bytes it last read.
pub(super) struct Watched {
    pub root: Element,
    pub url: String,
    pub last: Option<Vec<u8>>,
}

/// Preview's state: the watched files, the polling timer, and whether a
/// check is running.
#[derive(Default)]
pub(super) struct Preview {
    pub watched: Vec<Watched>,
    pub poll: Option<Closure<dyn FnMut()>>,
    pub busy: bool,
}

/// An embed's state: the observer of the page's height, and the height
/// last told.
#[derive(Default)]
pub(super) struct Embed {
    pub observer: Option<(web_sys::ResizeObserver, Closure<dyn FnMut()>)>,
    pub last_height: f64,
}

impl App {
    /// A new app for a page in `mode`.
    pub(super) fn new(mode: Mode) -> App {
        App(Rc::new(Inner {
            mode,
            charts: RefCell::new(Vec::new()),
            watchers: RefCell::new(Watchers::default()),
            preview: RefCell::new(Preview::default()),
            embed: RefCell::new(Embed::default()),
        }))
    }

    /// A weak handle, for a closure the page keeps.
    pub(super) fn weak(&self) -> Weak<Inner> {
        Rc::downgrade(&self.0)
    }

    /// The app a weak handle names, while the page has it.
    pub(super) fn upgrade(weak: &Weak<Inner>) -> Option<App> {
        weak.upgrade().map(App)
    }

    /// Calls `f` with the app for each `kind` event of type `E` on
    /// `target`, for as long as the returned listener is kept.
    pub(super) fn listen<E: JsCast>(
        &self,
        target: &EventTarget,
        kind: &'static str,
        f: impl Fn(&E, &App) + 'static,
    ) -> Result<Listener, JsValue> {
        let weak = self.weak();
        listen(target, kind, move |event: &E| {
            if let Some(app) = App::upgrade(&weak) {
                f(event, &app);
            }
        })
    }

    /// The mode the page started in.
    pub(super) fn mode(&self) -> Mode {
        self.0.mode
    }

    /// The app's state, for the files that keep a part of it.
    pub(super) fn inner(&self) -> &Inner {
        &self.0
    }

    /// Every chart taken over, in page order.
    pub(super) fn charts(&self) -> Vec<Rc<Mounted>> {
        self.0
            .charts
            .borrow()
            .iter()
            .filter_map(Life::mounted)
            .collect()
    }

    /// The charts taken over inside `root`.
    pub(super) fn charts_in(&self, root: &Element) -> Vec<Rc<Mounted>> {
        self.charts()
            .into_iter()
            .filter(|m| root.contains(Some(m.plot())))
            .collect()
    }

    /// Adds a chart's life to the page's charts.
    pub(super) fn add(&self, life: Life) {
        self.0.charts.borrow_mut().push(life);
    }

    /// The first chart still waiting to be taken over, if any, taken out
    /// of the list (it comes back as taken over, or not at all).
    pub(super) fn next_waiting(&self) -> Option<Found> {
        let mut charts = self.0.charts.borrow_mut();
        let i = charts.iter().position(Life::is_waiting)?;
        match charts.remove(i) {
            Life::Waiting(found) => Some(found),
            Life::TakenOver(_) => None,
        }
    }

    /// Drops the charts taken over or waiting inside `root`, before taking
    /// it over again.
    pub(super) fn unmount(&self, root: &Element) {
        let (gone, kept): (Vec<Life>, Vec<Life>) = std::mem::take(&mut *self.0.charts.borrow_mut())
            .into_iter()
            .partition(|life| life.is_in(root));
        for m in gone.iter().filter_map(Life::mounted) {
            self.0.watchers.borrow().forget(&m);
        }
        *self.0.charts.borrow_mut() = kept;
    }
}
