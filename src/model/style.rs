//! The data file's `theme`: a newspaper's colours and fonts, as written.

/// 可选：报纸的配色与字体。Optional: the newspaper's house style, colours and fonts.
#[derive(Debug, Clone, Default, PartialEq, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ThemeSpec {
    /// 图表文字的字体列表（CSS 写法）。CSS font stack for every text of the charts.
    #[schemars(default)]
    pub font_family: Option<String>,
    /// 浅色页面的配色。Colours on a light page.
    #[schemars(default)]
    pub light: Option<PaletteSpec>,
    /// 深色模式的配色。Colours on a dark page (`prefers-color-scheme: dark`).
    #[schemars(default)]
    pub dark: Option<PaletteSpec>,
}

/// 一套配色，颜色写成 #rrggbb。Colours of one palette, as #rrggbb.
#[derive(Debug, Clone, Default, PartialEq, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PaletteSpec {
    /// 强调色（#rrggbb），用于标题所说的数据；与背景对比度至少 4.5:1。
    /// The colour of what a title talks about, at least 4.5:1 against the page.
    #[schemars(default)]
    pub accent: Option<String>,
    /// 其他柱子的颜色（#rrggbb）。The colour of the other bars.
    #[schemars(default)]
    pub base: Option<String>,
}
