//! From the bytes of a data file to a [`Document`].

use super::problem::{bare_message, Position, Problem};
use super::validate::{validate_chart, validate_theme};
use super::{ChartEntry, Document, ThemeSpec};
use serde::Deserialize;
use serde_json::value::RawValue;

/// The file's top level. Loading keeps each chart (`C`) and the theme (`T`)
/// as raw text, so that each is read, and fails, on its own; the JSON
/// Schema describes the same type with charts and theme spelled out.
#[derive(Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDocument<C, T> {
    /// 本文件的 JSON Schema，供编辑器补全与检查。The JSON Schema of this file.
    #[serde(rename = "$schema", default)]
    #[allow(dead_code)] // for editors' tools; the loader only accepts it
    pub(crate) schema: Option<String>,
    /// 刊名，如“喀左时讯”。The publication credited in source lines.
    pub(crate) publication: String,
    /// 数据更新日期。The date the figures were last checked.
    pub(crate) updated: String,
    /// 配色与字体。The house style: accent colours and font stack.
    #[serde(default = "none::<T>")]
    pub(crate) theme: Option<T>,
    /// 图表列表。The charts.
    pub(crate) charts: Vec<C>,
}

fn none<T>() -> Option<T> {
    None
}

/// Just enough of a chart to name it in messages, whatever else is wrong.
#[derive(Deserialize)]
struct ChartId {
    #[serde(default)]
    id: Option<serde_json::Value>,
}

/// Reads a data file.
///
/// `Err` means the file as a whole is unusable (not UTF-8, not JSON, wrong
/// top level); then no chart can be drawn and every problem is listed.
/// Otherwise each chart carries its own result, so a broken chart shows
/// its message while the others draw.
pub fn load(bytes: &[u8]) -> Result<Document, Vec<Problem>> {
    let text = decode(bytes)?;
    if text.trim().is_empty() {
        return Err(vec![Problem::new(
            "",
            "文件是空的：应为一个 JSON 对象 { … }",
            "the file is empty: expected a JSON object",
        )]);
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let raw: RawDocument<&RawValue, &RawValue> = match serde_path_to_error::deserialize(&mut de) {
        Ok(raw) => raw,
        Err(err) => {
            let path = display_path(&err.path().to_string(), "");
            return Err(vec![json_problem(text, path, err.inner())]);
        }
    };
    if let Err(err) = de.end() {
        return Err(vec![json_problem(text, String::new(), &err)]);
    }

    let mut warnings = Vec::new();
    let mut theme = ThemeSpec::default();
    if let Some(raw_theme) = raw.theme {
        let origin = Position::at_byte(text, byte_offset(text, raw_theme.get()));
        let mut de = serde_json::Deserializer::from_str(raw_theme.get());
        match serde_path_to_error::deserialize::<_, ThemeSpec>(&mut de) {
            Ok(spec) => {
                let problems = validate_theme(&spec, raw_theme.get(), origin);
                if problems.is_empty() {
                    theme = spec;
                }
                warnings.extend(problems);
            }
            Err(err) => {
                let path = display_path(&err.path().to_string(), "theme");
                let mut problem = json_problem(raw_theme.get(), path, err.inner());
                problem.position = problem.position.map(|p| p.offset_by(origin));
                warnings.push(problem);
            }
        }
    }

    let mut charts: Vec<ChartEntry> = Vec::with_capacity(raw.charts.len());
    for (index, chart) in raw.charts.iter().enumerate() {
        let prefix = format!("charts[{index}]");
        let chart_text = chart.get();
        let origin = Position::at_byte(text, byte_offset(text, chart_text));
        let id = serde_json::from_str::<ChartId>(chart_text)
            .ok()
            .and_then(|c| c.id)
            .and_then(|v| v.as_str().map(str::to_string));

        let mut result = read_chart(chart_text, &prefix, origin).and_then(|raw_chart| {
            validate_chart(raw_chart, chart_text, &prefix, &raw.updated, origin)
        });

        if let Some(id) = &id {
            if let Some(first) = charts.iter().position(|c| c.id.as_deref() == Some(id)) {
                let dup = Problem::new(
                    format!("{prefix}.id"),
                    format!("图表 id “{id}”重复：charts[{first}] 已使用"),
                    format!("duplicate chart id \"{id}\": already used by charts[{first}]"),
                )
                .at(origin);
                match &mut result {
                    Ok(_) => result = Err(vec![dup]),
                    Err(problems) => problems.push(dup),
                }
            }
        }
        charts.push(ChartEntry { id, chart: result });
    }
    Ok(Document {
        publication: raw.publication,
        updated: raw.updated,
        theme,
        warnings,
        charts,
    })
}

fn read_chart(
    chart_text: &str,
    prefix: &str,
    origin: Position,
) -> Result<super::validate::RawChart, Vec<Problem>> {
    let mut de = serde_json::Deserializer::from_str(chart_text);
    serde_path_to_error::deserialize(&mut de).map_err(|err| {
        let path = display_path(&err.path().to_string(), prefix);
        let mut problem = json_problem(chart_text, path, err.inner());
        problem.position = problem.position.map(|p| p.offset_by(origin));
        vec![problem]
    })
}

/// A problem from a serde_json error in `text`, placed where it occurred:
/// at the offending token's start for data errors (a misspelled key, a
/// value of the wrong type), where parsing stopped for syntax errors.
fn json_problem(text: &str, path: String, err: &serde_json::Error) -> Problem {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(err.line().saturating_sub(1))
        .map(str::len)
        .sum();
    let mut offset = line_start + err.column().saturating_sub(1);
    if err.classify() == serde_json::error::Category::Data {
        offset = token_start(text, offset);
    }
    Problem::from_serde(path, &bare_message(err)).at(Position::at_byte(text, offset))
}

/// The start of the JSON token whose last byte is at `end`: the opening
/// quote of a string, the first character of a number or literal.
fn token_start(text: &str, end: usize) -> usize {
    let bytes = text.as_bytes();
    match bytes.get(end) {
        Some(b'"') => {
            let mut i = end;
            while i > 0 {
                i -= 1;
                if bytes.get(i) == Some(&b'"') && bytes.get(i.wrapping_sub(1)) != Some(&b'\\') {
                    return i;
                }
            }
            end
        }
        Some(b) if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'+') => {
            let mut i = end;
            while i > 0
                && bytes
                    .get(i - 1)
                    .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'+'))
            {
                i -= 1;
            }
            i
        }
        _ => end,
    }
}

/// Byte offset of `part` inside `whole` (`part` is a slice of `whole`).
fn byte_offset(whole: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize)
}

/// Joins a serde_path_to_error path onto `prefix`.
fn display_path(path: &str, prefix: &str) -> String {
    // "." is the root; "?" is where a syntax error stopped the tracking.
    let path = if path == "." || path == "?" { "" } else { path };
    match (prefix.is_empty(), path.is_empty()) {
        (_, true) => prefix.to_string(),
        (true, false) => path.to_string(),
        (false, false) if path.starts_with('[') => format!("{prefix}{path}"),
        (false, false) => format!("{prefix}.{path}"),
    }
}

/// UTF-8 text of the file, a byte-order mark skipped; other encodings are
/// named plainly rather than shown as mojibake.
fn decode(bytes: &[u8]) -> Result<&str, Vec<Problem>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(vec![Problem::new(
            "",
            "文件是 UTF-16 编码：请用“UTF-8”编码另存后再试",
            "the file is UTF-16: save it as UTF-8",
        )]);
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = bytes.get(..e.valid_up_to()).unwrap_or(&[]);
        let at = std::str::from_utf8(valid)
            .map(|t| Position::at_byte(t, t.len()))
            .unwrap_or(Position { line: 1, column: 1 });
        let gb = looks_like_gb18030(bytes.get(e.valid_up_to()..).unwrap_or(&[]));
        let (zh, en) = if gb {
            (
                "文件不是 UTF-8 编码，看起来是 GBK/GB18030（如 Windows 记事本的“ANSI”）：请用“UTF-8”编码另存后再试",
                "the file is not UTF-8; it looks like GBK/GB18030: save it as UTF-8",
            )
        } else {
            (
                "文件不是 UTF-8 编码：请用“UTF-8”编码另存后再试",
                "the file is not valid UTF-8: save it as UTF-8",
            )
        };
        vec![Problem::new("", zh, en).at(at)]
    })
}

/// Whether `bytes` (starting at the first non-UTF-8 byte) read as GBK/GB18030
/// double-byte characters.
fn looks_like_gb18030(bytes: &[u8]) -> bool {
    let mut pairs = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            i += 1;
            continue;
        }
        match bytes.get(i + 1) {
            Some(&t) if (0x81..=0xFE).contains(&b) && (0x40..=0xFE).contains(&t) && t != 0x7F => {
                pairs += 1;
                i += 2;
            }
            _ => return false,
        }
        if pairs >= 8 {
            break;
        }
    }
    pairs > 0
}
