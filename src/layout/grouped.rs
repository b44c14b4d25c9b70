//! Grouped bars: two or three series (an item's `group`: 2023年目标,
//! 2024年目标) side by side for each category (an item's `label`), one
//! colour per series named in a key, each bar's figure at its end in its
//! own words; a plan's qualifier is drawn at its bar's end as in target
//! charts (a floor's arrow, a ceiling's cap, an about-band) and named in
//! the key. A category is one mark: its tip and the live region say
//! every series' figure, and its hit area is the whole group of bars.

use super::marks::bar::{bound_mark, reach, solid, strong};
use super::marks::label::{figure, row_label, Figure, Flow, VALUE_GAP};
use super::marks::legend::{bound_entries, legend, Swatch};
use super::scale::{Domain, Linear};
use super::{Font, Mark, Rect, SceneBuilder, NARROW};
use crate::color::Color;
use crate::format::shown_quantity;
use crate::model::{grouped_item, series_and_categories, Item, Sense};

const BAR: f64 = 14.0;
const BAR_GAP: f64 = 3.0;
const ROW_GAP: f64 = 18.0;
const LABEL_GAP: f64 = 10.0;

/// Lays out the key, then one group of bars per category; returns the
/// height used.
pub(super) fn layout(items: &[Item], c: &mut SceneBuilder) -> f64 {
    let theme = c.theme;
    let (series, categories) = series_and_categories(items);
    // The last series (the newest) in the accent colour, the others in
    // shades of the base colour.
    let colors: Vec<Color> = (0..series.len())
        .map(|i| match series.len() - i {
            1 => theme.accent,
            2 => theme.base,
            _ => theme.base.mix(theme.text, 0.35),
        })
        .collect();
    let mut entries: Vec<(Swatch, &str)> = series
        .iter()
        .zip(&colors)
        .map(|(name, color)| (Swatch::Fill(*color), *name))
        .collect();
    // A plan shown alone carries its qualifier's mark.
    let sense_of = |i: &Item| match (i.plan, i.result) {
        (Some(_), None) => i.bound.sense(),
        _ => Sense::Exact,
    };
    bound_entries(&mut entries, |sense| {
        items.iter().any(|i| sense_of(i) == sense)
    });
    let top = legend(c, &entries);

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
    let line_h = (label_font.size * 1.45).round();
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
    let zero = x.at(0.0);
    let block = series.len() as f64 * (BAR + BAR_GAP) - BAR_GAP;
    // An about-band's fill, as the key's.
    let band = strong(theme.base_tint, theme.base);

    let t = c.progress;
    let mut y = top;
    for category in &categories {
        c.begin_mark();
        let lines = c.wrap(category, label_w, label_font, 2);
        let fitted = row_label(c, &lines, y, line_h, label_font, flow, block);
        let mut said: Vec<String> = Vec::new();
        for (k, (name, color)) in series.iter().zip(&colors).enumerate() {
            let bar_y = fitted.bar_y + k as f64 * (BAR + BAR_GAP);
            let Some(item) = grouped_item(items, category, name) else {
                // No figure for this series: a dash on the zero line.
                let muted = Font {
                    color: theme.text_muted,
                    ..value_font
                };
                let at = Figure::After {
                    end: zero,
                    y: bar_y + BAR / 2.0,
                };
                figure(c, "—", at, muted);
                said.push(format!("{name}—"));
                continue;
            };
            let end = x.at(item.value() * t);
            solid(c, zero, end, bar_y, BAR, *color);
            let sense = sense_of(item);
            let dir = if item.value() < 0.0 { -1.0 } else { 1.0 };
            bound_mark(c, end, dir, bar_y, BAR, sense, theme.base, band);
            let text = shown_quantity(item, t).to_string();
            let mid = bar_y + BAR / 2.0;
            let at = if item.value() < 0.0 {
                Figure::Before {
                    end: end.min(zero) - reach(sense),
                    y: mid,
                }
            } else {
                Figure::After {
                    end: end.max(zero) + reach(sense),
                    y: mid,
                }
            };
            figure(c, &text, at, value_font);
            said.push(format!("{name}{}", shown_quantity(item, 1.0)));
        }
        let bottom = fitted.bottom.max(fitted.bar_y + block);
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
        y = bottom + ROW_GAP;
    }
    (y - ROW_GAP).max(top)
}
