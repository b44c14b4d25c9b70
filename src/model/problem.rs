//! Problems found in a data file, told in Chinese with English beside.

use std::fmt;

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
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Position {
            line: before.matches('\n').count() + 1,
            column: before.get(line_start..).map_or(0, |l| l.chars().count()) + 1,
        }
    }

    /// This position, for text that starts at `origin` of a larger text.
    pub fn offset_by(self, origin: Position) -> Position {
        if self.line == 1 {
            Position {
                line: origin.line,
                column: origin.column + self.column - 1,
            }
        } else {
            Position {
                line: origin.line + self.line - 1,
                column: self.column,
            }
        }
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

    /// A problem from a serde_json error message (without its position).
    pub(crate) fn from_serde(path: String, message: &str) -> Self {
        let (zh, en) = translate(message);
        Problem::new(path, zh, en)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}：{}（{}）", self.location(), self.zh, self.en)
    }
}

/// The message of a serde_json error without its " at line L column C".
pub(crate) fn bare_message(err: &serde_json::Error) -> String {
    let full = err.to_string();
    match full.rfind(" at line ") {
        Some(i) if err.line() > 0 => full.get(..i).unwrap_or(&full).to_string(),
        _ => full,
    }
}

/// Chinese for serde's English messages; the English is kept beside.
fn translate(message: &str) -> (String, String) {
    let en = message.to_string();
    let ticks: Vec<&str> = message.split('`').skip(1).step_by(2).collect();
    let first = ticks.first().copied().unwrap_or("");
    let zh = if message.starts_with("missing field") {
        format!("缺少必填字段“{first}”")
    } else if message.starts_with("unknown field") {
        let options = ticks.get(1..).unwrap_or(&[]);
        match did_you_mean(first, options) {
            Some(guess) => format!("未知字段“{first}”，是不是“{guess}”？"),
            None if options.is_empty() => format!("未知字段“{first}”，此处不应有字段"),
            None => format!("未知字段“{first}”，可用字段：{}", options.join("、")),
        }
    } else if message.starts_with("unknown variant") {
        let options = ticks.get(1..).unwrap_or(&[]);
        match did_you_mean(first, options) {
            Some(guess) => format!("未知取值“{first}”，是不是“{guess}”？"),
            None => format!("未知取值“{first}”，可用：{}", options.join("、")),
        }
    } else if message.starts_with("duplicate field") {
        format!("字段“{first}”重复出现")
    } else if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        format!(
            "类型错误：应为{}，实际是{}",
            kind_zh(expected),
            kind_zh(found)
        )
    } else if message.starts_with("invalid length") {
        "列表长度不对".to_string()
    } else if message.starts_with("EOF while parsing a string") {
        "字符串缺少结束的双引号".to_string()
    } else if message.starts_with("EOF while parsing") {
        "文件意外结束：可能缺少 } 或 ]".to_string()
    } else if message.starts_with("trailing comma") {
        "多余的逗号：最后一项后面不能有逗号".to_string()
    } else if message.starts_with("trailing characters") {
        "JSON 已结束，后面还有多余内容".to_string()
    } else if message.starts_with("key must be a string") {
        "字段名必须放在英文双引号里".to_string()
    } else if message.starts_with("expected `:`") {
        "字段名后应为英文冒号 :".to_string()
    } else if message.starts_with("expected `,` or `}`") {
        "应为英文逗号或 }：可能漏了逗号".to_string()
    } else if message.starts_with("expected `,` or `]`") {
        "应为英文逗号或 ]：可能漏了逗号".to_string()
    } else if message.starts_with("expected value") || message.starts_with("expected ident") {
        "此处应为一个值（数字、\"文本\"、true/false、null、[ ] 或 { }）；注意使用英文标点"
            .to_string()
    } else if message.starts_with("number out of range") {
        "数字超出范围".to_string()
    } else if message.starts_with("invalid number") {
        "数字写法有误".to_string()
    } else if message.starts_with("control character") {
        "文本中有控制字符（例如未转义的换行）".to_string()
    } else if message.starts_with("invalid escape") || message.starts_with("invalid unicode") {
        "文本中的转义写法有误".to_string()
    } else if message.starts_with("recursion limit") {
        "嵌套层数过多".to_string()
    } else {
        "数据格式有误".to_string()
    };
    (zh, en)
}

fn kind_zh(serde_kind: &str) -> String {
    let k = serde_kind.trim();
    let zh = if k.starts_with("string") || k == "a string" {
        "文本"
    } else if k.starts_with("integer") || k.starts_with("floating point") || k == "f64" {
        "数字"
    } else if k.starts_with("boolean") || k == "a boolean" {
        "true 或 false"
    } else if k == "null" {
        "null"
    } else if k.starts_with("map") || k.starts_with("struct") || k == "a map" {
        "对象 { }"
    } else if k.starts_with("sequence") || k == "a sequence" {
        "列表 [ ]"
    } else if k.starts_with("unit variant") || k.starts_with("variant identifier") {
        "指定取值的文本"
    } else {
        return serde_kind.to_string();
    };
    zh.to_string()
}

/// The closest of `options` to a misspelled `word`, if one is close enough.
pub(crate) fn did_you_mean<'a>(word: &str, options: &[&'a str]) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1) + 1;
    options
        .iter()
        .map(|o| {
            let d = edit_distance(&word.to_ascii_lowercase(), &o.to_ascii_lowercase());
            (d, *o)
        })
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, o)| o)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = Vec::with_capacity(b.len() + 1);
        cur.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(usize::MAX - 1) + usize::from(ca != *cb);
            let del = prev.get(j + 1).copied().unwrap_or(usize::MAX - 1) + 1;
            let ins = cur.last().copied().unwrap_or(usize::MAX - 1) + 1;
            cur.push(sub.min(del).min(ins));
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
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
    fn offsets_compose() {
        let origin = Position { line: 5, column: 3 };
        assert_eq!(
            Position { line: 1, column: 4 }.offset_by(origin),
            Position { line: 5, column: 6 }
        );
        assert_eq!(
            Position { line: 2, column: 4 }.offset_by(origin),
            Position { line: 6, column: 4 }
        );
    }

    #[test]
    fn suggestions() {
        assert_eq!(
            did_you_mean("titel", &["id", "title", "subtitle"]),
            Some("title")
        );
        assert_eq!(did_you_mean("Plan", &["plan", "result"]), Some("plan"));
        assert_eq!(did_you_mean("zzzzzz", &["plan", "result"]), None);
    }

    #[test]
    fn translations() {
        let (zh, _) = translate("unknown field `titel`, expected one of `id`, `title`");
        assert_eq!(zh, "未知字段“titel”，是不是“title”？");
        let (zh, _) = translate("invalid type: string \"6.5\", expected f64");
        assert_eq!(zh, "类型错误：应为数字，实际是文本");
        let (zh, en) = translate("missing field `title`");
        assert_eq!(zh, "缺少必填字段“title”");
        assert_eq!(en, "missing field `title`");
    }
}
