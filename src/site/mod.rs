//! Build time (native only): every chart's whole figure written into the
//! page, complete at first paint with no script.
//!
//! A figure's plot is a static SVG drawn by the same layout and plotters
//! code as the canvas. The engine later swaps it for the live canvas
//! without moving anything, because both lay the chart out with the same
//! deterministic text metric ([`ApproxMeasure`](crate::layout::ApproxMeasure)): the plot's height at a
//! column width is known here, and [`chart_css`] writes it for every band
//! of widths as container queries, which the figure's box honours before
//! the engine arrives and which the engine's own layout then matches.
//!
//! - [`prerender`]: a page's `<figure data-chart="ID">` places filled in.
//! - [`chart_css`]: a data file's stylesheet: plot heights by column width,
//!   which static artboard shows, and the dark palette of the static plots.
//! - [`prerender_folder`]: a folder of pages pre-rendered, with the embed
//!   pages, snippets and stylesheets made from them (`infographic prerender`).

// Native only: the wasm size rules of clippy.toml do not apply here.
#![allow(clippy::disallowed_methods)]

mod build;
mod page;
mod plot;

pub use build::prerender_folder;
pub use page::{css_url, prerender, Prerendered};
pub use plot::{artboard_svg, bands, chart_css, stylesheet, ARTBOARDS, BAND_MAX, BAND_MIN};
