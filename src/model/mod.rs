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

mod json;
mod load;
mod locate;
mod problem;
mod read;
#[cfg(not(target_arch = "wasm32"))]
mod schema;
// The workbench's code: the editor build and native only (never in the readers'
// or the full wasm).
#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
pub mod sheet;
mod validate;

pub use load::load;
#[cfg(target_arch = "wasm32")]
pub(crate) use problem::en;

/// `text` split around the first `byte` (ASCII): `str::split_once` without
/// the standard library's generic character search, which would otherwise
/// be compiled into the wasm module for a handful of delimiters.
pub(crate) fn split_once_ascii(text: &str, byte: u8) -> Option<(&str, &str)> {
    let i = text.bytes().position(|b| b == byte)?;
    Some((text.get(..i)?, text.get(i + 1..)?))
}
pub use problem::{Position, Problem};
#[cfg(not(target_arch = "wasm32"))]
pub use schema::schema;

/// The largest figure a data file may hold, in either sign. With two
/// decimals that is 15 significant digits, which an `f64` holds exactly:
/// every admitted figure, and every sum and difference of two, prints as
/// the decimal the data means (figures are shown to two decimals).
pub const MAX_FIGURE: f64 = 9_999_999_999_999.99;

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

/// 可选：报纸的配色与字体。Optional: the newspaper's house style, colours and fonts.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
pub struct ThemeSpec {
    /// 图表文字的字体列表（CSS 写法）。CSS font stack for every text of the charts.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(default))]
    pub font_family: Option<String>,
    /// 浅色页面的配色。Colours on a light page.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(default))]
    pub light: Option<PaletteSpec>,
    /// 深色模式的配色。Colours on a dark page (`prefers-color-scheme: dark`).
    #[cfg_attr(not(target_arch = "wasm32"), schemars(default))]
    pub dark: Option<PaletteSpec>,
}

/// 一套配色，颜色写成 #rrggbb。Colours of one palette, as #rrggbb.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
pub struct PaletteSpec {
    /// 强调色（#rrggbb），用于标题所说的数据；与背景对比度至少 4.5:1。
    /// The colour of what a title talks about, at least 4.5:1 against the page.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(default))]
    pub accent: Option<String>,
    /// 其他柱子的颜色（#rrggbb）。The colour of the other bars.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(default))]
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
    /// `"series"`: one figure per period (years, quarters, months), in
    /// time order. Invariant: at least one item with a value; one unit.
    Series(Series),
    /// `"grouped"`: bars of two or three series (`group`) per category
    /// (`label`). Invariant: every item has a value and a group; 2 or 3
    /// groups; no category has two items of one group; one unit.
    Grouped(Vec<Item>),
}

/// Grouped bars' series (the items' groups) and categories (their
/// labels), each in order of first appearance.
pub fn series_and_categories(items: &[Item]) -> (Vec<&str>, Vec<&str>) {
    let mut series: Vec<&str> = Vec::new();
    let mut categories: Vec<&str> = Vec::new();
    for item in items {
        let group = item.group.as_deref().unwrap_or("");
        if !series.contains(&group) {
            series.push(group);
        }
        if !categories.contains(&item.label.as_str()) {
            categories.push(&item.label);
        }
    }
    (series, categories)
}

/// Grouped bars' item for `category` in `series`, if it has one.
pub fn grouped_item<'a>(items: &'a [Item], category: &str, series: &str) -> Option<&'a Item> {
    items
        .iter()
        .find(|i| i.label == category && i.group.as_deref().unwrap_or("") == series)
}

/// A series over time: one item per period, its label the period
/// (`2014年`); a period with neither plan nor result is a gap.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// The periods, in time order.
    pub items: Vec<Item>,
    /// Whether to state the average growth (年均增长) over the series.
    pub average_growth: bool,
}

impl Series {
    /// The average growth over the series, in % a year (年均增长), when
    /// asked for and computable: see [`Series::average`].
    pub fn average_growth(&self) -> Option<f64> {
        self.average_growth.then(|| self.average().ok()).flatten()
    }

    /// The average growth over the series, in % a year, or why it cannot
    /// be computed. Its periods must be years (`2014年`), in order. For a
    /// series of growth rates in %, the geometric mean of (1 + rate) over
    /// consecutive years with no gap; for levels, from the first to the
    /// last result (both above 0) over the years between them.
    pub fn average(&self) -> Result<f64, AverageProblem> {
        let mut last = 0;
        let mut results = Vec::new();
        for item in &self.items {
            let year = year_of(&item.label)
                .filter(|y| *y > last)
                .ok_or(AverageProblem::NotYears)?;
            last = year;
            if let Some(r) = item.result {
                results.push((year, r));
            }
        }
        let (Some(&(first, a)), Some(&(end, b)), true) =
            (results.first(), results.last(), results.len() >= 2)
        else {
            return Err(AverageProblem::TooFew);
        };
        let (growth, years) = if self.rates() {
            // Every year from the first result to the last has one.
            if usize::try_from(end - first + 1).ok() != Some(results.len()) {
                return Err(AverageProblem::Gap);
            }
            let product = results.iter().fold(1.0, |p, (_, g)| p * (1.0 + g / 100.0));
            (product, results.len())
        } else if a > 0.0 && b > 0.0 {
            (b / a, usize::try_from(end - first).unwrap_or(0))
        } else {
            return Err(AverageProblem::NotPositive);
        };
        nth_root(growth, years)
            .map(|root| (root - 1.0) * 100.0)
            .ok_or(AverageProblem::NotPositive)
    }

    /// Whether the series is of growth rates (its unit is %), not levels.
    fn rates(&self) -> bool {
        self.items.first().is_some_and(|i| i.unit == "%")
    }

    /// The note that says how [`Series::average_growth`] is computed.
    pub fn average_note(&self) -> &'static str {
        if self.rates() {
            "年均增长按各年增速的几何平均计算：[(1+增速₁)×(1+增速₂)×…×(1+增速ₙ)]^(1/n)−1，n为年数。"
        } else {
            "年均增长按首末两年数值计算：(末年数值÷首年数值)^(1/间隔年数)−1。"
        }
    }
}

/// Why a series' average growth cannot be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AverageProblem {
    /// A period is not a year (`2014年`), or the years are not in order.
    NotYears,
    /// Fewer than two years have results.
    TooFew,
    /// Growth rates with a year missing between the first and the last.
    Gap,
    /// Levels whose first or last result is not above 0 (or a growth
    /// rate of −100% or less).
    NotPositive,
}

/// The year a period's label names, if it is one: `2014年` → 2014.
pub fn year_of(label: &str) -> Option<i64> {
    let digits = label.strip_suffix('年')?.as_bytes();
    if digits.len() != 4 {
        return None;
    }
    digits.iter().try_fold(0, |year, b| {
        b.is_ascii_digit().then(|| year * 10 + i64::from(b - b'0'))
    })
}

/// The `n`th root of `x` (> 0) by Newton's method: no `powf`, which would
/// link core's float power into the wasm module (ARCHITECTURE.md).
pub(crate) fn nth_root(x: f64, n: usize) -> Option<f64> {
    if !(x > 0.0 && x.is_finite()) || n == 0 {
        return None;
    }
    let k = i32::try_from(n).ok()?;
    let mut y = 1.0_f64.max(x.min(2.0));
    for _ in 0..200 {
        let next = y - (y.powi(k) - x) / (f64::from(k) * y.powi(k - 1));
        if !next.is_finite() || next <= 0.0 {
            return None;
        }
        if (next - y).abs() <= 1e-15 * y {
            return Some(next);
        }
        y = next;
    }
    Some(y)
}

/// 图表类型：bars、target、part 或 cards。The kind of chart.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), schemars(rename_all = "lowercase"))]
pub enum Kind {
    /// 横向条形图。Horizontal bars.
    Bars,
    /// 目标图：目标（及完成值）。Plan (and result) bullet bars.
    Target,
    /// 构成图：部分与整体。Part-to-whole stacked bars.
    Part,
    /// 数字卡片。Big-number cards.
    Cards,
    /// 时间序列：按年、季度或月的柱形图，点多时为折线。A series over time: columns, or a line when there are many points.
    Series,
    /// 分组条形图：每个类别（label）两到三组（group）数值并列，如2023年与2024年目标。Grouped bars: two or three series (group) per category (label).
    Grouped,
}

/// 限定词：照原文写（以上、不低于、以内、以下、不超过、左右、多），确数写 exact。
/// The qualifier of a figure, as Chinese plans write it.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Bound {
    /// 确数。The figure as stated.
    #[default]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "exact"))]
    Exact,
    /// 下限，同“以上”（旧写法）。At least the figure (written 以上; the older name).
    #[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "floor"))]
    Floor,
    /// 下限：8%以上。At least the figure.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "以上"))]
    Above,
    /// 下限：不低于8%。At least the figure, the word before it.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "不低于"))]
    NotBelow,
    /// 上限：3%以内。At most the figure.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "以内"))]
    Within,
    /// 上限：3%以下。At most the figure.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "以下"))]
    Below,
    /// 上限：不超过3%。At most the figure, the word before it.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "不超过"))]
    NotAbove,
    /// 约数：5%左右。About the figure.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "左右"))]
    About,
    /// 略多于：50多个（仅用于整数个数，不用于百分比）。A little more than a whole count.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "多"))]
    More,
}

/// What a qualifier says of its figure, for drawing and for wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sense {
    /// The figure itself.
    Exact,
    /// At least the figure (以上, 不低于, 多): an arrow on.
    Floor,
    /// At most the figure (以内, 以下, 不超过): a cap.
    Ceiling,
    /// About the figure (左右): a band.
    About,
}

impl Bound {
    /// Every qualifier, in the order the data file's values are listed.
    pub const ALL: [Bound; 9] = [
        Bound::Exact,
        Bound::Floor,
        Bound::Above,
        Bound::NotBelow,
        Bound::Within,
        Bound::Below,
        Bound::NotAbove,
        Bound::About,
        Bound::More,
    ];

    /// The value a data file writes.
    pub fn name(self) -> &'static str {
        match self {
            Bound::Exact => "exact",
            Bound::Floor => "floor",
            _ => self.word(),
        }
    }

    /// The word a newspaper prints with the figure (empty for exact).
    pub fn word(self) -> &'static str {
        match self {
            Bound::Exact => "",
            Bound::Floor | Bound::Above => "以上",
            Bound::NotBelow => "不低于",
            Bound::Within => "以内",
            Bound::Below => "以下",
            Bound::NotAbove => "不超过",
            Bound::About => "左右",
            Bound::More => "多",
        }
    }

    /// Whether the word goes before the figure (不低于8%), not after it.
    pub fn leads(self) -> bool {
        matches!(self, Bound::NotBelow | Bound::NotAbove)
    }

    /// What the qualifier says of its figure.
    pub fn sense(self) -> Sense {
        match self {
            Bound::Exact => Sense::Exact,
            Bound::Floor | Bound::Above | Bound::NotBelow | Bound::More => Sense::Floor,
            Bound::Within | Bound::Below | Bound::NotAbove => Sense::Ceiling,
            Bound::About => Sense::About,
        }
    }
}

/// 下降类指标的用词：降低、下降、减少。数值照原文写正数。
/// The word of a target that is a decrease; its figures are written positive.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decrease {
    /// 降低2.5%。
    #[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "降低"))]
    Lower,
    /// 下降2.5%。
    #[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "下降"))]
    Fall,
    /// 减少5万吨。
    #[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "减少"))]
    Less,
}

impl Decrease {
    /// Every decrease word, in the order the data file's values are listed.
    pub const ALL: [Decrease; 3] = [Decrease::Lower, Decrease::Fall, Decrease::Less];

    /// The word, as printed before the figure.
    pub fn word(self) -> &'static str {
        match self {
            Decrease::Lower => "降低",
            Decrease::Fall => "下降",
            Decrease::Less => "减少",
        }
    }
}

/// 区间的写法，照原文：6%—7%（默认）、6%～7%、6.5%至7%。
/// How a range is written between its ends, as the source writes it.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RangeWord {
    /// 6%—7%（默认）。
    #[default]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "—"))]
    Dash,
    /// 6%～7%。
    #[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "～"))]
    Tilde,
    /// 6.5%至7%。
    #[cfg_attr(not(target_arch = "wasm32"), schemars(rename = "至"))]
    To,
}

impl RangeWord {
    /// Every way of writing a range, in the order the data file's values are listed.
    pub const ALL: [RangeWord; 3] = [RangeWord::Dash, RangeWord::Tilde, RangeWord::To];

    /// What stands between the range's ends.
    pub fn word(self) -> &'static str {
        match self {
            RangeWord::Dash => "—",
            RangeWord::Tilde => "～",
            RangeWord::To => "至",
        }
    }
}

/// bars、target、cards 图表的一个数据项。One figure of a bars, target or cards chart.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
pub struct Item {
    /// 名称：类别名，或卡片的说明文字。What the figure is.
    pub label: String,
    /// 单位，照原文写：%、亿元、万元、个、人次、亩（文字目标不写）。The unit as the article writes it.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(default))]
    pub unit: String,
    /// 计划（目标、预计）数，按 unit 的单位填写。The planned or expected figure.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(default))]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = -9_999_999_999_999.99, max = 9_999_999_999_999.99)))]
    pub plan: Option<f64>,
    /// 实际完成数；未公布时写 null。The achieved figure, once known.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(default))]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = -9_999_999_999_999.99, max = 9_999_999_999_999.99)))]
    pub result: Option<f64>,
    /// 区间的上端：6%—7% 写 plan 6、plan_to 7。The upper end of a planned range.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(default))]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = -9_999_999_999_999.99, max = 9_999_999_999_999.99)))]
    pub plan_to: Option<f64>,
    /// 区间的写法，照原文写：—（6%—7%，默认）、～（6%～7%）、至（6.5%至7%）。
    /// How the range is written between its ends.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(default))]
    pub range_word: RangeWord,
    /// 限定词，照原文写：以上、不低于、以内、以下、不超过、左右、多。The qualifier, as written.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(default))]
    pub bound: Bound,
    /// 下降类指标（降低、下降、减少）：数值照原文写正数，图中向左画。
    /// A decrease: its figures are written positive and drawn leftwards.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(default))]
    pub decrease: Option<Decrease>,
    /// 没有数字的目标，照原文写，如“和经济增长同步”（此时不写 plan、result）。
    /// A target stated in words, with no figure.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(default))]
    pub text: Option<String>,
    /// 备注，如“预计”“截至3月”。A short note shown with the figure.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(default))]
    pub note: Option<String>,
    /// 标题所说的那一项设为 true，用强调色。Drawn in the accent colour.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(default))]
    pub highlight: bool,
    /// 仅数字卡片：分组标题。Cards only: the group heading.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(default))]
    pub group: Option<String>,
}

impl Item {
    /// The figure to show: the result when known, else the plan
    /// (0 for a target in words, or if validation was bypassed).
    /// Signed: a decrease's figures are negative here (the file writes
    /// them positive, with the word).
    pub fn value(&self) -> f64 {
        self.result.or(self.plan).unwrap_or(0.0)
    }

    /// The plan's far end: the upper end of a range, else the plan.
    pub fn plan_end(&self) -> Option<f64> {
        self.plan_to.or(self.plan)
    }

    /// The words of a target stated in words, with no figure.
    pub fn words(&self) -> Option<&str> {
        self.text
            .as_deref()
            .filter(|_| self.plan.is_none() && self.result.is_none())
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

/// 一个整体及其各部分，同一单位。One whole and its parts, in one unit.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), schemars(deny_unknown_fields))]
pub struct Measure {
    /// 度量名称，如“项目数”“总投资”。What is counted.
    pub label: String,
    /// 整体与部分的单位。Unit of the whole and its parts.
    pub unit: String,
    /// 整体（总数）。The whole.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = -9_999_999_999_999.99, max = 9_999_999_999_999.99)))]
    pub whole: f64,
    /// 各部分数值，与 part_labels 一一对应；其余部分自动计算。
    /// The given parts; the remainder is computed.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(inner(range(min = -9_999_999_999_999.99, max = 9_999_999_999_999.99))))]
    pub parts: Vec<f64>,
}

impl Measure {
    /// The derived remainder: the whole less the given parts, never below 0.
    pub fn rest(&self) -> f64 {
        (self.whole - self.parts.iter().sum::<f64>()).max(0.0)
    }
}
