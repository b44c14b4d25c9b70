//! Reads the model's types out of parsed JSON, noting every problem — wrong
//! type, missing or unknown key, unknown value — with its path and the
//! line and column where the value (or its object) starts. Reading goes on
//! after a problem, so that an editor sees all of them at once.

use super::json::{Json, Node};
use super::problem::{did_you_mean, en, en_str, zh, Position, Problem};
use super::validate::RawChart;
use super::{Bound, Decrease, Item, Kind, Measure, PaletteSpec, RangeWord, ThemeSpec, MAX_FIGURE};
use crate::format::digits::number;

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
const KINDS: &[&str] = &["bars", "target", "part", "cards", "series", "grouped"];
/// The kinds `KINDS` names, in its order.
const KIND_VALUES: [Kind; 6] = [
    Kind::Bars,
    Kind::Target,
    Kind::Part,
    Kind::Cards,
    Kind::Series,
    Kind::Grouped,
];

/// The kind a data file names `name`, if any.
#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
pub(crate) fn kind_named(name: &str) -> Option<Kind> {
    let i = KINDS.iter().position(|k| *k == name)?;
    KIND_VALUES.get(i).copied()
}
const BOUNDS: &[&str] = &[
    "exact",
    "floor",
    "以上",
    "不低于",
    "以内",
    "以下",
    "不超过",
    "左右",
    "多",
];
const DECREASES: &[&str] = &["降低", "下降", "减少"];
const RANGE_WORDS: &[&str] = &["—", "～", "至"];

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

/// How many decimals the JSON number at the start of `literal` means
/// (`1.50` has 1, `15e-2` has 2, `100e-3` has 1, `1.5e3` has 0), read
/// from its digits so that no `f64` rounding decides it.
fn decimals(literal: &str) -> i64 {
    // Digits after the point, and the run of zeros that ends the digits.
    let (mut fraction, mut zeros, mut point) = (0i64, 0i64, false);
    let mut bytes = literal.strip_prefix('-').unwrap_or(literal).bytes();
    let mut exponent = 0i64;
    for b in bytes.by_ref() {
        match b {
            b'0'..=b'9' => {
                zeros = if b == b'0' { zeros + 1 } else { 0 };
                fraction += i64::from(point);
            }
            b'.' => point = true,
            b'e' | b'E' => {
                let mut sign = -1;
                for b in bytes.by_ref() {
                    match b {
                        b'-' => sign = 1,
                        b'0'..=b'9' => {
                            exponent = exponent
                                .saturating_mul(10)
                                .saturating_add(i64::from(b - b'0'))
                        }
                        b'+' => {}
                        _ => break,
                    }
                }
                exponent = exponent.saturating_mul(sign);
                break;
            }
            _ => break,
        }
    }
    // `exponent` holds minus the written one: the digits D mean
    // D × 10^−(exponent + fraction), and D's last zeros move the point back.
    fraction
        .saturating_sub(zeros)
        .saturating_add(exponent)
        .max(0)
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

    /// A figure: a number within ±[`MAX_FIGURE`] with at most two decimals.
    fn number(&mut self, node: &Node, path: &str) -> Option<f64> {
        match node.value {
            Json::Number(v) if v.abs() > MAX_FIGURE => {
                self.problem(
                    path,
                    node.at,
                    zh!("数值超出范围：应在 ±{} 之内", number(MAX_FIGURE)),
                    en!("figure out of range: at most ±{}", number(MAX_FIGURE)),
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

    /// One of `options`, by index.
    fn choice(&mut self, node: &Node, path: &str, options: &[&str]) -> Option<usize> {
        let value = self.string(node, path)?;
        if let Some(i) = options.iter().position(|o| *o == value) {
            return Some(i);
        }
        let zh = zh!(
            "{}",
            match did_you_mean(&value, options) {
                Some(guess) => zh!("未知取值“{value}”，是不是“{guess}”？"),
                None => zh!("未知取值“{value}”，可用：{}", options.join("、")),
            }
        );
        let en = en!(
            "unknown variant `{value}`, expected one of {}",
            quoted(options, ", ")
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

    fn item(&mut self, node: &Node, path: &str) -> Option<Item> {
        let obj = self.object(node, path, ITEM_KEYS)?;
        let label = self.required_string(&obj, "label");
        // A target in words (`text`) needs no unit.
        let unit = if obj.get("unit").is_none() && obj.get("text").is_some() {
            Some(String::new())
        } else {
            self.required_string(&obj, "unit")
        };
        let plan = self.optional_number(obj.get("plan"), &obj.path("plan"));
        let plan_to = self.optional_number(obj.get("plan_to"), &obj.path("plan_to"));
        let result = self.optional_number(obj.get("result"), &obj.path("result"));
        let bound = match obj.get("bound") {
            None => Some(Bound::Exact),
            Some(n) => self
                .choice(n, &obj.path("bound"), BOUNDS)
                .and_then(|i| Bound::ALL.get(i).copied()),
        };
        let decrease = match obj.get("decrease") {
            None => Some(None),
            Some(n) => self
                .choice(n, &obj.path("decrease"), DECREASES)
                .map(|i| Decrease::ALL.get(i).copied()),
        };
        let range_word = match obj.get("range_word") {
            None => Some(RangeWord::Dash),
            Some(n) => self
                .choice(n, &obj.path("range_word"), RANGE_WORDS)
                .and_then(|i| RangeWord::ALL.get(i).copied()),
        };
        let text = self.optional_string(obj.get("text"), &obj.path("text"));
        let note = self.optional_string(obj.get("note"), &obj.path("note"));
        let highlight = self.boolean(obj.get("highlight"), &obj.path("highlight"));
        let group = self.optional_string(obj.get("group"), &obj.path("group"));
        // A decrease's figures are written positive and held negative:
        // drawn leftwards, worded with the decrease's word.
        let decrease = decrease?;
        let sign = if decrease.is_some() { -1.0 } else { 1.0 };
        let signed = |v: Option<Option<f64>>| v.map(|v| v.map(|v| v * sign));
        Some(Item {
            label: label?,
            unit: unit?,
            plan: signed(plan)?,
            result: signed(result)?,
            plan_to: signed(plan_to)?,
            range_word: range_word?,
            bound: bound?,
            decrease,
            text: text?,
            note: note?,
            highlight: highlight?,
            group: group?,
        })
    }

    fn measure(&mut self, node: &Node, path: &str) -> Option<Measure> {
        let obj = self.object(node, path, MEASURE_KEYS)?;
        let label = self.required_string(&obj, "label");
        let unit = self.required_string(&obj, "unit");
        let whole = self
            .required(&obj, "whole")
            .and_then(|n| self.number(n, &obj.path("whole")));
        let parts = self
            .required(&obj, "parts")
            .and_then(|n| self.list_of(n, &obj.path("parts"), |r, n, p| r.number(n, p)));
        Some(Measure {
            label: label?,
            unit: unit?,
            whole: whole?,
            parts: parts?,
        })
    }

    /// A chart, every kind's fields optional (the kind's rules come after).
    pub(crate) fn chart(&mut self, node: &Node, path: &str) -> Option<RawChart> {
        let obj = self.object(node, path, CHART_KEYS)?;
        let id = self.required_string(&obj, "id");
        let kind = self
            .required(&obj, "kind")
            .and_then(|n| self.choice(n, &obj.path("kind"), KINDS))
            .map(|i| KIND_VALUES.get(i).copied().unwrap_or(Kind::Bars));
        let title = self.required_string(&obj, "title");
        let subtitle = self.required_string(&obj, "subtitle");
        let source = self.required_string(&obj, "source");
        let notes = match obj.get("notes") {
            None => Some(Vec::new()),
            Some(n) => self.list_of(n, &obj.path("notes"), |r, n, p| r.string(n, p)),
        };
        let items = match obj.get("items") {
            None => Some(None),
            Some(n) => self
                .list_of(n, &obj.path("items"), |r, n, p| r.item(n, p))
                .map(Some),
        };
        let part_labels = match obj.get("part_labels") {
            None => Some(None),
            Some(n) => self
                .list_of(n, &obj.path("part_labels"), |r, n, p| r.string(n, p))
                .map(Some),
        };
        let rest_label = match obj.get("rest_label") {
            None => Some(None),
            Some(n) => self.string(n, &obj.path("rest_label")).map(Some),
        };
        let measures = match obj.get("measures") {
            None => Some(None),
            Some(n) => self
                .list_of(n, &obj.path("measures"), |r, n, p| r.measure(n, p))
                .map(Some),
        };
        let average_growth = match obj.get("average_growth") {
            None => Some(None),
            Some(n) => self.boolean(Some(n), &obj.path("average_growth")).map(Some),
        };
        Some(RawChart {
            average_growth: average_growth?,
            id: id?,
            kind: kind?,
            title: title?,
            subtitle: subtitle?,
            source: source?,
            notes: notes?,
            items: items?,
            part_labels: part_labels?,
            rest_label: rest_label?,
            measures: measures?,
        })
    }

    fn palette(&mut self, node: &Node, path: &str) -> Option<PaletteSpec> {
        let obj = self.object(node, path, PALETTE_KEYS)?;
        let accent = self.optional_string(obj.get("accent"), &obj.path("accent"));
        let base = self.optional_string(obj.get("base"), &obj.path("base"));
        Some(PaletteSpec {
            accent: accent?,
            base: base?,
        })
    }

    pub(crate) fn theme(&mut self, node: &Node) -> Option<ThemeSpec> {
        let obj = self.object(node, "theme", THEME_KEYS)?;
        let font_family = self.optional_string(obj.get("font_family"), "theme.font_family");
        let palette = |r: &mut Self, key: &str| match obj.get(key) {
            None
            | Some(Node {
                value: Json::Null, ..
            }) => Some(None),
            Some(n) => r.palette(n, &obj.path(key)).map(Some),
        };
        let light = palette(self, "light");
        let dark = palette(self, "dark");
        Some(ThemeSpec {
            font_family: font_family?,
            light: light?,
            dark: dark?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::decimals;

    #[test]
    fn decimals_are_read_from_the_digits() {
        for (literal, places) in [
            ("0", 0),
            ("-0.00", 0),
            ("15", 0),
            ("1.5", 1),
            ("1.50", 1),
            ("1.25", 2),
            ("-1.125", 3),
            ("15e-2", 2),
            ("100e-3", 1),
            ("1.5e3", 0),
            ("1.2345E+2", 2),
            ("0.001e1", 2),
            ("1e-400", 400),
            ("1e99999999999999999999999", 0),
            ("12.5,", 1),
            ("3.141]", 3),
        ] {
            assert_eq!(decimals(literal), places, "{literal}");
        }
    }
}
