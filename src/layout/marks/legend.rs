//! The legend mark: a key of swatches and their names, flowing onto more
//! lines when the width runs out.

use super::bar::{strong, ARROW};
use crate::color::Color;
use crate::layout::{Anchor, Font, Point, Rect, SceneBuilder, Shape, Stroke};
use crate::model::Sense;

/// The sample drawn before a legend entry's name, in the base colour.
#[derive(Clone, Copy)]
pub(crate) enum Swatch {
    /// A tinted, outlined box: a plan.
    Outline,
    /// A thin solid bar: a result.
    Solid,
    /// An arrowhead: at least (以上, 不低于, 多).
    Arrow,
    /// A cap: a ceiling.
    Cap,
    /// A band: about.
    Band,
    /// A stronger span: a range.
    Span,
    /// A bar in a series' colour (grouped bars).
    Fill(Color),
}

/// The key's entries for the plans' qualifiers that `has` says are drawn:
/// an at-least arrow, an at-most cap, an about-band.
pub(crate) fn bound_entries(entries: &mut Vec<(Swatch, &str)>, has: impl Fn(Sense) -> bool) {
    for (sense, swatch, name) in [
        (Sense::AtLeast, Swatch::Arrow, "目标为下限"),
        (Sense::AtMost, Swatch::Cap, "目标为上限"),
        (Sense::About, Swatch::Band, "目标为约数"),
    ] {
        if has(sense) {
            entries.push((swatch, name));
        }
    }
}

/// Draws `entries` from the top left, in small muted type; returns the y
/// below the legend.
pub(crate) fn legend(c: &mut SceneBuilder, entries: &[(Swatch, &str)]) -> f64 {
    let theme = c.theme;
    let font = Font {
        size: theme.sizes.small,
        bold: false,
        color: theme.text_muted,
    };
    let (sw, sh) = (18.0, 10.0);
    let row_h = 20.0;
    let (mut x, mut y) = (0.0, row_h / 2.0);
    for &(swatch, label) in entries {
        let w = sw + 6.0 + c.measure(label, font);
        if x > 0.0 && x + w > c.width {
            x = 0.0;
            y += row_h;
        }
        match swatch {
            Swatch::Outline => c.push(Shape::Rect {
                rect: Rect::new(x, y - sh / 2.0, sw, sh),
                fill: Some(theme.base_tint),
                stroke: Some(Stroke {
                    color: theme.base,
                    width: 1.5,
                }),
            }),
            Swatch::Solid => c.fill(Rect::new(x, y - sh / 4.0, sw, sh / 2.0), theme.base),
            Swatch::Arrow => c.push(Shape::Polygon {
                points: vec![
                    Point {
                        x: x + 5.0,
                        y: y - 6.0,
                    },
                    Point {
                        x: x + 5.0 + ARROW - 2.0,
                        y,
                    },
                    Point {
                        x: x + 5.0,
                        y: y + 6.0,
                    },
                ],
                fill: theme.base,
            }),
            Swatch::Cap => c.line(
                Point {
                    x: x + 9.0,
                    y: y - 7.0,
                },
                Point {
                    x: x + 9.0,
                    y: y + 7.0,
                },
                theme.base,
                3.0,
            ),
            Swatch::Band => c.push(Shape::Rect {
                rect: Rect::new(x + 4.0, y - 7.0, 10.0, 14.0),
                fill: Some(strong(theme.base_tint, theme.base)),
                stroke: Some(Stroke {
                    color: theme.base,
                    width: 1.0,
                }),
            }),
            Swatch::Fill(color) => c.fill(Rect::new(x, y - sh / 2.0, sw, sh), color),
            Swatch::Span => c.fill(
                Rect::new(x, y - sh / 2.0, sw, sh),
                strong(theme.base_tint, theme.base),
            ),
        }
        c.text(label, x + sw + 6.0, y, Anchor::Start, font);
        x += w + 16.0;
    }
    y + row_h / 2.0 + 10.0
}
