//! Bar marks: a solid bar, a plan drawn as a tinted outline (a floor open
//! at its far end, with an arrow), and the thin rule of a zero line.

use crate::color::Color;
use crate::layout::{Point, Rect, SceneBuilder, Shape, Stroke};
use crate::model::Bound;

/// How far a floor's arrow reaches past its bar's end, CSS px.
pub(crate) const ARROW: f64 = 9.0;

/// A rectangle spanning `a`..`b` horizontally (either order), at least
/// 1 px wide so that a tiny non-zero value still shows.
pub(crate) fn span_rect(a: f64, b: f64, y: f64, h: f64) -> Rect {
    let (x0, x1) = if a <= b { (a, b) } else { (b, a) };
    let w = if x1 - x0 < 1.0 && x1 != x0 {
        1.0
    } else {
        x1 - x0
    };
    Rect::new(x0, y, w, h)
}

/// A filled bar from `from` to `to`, `h` tall from `y`.
pub(crate) fn solid(c: &mut SceneBuilder, from: f64, to: f64, y: f64, h: f64, color: Color) {
    c.fill(span_rect(from, to, y, h), color);
}

/// How a plan is drawn.
#[derive(Clone, Copy)]
pub(crate) struct Outline {
    /// The outline's colour (and the arrow's).
    pub color: Color,
    /// The fill inside the outline.
    pub tint: Color,
    /// Exact: closed outline; floor: open at the far end, with an arrow.
    pub bound: Bound,
}

/// A plan from `zero` to `end`, `h` tall from `y`: tinted fill, outlined;
/// a floor is open at its far end, with an arrow pointing on.
pub(crate) fn plan(c: &mut SceneBuilder, zero: f64, end: f64, y: f64, h: f64, look: Outline) {
    let Outline { color, tint, bound } = look;
    let rect = span_rect(zero, end, y, h);
    let stroke = Stroke { color, width: 1.5 };
    if bound == Bound::Exact {
        c.push(Shape::Rect {
            rect,
            fill: Some(tint),
            stroke: Some(stroke),
        });
        return;
    }
    c.fill(rect, tint);
    let (x0, x1, y0, y1) = (zero, end, rect.y, rect.bottom());
    for (a, b) in [
        ((x0, y0), (x1, y0)),
        ((x0, y1), (x1, y1)),
        ((x0, y0), (x0, y1)),
    ] {
        c.line(
            Point { x: a.0, y: a.1 },
            Point { x: b.0, y: b.1 },
            color,
            1.5,
        );
    }
    let dir = if end >= zero { 1.0 } else { -1.0 };
    let mid = y + h / 2.0;
    c.push(Shape::Polygon {
        points: vec![
            Point {
                x: end + dir * 2.0,
                y: mid - 6.0,
            },
            Point {
                x: end + dir * ARROW,
                y: mid,
            },
            Point {
                x: end + dir * 2.0,
                y: mid + 6.0,
            },
        ],
        fill: color,
    });
}

/// A vertical hairline at `x` from `top` to `bottom` in the muted text
/// colour: the zero line.
pub(crate) fn rule(c: &mut SceneBuilder, x: f64, top: f64, bottom: f64) {
    let color = c.theme.text_muted;
    c.line(Point { x, y: top }, Point { x, y: bottom }, color, 1.0);
}
