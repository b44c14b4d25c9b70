//! Pure geometry: a validated [`Chart`] at a given width becomes a [`Scene`]
//! of marks in CSS px. No drawing, no browser: the same scene feeds the
//! canvas, the SVG export, hit-testing and accessible text.
//!
//! Layout re-flows rather than shrinks: below [`NARROW`] px labels move
//! above their bars across the full width and cards drop to two columns.
//!
//! Each chart kind has one file that composes shared pieces into a
//! `SceneBuilder`: scales (`scale`), marks such as bars, labels and
//! legends (`marks`), and for horizontal bars the frame of rows (`rows`).

mod bars;
mod builder;
mod cards;
mod frame;
mod grouped;
mod marks;
mod part;
mod rows;
mod scale;
mod scene;
mod series;
mod series_measure;
mod target;
mod text;

pub use frame::{framed, PADDING};
pub use scene::{Anchor, Mark, Placed, Point, Rect, Scene, Shape, Stroke, Text};
pub use text::{ellipsize, wrap, ApproxMeasure, TextMeasure, ELLIPSIS};

use builder::{Font, SceneBuilder};

use crate::model::{Body, Chart};
use crate::theme::Theme;

/// Below this width (CSS px) charts use their phone layout.
pub const NARROW: f64 = 480.0;

/// The smallest height of a mark's hit area: a fingertip (CSS px).
pub const MIN_TARGET: f64 = 44.0;

/// A width any layout can work with: 1 to 100,000 CSS px (1 for nonsense).
pub(crate) fn usable_width(width: f64) -> f64 {
    if width.is_finite() {
        width.clamp(1.0, 100_000.0)
    } else {
        1.0
    }
}

/// Lays out `chart` to fill `width` CSS px, in its final state.
///
/// Total for any width and any validated chart: tiny or huge widths give a
/// degenerate but well-formed scene, never a panic.
pub fn layout(chart: &Chart, width: f64, measure: &dyn TextMeasure, theme: &Theme) -> Scene {
    layout_at(chart, width, measure, theme, 1.0)
}

/// Lays out `chart` part-way through its entrance: bars grown and numbers
/// counted up to `progress` (0 to 1, already eased) of their values. Label
/// positions, scales and hit areas are those of the final state, so a tap
/// during the entrance finds the same mark it will find afterwards.
pub fn layout_at(
    chart: &Chart,
    width: f64,
    measure: &dyn TextMeasure,
    theme: &Theme,
    progress: f64,
) -> Scene {
    let width = usable_width(width);
    let progress = if progress.is_finite() {
        progress.clamp(0.0, 1.0)
    } else {
        1.0
    };
    let mut scene = SceneBuilder::new(width, theme, measure, progress);
    let height = match &chart.body {
        Body::Bars(items) => bars::layout(items, &mut scene),
        Body::Target(items) => target::layout(items, &mut scene),
        Body::Part(part) => part::layout(part, &mut scene),
        Body::Cards(items) => cards::layout(items, &mut scene),
        Body::Series(series) => series::layout(series, &mut scene),
        Body::Grouped(items) => grouped::layout(items, &mut scene),
    };
    scene.into_scene(height.max(1.0).ceil())
}
