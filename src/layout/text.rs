//! Measuring, wrapping and shortening text.

/// Measures the advance width of a single line of text, in CSS px.
///
/// The browser measures with the canvas it draws on; natively (tests, SVG
/// export) [`ApproxMeasure`] estimates from character classes.
pub trait TextMeasure {
    /// Width of `text` at `size` px, regular or bold.
    fn width(&self, text: &str, size: f64, bold: bool) -> f64;
}

/// An estimate that errs wide: CJK and full-width characters take 1 em,
/// digits and Latin about half.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApproxMeasure;

impl TextMeasure for ApproxMeasure {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        let ems: f64 = text.chars().map(char_em).sum();
        ems * size * if bold { 1.05 } else { 1.0 }
    }
}

fn char_em(c: char) -> f64 {
    match c {
        ' ' => 0.3,
        '.' | ',' | ':' | ';' | '\'' | '!' | '|' | 'i' | 'l' | 'j' => 0.32,
        '0'..='9' => 0.6,
        '%' => 0.92,
        'A'..='Z' | 'm' | 'w' => 0.72,
        c if c.is_ascii() => 0.58,
        '\u{0300}'..='\u{036F}' | '\u{200B}'..='\u{200D}' | '\u{FE00}'..='\u{FE0F}' => 0.0,
        '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' => 1.25,
        _ => 1.0,
    }
}

/// The ellipsis appended to shortened text.
pub const ELLIPSIS: char = '…';

/// Breaks `text` into lines no wider than `max_width`, at most `max_lines`,
/// the last one ellipsised if text remains.
///
/// Lines break between CJK characters and at spaces; a run of digits,
/// Latin letters and number punctuation (`1.51`, `5,600`) never breaks
/// unless it alone is wider than a line; closing punctuation never starts
/// a line.
pub fn wrap(
    text: &str,
    max_width: f64,
    size: f64,
    bold: bool,
    measure: &dyn TextMeasure,
    max_lines: usize,
) -> Vec<String> {
    let max_lines = max_lines.max(1);
    let fits = |s: &str| measure.width(s, size, bold) <= max_width;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for token in tokens(text) {
        let candidate = format!("{line}{token}");
        if fits(&candidate) {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(line.trim_end().to_string());
            line = String::new();
        }
        let token = token.trim_start();
        if fits(token) {
            line.push_str(token);
        } else {
            // A single token wider than a line: break it by characters.
            for c in token.chars() {
                let candidate = format!("{line}{c}");
                if fits(&candidate) || line.is_empty() {
                    line = candidate;
                } else {
                    lines.push(std::mem::take(&mut line));
                    line.push(c);
                }
            }
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    avoid_widow(&mut lines, &fits);
    if lines.len() > max_lines {
        let rest: String = lines.split_off(max_lines - 1).concat();
        lines.push(ellipsize(&rest, max_width, size, bold, measure));
    } else if let Some(last) = lines.last_mut() {
        if !fits(last) {
            *last = ellipsize(last, max_width, size, bold, measure);
        }
    }
    lines
}

/// Moves one character down when the last line would hold a single CJK
/// character, so that no line ends a label with an orphan.
fn avoid_widow(lines: &mut [String], fits: &dyn Fn(&str) -> bool) {
    let n = lines.len();
    if n < 2 {
        return;
    }
    let (head, tail) = lines.split_at_mut(n - 1);
    let (Some(prev), Some(last)) = (head.last_mut(), tail.first_mut()) else {
        return;
    };
    let mut last_chars = last.chars();
    let single = matches!((last_chars.next(), last_chars.next()), (Some(c), None) if !c.is_ascii());
    if !single || prev.chars().count() < 3 {
        return;
    }
    let Some(moved) = prev.chars().last() else {
        return;
    };
    if moved.is_ascii() || opens(moved) {
        return;
    }
    let candidate = format!("{moved}{last}");
    if fits(&candidate) {
        prev.pop();
        *last = candidate;
    }
}

/// `text` shortened with `…` to fit `max_width`; unchanged when it fits.
/// Returns an empty string when not even the ellipsis fits.
pub fn ellipsize(
    text: &str,
    max_width: f64,
    size: f64,
    bold: bool,
    measure: &dyn TextMeasure,
) -> String {
    if measure.width(text, size, bold) <= max_width {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let mut candidate: String = chars.iter().collect::<String>().trim_end().to_string();
        candidate.push(ELLIPSIS);
        if measure.width(&candidate, size, bold) <= max_width {
            return candidate;
        }
    }
    String::new()
}

/// Opening brackets and quotes: never left at a line's end.
fn opens(c: char) -> bool {
    matches!(c, '（' | '《' | '「' | '『' | '“' | '‘' | '(')
}

/// Splits text into unbreakable tokens.
fn tokens(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut glue_next = false;
    for c in text.chars() {
        let word_char = c.is_ascii_alphanumeric() || matches!(c, '.' | ',' | '%' | '-' | '+' | '/');
        let closing = matches!(
            c,
            '，' | '。'
                | '、'
                | '；'
                | '：'
                | '！'
                | '？'
                | '）'
                | '》'
                | '」'
                | '』'
                | '”'
                | '’'
                | '％'
                | '…'
                | ','
                | '.'
                | ';'
                | ':'
                | '!'
                | '?'
                | ')'
        );
        let opening = opens(c);
        let extend = match out.last() {
            Some(last) => {
                glue_next
                    || closing
                    || (word_char
                        && last.chars().last().is_some_and(|p| {
                            p.is_ascii_alphanumeric()
                                || matches!(p, '.' | ',' | '%' | '-' | '+' | '/')
                        }))
            }
            None => false,
        };
        match out.last_mut() {
            Some(last) if extend => last.push(c),
            _ => out.push(c.to_string()),
        }
        glue_next = opening;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_wraps_by_character() {
        let m = ApproxMeasure;
        let lines = wrap(
            "鑫益州新能源汽车装备制造项目",
            14.0 * 5.0,
            14.0,
            false,
            &m,
            5,
        );
        assert_eq!(lines, vec!["鑫益州新能", "源汽车装备", "制造项目"]);
    }

    #[test]
    #[allow(clippy::disallowed_methods)] // a test, not the wasm module
    fn numbers_do_not_break() {
        let m = ApproxMeasure;
        let lines = wrap("技术合同交易额1.51亿元", 14.0 * 8.0, 14.0, false, &m, 5);
        assert!(lines.iter().any(|l| l.contains("1.51")), "{lines:?}");
        for l in &lines {
            assert!(m.width(l, 14.0, false) <= 14.0 * 8.0, "{l}");
        }
    }

    #[test]
    fn no_single_character_last_line() {
        let m = ApproxMeasure;
        let lines = wrap("一二三四五六七八九", 14.0 * 8.0, 14.0, false, &m, 3);
        assert_eq!(lines, vec!["一二三四五六七", "八九"]);
    }

    #[test]
    fn closing_punctuation_stays_on_the_line() {
        let m = ApproxMeasure;
        let lines = wrap("一二三四，五六", 14.0 * 4.0, 14.0, false, &m, 5);
        assert!(lines.iter().all(|l| !l.starts_with('，')), "{lines:?}");
    }

    #[test]
    fn too_many_lines_are_ellipsised() {
        let m = ApproxMeasure;
        let lines = wrap("一二三四五六七八九十", 14.0 * 3.0, 14.0, false, &m, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines.last().is_some_and(|l| l.ends_with(ELLIPSIS)));
        assert!(lines.iter().all(|l| m.width(l, 14.0, false) <= 42.0));
    }

    #[test]
    fn ellipsize_fits_or_empties() {
        let m = ApproxMeasure;
        assert_eq!(ellipsize("短", 100.0, 14.0, false, &m), "短");
        let s = ellipsize("一二三四五六", 14.0 * 3.0, 14.0, false, &m);
        assert_eq!(s, "一二…");
        assert_eq!(ellipsize("一二三", 1.0, 14.0, false, &m), "");
    }
}
