//! The browser: the one module that touches web-sys.
//!
//! [`mount`] takes over every pre-rendered chart on the page in its place
//! (or writes a bare `<figure data-chart>` first). One owner holds the
//! page's state, [`app::App`], and every handler is given it; each file
//! has one job, and imports only the files below it (`tests/layers.rs`
//! holds the order), naming them `crate::web::NAME`:
//!
//! - `dom.rs`, `timer.rs`, `schedule.rs`, `fetch.rs`, `screen.rs`,
//!   `address.rs`, `canvas.rs`: DOM and listener helpers, performance
//!   measures, deferring work, reading files, where charts are shown, the
//!   page's address, drawing a scene on a canvas.
//! - `mode.rs`: the build and the page's mode, chosen once at start.
//! - `share.rs`: the save-image dialog; `banner.rs`: preview's banner.
//! - `chart/`: one chart — adopting its figure, layout and painting, the
//!   tip, the reader's events, its problems shown in place.
//! - `report.rs`: the page events `infographic:ready` and `:painted`.
//! - `app.rs`: the page's owner — its mode, every chart's life, the
//!   watchers, preview's and an embed's state; `life.rs`: a chart's life
//!   (found, waiting, taken over, live); `watch.rs`: the page-wide
//!   watchers (resize, pixel ratio, colour scheme, scrolling into view,
//!   the frame loop, closing tips).
//! - `take_over.rs`: finding charts in their data and taking them over,
//!   the first screen first; taking a root over again.
//! - `preview.rs`: preview's polling; `embed.rs`: embeds' height messages.
//! - `start.rs`: start-up, from the page's roots to `infographic:painted`.
//! - `workbench/` (the editor build only): the editors' page, `editor.html`.

mod address;
mod app;
mod banner;
mod canvas;
mod chart;
mod dom;
mod embed;
mod fetch;
mod life;
mod mode;
mod preview;
mod report;
mod schedule;
mod screen;
mod share;
mod start;
mod take_over;
mod timer;
mod watch;
#[cfg(feature = "editor")]
mod workbench;

#[cfg(feature = "editor")]
pub use workbench::workbench;

use app::App;
use mode::Mode;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    /// The page's app, made by the first entry point called (an article's
    /// `mount`, or the workbench) and read by the entry points only.
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
}

/// The page's app; made in `mode` if there is none yet.
fn app(mode: impl FnOnce() -> Mode) -> App {
    APP.with(|cell| {
        cell.borrow_mut()
            .get_or_insert_with(|| App::new(mode()))
            .clone()
    })
}

/// Mounts every infographic on the page not mounted before; resolves when
/// every chart has drawn its first frame (or shown its problem). On the way
/// it dispatches `infographic:ready` once the charts on the first screen
/// answer the reader, and `infographic:painted` once all are live; each
/// event's detail reports every chart (the first lists marks of drawn
/// charts only).
#[wasm_bindgen]
pub async fn mount() -> Result<JsValue, JsValue> {
    start::mount(&app(Mode::of_page)).await
}
