//! The browser: the one module that touches web-sys.
//!
//! [`mount`] takes over every pre-rendered chart on the page in its place
//! (or writes a bare `<figure data-chart>` first). One job per file:
//!
//! - `start.rs`: start-up — find the roots and figures, read the data
//!   files, take over the first screen before `infographic:ready` and the
//!   rest one per task after it.
//! - `page.rs`: page-wide state and watchers — the mounted charts, resize,
//!   pixel ratio and colour scheme changes, scrolling into view, the
//!   animation-frame loop, closing tips.
//! - `chart/`: one chart — adopting its figure, layout and painting, the
//!   tip, the reader's events, its problems shown in place.
//! - `report.rs`: the page events `infographic:ready` and `:painted`.
//! - `screen.rs`: what the page says about where charts are shown (a
//!   chart's width and scheme, the viewport, the pixel ratio).
//! - `fetch.rs`, `schedule.rs`, `timer.rs`, `dom.rs`: reading files,
//!   deferring work, performance measures, DOM and listener helpers.
//! - `host.rs`: the page around the charts — editors' live preview and
//!   embeds' height messages; it uses `start::remount` and `fetch`.
//! - `share.rs`: the save-image dialog; `canvas.rs`: drawing a scene on a
//!   canvas, for the charts and the dialog alike.
//! - `workbench/` (the editor build only): the editors' page, `editor.html` —
//!   open, check, redraw, paste a table, save.

mod canvas;
mod chart;
mod dom;
mod fetch;
mod host;
mod page;
mod report;
mod schedule;
mod screen;
mod share;
mod start;
mod timer;
#[cfg(feature = "editor")]
mod workbench;

pub use start::mount;
#[cfg(feature = "editor")]
pub use workbench::workbench;
