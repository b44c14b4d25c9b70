//! A chart's life on the page, in one type: found in the page with its
//! data ([`Found`]); waiting, below the first screen, to be taken over
//! after `infographic:ready` ([`Life::Waiting`]); taken over
//! ([`Life::TakenOver`]: it answers the reader, its pre-rendered plot still
//! showing); and live once its canvas is painted and its data table built
//! (`Mounted::finished`).

use crate::model::Chart;
use crate::web::chart::{Mounted, Themes};
use crate::web::mode::Mode;
use crate::web::screen::Fit;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlElement};

/// A chart found on the page and not taken over yet: its figure, its data
/// and where the figure was before any chart DOM went in.
pub(super) struct Found {
    pub figure: HtmlElement,
    pub chart: Chart,
    pub themes: Rc<Themes>,
    pub level: u8,
    pub fit: Fit,
    /// The figure's top, CSS px from the viewport's.
    pub top: f64,
}

/// A chart past being found: waiting, or taken over.
pub(super) enum Life {
    /// Below the first screen: taken over after `infographic:ready`.
    Waiting(Found),
    /// Taken over: it answers the reader (live once `finished`).
    TakenOver(Rc<Mounted>),
}

impl Life {
    /// The chart, once taken over.
    pub(super) fn mounted(&self) -> Option<Rc<Mounted>> {
        match self {
            Life::Waiting(_) => None,
            Life::TakenOver(m) => Some(m.clone()),
        }
    }

    /// Whether the chart waits to be taken over.
    pub(super) fn is_waiting(&self) -> bool {
        matches!(self, Life::Waiting(_))
    }

    /// Whether the chart's figure is inside `root`.
    pub(super) fn is_in(&self, root: &Element) -> bool {
        match self {
            Life::Waiting(found) => root.contains(Some(&found.figure)),
            Life::TakenOver(m) => root.contains(Some(m.plot())),
        }
    }
}

impl Found {
    /// Takes the chart's figure over (see `Mounted::create`); `on_screen`:
    /// the reader may see it now (no entrance).
    pub(super) fn mount(
        self,
        document: &Document,
        mode: Mode,
        on_screen: bool,
    ) -> Result<Rc<Mounted>, JsValue> {
        Mounted::create(
            document,
            &self.figure,
            self.chart,
            self.themes,
            self.level,
            mode,
            on_screen,
        )
    }
}
