//! The chart's items as they are in the file, and new items written as
//! the file's JSON text, every other byte kept.

use super::super::json::{value_end, Json, Node};
use super::super::Kind;
use super::columns::default_key;
use super::Members;

/// The chart's items as they are in the file, by label and group.
pub(super) struct Existing<'a> {
    pub(super) items: Vec<&'a Node>,
}

impl<'a> Existing<'a> {
    fn text(node: &Node, key: &str) -> Option<String> {
        match &node.member(key)?.value {
            Json::String(s) => Some(s.clone()),
            _ => None,
        }
    }

    /// The item with this label (and group), if the chart had it.
    pub(super) fn find(&self, label: &str, group: Option<&str>) -> Option<&'a Node> {
        self.items.iter().copied().find(|n| {
            Self::text(n, "label").as_deref() == Some(label)
                && Self::text(n, "group").as_deref() == group
        })
    }

    /// The unit of the chart's first item with one.
    pub(super) fn unit(&self) -> Option<String> {
        self.items.iter().find_map(|n| Self::text(n, "unit"))
    }

    /// The series' names of grouped bars, in their first order.
    pub(super) fn groups(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for g in self.items.iter().filter_map(|n| Self::text(n, "group")) {
            if !out.contains(&g) {
                out.push(g);
            }
        }
        out
    }

    /// The figure key the chart's items of `group` use (grouped bars: a
    /// 目标 series under `plan`, a 实际 one under `result`).
    pub(super) fn key_of(&self, group: &str, kind: Kind) -> &'static str {
        let of_group = self
            .items
            .iter()
            .find(|n| Self::text(n, "group").as_deref() == Some(group));
        match of_group {
            Some(n) if n.member("plan").is_none() && n.member("result").is_some() => "result",
            Some(_) => "plan",
            None if group.contains("实际") || group.contains("完成") => "result",
            None => default_key(kind),
        }
    }
}

/// The whitespace that starts the line holding byte `at`.
pub(super) fn line_indent(text: &str, at: usize) -> String {
    let start = text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    text[start..]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect()
}

/// An object's members with each value's text as written in the file.
pub(super) fn members_text(node: &Node, text: &str) -> Members {
    match &node.value {
        Json::Object(members) => members
            .iter()
            .map(|(k, _, v)| {
                let raw = value_end(text, v.at).and_then(|end| text.get(v.at..end));
                (k.clone(), raw.unwrap_or("null").to_string())
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Sets `key` in `fields`, in its place if it is there, else at the end.
pub(super) fn set(fields: &mut Members, key: &str, value: String) {
    match fields.iter_mut().find(|(k, _)| k == key) {
        Some((_, v)) => *v = value,
        None => fields.push((key.to_string(), value)),
    }
}

/// A string as JSON text.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                for nibble in [(c as usize) >> 4, (c as usize) & 15] {
                    out.push(HEX.get(nibble).map_or('0', |b| char::from(*b)));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Items as the data files write them: one object a line, `indent` deep.
pub(super) fn write_items(items: &[Members], indent: &str) -> String {
    if items.is_empty() {
        return "[]".to_string();
    }
    let mut out = String::from("[\n");
    for (i, item) in items.iter().enumerate() {
        out.push_str(indent);
        out.push_str("  { ");
        let members: Vec<String> = item
            .iter()
            .map(|(k, v)| format!("{}: {v}", quote(k)))
            .collect();
        out.push_str(&members.join(", "));
        out.push_str(if i + 1 < items.len() { " },\n" } else { " }\n" });
    }
    out.push_str(indent);
    out.push(']');
    out
}
