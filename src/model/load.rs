//! From the bytes of a data file to a [`Document`].

use super::check::{validate_chart, validate_theme};
use super::json::{parse, Json, Node};
use super::problem::{en, en_str, zh, zh_str, Position, Problem};
use super::read::{Reader, DOCUMENT_KEYS};
use super::{ChartEntry, Document, ThemeSpec};

/// The file's top level, as the JSON Schema describes it (charts `C`, theme
/// `T`); `read.rs` reads the same keys.
#[cfg(not(target_arch = "wasm32"))]
#[derive(schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)] // describes the file for the schema; never built
pub(crate) struct RawDocument<C, T> {
    /// 本文件的 JSON Schema，供编辑器补全与检查。The JSON Schema of this file.
    #[schemars(rename = "$schema")]
    pub(crate) schema: Option<String>,
    /// 刊名，如“喀左时讯”。The publication credited in source lines.
    pub(crate) publication: String,
    /// 数据更新日期。The date the figures were last checked.
    pub(crate) updated: String,
    /// 配色与字体。The house style: accent colours and font stack.
    pub(crate) theme: Option<T>,
    /// 图表列表。The charts.
    pub(crate) charts: Vec<C>,
}

/// Reads a data file.
///
/// `Err` means the file as a whole is unusable (not UTF-8, not JSON, wrong
/// top level); then no chart can be drawn and every problem is listed.
/// Otherwise each chart carries its own result, so a broken chart shows
/// its message while the others draw.
pub fn load(bytes: &[u8]) -> Result<Document, Vec<Problem>> {
    let text = decode(bytes)?;
    let root = parse_root(text)?;
    let (publication, updated, chart_nodes) = top_level(text, &root)?;
    let (theme, warnings) = read_theme(text, &root);
    let charts = read_charts(text, &root, chart_nodes, &updated);
    Ok(Document {
        publication,
        updated,
        theme,
        warnings,
        charts,
    })
}

/// The file's JSON value; an empty file, or one that is not JSON, is the
/// file's problem.
fn parse_root(text: &str) -> Result<Node, Vec<Problem>> {
    if text.trim().is_empty() {
        return Err(vec![Problem::new(
            "",
            zh_str!("文件是空的：应为一个 JSON 对象 { … }"),
            en_str!("the file is empty: expected a JSON object"),
        )]);
    }
    parse(text).map_err(|e| vec![Problem::new("", e.zh, e.en).at(Position::at_byte(text, e.at))])
}

/// The top level: the publication, the date and the charts' nodes.
/// Problems here are the file's.
fn top_level<'n>(text: &str, root: &'n Node) -> Result<(String, String, &'n [Node]), Vec<Problem>> {
    let mut r = Reader::new(text);
    let obj = r.object(root, "", DOCUMENT_KEYS);
    let fields = obj.as_ref().map(|obj| {
        let publication = r.required_string(obj, "publication");
        let updated = r.required_string(obj, "updated");
        let schema_ok = match root.member("$schema") {
            None => true,
            Some(n) => r.string(n, "$schema").is_some(),
        };
        let charts = r.required(obj, "charts").and_then(|n| r.list(n, "charts"));
        (publication, updated, schema_ok, charts)
    });
    let (Some((Some(publication), Some(updated), true, Some(chart_nodes))), true) =
        (fields, r.problems.is_empty())
    else {
        // Every way here reports its problem; should one not, the file
        // still fails with a problem rather than passing with none.
        if r.problems.is_empty() {
            r.problems.push(Problem::new(
                "",
                zh_str!("文件的顶层结构有误"),
                en_str!("the file's top level is malformed"),
            ));
        }
        return Err(r.problems);
    };
    Ok((publication, updated, chart_nodes))
}

/// The theme, and its problems: they only warn, and the default theme
/// stands in for a theme that has any.
fn read_theme(text: &str, root: &Node) -> (ThemeSpec, Vec<Problem>) {
    let mut warnings = Vec::new();
    let mut theme = ThemeSpec::default();
    if let Some(node) = root.member("theme").filter(|n| n.value != Json::Null) {
        let mut tr = Reader::new(text);
        let spec = tr.theme(node);
        warnings.extend(tr.problems);
        if let Some(spec) = spec {
            let problems = validate_theme(&spec, root, text);
            if problems.is_empty() && warnings.is_empty() {
                theme = spec;
            }
            warnings.extend(problems);
        }
    }
    (theme, warnings)
}

/// Each chart on its own: its id, and the chart or everything wrong with
/// it (an id used before is one more problem).
fn read_charts(text: &str, root: &Node, chart_nodes: &[Node], updated: &str) -> Vec<ChartEntry> {
    let mut charts: Vec<ChartEntry> = Vec::with_capacity(chart_nodes.len());
    for (index, node) in chart_nodes.iter().enumerate() {
        let prefix = format!("charts[{index}]");
        let origin = Position::at_byte(text, node.at);
        let id = node.member("id").and_then(|n| match &n.value {
            Json::String(s) => Some(s.clone()),
            _ => None,
        });
        let mut cr = Reader::new(text);
        let raw = cr.chart(node, &prefix);
        let mut result = match raw {
            Some(raw) if cr.problems.is_empty() => {
                validate_chart(raw, root, text, &prefix, updated)
            }
            _ => Err(cr.problems),
        };
        if let Some(id) = &id {
            if let Some(first) = charts.iter().position(|c| c.id.as_deref() == Some(id)) {
                let dup = Problem::new(
                    format!("{prefix}.id"),
                    zh!("图表 id “{id}”重复：charts[{first}] 已使用"),
                    en!("duplicate chart id \"{id}\": already used by charts[{first}]"),
                )
                .at(node
                    .member("id")
                    .map_or(origin, |n| Position::at_byte(text, n.at)));
                match &mut result {
                    Ok(_) => result = Err(vec![dup]),
                    Err(problems) => problems.push(dup),
                }
            }
        }
        charts.push(ChartEntry { id, chart: result });
    }
    charts
}

/// UTF-8 text of the file, a byte-order mark skipped; other encodings are
/// named plainly rather than shown as mojibake.
fn decode(bytes: &[u8]) -> Result<&str, Vec<Problem>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(vec![Problem::new(
            "",
            zh_str!("文件是 UTF-16 编码：请用“UTF-8”编码另存后再试"),
            en_str!("the file is UTF-16: save it as UTF-8"),
        )]);
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = bytes.get(..e.valid_up_to()).unwrap_or(&[]);
        let at = std::str::from_utf8(valid)
            .map(|t| Position::at_byte(t, t.len()))
            .unwrap_or(Position { line: 1, column: 1 });
        let gb = looks_like_gb18030(bytes.get(e.valid_up_to()..).unwrap_or(&[]));
        // The two read alike in the readers' build, whose messages are empty.
        #[allow(clippy::if_same_then_else)]
        let (zh, en) = if gb {
            (
                zh_str!("文件不是 UTF-8 编码，看起来是 GBK/GB18030（如 Windows 记事本的“ANSI”）：请用“UTF-8”编码另存后再试"),
                en_str!("the file is not UTF-8; it looks like GBK/GB18030: save it as UTF-8"),
            )
        } else {
            (
                zh_str!("文件不是 UTF-8 编码：请用“UTF-8”编码另存后再试"),
                en_str!("the file is not valid UTF-8: save it as UTF-8"),
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
