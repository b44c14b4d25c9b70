//! Reads the model's types out of parsed JSON, noting every problem — wrong
//! type, missing or unknown key, unknown value — with its path and the
//! line and column where the value (or its object) starts. Reading goes on
//! after a problem, so that an editor sees all of them at once.

//!
//! `mod.rs` reads JSON values (objects with their keys, text, numbers,
//! lists, a choice of names); `fields.rs` reads the file's objects (a chart,
//! an item, a measure, the theme) with them; `decimals.rs` reads how many
//! decimals a number means from its digits.

mod decimals;
mod fields;

use super::json::{Json, Node};
use super::problem::{did_you_mean, en, en_str, zh, Position, Problem};
use super::MAX_VALUE;
use crate::format::digits::number;
use decimals::decimals;

/// Keys of each object of the data file; the JSON Schema lists the same
/// (a test compares them).
pub(crate) const DOCUMENT_KEYS: &[&str] = &["$schema", "publication", "updated", "theme", "charts"];
pub(crate) const CHART_KEYS: &[&str] = &[
    "id",
    "kind",
    "title",
    "subtitle",
    "source",
    "notes",
    "items",
    "part_labels",
    "rest_label",
    "measures",
    "average_growth",
];
pub(crate) const ITEM_KEYS: &[&str] = &[
    "label",
    "unit",
    "plan",
    "plan_to",
    "range_word",
    "result",
    "bound",
    "decrease",
    "text",
    "note",
    "highlight",
    "group",
];
pub(crate) const MEASURE_KEYS: &[&str] = &["label", "unit", "whole", "parts"];
pub(crate) const THEME_KEYS: &[&str] = &["font_family", "light", "dark"];
pub(crate) const PALETTE_KEYS: &[&str] = &["accent", "base"];
/// Collects problems while reading one file.
pub(crate) struct Reader<'t> {
    text: &'t str,
    pub problems: Vec<Problem>,
}

/// An object being read: its members, path and position.
pub(crate) struct Obj<'n> {
    members: &'n [(String, usize, Node)],
    path: String,
    at: usize,
}

impl Obj<'_> {
    fn get(&self, key: &str) -> Option<&Node> {
        self.members
            .iter()
            .find(|(k, _, _)| k == key)
            .map(|(_, _, n)| n)
    }

    fn path(&self, key: &str) -> String {
        join(&self.path, key)
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
fn quoted(list: &[&str], sep: &str) -> String {
    list.iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(sep)
}

impl<'t> Reader<'t> {
    pub(crate) fn new(text: &'t str) -> Reader<'t> {
        Reader {
            text,
            problems: Vec::new(),
        }
    }

    fn problem(&mut self, path: &str, at: usize, zh: String, en: String) {
        self.problems
            .push(Problem::new(path, zh, en).at(Position::at_byte(self.text, at)));
    }

    #[cfg_attr(target_arch = "wasm32", allow(unused_variables))]
    fn wrong_type(&mut self, node: &Node, path: &str, zh: &str, en: &'static str) {
        let found_zh = node.value.kind().0;
        self.problem(
            path,
            node.at,
            zh!("类型错误：应为{zh}，实际是{found_zh}"),
            en!(
                "invalid type: {}, expected {en}",
                match &node.value {
                    Json::String(s) =>
                        format!("string \"{}\"", s.chars().take(40).collect::<String>()),
                    _ => node.value.kind().1.to_string(),
                }
            ),
        );
    }

    /// An object with only `keys`: unknown keys (with a did-you-mean) and
    /// repeated keys are problems, the object is read all the same.
    pub(crate) fn object<'n>(
        &mut self,
        node: &'n Node,
        path: &str,
        keys: &[&str],
    ) -> Option<Obj<'n>> {
        let Json::Object(members) = &node.value else {
            self.wrong_type(node, path, "对象 { }", en_str!("an object"));
            return None;
        };
        for (i, (key, at, _)) in members.iter().enumerate() {
            let key_path = join(path, key);
            if !keys.contains(&key.as_str()) {
                let zh = zh!(
                    "{}",
                    match did_you_mean(key, keys) {
                        Some(guess) => zh!("未知字段“{key}”，是不是“{guess}”？"),
                        None => zh!("未知字段“{key}”，可用字段：{}", keys.join("、")),
                    }
                );
                let en = en!(
                    "unknown field `{key}`, expected one of {}",
                    quoted(keys, ", ")
                );
                self.problem(&key_path, *at, zh, en);
            } else if members.iter().take(i).any(|(k, _, _)| k == key) {
                self.problem(
                    &key_path,
                    *at,
                    zh!("字段“{key}”重复出现"),
                    en!("duplicate field `{key}`"),
                );
            }
        }
        Some(Obj {
            members,
            path: path.to_string(),
            at: node.at,
        })
    }

    /// A key that must be there.
    pub(crate) fn required<'n>(&mut self, obj: &Obj<'n>, key: &str) -> Option<&'n Node> {
        let found = obj
            .members
            .iter()
            .find(|(k, _, _)| k == key)
            .map(|(_, _, n)| n);
        if found.is_none() {
            let path = obj.path.clone();
            self.problem(
                &path,
                obj.at,
                zh!("缺少必填字段“{key}”"),
                en!("missing field `{key}`"),
            );
        }
        found
    }

    /// A key that must be there, holding text.
    pub(crate) fn required_string(&mut self, obj: &Obj, key: &str) -> Option<String> {
        self.required(obj, key)
            .and_then(|n| self.string(n, &obj.path(key)))
    }

    pub(crate) fn string(&mut self, node: &Node, path: &str) -> Option<String> {
        match &node.value {
            Json::String(s) => Some(s.clone()),
            _ => {
                self.wrong_type(node, path, "文本", en_str!("a string"));
                None
            }
        }
    }

    /// A figure: a number within ±[`MAX_VALUE`] with at most two decimals.
    fn number(&mut self, node: &Node, path: &str) -> Option<f64> {
        match node.value {
            Json::Number(v) if v.abs() > MAX_VALUE => {
                self.problem(
                    path,
                    node.at,
                    zh!("数值超出范围：应在 ±{} 之内", number(MAX_VALUE)),
                    en!("figure out of range: at most ±{}", number(MAX_VALUE)),
                );
                None
            }
            Json::Number(_) if decimals(self.text.get(node.at..).unwrap_or("")) > 2 => {
                self.problem(
                    path,
                    node.at,
                    zh!("数值最多两位小数：图表只显示到两位小数；需要更精确时，请换用更小的单位（如“亿元”改为“万元”）"),
                    en!("at most two decimals: charts show two; use a smaller unit for more"),
                );
                None
            }
            Json::Number(v) => Some(v),
            _ => {
                self.wrong_type(node, path, "数字", en_str!("a number"));
                None
            }
        }
    }

    /// A number that may be left out or `null`: `Some(None)` then.
    fn optional_number(&mut self, node: Option<&Node>, path: &str) -> Option<Option<f64>> {
        match node {
            None
            | Some(Node {
                value: Json::Null, ..
            }) => Some(None),
            Some(n) => self.number(n, path).map(Some),
        }
    }

    fn optional_string(&mut self, node: Option<&Node>, path: &str) -> Option<Option<String>> {
        match node {
            None
            | Some(Node {
                value: Json::Null, ..
            }) => Some(None),
            Some(n) => self.string(n, path).map(Some),
        }
    }

    /// A list; any other value is a problem.
    pub(crate) fn list<'n>(&mut self, node: &'n Node, path: &str) -> Option<&'n [Node]> {
        match &node.value {
            Json::Array(items) => Some(items),
            _ => {
                self.wrong_type(node, path, "列表 [ ]", en_str!("a list"));
                None
            }
        }
    }

    /// A list read element by element; `None` if any element failed.
    fn list_of<T>(
        &mut self,
        node: &Node,
        path: &str,
        mut each: impl FnMut(&mut Self, &Node, &str) -> Option<T>,
    ) -> Option<Vec<T>> {
        let items = self.list(node, path)?;
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            match each(self, item, &format!("{path}[{i}]")) {
                Some(v) => out.push(v),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// One of `all`, by the name `name` gives it: an unknown name is a
    /// problem, with a did-you-mean.
    fn choice<T: Copy>(
        &mut self,
        node: &Node,
        path: &str,
        all: &[T],
        name: fn(T) -> &'static str,
    ) -> Option<T> {
        let value = self.string(node, path)?;
        if let Some(found) = all.iter().copied().find(|o| name(*o) == value) {
            return Some(found);
        }
        // Worded only where problems are (never in the readers' build).
        let names = || all.iter().map(|o| name(*o)).collect::<Vec<_>>();
        let zh = zh!(
            "{}",
            match did_you_mean(&value, &names()) {
                Some(guess) => zh!("未知取值“{value}”，是不是“{guess}”？"),
                None => zh!("未知取值“{value}”，可用：{}", names().join("、")),
            }
        );
        let en = en!(
            "unknown variant `{value}`, expected one of {}",
            quoted(&names(), ", ")
        );
        self.problem(path, node.at, zh, en);
        None
    }

    fn boolean(&mut self, node: Option<&Node>, path: &str) -> Option<bool> {
        match node {
            None => Some(false),
            Some(Node {
                value: Json::Bool(b),
                ..
            }) => Some(*b),
            Some(n) => {
                self.wrong_type(n, path, "true 或 false", en_str!("a boolean"));
                None
            }
        }
    }
}
