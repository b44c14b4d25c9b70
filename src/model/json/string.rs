//! JSON strings: runs of plain text, escapes, and `\u` escapes with their
//! surrogate pairs.

use super::{Parser, SyntaxError};
use crate::model::problem::{en_str, zh_str};

impl Parser<'_> {
    /// Reads a string from its opening quote to just past its closing one,
    /// its escapes decoded.
    pub(super) fn string(&mut self) -> Result<String, SyntaxError> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            let run_start = self.pos;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.pos += 1;
            }
            out.push_str(self.text.get(run_start..self.pos).unwrap_or(""));
            match self.peek() {
                None => {
                    return Err(self.error(
                        zh_str!("字符串缺少结束的双引号"),
                        en_str!("EOF while parsing a string"),
                    ))
                }
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    out.push(self.escape()?);
                }
                Some(_) => {
                    return Err(self.error(
                        zh_str!("文本中有控制字符（例如未转义的换行）"),
                        en_str!("control character found while parsing a string"),
                    ))
                }
            }
        }
    }

    /// Reads an escape from just past its backslash to its end: the
    /// character it stands for.
    fn escape(&mut self) -> Result<char, SyntaxError> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => return self.unicode_escape(),
            _ => return Err(self.error(zh_str!("文本中的转义写法有误"), en_str!("invalid escape"))),
        };
        self.pos += 1;
        Ok(c)
    }

    /// Reads a `\u` escape from its `u`, and the low half that follows a
    /// high surrogate: the character they stand for. A lone surrogate is an
    /// error at its backslash.
    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        self.pos += 1;
        let start = self.pos - 2;
        let high = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&high)
            && self.bytes.get(self.pos..self.pos + 2) == Some(b"\\u")
        {
            self.pos += 2;
            let low = self.hex4()?;
            if !(0xDC00..0xE000).contains(&low) {
                self.pos = start;
                return Err(self.lone_surrogate());
            }
            0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        } else {
            high
        };
        // A surrogate left without its pair is no character.
        let Some(c) = char::from_u32(code) else {
            self.pos = start;
            return Err(self.lone_surrogate());
        };
        Ok(c)
    }

    /// The error of a `\u` escape that is half of a surrogate pair alone.
    fn lone_surrogate(&self) -> SyntaxError {
        self.error(
            zh_str!("文本中的 \\u 转义是不成对的代理项（\\uD800–\\uDFFF 须成对出现）"),
            en_str!("lone surrogate in hex escape"),
        )
    }

    /// Reads the four hex digits of a `\u` escape: their value.
    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self
            .text
            .get(self.pos..self.pos + 4)
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()));
        match digits.and_then(|d| u32::from_str_radix(d, 16).ok()) {
            Some(v) => {
                self.pos += 4;
                Ok(v)
            }
            None => Err(self.error(
                zh_str!("文本中的转义写法有误"),
                en_str!("invalid unicode escape"),
            )),
        }
    }
}
