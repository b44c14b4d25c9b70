//! Colours and type: the newspaper's house style as one value, built from
//! the house palettes (`color`) and what a data file asks for.

use crate::color::{Color, Palette, DARK, LIGHT};
use crate::model::ThemeSpec;

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
        Theme::build(&LIGHT)
    }

    /// The dark theme: its own palette for a dark page, not an inversion.
    pub fn dark() -> Theme {
        Theme::build(&DARK)
    }

    /// A theme from a palette's key colours; tints and the text on the
    /// accent are derived, so that a newspaper's own accent keeps them
    /// consistent.
    fn build(palette: &Palette) -> Theme {
        let &Palette {
            background,
            text,
            text_muted,
            accent,
            base,
            rule,
        } = palette;
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
    pub fn for_document(spec: &ThemeSpec, dark: bool) -> Theme {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
