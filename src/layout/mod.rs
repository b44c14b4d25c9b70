//! Pure geometry: a validated [`Chart`] at a given width becomes a [`Scene`]
//! of marks in CSS px. No drawing, no browser: the same scene feeds the
//! canvas, the SVG export, hit-testing and accessible text.
//!
//! Layout re-flows rather than shrinks: below [`NARROW`] px labels move
//! above their bars across the full width and cards drop to two columns.

mod bars;
mod cards;
mod frame;
mod part;
mod scene;
mod text;

pub use frame::{framed, PADDING};
pub use scene::{Anchor, Mark, Placed, Point, Rect, Scene, Shape, Stroke, Text};
pub use text::{ellipsize, wrap, ApproxMeasure, TextMeasure, ELLIPSIS};

use crate::model::{Body, Chart};
use crate::theme::{Color, Theme};

/// Below this width (CSS px) charts use their phone layout.
pub const NARROW: f64 = 480.0;

/// The smallest height of a mark's hit area: a fingertip (CSS px).
pub const MIN_TARGET: f64 = 44.0;

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
    let width = if width.is_finite() {
        width.clamp(1.0, 100_000.0)
    } else {
        1.0
    };
    let progress = if progress.is_finite() {
        progress.clamp(0.0, 1.0)
    } else {
        1.0
    };
    let mut canvas = Canvas {
        width,
        theme,
        measure,
        progress,
        owner: None,
        shapes: Vec::new(),
        marks: Vec::new(),
    };
    let height = match &chart.body {
        Body::Bars(items) => bars::layout(items, false, &mut canvas),
        Body::Target(items) => bars::layout(items, true, &mut canvas),
        Body::Part(part) => part::layout(part, &mut canvas),
        Body::Cards(items) => cards::layout(items, &mut canvas),
    };
    Scene {
        width,
        height: height.max(1.0).ceil(),
        background: theme.background,
        shapes: canvas.shapes,
        marks: canvas.marks,
    }
}

/// `value` part-way (`t`) from 0, rounded to the decimals the final value
/// shows, so that counting numbers never flicker with long fractions.
pub(crate) fn tween(value: f64, t: f64) -> f64 {
    if t >= 1.0 {
        return value;
    }
    let decimals = (0..=2)
        .find(|d| {
            let f = 10f64.powi(*d);
            ((value * f).round() - value * f).abs() < 1e-6
        })
        .unwrap_or(2);
    let f = 10f64.powi(decimals);
    (value * t * f).round() / f
}

/// The scene under construction, with the context every chart kind needs.
pub(crate) struct Canvas<'a> {
    pub width: f64,
    pub theme: &'a Theme,
    pub measure: &'a dyn TextMeasure,
    /// Entrance progress, 0 to 1 (1: the final state).
    pub progress: f64,
    /// The mark the shapes being added belong to.
    pub owner: Option<usize>,
    pub shapes: Vec<Placed>,
    pub marks: Vec<Mark>,
}

/// How a text is set: size, weight, colour.
#[derive(Clone, Copy)]
pub(crate) struct Font {
    pub size: f64,
    pub bold: bool,
    pub color: Color,
}

impl Canvas<'_> {
    /// Adds a shape, owned by the mark under construction (if any).
    pub fn push(&mut self, shape: Shape) {
        self.shapes.push(Placed {
            shape,
            mark: self.owner,
        });
    }

    /// Starts a mark: shapes added until [`Canvas::end_mark`] belong to it.
    pub fn begin_mark(&mut self) {
        self.owner = Some(self.marks.len());
    }

    /// Finishes the current mark, its hit area grown to at least
    /// [`MIN_TARGET`] tall about its centre (never above the top edge).
    pub fn end_mark(&mut self, mut mark: Mark) {
        if mark.hit.h < MIN_TARGET {
            let grow = MIN_TARGET - mark.hit.h;
            mark.hit = Rect::new(
                mark.hit.x,
                (mark.hit.y - grow / 2.0).max(0.0),
                mark.hit.w,
                MIN_TARGET,
            );
        }
        self.marks.push(mark);
        self.owner = None;
    }

    /// Width of `s` in `font`.
    pub fn measure(&self, s: &str, font: Font) -> f64 {
        self.measure.width(s, font.size, font.bold)
    }

    /// Adds a line of text centred on `y`, shortened with `…` if it would
    /// cross the canvas's left or right edge; returns its bounds.
    pub fn text(&mut self, s: &str, x: f64, y: f64, anchor: Anchor, font: Font) -> Rect {
        let room = match anchor {
            Anchor::Start => self.width - x,
            Anchor::End => x,
            Anchor::Middle => 2.0 * x.min(self.width - x),
        };
        let fitted;
        let s = if room <= 0.0 {
            ""
        } else if self.measure(s, font) > room + 0.01 {
            fitted = self.ellipsize(s, room, font);
            fitted.as_str()
        } else {
            s
        };
        let text = Text {
            text: s.to_string(),
            x,
            y,
            anchor,
            size: font.size,
            bold: font.bold,
            color: font.color,
            width: self.measure(s, font),
        };
        let bounds = text.bounds();
        if !s.is_empty() {
            self.push(Shape::Text(text));
        }
        bounds
    }

    /// Adds lines of text from `top`, one every `line_height`; returns the
    /// height they take.
    pub fn lines(
        &mut self,
        lines: &[String],
        x: f64,
        top: f64,
        line_height: f64,
        font: Font,
    ) -> f64 {
        for (i, line) in lines.iter().enumerate() {
            let y = top + line_height * (i as f64 + 0.5);
            self.text(line, x, y, Anchor::Start, font);
        }
        line_height * lines.len() as f64
    }

    /// Adds a filled rectangle.
    pub fn fill(&mut self, rect: Rect, color: Color) {
        self.push(Shape::Rect {
            rect,
            fill: Some(color),
            stroke: None,
        });
    }

    /// Adds a straight line.
    pub fn line(&mut self, from: Point, to: Point, color: Color, width: f64) {
        self.push(Shape::Line {
            from,
            to,
            stroke: Stroke { color, width },
        });
    }

    /// Wraps `s` to `max_width` in `font`, at most `max_lines` lines.
    pub fn wrap(&self, s: &str, max_width: f64, font: Font, max_lines: usize) -> Vec<String> {
        wrap(
            s,
            max_width.max(1.0),
            font.size,
            font.bold,
            self.measure,
            max_lines,
        )
    }

    /// Shortens `s` with `…` to fit `max_width` in `font`.
    pub fn ellipsize(&self, s: &str, max_width: f64, font: Font) -> String {
        ellipsize(s, max_width.max(0.0), font.size, font.bold, self.measure)
    }
}
