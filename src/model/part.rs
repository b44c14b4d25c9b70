//! A part-to-whole chart: wholes, each split into the same parts.

/// The most given parts a part-to-whole chart draws (the remainder is one
/// more): the accent, one base colour and the remainder's tint keep three
/// segments apart; a fourth would share a colour with another, and a reader
/// could not tell them apart in the bar.
pub const MAX_PARTS: usize = 2;

/// A part-to-whole chart: named parts of one or more wholes.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// Names of the given parts, in drawing order. Invariant: 1 to
    /// [`MAX_PARTS`] of them.
    pub part_labels: Vec<String>,
    /// Name of the remainder, which is always derived, never typed in.
    pub rest_label: String,
    /// The wholes, each split the same way: project count, investment.
    /// Invariant: `parts.len() == part_labels.len()`, parts ≥ 0, sum ≤ whole.
    pub measures: Vec<Measure>,
}

/// 一个整体及其各部分，同一单位。One whole and its parts, in one unit.
#[derive(Debug, Clone, PartialEq, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Measure {
    /// 度量名称，如“项目数”“总投资”。What is counted.
    pub label: String,
    /// 整体与部分的单位。Unit of the whole and its parts.
    pub unit: String,
    /// 整体（总数）。The whole.
    #[schemars(range(min = -9_999_999_999_999.99, max = 9_999_999_999_999.99))]
    pub whole: f64,
    /// 各部分数值，与 part_labels 一一对应；其余部分自动计算。
    /// The given parts; the remainder is computed.
    #[schemars(inner(range(min = -9_999_999_999_999.99, max = 9_999_999_999_999.99)))]
    pub parts: Vec<f64>,
}

impl Measure {
    /// The derived remainder: the whole less the given parts, never below 0.
    pub fn rest(&self) -> f64 {
        (self.whole - self.parts.iter().sum::<f64>()).max(0.0)
    }
}
