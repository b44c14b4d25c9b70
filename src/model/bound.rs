//! How a plan states its value: a qualifier (`Bound`: 以上, 以内, 左右, 多 …)
//! and what it means (`Sense`), a decrease's word, a range's word.

/// 限定词：照原文写（以上、不低于、以内、以下、不超过、左右、多），确数写 exact。
/// The qualifier of a value, as Chinese plans write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, schemars::JsonSchema)]
pub enum Bound {
    /// 确数。The value as stated.
    #[default]
    #[schemars(rename = "exact")]
    Exact,
    /// 下限，同“以上”（旧写法）。At least the value (written 以上; the older name).
    #[schemars(rename = "floor")]
    Floor,
    /// 下限：8%以上。At least the value.
    #[schemars(rename = "以上")]
    Above,
    /// 下限：不低于8%。At least the value, the word before it.
    #[schemars(rename = "不低于")]
    NotBelow,
    /// 上限：3%以内。At most the value.
    #[schemars(rename = "以内")]
    Within,
    /// 上限：3%以下。At most the value.
    #[schemars(rename = "以下")]
    Below,
    /// 上限：不超过3%。At most the value, the word before it.
    #[schemars(rename = "不超过")]
    NotAbove,
    /// 约数：5%左右。About the value.
    #[schemars(rename = "左右")]
    About,
    /// 略多于：50多个（仅用于整数个数，不用于百分比）。A little more than a whole count.
    #[schemars(rename = "多")]
    More,
}

/// What a qualifier says of its value, for drawing and for wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sense {
    /// The value itself.
    Exact,
    /// At least the value (以上, 不低于, 多): an arrow on.
    AtLeast,
    /// At most the value (以内, 以下, 不超过): a cap.
    AtMost,
    /// About the value (左右): a band.
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

    /// The word a newspaper prints with the value (empty for exact).
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

    /// Whether the word goes before the value (不低于8%), not after it.
    pub fn leads(self) -> bool {
        matches!(self, Bound::NotBelow | Bound::NotAbove)
    }

    /// What the qualifier says of its value.
    pub fn sense(self) -> Sense {
        match self {
            Bound::Exact => Sense::Exact,
            Bound::Floor | Bound::Above | Bound::NotBelow | Bound::More => Sense::AtLeast,
            Bound::Within | Bound::Below | Bound::NotAbove => Sense::AtMost,
            Bound::About => Sense::About,
        }
    }
}

/// 下降类指标的用词：降低、下降、减少。数值照原文写正数。
/// The word of a target that is a decrease; its values are written positive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, schemars::JsonSchema)]
pub enum Decrease {
    /// 降低2.5%。
    #[schemars(rename = "降低")]
    Lower,
    /// 下降2.5%。
    #[schemars(rename = "下降")]
    Fall,
    /// 减少5万吨。
    #[schemars(rename = "减少")]
    Less,
}

impl Decrease {
    /// Every decrease word, in the order the data file's values are listed.
    pub const ALL: [Decrease; 3] = [Decrease::Lower, Decrease::Fall, Decrease::Less];

    /// The word, as printed before the value.
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, schemars::JsonSchema)]
pub enum RangeWord {
    /// 6%—7%（默认）。
    #[default]
    #[schemars(rename = "—")]
    Dash,
    /// 6%～7%。
    #[schemars(rename = "～")]
    Tilde,
    /// 6.5%至7%。
    #[schemars(rename = "至")]
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
