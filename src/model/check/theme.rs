//! The theme's checks: colours that parse, an accent readable as text on
//! its page, a font stack that is a plain list of names.

use super::super::json::Node;
use super::super::problem::{en, zh};
use super::super::{PaletteSpec, Problem, ThemeSpec};
use super::Checker;
use crate::color::{Color, DARK, LIGHT};
use crate::format::digits::number;

/// Checks the `theme` section: colours that parse, an accent readable as
/// text on its page, a font stack that is a plain list of names.
pub(crate) fn validate_theme(spec: &ThemeSpec, root: &Node, text: &str) -> Vec<Problem> {
    let mut c = Checker {
        prefix: "theme",
        root,
        text,
        problems: Vec::new(),
    };
    if let Some(font) = &spec.font_family {
        let plain = !font.trim().is_empty()
            && !font
                .bytes()
                .any(|b| matches!(b, b';' | b'{' | b'}' | b'<' | b'>' | b'\\'));
        if !plain {
            c.push(
                "font_family",
                "字体应为逗号分隔的字体名列表，如 \"PingFang SC\", sans-serif".into(),
                en!("font_family must be a comma-separated list of font names"),
            );
        }
    }
    for (name, palette, page) in [("light", &spec.light, LIGHT), ("dark", &spec.dark, DARK)] {
        let Some(PaletteSpec { accent, base }) = palette else {
            continue;
        };
        for (key, value, min) in [("accent", accent, 4.5), ("base", base, 3.0)] {
            let Some(value) = value else {
                continue;
            };
            let path = format!("{name}.{key}");
            match Color::parse(value) {
                None => c.push(
                    &path,
                    zh!("颜色“{value}”应写成 #rrggbb，如 #b8232f"),
                    en!("colour \"{value}\" must be written #rrggbb"),
                ),
                Some(color) => {
                    let ratio = color.contrast(&page.background);
                    if ratio < min {
                        c.push(
                            &path,
                            zh!(
                                "颜色 {value} 与{}背景（{}）的对比度只有 {}:1，至少需要 {}:1",
                                if name == "light" { "浅色" } else { "深色" },
                                page.background.css(),
                                number((ratio * 10.0).floor() / 10.0),
                                number(min)
                            ),
                            en!(
                                "colour {value} has {}:1 contrast with the page, needs {}:1",
                                number((ratio * 10.0).floor() / 10.0),
                                number(min)
                            ),
                        );
                    }
                }
            }
        }
    }
    c.problems
}
