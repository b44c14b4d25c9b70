//! Colours: the sRGB colour type with WCAG contrast, and the newspaper's
//! two house palettes. A leaf: it imports nothing of the crate, so the
//! model may check a data file's colours against the pages they go on.

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

/// The key colours of a page's palette; `theme` derives the rest.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// The page (and canvas) background.
    pub background: Color,
    /// Main text.
    pub text: Color,
    /// Secondary text.
    pub text_muted: Color,
    /// The colour of what the title talks about.
    pub accent: Color,
    /// Bars that are not highlighted.
    pub base: Color,
    /// Thin rules and the zero line.
    pub rule: Color,
}

/// The light newspaper palette: one red accent, blue-grey for the rest.
pub const LIGHT: Palette = Palette {
    background: Color::hex(0xFFFFFF),
    text: Color::hex(0x1F1F1F),
    text_muted: Color::hex(0x595F66),
    accent: Color::hex(0xB8232F),
    base: Color::hex(0x7D93A8),
    rule: Color::hex(0xC9CED3),
};

/// The dark palette: its own colours for a dark page, not an inversion.
pub const DARK: Palette = Palette {
    background: Color::hex(0x121417),
    text: Color::hex(0xECEDEE),
    text_muted: Color::hex(0xA9B0B8),
    accent: Color::hex(0xFF7B7B),
    base: Color::hex(0x8FA6BD),
    rule: Color::hex(0x3A4048),
};

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
    #[allow(clippy::disallowed_methods)] // the function it replaces, as the reference
    fn the_channel_power_matches_powf() {
        for c in 0..=255u8 {
            let x = (f64::from(c) / 255.0 + 0.055) / 1.055;
            let (ours, std) = (pow_2_4(x), x.powf(2.4));
            assert!((ours - std).abs() <= 1e-15 * std, "{c}: {ours} vs {std}");
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
