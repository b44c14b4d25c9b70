//! One item of a chart written with `items`.

use super::{Bound, Decrease, RangeWord};

/// 图表的一个数据项。One item of a chart written with items (the schema names the kinds).
#[derive(Debug, Clone, PartialEq, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Item {
    /// 名称：类别名，或卡片的说明文字。What the value is.
    pub label: String,
    /// 单位，照原文写：%、亿元、万元、个、人次、亩（文字目标不写）。The unit as the article writes it.
    #[schemars(default)]
    pub unit: String,
    /// 计划（目标、预计）数，按 unit 的单位填写。The planned or expected value.
    #[schemars(default)]
    #[schemars(range(min = -9_999_999_999_999.99, max = 9_999_999_999_999.99))]
    pub plan: Option<f64>,
    /// 实际完成数；未公布时写 null。The achieved value, once known.
    #[schemars(default)]
    #[schemars(range(min = -9_999_999_999_999.99, max = 9_999_999_999_999.99))]
    pub result: Option<f64>,
    /// 区间的上端：6%—7% 写 plan 6、plan_to 7。The upper end of a planned range.
    #[schemars(default)]
    #[schemars(range(min = -9_999_999_999_999.99, max = 9_999_999_999_999.99))]
    pub plan_to: Option<f64>,
    /// 区间的写法，照原文写：—（6%—7%，默认）、～（6%～7%）、至（6.5%至7%）。
    /// How the range is written between its ends.
    #[schemars(default)]
    pub range_word: RangeWord,
    /// 限定词，照原文写：以上、不低于、以内、以下、不超过、左右、多。The qualifier, as written.
    #[schemars(default)]
    pub bound: Bound,
    /// 下降类指标（降低、下降、减少）：数值照原文写正数，图中向左画。
    /// A decrease: its values are written positive and drawn leftwards.
    #[schemars(default)]
    pub decrease: Option<Decrease>,
    /// 没有数字的目标，照原文写，如“和经济增长同步”（此时不写 plan、result）。
    /// A target stated in words, with no value.
    #[schemars(default)]
    pub text: Option<String>,
    /// 备注，如“预计”“截至3月”。A short note shown with the value.
    #[schemars(default)]
    pub note: Option<String>,
    /// 标题所说的那一项设为 true，用强调色。Drawn in the accent colour.
    #[schemars(default)]
    pub highlight: bool,
    /// 仅数字卡片：分组标题。Cards only: the group heading.
    #[schemars(default)]
    pub group: Option<String>,
}

impl Item {
    /// The value to show: the result when known, else the plan
    /// (0 for a target in words, or if validation was bypassed).
    /// Signed: a decrease's values are negative here (the file writes
    /// them positive, with the word).
    pub fn value(&self) -> f64 {
        self.result.or(self.plan).unwrap_or(0.0)
    }

    /// The plan's far end: the upper end of a range, else the plan.
    pub fn plan_end(&self) -> Option<f64> {
        self.plan_to.or(self.plan)
    }

    /// The words of a target stated in words, with no value.
    pub fn words(&self) -> Option<&str> {
        self.text
            .as_deref()
            .filter(|_| self.plan.is_none() && self.result.is_none())
    }
}
