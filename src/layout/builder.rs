//! The scene under construction: shapes and marks added in drawing order,
//! with the width, theme, text measure and entrance progress every chart
//! kind reads.

use super::{ellipsize, wrap, Anchor, Mark, Placed, Point, Rect, Scene, Shape, Stroke, Text};
use super::{TextMeasure, MIN_TARGET};
use crate::color::Color;
use crate::theme::Theme;

/// The scene under construction, with the context every chart kind needs.
pub(crate) struct SceneBuilder<'a> {
    /// Width of the scene in CSS px.
    pub width: f64,
    /// Colours and type sizes.
    pub theme: &'a Theme,
    /// How wide a text is.
    pub measure: &'a dyn TextMeasure,
    /// Entrance progress, 0 to 1 (1: the final state).
    pub progress: f64,
    /// The mark the shapes being added belong to.
    pub owner: Option<usize>,
    /// The shapes so far, back to front.
    pub shapes: Vec<Placed>,
    /// The data marks so far, in reading order.
    pub marks: Vec<Mark>,
}

/// How a text is set: size, weight, colour.
#[derive(Clone, Copy)]
pub(crate) struct Font {
    /// Size in CSS px.
    pub size: f64,
    /// Bold or regular.
    pub bold: bool,
    /// Fill colour.
    pub color: Color,
}

impl<'a> SceneBuilder<'a> {
    /// An empty scene `width` px wide, drawn at entrance `progress`.
    pub fn new(
        width: f64,
        theme: &'a Theme,
        measure: &'a dyn TextMeasure,
        progress: f64,
    ) -> SceneBuilder<'a> {
        SceneBuilder {
            width,
            theme,
            measure,
            progress,
            owner: None,
            shapes: Vec::new(),
            marks: Vec::new(),
        }
    }

    /// The finished scene, `height` px tall.
    pub fn into_scene(self, height: f64) -> Scene {
        Scene {
            width: self.width,
            height,
            background: self.theme.background,
            shapes: self.shapes,
            marks: self.marks,
        }
    }

    /// Adds a shape, owned by the mark under construction (if any).
    pub fn push(&mut self, shape: Shape) {
        self.shapes.push(Placed {
            shape,
            mark: self.owner,
        });
    }

    /// Starts a mark: shapes added until [`SceneBuilder::end_mark`] belong to it.
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
    /// cross the scene's left or right edge; returns its bounds.
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
