//! Text measured by the browser, in the font the chart draws with.
//!
//! A line's width is the sum of its characters' widths, each measured once
//! per font and size and cached for the page's lifetime: wrapping and
//! re-layout on resize then cost no canvas calls at all. (CJK has no
//! kerning; for Latin text the sum is within a fraction of a pixel.) CJK
//! ideographs share one advance in every CJK font, so one of them is
//! measured for all: a chart's first layout costs a few dozen calls.

use crate::format::plain;
use crate::layout::{ApproxMeasure, TextMeasure};
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Character widths by (size × 100, bold, character).
type Widths = HashMap<(u32, bool, char), f64, BuildHasherDefault<Fnv>>;

/// FNV-1a: keys here are a few small integers from the page itself, so a
/// keyed hash (the standard SipHash, compiled into the module only for
/// this map) buys nothing.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

thread_local! {
    /// One measuring context for the page.
    static CONTEXT: Option<CanvasRenderingContext2d> = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
        .and_then(|c| c.get_context("2d").ok().flatten())
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
    /// The font family measured, and its character widths by (size × 100,
    /// bold, character); a page draws in one family, another starts over.
    static WIDTHS: RefCell<(String, Widths)> = RefCell::new((String::new(), Widths::default()));
    /// The font the context is set to.
    static FONT: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Measures with the page's canvas context; falls back to [`ApproxMeasure`].
pub(super) struct CanvasMeasure {
    family: String,
}

impl CanvasMeasure {
    pub(super) fn new(family: &str) -> CanvasMeasure {
        CanvasMeasure {
            family: family.to_string(),
        }
    }

    fn char_width(&self, ctx: &CanvasRenderingContext2d, c: char, size: f64, bold: bool) -> f64 {
        let c = if is_ideograph(c) { '中' } else { c };
        let key = ((size * 100.0) as u32, bold, c);
        let cached = WIDTHS.with(|w| {
            let (family, widths) = &*w.borrow();
            widths.get(&key).copied().filter(|_| *family == self.family)
        });
        if let Some(w) = cached {
            return w;
        }
        // The same font string plotters-canvas sets when it draws.
        let font = format!(
            "{} {}px {}",
            if bold { "bold" } else { "normal" },
            plain(size),
            self.family
        );
        FONT.with(|f| {
            if *f.borrow() != font {
                ctx.set_font(&font);
                *f.borrow_mut() = font;
            }
        });
        let mut buf = [0u8; 4];
        let w = ctx
            .measure_text(c.encode_utf8(&mut buf))
            .map(|m| m.width())
            .unwrap_or_else(|_| ApproxMeasure.width(c.encode_utf8(&mut buf), size, bold));
        WIDTHS.with(|m| {
            let (family, widths) = &mut *m.borrow_mut();
            if *family != self.family {
                family.clone_from(&self.family);
                widths.clear();
            }
            widths.insert(key, w);
        });
        w
    }
}

impl TextMeasure for CanvasMeasure {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        CONTEXT.with(|ctx| match ctx {
            Some(ctx) => text
                .chars()
                .map(|c| self.char_width(ctx, c, size, bold))
                .sum(),
            None => ApproxMeasure.width(text, size, bold),
        })
    }
}

/// CJK unified ideographs (with extension A and compatibility ideographs),
/// all one em wide in CJK fonts.
fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}
