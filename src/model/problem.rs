//! Problems found in a data file, told in Chinese with English beside.

use std::fmt;

/// An English message, written like `format!`: kept in native builds (the
/// command line prints it beside the Chinese), left out of the
/// WebAssembly build, whose pages speak Chinese only, so that readers do
/// not download it. Its arguments are not evaluated there.
#[cfg(not(target_arch = "wasm32"))]
macro_rules! en {
    ($($arg:tt)*) => {{
        #[allow(clippy::useless_format)]
        let message = format!($($arg)*);
        message
    }};
}
/// An English message, written like `format!`: left out of this build
/// (its arguments are checked, as [`zh!`]'s are, but never evaluated).
#[cfg(target_arch = "wasm32")]
macro_rules! en {
    ($($arg:tt)*) => {{
        if false {
            let _ = format!($($arg)*);
        }
        String::new()
    }};
}
pub(crate) use en;

/// An English message that is a literal: kept natively, empty in the
/// WebAssembly build (see [`en!`]).
#[cfg(not(target_arch = "wasm32"))]
macro_rules! en_str {
    ($text:literal) => {
        $text
    };
}
/// An English message that is a literal: empty in this build.
#[cfg(target_arch = "wasm32")]
macro_rules! en_str {
    ($text:literal) => {
        ""
    };
}
pub(crate) use en_str;

/// A Chinese message, written like `format!`: kept natively and in the
/// full WebAssembly build (feature `full`: preview, bare figures),
/// left out of the readers' build, which never shows a problem's words (a
/// broken chart keeps its pre-rendered figure; a bare place says the chart
/// cannot be shown). Its arguments are not evaluated there.
#[cfg(any(not(target_arch = "wasm32"), feature = "full"))]
macro_rules! zh {
    ($($arg:tt)*) => {{
        #[allow(clippy::useless_format)]
        let message = format!($($arg)*);
        message
    }};
}
/// A Chinese message, written like `format!`: left out of the readers' build
/// (the branch that would word it is never taken, and the optimiser drops it
/// with everything only it calls, such as [`did_you_mean`]).
#[cfg(not(any(not(target_arch = "wasm32"), feature = "full")))]
macro_rules! zh {
    ($($arg:tt)*) => {{
        if false {
            let _ = format!($($arg)*);
        }
        String::new()
    }};
}
pub(crate) use zh;

/// A Chinese message that is a literal: kept natively and in the full
/// build, empty in the readers' (see [`zh!`]).
#[cfg(any(not(target_arch = "wasm32"), feature = "full"))]
macro_rules! zh_str {
    ($text:literal) => {
        $text
    };
}
/// A Chinese message that is a literal: empty in the readers' build.
#[cfg(not(any(not(target_arch = "wasm32"), feature = "full")))]
macro_rules! zh_str {
    ($text:literal) => {
        ""
    };
}
pub(crate) use zh_str;

/// A place in the data file: 1-based line and column, the column counted
/// in characters as an editor's status bar counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl Position {
    /// The position of byte `offset` in `text` (clamped to the text).
    pub fn at_byte(text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = text.get(..offset).unwrap_or("");
        let newline = |b: &u8| *b == b'\n';
        let line_start = before
            .bytes()
            .rposition(|b| newline(&b))
            .map_or(0, |i| i + 1);
        Position {
            line: before.bytes().filter(newline).count() + 1,
            column: before.get(line_start..).map_or(0, |l| l.chars().count()) + 1,
        }
    }

    /// Where this line and column fall in `text`, in UTF-16 code units
    /// (a textarea's selection), clamped to the line's end and the text's.
    #[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
    pub fn utf16_offset(&self, text: &str) -> usize {
        let mut offset = 0;
        for (i, line) in text.split('\n').enumerate() {
            if i + 1 == self.line {
                let column = self.column.saturating_sub(1);
                return offset
                    + line
                        .chars()
                        .take(column)
                        .map(char::len_utf16)
                        .sum::<usize>();
            }
            offset += line.encode_utf16().count() + 1;
        }
        text.encode_utf16().count()
    }
}

/// One thing wrong with a data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON path of the offending value: `charts[1].items[2].plan`;
    /// empty for the file as a whole.
    pub path: String,
    /// Where in the file, when known.
    pub position: Option<Position>,
    /// What is wrong, in Chinese.
    pub zh: String,
    /// The same in English.
    pub en: String,
}

impl Problem {
    /// A problem at `path` with a Chinese and an English message.
    pub fn new(path: impl Into<String>, zh: impl Into<String>, en: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            position: None,
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The same problem, placed at `position`.
    pub fn at(mut self, position: Position) -> Self {
        self.position = Some(position);
        self
    }

    /// Where the problem is, for people: `charts[1].title（第12行第5列）`.
    pub fn location(&self) -> String {
        let path = if self.path.is_empty() {
            "文件"
        } else {
            &self.path
        };
        match self.position {
            Some(p) => format!("{path}（第{}行第{}列）", p.line, p.column),
            None => path.to_string(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // (No words in the readers' WebAssembly build: see `zh!`.)
        f.write_str(&self.location())?;
        if !self.zh.is_empty() {
            write!(f, "：{}", self.zh)?;
        }
        if self.en.is_empty() {
            Ok(())
        } else {
            write!(f, "（{}）", self.en)
        }
    }
}

/// The closest of `options` to a misspelled `word`, if one is close enough.
pub(crate) fn did_you_mean<'a>(word: &str, options: &[&'a str]) -> Option<&'a str> {
    let limit = (word.len() / 3).max(1) + 1;
    options
        .iter()
        .map(|o| (edit_distance(word.as_bytes(), o.as_bytes()), *o))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, o)| o)
}

/// Levenshtein distance over bytes, ASCII case ignored: the keys and
/// values suggested are ASCII, and a non-ASCII character, several bytes
/// long, only makes a word farther. (Bytes in one reused row, not
/// characters in fresh vectors: about 0.9 KB less wasm; `tests` holds the
/// textbook version it is checked against.)
fn edit_distance(a: &[u8], b: &[u8]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        // `row` holds the previous line; `diag` its cell up and left.
        let mut diag = i;
        let mut left = i + 1;
        for (cell, cb) in row.iter_mut().skip(1).zip(b) {
            let up = *cell;
            *cell = (diag + usize::from(!ca.eq_ignore_ascii_case(cb)))
                .min(left + 1)
                .min(up + 1);
            diag = up;
            left = *cell;
        }
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
    }
    row.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        let text = "{\n  \"标题\": 1,\n  x\n}";
        let at_x = text.find('x').unwrap_or(0);
        assert_eq!(
            Position::at_byte(text, at_x),
            Position { line: 3, column: 3 }
        );
        let at_one = text.find('1').unwrap_or(0);
        assert_eq!(
            Position::at_byte(text, at_one),
            Position { line: 2, column: 9 }
        );
        assert_eq!(Position::at_byte(text, 10_000).line, 4);
    }

    #[test]
    fn suggestions() {
        assert_eq!(
            did_you_mean("titel", &["id", "title", "subtitle"]),
            Some("title")
        );
        assert_eq!(did_you_mean("Plan", &["plan", "result"]), Some("plan"));
        assert_eq!(did_you_mean("zzzzzz", &["plan", "result"]), None);
        assert_eq!(did_you_mean("标题", &["title"]), None);
    }

    /// The textbook distance, over characters, lower-cased.
    #[allow(clippy::indexing_slicing)]
    fn reference(a: &str, b: &str) -> usize {
        let (a, b) = (a.to_ascii_lowercase(), b.to_ascii_lowercase());
        let b: Vec<char> = b.chars().collect();
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.chars().enumerate() {
            let mut cur = vec![i + 1];
            for (j, cb) in b.iter().enumerate() {
                let sub = prev[j] + usize::from(ca != *cb);
                cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
            }
            prev = cur;
        }
        prev[b.len()]
    }

    #[test]
    fn distance_is_the_textbook_one_on_ascii() {
        // Every pair of short words over a small alphabet, both cases.
        let words: Vec<String> = (0..400u32)
            .map(|n| {
                let len = n % 6;
                (0..len)
                    .map(|k| {
                        char::from(
                            b"aBbc_"
                                .get(((n / 6 + k * 7) % 5) as usize)
                                .copied()
                                .unwrap_or(b'a'),
                        )
                    })
                    .collect()
            })
            .collect();
        for a in &words {
            for b in words.iter().step_by(7) {
                assert_eq!(
                    edit_distance(a.as_bytes(), b.as_bytes()),
                    reference(a, b),
                    "{a} {b}"
                );
            }
        }
    }
}
