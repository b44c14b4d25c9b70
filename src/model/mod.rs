//! The data file an editor writes, as Rust types.
//!
//! [`load`] turns the bytes of a data file into a [`Document`]: the file is
//! decoded and parsed once, then every chart is read and validated on its
//! own, so one broken chart never takes the others down. Every problem is a
//! [`Problem`] value with a JSON path, a line:column and a message in
//! Chinese with English beside it.
//!
//! The types below are the *validated* model: layout code may rely on the
//! invariants each type documents.

mod load;
mod problem;
mod validate;

pub use load::load;
pub use problem::{Position, Problem};

use serde::Deserialize;

/// A whole data file: a few facts about the article and its charts.
#[derive(Debug, Clone)]
pub struct Document {
    /// The publication credited in source lines, such as `喀左时讯`.
    pub publication: String,
    /// The date the figures were last checked, as the editor wrote it.
    pub updated: String,
    /// The house style: accent colours and font stack.
    pub theme: ThemeSpec,
    /// Problems of the file that leave its charts drawable (a bad theme
    /// colour falls back to the default one).
    pub warnings: Vec<Problem>,
    /// Every chart in the file, in file order, valid or not.
    pub charts: Vec<ChartEntry>,
}

impl Document {
    /// The entry whose `id` is `id`, if the file has one.
    pub fn chart(&self, id: &str) -> Option<&ChartEntry> {
        self.charts.iter().find(|c| c.id.as_deref() == Some(id))
    }

    /// Every problem of the file and of every chart, in file order.
    pub fn problems(&self) -> impl Iterator<Item = &Problem> {
        self.warnings.iter().chain(
            self.charts
                .iter()
                .filter_map(|c| c.chart.as_ref().err())
                .flatten(),
        )
    }
}

/// The data file's optional `theme` section: the newspaper's house style.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeSpec {
    /// CSS font stack for every text of the charts.
    #[serde(default)]
    pub font_family: Option<String>,
    /// Colours on a light page.
    #[serde(default)]
    pub light: Option<PaletteSpec>,
    /// Colours on a dark page (`prefers-color-scheme: dark`).
    #[serde(default)]
    pub dark: Option<PaletteSpec>,
}

/// Colours of one palette, as `#rrggbb`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PaletteSpec {
    /// The colour of what a title talks about; also used for text, so it
    /// needs 4.5:1 contrast with the page.
    #[serde(default)]
    pub accent: Option<String>,
    /// The colour of the other bars.
    #[serde(default)]
    pub base: Option<String>,
}

/// One element of the file's `charts` list.
#[derive(Debug, Clone)]
pub struct ChartEntry {
    /// The chart's `id` when it could be read, even if the chart is invalid.
    pub id: Option<String>,
    /// The validated chart, or everything wrong with it.
    pub chart: Result<Chart, Vec<Problem>>,
}

/// A validated chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// Stable identifier the article uses to place the chart (`[a-z0-9_-]+`).
    pub id: String,
    /// The finding, as a sentence: `固定资产投资目标增速最高，达15%`.
    pub title: String,
    /// What is measured and in which unit.
    pub subtitle: String,
    /// Source line: `数据来源：……`.
    pub source: String,
    /// Notes: floors, estimates, how derived figures were computed.
    pub notes: Vec<String>,
    /// The date the figures were last checked (from the document).
    pub updated: String,
    /// The marks to draw; the variant is the chart's `kind`.
    pub body: Body,
}

/// What a chart draws, chosen by its `kind` in the data file.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// `"bars"`: horizontal bars, one per item, value at the bar end.
    /// Invariant: at least one item; every item has a value; one unit.
    Bars(Vec<Item>),
    /// `"target"`: a bullet chart of plans, with results when known.
    /// Invariant: at least one item; every item has a plan; one unit.
    Target(Vec<Item>),
    /// `"part"`: parts of a whole, one stacked bar per measure.
    Part(Part),
    /// `"cards"`: big numbers of unlike units, grouped by theme.
    /// Invariant: at least one item; every item has a value.
    Cards(Vec<Item>),
}

/// The kinds of chart a data file may ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Horizontal bars.
    Bars,
    /// Plan (and result) bullet bars.
    Target,
    /// Part-to-whole stacked bars.
    Part,
    /// Big-number cards.
    Cards,
}

/// Whether a figure is exact or a floor (`以上`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Bound {
    /// The figure as stated.
    #[default]
    Exact,
    /// At least the figure: `8%以上`, `50多个`.
    Floor,
}

/// One figure of a bars, target or cards chart.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// What the figure is: a category name, or a card's caption.
    pub label: String,
    /// The unit as the article writes it: `%`, `亿元`, `万元`, `个`, `人次`, `亩`.
    pub unit: String,
    /// The planned or expected figure, if any.
    #[serde(default)]
    pub plan: Option<f64>,
    /// The achieved figure, once known.
    #[serde(default)]
    pub result: Option<f64>,
    /// Whether the figure is a floor (`"floor"`) rather than exact.
    #[serde(default)]
    pub bound: Bound,
    /// A short note shown with the figure: `预计`, `截至3月`.
    #[serde(default)]
    pub note: Option<String>,
    /// Set on the item the title talks about: drawn in the accent colour.
    #[serde(default)]
    pub highlight: bool,
    /// Cards only: the theme heading the card is grouped under.
    #[serde(default)]
    pub group: Option<String>,
}

impl Item {
    /// The figure to show: the result when known, else the plan
    /// (0 only if validation was bypassed).
    pub fn value(&self) -> f64 {
        self.result.or(self.plan).unwrap_or(0.0)
    }
}

/// A part-to-whole chart: named parts of one or more wholes.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// Names of the given parts, in drawing order.
    pub part_labels: Vec<String>,
    /// Name of the remainder, which is always derived, never typed in.
    pub rest_label: String,
    /// The wholes, each split the same way: project count, investment.
    /// Invariant: `parts.len() == part_labels.len()`, parts ≥ 0, sum ≤ whole.
    pub measures: Vec<Measure>,
}

/// One whole and its parts, in one unit.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// What is counted: `项目数`, `总投资`.
    pub label: String,
    /// Unit of the whole and its parts.
    pub unit: String,
    /// The whole.
    pub whole: f64,
    /// The given parts; the remainder is `whole - sum(parts)`.
    pub parts: Vec<f64>,
}

impl Measure {
    /// The derived remainder: the whole less the given parts, never below 0.
    pub fn rest(&self) -> f64 {
        (self.whole - self.parts.iter().sum::<f64>()).max(0.0)
    }
}
