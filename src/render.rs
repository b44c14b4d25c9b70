//! Draws a [`Scene`] on any plotters [`DrawingBackend`]: the browser's
//! canvas, or SVG for print and for readers without WebAssembly.
//!
//! Drawing decides nothing: every position, colour and text comes from the
//! scene. `scale` maps CSS px to backend pixels (the device pixel ratio on
//! canvas, 1 for SVG).

use crate::color::Color;
use crate::layout::{Anchor, Point, Rect, Scene, Shape, Stroke, Text};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::Color as _;

/// How a scene maps onto a backend.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// Backend pixels per CSS px: the device pixel ratio on canvas.
    pub scale: f64,
    /// The CSS font stack every text is drawn in.
    pub font_family: &'a str,
    /// Multiplier on font sizes for backends that shrink text
    /// (plotters' SVG backend writes `size / 1.24`).
    pub font_scale: f64,
    /// Paint the scene's background first (images that travel alone);
    /// a canvas in the page leaves it to the page, and saves a full fill.
    pub background: bool,
}

/// What drawing on a backend gives: nothing, or the backend's error.
type Drawn<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Draws `scene` onto `area`, background first.
pub fn draw<DB: DrawingBackend>(
    scene: &Scene,
    area: &DrawingArea<DB, Shift>,
    opts: Options,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let s = if opts.scale.is_finite() && opts.scale > 0.0 {
        opts.scale
    } else {
        1.0
    };
    if opts.background {
        area.fill(&rgba(scene.background))?;
    }
    for placed in &scene.shapes {
        match &placed.shape {
            Shape::Rect { rect, fill, stroke } => draw_rect(area, rect, *fill, *stroke, s)?,
            Shape::Line { from, to, stroke } => draw_line(area, *from, *to, *stroke, s)?,
            Shape::Polygon { points, fill } => {
                let pts: Vec<(i32, i32)> = points.iter().map(|p| point(*p, s)).collect();
                area.draw(&Polygon::new(pts, rgba(*fill).filled()))?;
            }
            Shape::Text(t) => draw_text(area, t, s, &opts)?,
        }
    }
    area.present()
}

/// Draws a rectangle: its fill, then its outline.
fn draw_rect<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    rect: &Rect,
    fill: Option<Color>,
    stroke: Option<Stroke>,
    s: f64,
) -> Drawn<DB> {
    let (p0, p1) = corners(rect, s);
    if let Some(fill) = fill {
        area.draw(&Rectangle::new([p0, p1], rgba(fill).filled()))?;
    }
    if let Some(stroke) = stroke {
        let style = rgba(stroke.color).stroke_width(px(stroke.width * s).max(1) as u32);
        area.draw(&Rectangle::new([p0, p1], style))?;
    }
    Ok(())
}

/// Draws a straight line, as a filled rectangle when it is axis-aligned.
fn draw_line<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    from: Point,
    to: Point,
    stroke: Stroke,
    s: f64,
) -> Drawn<DB> {
    let w = stroke.width;
    if from.x == to.x || from.y == to.y {
        // Axis-aligned lines as filled rectangles: crisp at any scale.
        let (p0, p1) = corners(&line_rect(from, to, w), s);
        let p1 = (p1.0.max(p0.0 + 1), p1.1.max(p0.1 + 1));
        area.draw(&Rectangle::new([p0, p1], rgba(stroke.color).filled()))?;
    } else {
        let style = rgba(stroke.color).stroke_width(px(w * s).max(1) as u32);
        area.draw(&PathElement::new(vec![point(from, s), point(to, s)], style))?;
    }
    Ok(())
}

/// The rectangle an axis-aligned line `w` wide covers, centred on it.
fn line_rect(from: Point, to: Point, w: f64) -> Rect {
    Rect::new(
        from.x.min(to.x) - if from.x == to.x { w / 2.0 } else { 0.0 },
        from.y.min(to.y) - if from.y == to.y { w / 2.0 } else { 0.0 },
        if from.x == to.x {
            w
        } else {
            (to.x - from.x).abs()
        },
        if from.y == to.y {
            w
        } else {
            (to.y - from.y).abs()
        },
    )
}

/// Draws a line of text (nothing for an empty one), centred on its `y`.
fn draw_text<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    t: &Text,
    s: f64,
    opts: &Options,
) -> Drawn<DB> {
    if t.text.is_empty() {
        return Ok(());
    }
    let weight = if t.bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    let h = match t.anchor {
        Anchor::Start => HPos::Left,
        Anchor::Middle => HPos::Center,
        Anchor::End => HPos::Right,
    };
    let font = FontDesc::new(
        FontFamily::Name(opts.font_family),
        t.size * s * opts.font_scale,
        weight,
    );
    let color = rgba(t.color);
    let style = TextStyle::from(font)
        .color(&color)
        .pos(Pos::new(h, VPos::Center));
    area.draw(&plotters::element::Text::new(
        t.text.as_str(),
        point(Point { x: t.x, y: t.y }, s),
        style,
    ))
}

/// The backing store (device px) for a canvas that must show `need`,
/// given its `current` size (`None` before its first paint): exactly
/// `need` at first, so that a chart at rest is no larger than its box;
/// then kept when it is large enough and not too large, so the small
/// resizes of a window being dragged or a page zoomed only clear and
/// repaint it (reallocating makes the browser's next paint several times
/// slower); otherwise `need` plus a margin for the next one.
pub fn backing_store(need: (u32, u32), current: Option<(u32, u32)>) -> (u32, u32) {
    let Some(current) = current else {
        return need;
    };
    let area = |(w, h): (u32, u32)| f64::from(w) * f64::from(h);
    let fits = current.0 >= need.0 && current.1 >= need.1;
    if fits && area(current) <= 1.5 * area(need) {
        current
    } else {
        (
            need.0.saturating_add(need.0 / 20),
            need.1.saturating_add(need.1 / 10),
        )
    }
}

/// Renders `scene` as a standalone SVG document (text as text), its
/// background painted: an image that travels alone.
/// (Also in the editor WebAssembly build: the workbench offers the images.)
#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
pub fn to_svg(scene: &Scene, font_family: &str) -> Result<String, String> {
    svg(scene, font_family, true)
}

/// Renders `scene` as SVG for a page: no background of its own (the page
/// shows through, as through the canvas).
#[cfg(not(target_arch = "wasm32"))]
pub fn to_svg_inline(scene: &Scene, font_family: &str) -> Result<String, String> {
    svg(scene, font_family, false)
}

/// The fonts of this machine, for PNG images: loaded once, and known to
/// hold one of the house style's families (so that Chinese text is drawn).
#[cfg(not(target_arch = "wasm32"))]
pub struct Fonts(std::sync::Arc<resvg::usvg::fontdb::Database>);

#[cfg(not(target_arch = "wasm32"))]
impl Fonts {
    /// The machine's fonts, or why none of `font_family` (a CSS font stack)
    /// is among them.
    pub fn system(font_family: &str) -> Result<Fonts, String> {
        let mut db = resvg::usvg::fontdb::Database::new();
        db.load_system_fonts();
        let named: Vec<&str> = font_family
            .split(',')
            .map(|f| f.trim().trim_matches(['"', '\'']))
            .filter(|f| !f.is_empty())
            .collect();
        let found = db.faces().any(|face| {
            face.families
                .iter()
                .any(|(family, _)| named.contains(&family.as_str()))
        });
        if found {
            Ok(Fonts(std::sync::Arc::new(db)))
        } else {
            Err(format!(
                "本机没有图表所用的字体（{}）：请安装中文字体，如 Debian 的 fonts-noto-cjk。\
                 None of the charts' fonts is installed: install a CJK font such as Noto Sans CJK SC.",
                named.join("、")
            ))
        }
    }
}

/// Renders `scene` as a PNG image (its background painted, text in `fonts`)
/// at `scale` image pixels per CSS px: the chart for channels that take no
/// scripts and no SVG (WeChat articles) and for print. The project's own
/// SVG, rasterised by resvg.
#[cfg(not(target_arch = "wasm32"))]
pub fn to_png(
    scene: &Scene,
    font_family: &str,
    scale: f32,
    fonts: &Fonts,
) -> Result<Vec<u8>, String> {
    use resvg::{tiny_skia, usvg};
    let svg = to_svg(scene, font_family)?;
    let options = usvg::Options {
        fontdb: fonts.0.clone(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(&svg, &options).map_err(|e| e.to_string())?;
    let size = tree.size();
    let width = ((size.width() * scale).round() as u32).max(1);
    let height = ((size.height() * scale).round() as u32).max(1);
    let mut pixmap =
        tiny_skia::Pixmap::new(width, height).ok_or_else(|| format!("{width}×{height} px"))?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| e.to_string())
}

#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
fn svg(scene: &Scene, font_family: &str, background: bool) -> Result<String, String> {
    let mut out = String::new();
    {
        let size = (
            px(scene.width).max(1) as u32,
            px(scene.height).max(1) as u32,
        );
        let backend = SVGBackend::with_string(&mut out, size);
        let area = backend.into_drawing_area();
        draw(
            scene,
            &area,
            Options {
                scale: 1.0,
                font_family,
                font_scale: 1.24,
                background,
            },
        )
        .map_err(|e| e.to_string())?;
    }
    Ok(out)
}

fn rgba(c: Color) -> RGBAColor {
    RGBAColor(c.r, c.g, c.b, c.a.clamp(0.0, 1.0))
}

/// CSS px to backend px, saturating instead of overflowing.
fn px(v: f64) -> i32 {
    if v.is_finite() {
        v.round().clamp(-1e9, 1e9) as i32
    } else {
        0
    }
}

fn point(p: Point, s: f64) -> (i32, i32) {
    (px(p.x * s), px(p.y * s))
}

/// A rectangle's corners in backend px, snapped to whole pixels.
fn corners(r: &Rect, s: f64) -> ((i32, i32), (i32, i32)) {
    (
        (px(r.x * s), px(r.y * s)),
        (px(r.right() * s), px(r.bottom() * s)),
    )
}
