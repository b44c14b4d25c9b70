//! A scene: every mark of one chart as plain geometry in CSS px.
//!
//! Drawing, hit-testing, tooltips and accessible text all read a scene;
//! none of them computes geometry again.

use crate::color::Color;

/// A point in CSS px, origin at the top left.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// Rightwards.
    pub x: f64,
    /// Downwards.
    pub y: f64,
}

/// An axis-aligned rectangle in CSS px.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width (≥ 0).
    pub w: f64,
    /// Height (≥ 0).
    pub h: f64,
}

impl Rect {
    /// A rectangle from its left, top, width and height.
    pub fn new(x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect {
            x,
            y,
            w: w.max(0.0),
            h: h.max(0.0),
        }
    }

    /// Right edge.
    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    /// Bottom edge.
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    /// Whether the two rectangles share any area (touching edges do not).
    pub fn overlaps(&self, other: &Rect) -> bool {
        const EPS: f64 = 0.01;
        self.x + EPS < other.right()
            && other.x + EPS < self.right()
            && self.y + EPS < other.bottom()
            && other.y + EPS < self.bottom()
    }

    /// Whether `p` lies inside (edges included).
    pub fn contains(&self, p: Point) -> bool {
        p.x >= self.x && p.x <= self.right() && p.y >= self.y && p.y <= self.bottom()
    }
}

/// A line's colour, width and optional dash length, in CSS px.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    /// Line colour.
    pub color: Color,
    /// Line width.
    pub width: f64,
}

/// Where a text's `x` is: its start, middle or end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// `x` is the left edge.
    Start,
    /// `x` is the centre.
    Middle,
    /// `x` is the right edge.
    End,
}

/// One line of text.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    /// The characters, drawn as they are (never parsed as markup).
    pub text: String,
    /// Horizontal position, read with `anchor`.
    pub x: f64,
    /// Vertical centre of the line.
    pub y: f64,
    /// How `x` is read.
    pub anchor: Anchor,
    /// Font size in CSS px.
    pub size: f64,
    /// Bold or regular.
    pub bold: bool,
    /// Fill colour.
    pub color: Color,
    /// Measured advance width in CSS px.
    pub width: f64,
}

impl Text {
    /// The box the text occupies: its measured width by 1.2 × its size.
    pub fn bounds(&self) -> Rect {
        let left = match self.anchor {
            Anchor::Start => self.x,
            Anchor::Middle => self.x - self.width / 2.0,
            Anchor::End => self.x - self.width,
        };
        Rect::new(left, self.y - self.size * 0.6, self.width, self.size * 1.2)
    }
}

/// A drawable primitive.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A rectangle, filled and/or outlined.
    Rect {
        /// Geometry.
        rect: Rect,
        /// Fill colour, if filled.
        fill: Option<Color>,
        /// Outline, if outlined.
        stroke: Option<Stroke>,
    },
    /// A straight line.
    Line {
        /// Start.
        from: Point,
        /// End.
        to: Point,
        /// Colour and width.
        stroke: Stroke,
    },
    /// A filled polygon (arrowheads).
    Polygon {
        /// Corners, in order.
        points: Vec<Point>,
        /// Fill colour.
        fill: Color,
    },
    /// A line of text.
    Text(Text),
}

/// A shape and the data mark it belongs to, if any (axes and legends
/// belong to none), so that what each mark draws is known.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// What to draw.
    pub shape: Shape,
    /// Index into [`Scene::marks`].
    pub mark: Option<usize>,
}

/// One datum a reader can point at: a bar, a target, a segment or a card.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// The area that answers a tap or hover.
    pub hit: Rect,
    /// What the datum is: `固定资产投资`.
    pub label: String,
    /// The exact figure with its unit: `15%`, `8%以上`, `119个（59.5%）`.
    pub value: String,
    /// Plan, estimate, qualifier or the editor's note.
    pub note: Option<String>,
}

/// A laid-out chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// Width in CSS px (the container's width).
    pub width: f64,
    /// Height in CSS px (whatever the content needs).
    pub height: f64,
    /// Background colour.
    pub background: Color,
    /// Drawing primitives, back to front.
    pub shapes: Vec<Placed>,
    /// The data marks, in reading order.
    pub marks: Vec<Mark>,
}

impl Scene {
    /// Every text of the scene.
    pub fn texts(&self) -> impl Iterator<Item = &Text> {
        self.shapes.iter().filter_map(|s| match &s.shape {
            Shape::Text(t) => Some(t),
            _ => None,
        })
    }

    /// The mark under `p`: of the marks whose hit area contains `p`, the
    /// one whose centre is nearest (hit areas may overlap where they were
    /// enlarged to a finger's size).
    pub fn hit(&self, p: Point) -> Option<usize> {
        self.marks
            .iter()
            .enumerate()
            .filter(|(_, m)| m.hit.contains(p))
            .map(|(i, m)| {
                let cx = m.hit.x + m.hit.w / 2.0;
                let cy = m.hit.y + m.hit.h / 2.0;
                (i, (p.x - cx).powi(2) + (p.y - cy).powi(2))
            })
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
    }
}
