//! Pure geometry: a validated [`Chart`] at a given width becomes a [`Scene`]
//! of marks in CSS px. No drawing, no browser: the same scene feeds the
//! canvas, the SVG export, hit-testing and accessible text.
//!
//! Layout re-flows rather than shrinks: below [`NARROW`] px labels move
//! above their bars across the full width and cards drop to two columns.

mod bars;
mod cards;
mod part;
mod scene;
mod text;

pub use scene::{Anchor, Mark, Point, Rect, Scene, Shape, Stroke, Text};
pub use text::{ellipsize, wrap, ApproxMeasure, TextMeasure, ELLIPSIS};

use crate::model::{Body, Chart};
use crate::theme::{Color, Theme};

/// Below this width (CSS px) charts use their phone layout.
pub const NARROW: f64 = 480.0;

/// Lays out `chart` to fill `width` CSS px.
///
/// Total for any width and any validated chart: tiny or huge widths give a
/// degenerate but well-formed scene, never a panic.
pub fn layout(chart: &Chart, width: f64, measure: &dyn TextMeasure, theme: &Theme) -> Scene {
    let width = if width.is_finite() {
        width.clamp(1.0, 100_000.0)
    } else {
        1.0
    };
    let mut canvas = Canvas {
        width,
        theme,
        measure,
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

/// The scene under construction, with the context every chart kind needs.
pub(crate) struct Canvas<'a> {
    pub width: f64,
    pub theme: &'a Theme,
    pub measure: &'a dyn TextMeasure,
    pub shapes: Vec<Shape>,
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
    /// Width of `s` in `font`.
    pub fn measure(&self, s: &str, font: Font) -> f64 {
        self.measure.width(s, font.size, font.bold)
    }

    /// Adds a line of text centred on `y`; returns its bounds.
    pub fn text(&mut self, s: &str, x: f64, y: f64, anchor: Anchor, font: Font) -> Rect {
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
            self.shapes.push(Shape::Text(text));
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
        self.shapes.push(Shape::Rect {
            rect,
            fill: Some(color),
            stroke: None,
        });
    }

    /// Adds a straight line.
    pub fn line(&mut self, from: Point, to: Point, color: Color, width: f64) {
        self.shapes.push(Shape::Line {
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
