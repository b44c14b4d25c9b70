//! The data file an editor writes, as Rust types.
//!
//! [`load`] turns the bytes of a data file into a [`Document`]: the file is
//! decoded and parsed once, then every chart is read and validated on its
//! own, so one broken chart never takes the others down. Every problem is a
//! [`Problem`] value with a JSON path, a line:column and a message in
//! Chinese with English beside it.
//!
//! The types are the *validated* model: layout code may rely on the
//! invariants each type documents. One file per concept: `kind.rs` (each
//! chart kind, declared once), `item.rs`, `bound.rs` (how a value is
//! stated), `series.rs`, `grouped.rs`, `part.rs`, `style.rs` (the theme as
//! written); reading (`json/`, `read/`), checking (`check/`), loading
//! (`load.rs`), problems (`problem.rs`), the schema (`schema.rs`) and the
//! spreadsheet paste (`sheet/`).

mod bound;
mod check;
mod grouped;
mod item;
mod json;
mod kind;
mod load;
mod locate;
mod part;
mod problem;
mod read;
#[cfg(not(target_arch = "wasm32"))]
mod schema;
mod series;
// The workbench's code: the editor build and native only (never in the readers'
// or the full wasm).
#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
pub mod sheet;
mod style;

pub use bound::{Bound, Decrease, RangeWord, Sense};
pub use grouped::{grouped_item, series_and_categories};
pub use item::Item;
pub use kind::{Fields, Kind, KindSpec, Takes, Words};
pub use load::load;
pub use part::{Measure, Part, MAX_PARTS};
#[cfg(target_arch = "wasm32")]
pub(crate) use problem::en;
pub use problem::{Position, Problem};
#[cfg(not(target_arch = "wasm32"))]
pub use schema::schema;
pub use series::{year_of, AverageProblem, Series};
pub use style::{PaletteSpec, ThemeSpec};

/// `text` split around the first `byte` (ASCII): `str::split_once` without
/// the standard library's generic character search, which would otherwise
/// be compiled into the wasm module for a handful of delimiters.
pub(crate) fn split_once_ascii(text: &str, byte: u8) -> Option<(&str, &str)> {
    let i = text.bytes().position(|b| b == byte)?;
    Some((text.get(..i)?, text.get(i + 1..)?))
}

/// The largest value a data file may hold, in either sign. With two
/// decimals that is 15 significant digits, which an `f64` holds exactly:
/// every admitted value, and every sum and difference of two, prints as
/// the decimal the data means (values are shown to two decimals).
pub const MAX_VALUE: f64 = 9_999_999_999_999.99;

/// A whole data file: a few facts about the article and its charts.
#[derive(Debug, Clone)]
pub struct Document {
    /// The publication credited in source lines, such as `喀左时讯`.
    pub publication: String,
    /// The date the values were last checked, as the editor wrote it.
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
    /// Notes: floors, estimates, how derived values were computed.
    pub notes: Vec<String>,
    /// The date the values were last checked (from the document).
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
    /// `"series"`: one value per period (years, quarters, months), in
    /// time order. Invariant: at least one item with a value; one unit.
    Series(Series),
    /// `"grouped"`: bars of two or three series (`group`) per category
    /// (`label`). Invariant: every item has a value and a group; 2 or 3
    /// groups; no category has two items of one group; one unit.
    Grouped(Vec<Item>),
}

impl Body {
    /// The kind of chart the body draws.
    pub fn kind(&self) -> Kind {
        match self {
            Body::Bars(_) => Kind::Bars,
            Body::Target(_) => Kind::Target,
            Body::Part(_) => Kind::Part,
            Body::Cards(_) => Kind::Cards,
            Body::Series(_) => Kind::Series,
            Body::Grouped(_) => Kind::Grouped,
        }
    }
}
