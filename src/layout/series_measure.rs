//! How a series is measured before it is drawn: where the plot is and
//! how values map onto it, which periods are named and which figures are
//! printed, and in what words.

use super::scale::{Domain, Linear};
use super::series::LINE_FROM;
use super::{Font, SceneBuilder};
use crate::format::{self, padded, result_places, series_result, shown_quantity};
use crate::model::{Bound, Item};
use crate::theme::Theme;

/// How the figures and the period names are set.
#[derive(Clone, Copy)]
pub(super) struct Fonts {
    /// The figures above (or below) the columns.
    pub(super) value: Font,
    /// The period names under the plot.
    pub(super) axis: Font,
}

impl Fonts {
    /// The fonts of series charts in `theme`.
    pub(super) fn new(theme: &Theme) -> Fonts {
        Fonts {
            value: Font {
                size: theme.sizes.small + 1.0,
                bold: true,
                color: theme.text,
            },
            axis: Font {
                size: theme.sizes.small,
                bold: false,
                color: theme.text_muted,
            },
        }
    }
}

/// Where the plot is and how values map onto it.
pub(super) struct Plot {
    /// Many periods: a line with dots rather than columns.
    pub(super) line: bool,
    /// Top of the plot, under room for the tallest column's figure.
    pub(super) top: f64,
    /// The value scale, measured up from `base`.
    pub(super) scale: Linear,
    /// Where the scale's lowest value is.
    pub(super) base: f64,
    /// Where 0 is.
    pub(super) zero: f64,
    /// Height of a line of figures.
    pub(super) label_h: f64,
    /// Width of one period.
    pub(super) band: f64,
    /// Width of a column.
    pub(super) col_w: f64,
    /// Top of the row of period names.
    pub(super) axis_y: f64,
    /// Bottom of the chart.
    pub(super) bottom: f64,
    /// Every `step`th period is named, counted from the last.
    pub(super) step: usize,
}

impl Plot {
    /// Where value `v` is, vertically.
    pub(super) fn y(&self, v: f64) -> f64 {
        self.base - self.scale.at(v)
    }
}

/// Which figures are printed and how.
pub(super) struct ValueTexts {
    /// Decimals of every figure: those of the most precise one.
    pub(super) places: usize,
    /// Each period's full figure, as the tips say it.
    pub(super) texts: Vec<String>,
    /// Every figure is printed (else only the notable ones).
    pub(super) all: bool,
    /// Printed as bare numbers (the subtitle names the unit).
    pub(super) short: bool,
    /// The period with the highest figure.
    pub(super) hi: Option<usize>,
    /// The period with the lowest figure.
    pub(super) lo: Option<usize>,
}

/// Measures the plot below `top`: its scale, its columns and its row of period names.
pub(super) fn plot(c: &SceneBuilder, items: &[Item], fonts: Fonts, top: f64) -> Plot {
    // Room for the figures above the tallest column and below the deepest,
    // the period labels under it.
    let mut domain = Domain::ZERO;
    for item in items {
        for v in [item.plan, item.result].into_iter().flatten() {
            domain.include(v);
        }
    }
    let line = items.len() >= LINE_FROM;
    let label_h = (fonts.value.size * 1.4).round();
    let plot_top = top + label_h + 4.0;
    let plot_h = (c.width * 0.42).clamp(140.0, 280.0);
    let neg_room = if domain.has_negative() {
        label_h + 4.0
    } else {
        0.0
    };
    let base = plot_top + plot_h - neg_room;
    let scale = Linear::new(domain, 0.0, base - plot_top);
    let band = c.width / items.len().max(1) as f64;
    let axis_y = plot_top + plot_h + 4.0;
    Plot {
        line,
        top: plot_top,
        scale,
        base,
        zero: base - scale.at(0.0),
        label_h,
        band,
        col_w: (band * if line { 0.2 } else { 0.62 }).clamp(1.0, 64.0),
        axis_y,
        bottom: axis_y + (fonts.axis.size * 1.4).round(),
        step: label_step(c, items, fonts.axis, band),
    }
}

/// How many periods apart the named periods are, so that their names fit.
fn label_step(c: &SceneBuilder, items: &[Item], axis: Font, band: f64) -> usize {
    // Every `step`th from the last backwards (the latest period always), as
    // many as fit. Measured bold (the highlighted one is), with room for the
    // first and last names, which move in from the chart's edges.
    let bold = Font { bold: true, ..axis };
    let widest = items
        .iter()
        .map(|i| c.measure(&i.label, bold))
        .fold(0.0, f64::max);
    let edge_shift = (widest / 2.0 - band / 2.0).max(0.0);
    ((widest + 8.0 + edge_shift) / band).ceil().max(1.0) as usize
}

/// Decides which figures are printed, and in what words.
pub(super) fn value_texts(c: &SceneBuilder, items: &[Item], font: Font, plot: &Plot) -> ValueTexts {
    // With their unit if every one fits its column, else the bare numbers
    // (the subtitle names the unit), else the highlighted, the last, the
    // highest and the lowest. Every figure to as many decimals as the most
    // precise one (7.0 beside 7.4).
    let places = result_places(items);
    let texts: Vec<String> = items.iter().map(|i| item_text(i, 1.0, places)).collect();
    let fits = |texts: &[String]| {
        let widest = texts.iter().map(|t| c.measure(t, font)).fold(0.0, f64::max);
        !plot.line && widest + 4.0 <= plot.band
    };
    let bare_ok = items
        .iter()
        .all(|i| i.plan.is_none() && i.bound == Bound::Exact && i.decrease.is_none());
    let bare: Vec<String> = items
        .iter()
        .map(|i| padded(shown_quantity(i, 1.0).number, places))
        .collect();
    let (all, short) = if fits(&texts) {
        (true, false)
    } else if bare_ok && fits(&bare) {
        (true, true)
    } else {
        (false, false)
    };
    ValueTexts {
        places,
        texts,
        all,
        short,
        hi: extreme(items, |best, v| best >= v),
        lo: extreme(items, |best, v| best <= v),
    }
}

/// The period whose figure wins, where `keep(best, v)` keeps the best so far over `v`.
fn extreme(items: &[Item], keep: impl Fn(f64, f64) -> bool) -> Option<usize> {
    items
        .iter()
        .enumerate()
        .filter_map(|(k, i)| value(i).map(|v| (k, v)))
        .fold(None::<(usize, f64)>, |best, (k, v)| match best {
            Some((_, b)) if keep(b, v) => best,
            _ => Some((k, v)),
        })
        .map(|(k, _)| k)
}

/// A period's figure: its result, else its plan; none for a gap.
pub(super) fn value(i: &Item) -> Option<f64> {
    i.result.or(i.plan)
}

/// A period's figure: its result (with the plan in brackets when both are
/// given), else its plan, counted `t` of the way up; a result alone to
/// `places` decimals (a plan keeps its own words: 5%左右).
pub(super) fn item_text(item: &Item, t: f64, places: usize) -> String {
    match (item.result, item.plan) {
        (Some(_), None) => series_result(item, t, places).to_string(),
        _ => format::item_text(item, t),
    }
}
