//! Label marks: a row's wrapped label beside or above its bar, and the
//! figure printed at a bar's end.

use crate::layout::{Anchor, Font, SceneBuilder};

/// Space between a bar's end and its figure, CSS px.
pub(crate) const VALUE_GAP: f64 = 6.0;

/// Where a row's label goes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flow {
    /// In a column left of the bar, centred on it.
    Beside,
    /// Above the bar, across the full width (phones).
    Above,
}

/// Where a row's bar and its bottom edge are, once its label is set.
#[derive(Clone, Copy)]
pub(crate) struct Fitted {
    /// Top of the bar.
    pub bar_y: f64,
    /// Bottom of the row: of the bar or of the label, whichever is lower.
    pub bottom: f64,
}

/// Sets `lines` (a wrapped label, one line every `line_h`) for a row that
/// starts at `top` and holds a bar `bar_h` tall.
pub(crate) fn row_label(
    c: &mut SceneBuilder,
    lines: &[String],
    top: f64,
    line_h: f64,
    font: Font,
    flow: Flow,
    bar_h: f64,
) -> Fitted {
    let text_h = line_h * lines.len() as f64;
    match flow {
        Flow::Above => {
            c.lines(lines, 0.0, top, line_h, font);
            let bar_y = top + text_h + 2.0;
            Fitted {
                bar_y,
                bottom: bar_y + bar_h,
            }
        }
        Flow::Beside => {
            let content = text_h.max(bar_h);
            c.lines(lines, 0.0, top + (content - text_h) / 2.0, line_h, font);
            Fitted {
                bar_y: top + (content - bar_h) / 2.0,
                bottom: top + text_h.max(bar_h),
            }
        }
    }
}

/// Where a figure is printed.
#[derive(Clone, Copy)]
pub(crate) enum ValueAt {
    /// Right-aligned at the scene's right edge, its line centred on `y`
    /// (beside the label, when the figures are too long for the bars' ends).
    Corner {
        /// Vertical centre.
        y: f64,
    },
    /// Right of a bar that ends at `end`, centred on `y`.
    After {
        /// The bar's end.
        end: f64,
        /// Vertical centre.
        y: f64,
    },
    /// Left of a bar that ends (leftwards) at `end`, centred on `y`.
    Before {
        /// The bar's end.
        end: f64,
        /// Vertical centre.
        y: f64,
    },
}

/// Prints `text` at `at`, shortened with `…` to the room there.
pub(crate) fn value_label(c: &mut SceneBuilder, text: &str, at: ValueAt, font: Font) {
    match at {
        ValueAt::Corner { y } => {
            let shown = c.ellipsize(text, c.width, font);
            c.text(&shown, c.width, y, Anchor::End, font);
        }
        // A bar's end may lie past the canvas when the figures leave the
        // scale no room (a 40-character figure on a 500 px chart): the
        // figure still starts and ends inside it.
        ValueAt::Before { end, y } => {
            let right = (end - VALUE_GAP).min(c.width);
            let shown = c.ellipsize(text, right + 0.5, font);
            c.text(&shown, right, y, Anchor::End, font);
        }
        ValueAt::After { end, y } => {
            let left = (end + VALUE_GAP).max(0.0);
            let shown = c.ellipsize(text, c.width - left + 0.5, font);
            c.text(&shown, left, y, Anchor::Start, font);
        }
    }
}
