//! A small JSON parser that keeps where every value starts, so that every
//! problem found later — a wrong type, an unknown key, a part larger than
//! its whole — can say its line and column. Strict RFC 8259; nesting is
//! limited so that no input can exhaust the stack.

use super::problem::{en_str, zh_str};
use decimal::decimal;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod conformance;
mod decimal;
mod string;
#[cfg(test)]
mod tests;

/// A parsed value and the byte offset where it starts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    pub value: Json,
    pub at: usize,
}

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Node>),
    /// Members in file order, each key with the offset of its opening quote.
    Object(Vec<(String, usize, Node)>),
}

impl Node {
    /// The value of `key`, if this is an object that has it.
    pub fn member(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Json::Object(members) => members.iter().find(|(k, _, _)| k == key).map(|(_, _, n)| n),
            _ => None,
        }
    }
}

impl Json {
    /// What the value is, in Chinese and English, for type errors.
    pub fn kind(&self) -> (&'static str, &'static str) {
        match self {
            Json::Null => ("null", "null"),
            Json::Bool(_) => (zh_str!("true 或 false"), "a boolean"),
            Json::Number(_) => (zh_str!("数字"), "a number"),
            Json::String(_) => (zh_str!("文本"), "a string"),
            Json::Array(_) => (zh_str!("列表 [ ]"), "a list"),
            Json::Object(_) => (zh_str!("对象 { }"), "an object"),
        }
    }
}

/// A syntax error: where, and what, in Chinese and English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub at: usize,
    pub zh: &'static str,
    pub en: &'static str,
}

const MAX_DEPTH: usize = 128;

/// Where the value that starts at byte `at` of `text` ends (just past its
/// last byte), if it is one: `text[at..end]` is the value as written.
/// Only editors' code needs it (pasted tables keep an item's other fields
/// as written), so the readers' build has none of it.
#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
pub(crate) fn value_end(text: &str, at: usize) -> Option<usize> {
    let mut p = Parser {
        bytes: text.as_bytes(),
        text,
        pos: at,
    };
    p.value(0).ok().map(|_| p.pos)
}

/// Parses a whole JSON text.
pub(crate) fn parse(text: &str) -> Result<Node, SyntaxError> {
    let mut p = Parser {
        bytes: text.as_bytes(),
        text,
        pos: 0,
    };
    let node = p.value(0)?;
    p.ws();
    if p.pos < p.bytes.len() {
        return Err(p.error(
            zh_str!("JSON 已结束，后面还有多余内容"),
            "trailing characters",
        ));
    }
    Ok(node)
}

struct Parser<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn error(&self, zh: &'static str, en: &'static str) -> SyntaxError {
        SyntaxError {
            at: self.pos,
            zh,
            en,
        }
    }

    fn eof(&self) -> SyntaxError {
        self.error(
            zh_str!("文件意外结束：可能缺少 } 或 ]"),
            en_str!("EOF while parsing"),
        )
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.error(zh_str!("嵌套层数过多"), en_str!("recursion limit exceeded")));
        }
        self.ws();
        let at = self.pos;
        let value = match self.peek() {
            None => return Err(self.eof()),
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => Json::String(self.string()?),
            Some(b'-' | b'0'..=b'9') => Json::Number(self.number()?),
            Some(b't') => self.literal("true", Json::Bool(true))?,
            Some(b'f') => self.literal("false", Json::Bool(false))?,
            Some(b'n') => self.literal("null", Json::Null)?,
            Some(_) => return Err(self.error(
                zh_str!("此处应为一个值（数字、\"文本\"、true/false、null、[ ] 或 { }）；注意使用英文标点"),
                en_str!("expected value"),
            )),
        };
        Ok(Node { value, at })
    }

    fn literal(&mut self, word: &str, value: Json) -> Result<Json, SyntaxError> {
        if self.bytes.get(self.pos..self.pos + word.len()) == Some(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error(
                zh_str!("此处应为一个值（数字、\"文本\"、true/false、null、[ ] 或 { }）；注意使用英文标点"),
                en_str!("expected value"),
            ))
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, SyntaxError> {
        self.pos += 1;
        let mut members = Vec::new();
        self.ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.ws();
            match self.peek() {
                Some(b'"') => {}
                None => return Err(self.eof()),
                Some(b'}') if !members.is_empty() => {
                    return Err(self.error(
                        zh_str!("多余的逗号：最后一项后面不能有逗号"),
                        en_str!("trailing comma"),
                    ))
                }
                Some(_) => {
                    return Err(self.error(
                        zh_str!("字段名必须放在英文双引号里"),
                        en_str!("key must be a string"),
                    ))
                }
            }
            let key_at = self.pos;
            let key = self.string()?;
            self.ws();
            match self.peek() {
                Some(b':') => self.pos += 1,
                None => return Err(self.eof()),
                Some(_) => {
                    return Err(
                        self.error(zh_str!("字段名后应为英文冒号 :"), en_str!("expected `:`"))
                    )
                }
            }
            let value = self.value(depth + 1)?;
            members.push((key, key_at, value));
            self.ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Json::Object(members));
                }
                None => return Err(self.eof()),
                Some(_) => {
                    return Err(self.error(
                        zh_str!("应为英文逗号或 }：可能漏了逗号"),
                        en_str!("expected `,` or `}`"),
                    ))
                }
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, SyntaxError> {
        self.pos += 1;
        let mut items = Vec::new();
        self.ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Array(items));
        }
        loop {
            self.ws();
            if self.peek() == Some(b']') {
                return Err(self.error(
                    zh_str!("多余的逗号：最后一项后面不能有逗号"),
                    en_str!("trailing comma"),
                ));
            }
            items.push(self.value(depth + 1)?);
            self.ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Json::Array(items));
                }
                None => return Err(self.eof()),
                Some(_) => {
                    return Err(self.error(
                        zh_str!("应为英文逗号或 ]：可能漏了逗号"),
                        en_str!("expected `,` or `]`"),
                    ))
                }
            }
        }
    }

    fn number(&mut self) -> Result<f64, SyntaxError> {
        let start = self.pos;
        let digits = |p: &mut Self| {
            let from = p.pos;
            while matches!(p.peek(), Some(b'0'..=b'9')) {
                p.pos += 1;
            }
            p.pos > from
        };
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        // An integer part is 0, or digits not starting with 0.
        let int_ok = if self.peek() == Some(b'0') {
            self.pos += 1;
            !matches!(self.peek(), Some(b'0'..=b'9'))
        } else {
            digits(self)
        };
        if !int_ok {
            return Err(SyntaxError {
                at: start,
                zh: zh_str!("数字写法有误"),
                en: en_str!("invalid number"),
            });
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !digits(self) {
                return Err(self.error(zh_str!("数字写法有误"), en_str!("invalid number")));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !digits(self) {
                return Err(self.error(zh_str!("数字写法有误"), en_str!("invalid number")));
            }
        }
        let literal = self.text.get(start..self.pos).unwrap_or("");
        match decimal(literal) {
            Some(v) if v.is_finite() => Ok(v),
            _ => Err(SyntaxError {
                at: start,
                zh: zh_str!("数字超出范围"),
                en: en_str!("number out of range"),
            }),
        }
    }
}
