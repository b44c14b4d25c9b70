//! A chart with its words around it — title, subtitle, notes, source — as
//! one scene, for images that travel without the article (a shared PNG, an
//! SVG for print).

use super::{layout, usable_width, Font, Placed, Point, Scene, SceneBuilder, Shape, TextMeasure};
use crate::describe::{note_line, source_line};
use crate::model::Chart;
use crate::theme::Theme;

/// Padding around a framed chart, CSS px.
pub const PADDING: f64 = 16.0;

/// Lays out `chart` with its title above and its notes and source below,
/// all inside `width` CSS px.
pub fn framed(chart: &Chart, width: f64, measure: &dyn TextMeasure, theme: &Theme) -> Scene {
    let width = usable_width(width);
    let inner = (width - 2.0 * PADDING).max(1.0);
    let mut c = SceneBuilder::new(width, theme, measure, 1.0);
    let title = Font {
        size: 18.0,
        bold: true,
        color: theme.text,
    };
    let subtitle = Font {
        size: 14.0,
        bold: false,
        color: theme.text_muted,
    };
    let small = Font {
        size: theme.sizes.small,
        bold: false,
        color: theme.text_muted,
    };
    let mut y = PADDING;
    let lines = c.wrap(&chart.title, inner, title, 3);
    y += c.lines(&lines, PADDING, y, 26.0, title);
    let lines = c.wrap(&chart.subtitle, inner, subtitle, 3);
    y += c.lines(&lines, PADDING, y, 21.0, subtitle) + 14.0;

    let body = layout(chart, inner, measure, theme);
    let mark_base = c.marks.len();
    for placed in body.shapes {
        c.shapes.push(Placed {
            shape: placed.shape.translated(PADDING, y),
            mark: placed.mark.map(|m| m + mark_base),
        });
    }
    for mut mark in body.marks {
        mark.hit.x += PADDING;
        mark.hit.y += y;
        c.marks.push(mark);
    }
    y += body.height + 12.0;

    for note in &chart.notes {
        let lines = c.wrap(&note_line(note), inner, small, 4);
        y += c.lines(&lines, PADDING, y, 18.0, small);
    }
    let source = source_line(chart);
    let lines = c.wrap(&source, inner, small, 2);
    y += c.lines(&lines, PADDING, y, 18.0, small);
    y += PADDING;
    // A hairline under the title block's top edge marks the image's start.
    c.line(
        Point { x: PADDING, y: 4.0 },
        Point {
            x: width - PADDING,
            y: 4.0,
        },
        theme.accent,
        2.0,
    );
    c.into_scene(y.ceil())
}

impl Shape {
    /// The same shape moved by (`dx`, `dy`).
    pub fn translated(self, dx: f64, dy: f64) -> Shape {
        let mv = |p: Point| Point {
            x: p.x + dx,
            y: p.y + dy,
        };
        match self {
            Shape::Rect {
                mut rect,
                fill,
                stroke,
            } => {
                rect.x += dx;
                rect.y += dy;
                Shape::Rect { rect, fill, stroke }
            }
            Shape::Line { from, to, stroke } => Shape::Line {
                from: mv(from),
                to: mv(to),
                stroke,
            },
            Shape::Polygon { points, fill } => Shape::Polygon {
                points: points.into_iter().map(mv).collect(),
                fill,
            },
            Shape::Text(mut t) => {
                t.x += dx;
                t.y += dy;
                Shape::Text(t)
            }
        }
    }
}
