//! Grouped bars: two or three series (an item's `group`: 2023年目标,
//! 2024年目标) side by side for each category (an item's `label`), one
//! colour per series named in a key, each bar's figure at its end in its
//! own words; a plan's qualifier is drawn at its bar's end as in target
//! charts (an at-least arrow, an at-most cap, an about-band) and named in
//! the key. A category is one mark: its tip and the live region say
//! every series' figure, and its hit area is the whole group of bars.

use super::marks::bar::{bound_mark, reach, solid, strong};
use super::marks::label::{row_label, value_label, Flow, ValueAt, VALUE_GAP};
use super::marks::legend::{bound_entries, legend, Swatch};
use super::scale::{Domain, Linear};
use super::{Font, Mark, Rect, SceneBuilder, NARROW};
use crate::color::Color;
use crate::format::shown_quantity;
use crate::model::{grouped_item, series_and_categories, Item, Sense};
use crate::theme::Theme;

const BAR: f64 = 14.0;
const BAR_GAP: f64 = 3.0;
const ROW_GAP: f64 = 18.0;
const LABEL_GAP: f64 = 10.0;

/// The geometry every group of bars shares.
struct Plot {
    /// The value scale.
    x: Linear,
    /// Where the value scale puts 0.
    zero: f64,
    /// Where a category's label goes.
    flow: Flow,
    /// Width a category's label wraps to.
    label_w: f64,
    /// Height of a line of a label.
    line_h: f64,
    /// Height of a group's bars and the gaps between them.
    block: f64,
    /// The categories' labels.
    label_font: Font,
    /// The figures at the bars' ends.
    value_font: Font,
    /// An about-band's fill, as the key's.
    band: Color,
}

/// Lays out the key, then one group of bars per category; returns the
/// height used.
pub(super) fn layout(items: &[Item], c: &mut SceneBuilder) -> f64 {
    let (series, categories) = series_and_categories(items);
    let colors = series_colors(c.theme, series.len());
    let top = key(c, items, &series, &colors);
    let plot = plot(c, items, &categories, series.len());
    let mut y = top;
    for category in &categories {
        let bottom = group(c, &plot, items, category, &series, &colors, y);
        y = bottom + ROW_GAP;
    }
    (y - ROW_GAP).max(top)
}

/// The colour of each of `count` series, in the key and on the bars.
fn series_colors(theme: &Theme, count: usize) -> Vec<Color> {
    // The last series (the newest) in the accent colour, the others in
    // shades of the base colour.
    (0..count)
        .map(|i| match count - i {
            1 => theme.accent,
            2 => theme.base,
            _ => theme.base.mix(theme.text, 0.35),
        })
        .collect()
}

/// A plan shown alone carries its qualifier's mark; anything else none.
fn sense_of(i: &Item) -> Sense {
    match (i.plan, i.result) {
        (Some(_), None) => i.bound.sense(),
        _ => Sense::Exact,
    }
}

/// Draws the key of the series' colours and the qualifiers' marks; returns its height.
fn key(c: &mut SceneBuilder, items: &[Item], series: &[&str], colors: &[Color]) -> f64 {
    let mut entries: Vec<(Swatch, &str)> = series
        .iter()
        .zip(colors)
        .map(|(name, color)| (Swatch::Fill(*color), *name))
        .collect();
    bound_entries(&mut entries, |sense| {
        items.iter().any(|i| sense_of(i) == sense)
    });
    legend(c, &entries)
}

/// Measures the labels and figures, and fits the value scale between them.
fn plot(c: &SceneBuilder, items: &[Item], categories: &[&str], series: usize) -> Plot {
    let theme = c.theme;
    let label_font = Font {
        size: theme.sizes.label,
        bold: false,
        color: theme.text,
    };
    let value_font = Font {
        size: theme.sizes.small + 1.0,
        bold: true,
        color: theme.text,
    };
    let flow = if c.width < NARROW {
        Flow::Above
    } else {
        Flow::Beside
    };
    let value_w = items
        .iter()
        .map(|i| c.measure(&shown_quantity(i, 1.0).to_string(), value_font))
        .fold(0.0, f64::max);
    let label_w = match flow {
        Flow::Above => c.width,
        Flow::Beside => categories
            .iter()
            .map(|l| c.measure(l, label_font))
            .fold(0.0, f64::max)
            .min(c.width * 0.3),
    };
    let left = match flow {
        Flow::Above => 0.0,
        Flow::Beside => label_w + LABEL_GAP,
    };
    let mut domain = Domain::ZERO;
    for item in items {
        domain.include(item.value());
    }
    let extra = items.iter().map(|i| reach(sense_of(i))).fold(0.0, f64::max);
    let room = value_w + VALUE_GAP + extra;
    let neg = if domain.has_negative() { room } else { 0.0 };
    let x = Linear::new(domain, left + neg, c.width - room);
    Plot {
        x,
        zero: x.at(0.0),
        flow,
        label_w,
        line_h: (label_font.size * 1.45).round(),
        block: series as f64 * (BAR + BAR_GAP) - BAR_GAP,
        label_font,
        value_font,
        band: strong(theme.base_tint, theme.base),
    }
}

/// Draws one category at `y` as a mark, its label and its bars; returns where it ends.
fn group(
    c: &mut SceneBuilder,
    plot: &Plot,
    items: &[Item],
    category: &str,
    series: &[&str],
    colors: &[Color],
    y: f64,
) -> f64 {
    c.begin_mark();
    let lines = c.wrap(category, plot.label_w, plot.label_font, 2);
    let fitted = row_label(
        c,
        &lines,
        y,
        plot.line_h,
        plot.label_font,
        plot.flow,
        plot.block,
    );
    let mut said: Vec<String> = Vec::new();
    for (k, (name, color)) in series.iter().zip(colors).enumerate() {
        let bar_y = fitted.bar_y + k as f64 * (BAR + BAR_GAP);
        let figure = match grouped_item(items, category, name) {
            Some(item) => bar(c, plot, item, bar_y, *color),
            None => gap(c, plot, bar_y),
        };
        said.push(format!("{name}{figure}"));
    }
    let bottom = fitted.bottom.max(fitted.bar_y + plot.block);
    let notes: Vec<String> = items
        .iter()
        .filter(|i| i.label == *category)
        .filter_map(|i| i.note.clone())
        .collect();
    c.end_mark(Mark {
        hit: Rect::new(0.0, y, c.width, bottom - y),
        label: category.to_string(),
        value: said.join("，"),
        note: (!notes.is_empty()).then(|| notes.join("；")),
    });
    bottom
}

/// Draws a series' bar at `bar_y` with its qualifier's mark and figure; returns the figure.
fn bar(c: &mut SceneBuilder, plot: &Plot, item: &Item, bar_y: f64, color: Color) -> String {
    let t = c.progress;
    let end = plot.x.at(item.value() * t);
    solid(c, plot.zero, end, bar_y, BAR, color);
    let sense = sense_of(item);
    let dir = if item.value() < 0.0 { -1.0 } else { 1.0 };
    bound_mark(c, end, dir, bar_y, BAR, sense, c.theme.base, plot.band);
    let text = shown_quantity(item, t).to_string();
    let mid = bar_y + BAR / 2.0;
    let at = if item.value() < 0.0 {
        ValueAt::Before {
            end: end.min(plot.zero) - reach(sense),
            y: mid,
        }
    } else {
        ValueAt::After {
            end: end.max(plot.zero) + reach(sense),
            y: mid,
        }
    };
    value_label(c, &text, at, plot.value_font);
    shown_quantity(item, 1.0).to_string()
}

/// Draws a dash on the zero line for a series without a figure; returns the dash.
fn gap(c: &mut SceneBuilder, plot: &Plot, bar_y: f64) -> String {
    let muted = Font {
        color: c.theme.text_muted,
        ..plot.value_font
    };
    let at = ValueAt::After {
        end: plot.zero,
        y: bar_y + BAR / 2.0,
    };
    value_label(c, "—", at, muted);
    "—".to_string()
}
