//! Bar marks: a solid bar, a plan drawn as a tinted outline (an at-least plan open
//! at its far end, with an arrow; a ceiling capped; an about-band; a
//! range's span), and the thin rule of a zero line.

use crate::color::Color;
use crate::layout::{Point, Rect, SceneBuilder, Shape, Stroke};
use crate::model::Sense;

/// How far an at-least arrow reaches past its bar's end, CSS px.
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
    /// The outline's colour (and the arrow's, cap's and band's edge).
    pub color: Color,
    /// The fill inside the outline.
    pub tint: Color,
    /// What the qualifier says: exact, an at-least arrow, an at-most cap,
    /// an about-band.
    pub sense: Sense,
}

/// How far a plan's qualifier reaches past the plan's end, CSS px: the
/// at-least arrow, the about-band's half, the at-most cap.
pub(crate) fn reach(sense: Sense) -> f64 {
    match sense {
        Sense::Exact => 0.0,
        Sense::AtLeast => ARROW + 2.0,
        Sense::About => BAND + 2.0,
        Sense::AtMost => 3.0,
    }
}

/// Half the width of an about-band, CSS px.
pub(crate) const BAND: f64 = 5.0;

/// The stronger tint that fills an about-band and a range's span (and
/// their swatches in the key), between a plan's `tint` and its `color`.
pub(crate) fn strong(tint: Color, color: Color) -> Color {
    tint.mix(color, 0.45)
}

/// A plan from `zero` to `end`, `h` tall from `y`: tinted fill, outlined.
/// A plan of at least its value is open at its far end, with an arrow pointing on; one of at most
/// is closed by a cap taller than the bar; an about-band straddles the
/// end. A range (`to`: its upper end) is outlined to its upper end, the
/// span from `end` to `to` filled stronger.
pub(crate) fn plan(
    c: &mut SceneBuilder,
    zero: f64,
    end: f64,
    to: Option<f64>,
    y: f64,
    h: f64,
    look: Outline,
) {
    let Outline { color, tint, sense } = look;
    let far = to.unwrap_or(end);
    let rect = span_rect(zero, far, y, h);
    let stroke = Stroke { color, width: 1.5 };
    let dir = if far >= zero { 1.0 } else { -1.0 };
    let stronger = strong(tint, color);
    if sense == Sense::AtLeast {
        // Open at the far end, where the arrow points on.
        c.fill(rect, tint);
        let (x0, x1, y0, y1) = (zero, far, rect.y, rect.bottom());
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
    } else {
        c.push(Shape::Rect {
            rect,
            fill: Some(tint),
            stroke: Some(stroke),
        });
        if let Some(to) = to {
            c.fill(span_rect(end, to, y + 1.5, h - 3.0), stronger);
            c.line(Point { x: end, y }, Point { x: end, y: y + h }, color, 1.5);
        }
    }
    bound_mark(c, far, dir, y, h, sense, color, stronger);
}

/// The qualifier's mark at a bar's far end `far` (the bar `h` tall from
/// `y`, growing in direction `dir`, ±1): an at-most cap taller than the
/// bar, an about-band straddling the end (filled `band`), an at-least arrow
/// pointing on; nothing for an exact figure.
#[allow(clippy::too_many_arguments)]
pub(crate) fn bound_mark(
    c: &mut SceneBuilder,
    far: f64,
    dir: f64,
    y: f64,
    h: f64,
    sense: Sense,
    color: Color,
    band: Color,
) {
    let mid = y + h / 2.0;
    match sense {
        Sense::AtMost => c.line(
            Point { x: far, y: y - 4.0 },
            Point {
                x: far,
                y: y + h + 4.0,
            },
            color,
            3.0,
        ),
        Sense::About => c.push(Shape::Rect {
            rect: Rect::new(far - BAND, y - 3.0, 2.0 * BAND, h + 6.0),
            fill: Some(band),
            stroke: Some(Stroke { color, width: 1.0 }),
        }),
        Sense::AtLeast => c.push(Shape::Polygon {
            points: vec![
                Point {
                    x: far + dir * 2.0,
                    y: mid - 6.0,
                },
                Point {
                    x: far + dir * ARROW,
                    y: mid,
                },
                Point {
                    x: far + dir * 2.0,
                    y: mid + 6.0,
                },
            ],
            fill: color,
        }),
        Sense::Exact => {}
    }
}

/// A vertical hairline at `x` from `top` to `bottom` in the muted text
/// colour: the zero line.
pub(crate) fn rule(c: &mut SceneBuilder, x: f64, top: f64, bottom: f64) {
    let color = c.theme.text_muted;
    c.line(Point { x, y: top }, Point { x, y: bottom }, color, 1.0);
}
