//! Colours and type: the newspaper's house style as one value.

/// An sRGB colour with alpha (0–1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Color {
    /// Red, 0–255.
    pub r: u8,
    /// Green, 0–255.
    pub g: u8,
    /// Blue, 0–255.
    pub b: u8,
    /// Opacity, 0 (transparent) to 1.
    pub a: f64,
}

impl Color {
    /// An opaque colour from `0xRRGGBB`.
    pub const fn hex(rgb: u32) -> Color {
        Color {
            r: ((rgb >> 16) & 0xFF) as u8,
            g: ((rgb >> 8) & 0xFF) as u8,
            b: (rgb & 0xFF) as u8,
            a: 1.0,
        }
    }

    /// This colour moved `amount` (0–1) of the way towards `other`.
    pub fn mix(self, other: Color, amount: f64) -> Color {
        let k = amount.clamp(0.0, 1.0);
        let blend = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * k).round() as u8;
        Color {
            r: blend(self.r, other.r),
            g: blend(self.g, other.g),
            b: blend(self.b, other.b),
            a: self.a + (other.a - self.a) * k,
        }
    }

    /// Relative luminance (WCAG 2).
    pub fn luminance(&self) -> f64 {
        let lin = |c: u8| {
            let s = f64::from(c) / 255.0;
            if s <= 0.04045 {
                s / 12.92
            } else {
                pow_2_4((s + 0.055) / 1.055)
            }
        };
        0.2126 * lin(self.r) + 0.7152 * lin(self.g) + 0.0722 * lin(self.b)
    }

    /// WCAG 2 contrast ratio between two opaque colours (1 to 21).
    pub fn contrast(&self, other: &Color) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// Parses `#rrggbb` (or `#rgb`).
    pub fn parse(css: &str) -> Option<Color> {
        let hex = css.strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        match hex.len() {
            6 => u32::from_str_radix(hex, 16).ok().map(Color::hex),
            3 => {
                let v = u32::from_str_radix(hex, 16).ok()?;
                let (r, g, b) = ((v >> 8) & 0xF, (v >> 4) & 0xF, v & 0xF);
                Some(Color::hex((r * 17) << 16 | (g * 17) << 8 | (b * 17)))
            }
            _ => None,
        }
    }

    /// `#rrggbb`, for CSS and SVG.
    pub fn css(&self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

/// Font sizes, in CSS px; never below 12 on a phone.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sizes {
    /// Category labels.
    pub label: f64,
    /// Values at bar ends.
    pub value: f64,
    /// Legends, shares, headings of card groups.
    pub small: f64,
    /// Big numbers on cards.
    pub big: f64,
}

/// Everything a chart's look depends on.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// CSS font stack used to measure and draw every text.
    pub font_family: String,
    /// Canvas background.
    pub background: Color,
    /// Main text.
    pub text: Color,
    /// Secondary text (legends, totals); still at least 4.5:1 on the background.
    pub text_muted: Color,
    /// The colour of what the title talks about.
    pub accent: Color,
    /// Light fill of planned (not yet achieved) accent marks.
    pub accent_tint: Color,
    /// Bars that are not highlighted.
    pub base: Color,
    /// Light fill of planned base marks, and the remainder of a whole.
    pub base_tint: Color,
    /// Text drawn on an accent fill.
    pub on_accent: Color,
    /// Thin rules and the zero line.
    pub rule: Color,
    /// Font sizes.
    pub sizes: Sizes,
}

/// The Chinese UI font stack: every reader's own system font.
pub const FONT_STACK: &str = "\"PingFang SC\", \"Hiragino Sans GB\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", \"Source Han Sans SC\", sans-serif";

impl Theme {
    /// The light newspaper theme: one red accent, blue-grey for the rest.
    pub fn light() -> Theme {
        Theme::build(
            Color::hex(0xFFFFFF),
            Color::hex(0x1F1F1F),
            Color::hex(0x595F66),
            Color::hex(0xB8232F),
            Color::hex(0x7D93A8),
            Color::hex(0xC9CED3),
        )
    }

    /// The dark theme: its own palette for a dark page, not an inversion.
    pub fn dark() -> Theme {
        Theme::build(
            Color::hex(0x121417),
            Color::hex(0xECEDEE),
            Color::hex(0xA9B0B8),
            Color::hex(0xFF7B7B),
            Color::hex(0x8FA6BD),
            Color::hex(0x3A4048),
        )
    }

    /// A theme from its key colours; tints and the text on the accent are
    /// derived, so that a newspaper's own accent keeps them consistent.
    fn build(
        background: Color,
        text: Color,
        text_muted: Color,
        accent: Color,
        base: Color,
        rule: Color,
    ) -> Theme {
        let mut theme = Theme {
            font_family: FONT_STACK.to_string(),
            background,
            text,
            text_muted,
            accent,
            accent_tint: accent,
            base,
            base_tint: base,
            on_accent: accent,
            rule,
            sizes: Sizes {
                label: 14.0,
                value: 14.0,
                small: 12.0,
                big: 30.0,
            },
        };
        theme.set_accent(accent);
        theme.set_base(base);
        theme
    }

    /// Sets the accent and what derives from it.
    pub fn set_accent(&mut self, accent: Color) {
        self.accent = accent;
        self.accent_tint = accent.mix(self.background, 0.8);
        let white = Color::hex(0xFFFFFF);
        let ink = Color::hex(0x111111);
        self.on_accent = if accent.contrast(&white) >= accent.contrast(&ink) {
            white
        } else {
            ink
        };
    }

    /// Sets the colour of bars that are not highlighted, and its tint.
    pub fn set_base(&mut self, base: Color) {
        self.base = base;
        self.base_tint = base.mix(self.background, 0.7);
    }
}

impl Theme {
    /// The theme a data file asks for, light or dark; whatever the file
    /// leaves out (or gets wrong) keeps the default.
    pub fn for_document(spec: &crate::model::ThemeSpec, dark: bool) -> Theme {
        let mut theme = if dark { Theme::dark() } else { Theme::light() };
        if let Some(font) = &spec.font_family {
            theme.font_family = font.clone();
        }
        let palette = if dark { &spec.dark } else { &spec.light };
        if let Some(p) = palette {
            if let Some(c) = p.accent.as_deref().and_then(Color::parse) {
                theme.set_accent(c);
            }
            if let Some(c) = p.base.as_deref().and_then(Color::parse) {
                theme.set_base(c);
            }
        }
        theme
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme::light()
    }
}

/// `x`^2.4 for `x` in (0, 1]: `x`² times the fifth root of `x`², by
/// Newton's method from above (monotone; for every colour channel value it
/// settles within 10 steps). The same as `powf(2.4)` to rounding, without
/// the general power function's code in the wasm module.
fn pow_2_4(x: f64) -> f64 {
    let a = x * x;
    let mut y = 1.0f64;
    for _ in 0..16 {
        let y4 = y * y * y * y;
        y -= (y4 * y - a) / (5.0 * y4);
    }
    a * y
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_channel_power_matches_powf() {
        for c in 0..=255u8 {
            let x = (f64::from(c) / 255.0 + 0.055) / 1.055;
            let (ours, std) = (pow_2_4(x), x.powf(2.4));
            assert!((ours - std).abs() <= 1e-15 * std, "{c}: {ours} vs {std}");
        }
    }

    #[test]
    fn both_palettes_keep_text_contrast() {
        for theme in [Theme::light(), Theme::dark()] {
            let bg = theme.background;
            for (name, c) in [
                ("text", theme.text),
                ("muted", theme.text_muted),
                ("accent", theme.accent),
            ] {
                assert!(
                    c.contrast(&bg) >= 4.5,
                    "{name} {} on {}: {}",
                    c.css(),
                    bg.css(),
                    c.contrast(&bg)
                );
            }
            assert!(theme.on_accent.contrast(&theme.accent) >= 4.5);
            assert!(theme.text.contrast(&theme.base_tint) >= 4.5);
            assert!(theme.text.contrast(&theme.accent_tint) >= 4.5);
        }
    }

    #[test]
    fn colours_parse_and_mix() {
        assert_eq!(Color::parse("#b8232f"), Some(Color::hex(0xB8232F)));
        assert_eq!(Color::parse("#fff"), Some(Color::hex(0xFFFFFF)));
        assert_eq!(Color::parse("red"), None);
        assert_eq!(Color::parse("#12345g"), None);
        assert_eq!(
            Color::hex(0x000000).mix(Color::hex(0xFFFFFF), 0.5).css(),
            "#808080"
        );
        assert!((Color::hex(0xFFFFFF).contrast(&Color::hex(0x000000)) - 21.0).abs() < 1e-9);
    }
}
