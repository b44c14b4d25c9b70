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
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.r) + 0.7152 * lin(self.g) + 0.0722 * lin(self.b)
    }

    /// WCAG 2 contrast ratio between two opaque colours (1 to 21).
    pub fn contrast(&self, other: &Color) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
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
        Theme {
            font_family: FONT_STACK.to_string(),
            background: Color::hex(0xFFFFFF),
            text: Color::hex(0x1F1F1F),
            text_muted: Color::hex(0x595F66),
            accent: Color::hex(0xB8232F),
            accent_tint: Color::hex(0xF4D9DB),
            base: Color::hex(0x7D93A8),
            base_tint: Color::hex(0xD9E1E8),
            on_accent: Color::hex(0xFFFFFF),
            rule: Color::hex(0xC9CED3),
            sizes: Sizes {
                label: 14.0,
                value: 14.0,
                small: 12.0,
                big: 30.0,
            },
        }
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme::light()
    }
}
