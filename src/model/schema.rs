//! The data file's JSON Schema, generated from the same Rust types that
//! read it, so that an editor's VS Code completes keys and flags mistakes.
//!
//! The types give the keys, their JSON types and their (bilingual)
//! descriptions. The checks that `validate.rs` and `read.rs` make beyond
//! types are stated here too, wherever JSON Schema can state them; each
//! carries the checker's words as VS Code's message. What schema cannot
//! state (one unit per chart, parts within their whole, unique ids, colour
//! contrast) only `check` finds. `tests/e2e/schema.test.js` runs this
//! schema over `tests/corpus/` with VS Code's own JSON language service.

use super::check::RawChart;
use super::load::RawDocument;
use super::{Fields, Kind, KindSpec, ThemeSpec, MAX_PARTS};
use serde_json::{json, Value};

/// A chart id, as `validate_chart` admits it.
const ID: &str = "^[a-z0-9_-]{1,64}$";
/// A colour, as `Color::parse` admits it.
const COLOUR: &str = "^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$";
/// A font stack with no CSS punctuation, as `validate_theme` admits it.
const FONTS: &str = "^[^;{}<>\\\\]*[^\\s;{}<>\\\\][^;{}<>\\\\]*$";

/// The JSON Schema (draft 2020-12) of a data file.
pub fn schema() -> Value {
    let mut schema = schemars::schema_for!(RawDocument<RawChart, ThemeSpec>).to_value();
    let rules = chart_rules()
        .into_iter()
        .chain(item_value_rules())
        .chain(whole_and_theme_rules())
        .chain(kind_words());
    for (pointer, rule) in rules {
        if let (Some(Value::Object(at)), Value::Object(rule)) = (schema.pointer_mut(pointer), rule)
        {
            for (key, value) in rule {
                // A plain `type` replaces the generated one (which admits `null`).
                at.insert(key, value);
            }
        }
    }
    if let Value::Object(top) = &mut schema {
        top.insert(
            "title".into(),
            "喀左时讯 图表数据文件 / infographic data file".into(),
        );
        top.insert(
            "description".into(),
            "一篇文章的全部图表数据：刊名、更新日期、配色与图表列表。All the charts of one article.".into(),
        );
    }
    schema
}

/// What the document and a chart need beyond their types: the ids, texts and lists the checker asks for.
fn chart_rules() -> Vec<(&'static str, Value)> {
    let text = |message: &str| json!({ "pattern": "\\S", "patternErrorMessage": message });
    vec![
        ("/properties/$schema", json!({ "type": "string" })),
        (
            "/properties/charts",
            json!({ "description": "图表列表，每个图表一项。The charts, one entry each." }),
        ),
        (
            "/$defs/RawChart/properties/id",
            json!({ "pattern": ID, "patternErrorMessage":
                "图表 id 只能由小写英文字母、数字、- 和 _ 组成（1 到 64 个字符）。A chart id is 1 to 64 of a-z, 0-9, - and _." }),
        ),
        (
            "/$defs/RawChart/properties/title",
            text("标题不能为空。The title must not be empty."),
        ),
        (
            "/$defs/RawChart/properties/subtitle",
            text("副标题不能为空。The subtitle must not be empty."),
        ),
        (
            "/$defs/RawChart/properties/source",
            text("来源不能为空。The source must not be empty."),
        ),
        // The reader takes these as absent or a value, not `null`.
        (
            "/$defs/RawChart/properties/items",
            json!({ "type": "array", "minItems": 1 }),
        ),
        (
            "/$defs/RawChart/properties/measures",
            json!({ "type": "array", "minItems": 1 }),
        ),
        (
            "/$defs/RawChart/properties/part_labels",
            json!({ "type": "array", "minItems": 1, "allOf": [{ "maxItems": MAX_PARTS, "errorMessage": format!(
                "构成图最多画{MAX_PARTS}个部分和“其余”：部分再多，颜色就分不清了；其余合入 rest_label，或改用 bars 图表。A part chart draws at most {MAX_PARTS} parts and the rest.") }] }),
        ),
        (
            "/$defs/RawChart/properties/part_labels/items",
            text("名称不能为空。A name must not be empty."),
        ),
        (
            "/$defs/RawChart/properties/rest_label",
            text("名称不能为空。A name must not be empty."),
        ),
        (
            "/$defs/RawChart/properties/rest_label",
            json!({ "type": "string" }),
        ),
        (
            "/$defs/Item/properties/label",
            text("名称不能为空。The label must not be empty."),
        ),
    ]
}

/// What an item's values need: two decimals at most, a unit, words without values, a range's low end, a decrease written positive, 多 on whole counts.
fn item_value_rules() -> Vec<(&'static str, Value)> {
    let text = |message: &str| json!({ "pattern": "\\S", "patternErrorMessage": message });
    // At most two decimals (`read.rs` reads them from the digits).
    let figure = json!({ "multipleOf": 0.01 });
    vec![
        ("/$defs/Item/properties/plan", figure.clone()),
        ("/$defs/Item/properties/plan_to", figure.clone()),
        ("/$defs/Item/properties/result", figure.clone()),
        (
            "/$defs/Item/properties/text",
            text("文字目标不能为空。A target in words must not be empty."),
        ),
        (
            "/$defs/Item",
            json!({ "allOf": [
                // A figure needs its unit; a target in words has no figure.
                {
                    "if": { "not": { "required": ["text"] } },
                    "then": { "required": ["unit"] }
                },
                {
                    "if": { "required": ["text"] },
                    "then": { "properties": Value::Object(["plan", "plan_to", "result", "decrease", "bound"].into_iter().map(|k| (k.to_string(), json!({ "not": {}, "errorMessage":
                        "文字目标（text）不带数值，请删除这个字段。A target in words has no figure: remove this field." }))).collect()) }
                },
                // A range's low end, with no qualifier.
                {
                    "if": { "required": ["plan_to"] },
                    "then": {
                        "required": ["plan"],
                        "properties": { "bound": { "const": "exact", "errorMessage": "区间目标不再加限定词，请删除“bound”。A range takes no qualifier." } }
                    }
                },
                // How a range is written, for a range only.
                {
                    "if": { "required": ["range_word"] },
                    "then": { "required": ["plan_to"], "errorMessage": "“range_word”是区间的写法，只用于有上端“plan_to”的区间目标。range_word writes a range: it needs plan_to." }
                },
                // A decrease's figures are written positive.
                {
                    "if": { "required": ["decrease"] },
                    "then": { "properties": Value::Object(["plan", "plan_to", "result"].into_iter().map(|k| (k.to_string(), json!({ "minimum": 0, "errorMessage":
                        "下降类指标（decrease）的数值照原文写正数，如“降低2.5%”写 2.5。A decrease's figures are written positive." }))).collect()) }
                },
                // 多 counts whole things: 50多个, never 5.5%多.
                {
                    "if": { "required": ["bound"], "properties": { "bound": { "const": "多" } } },
                    "then": {
                        "properties": { "unit": { "not": { "const": "%" }, "errorMessage": "“多”只用于整数个数，如“50多个”；百分比请用“以上”或“左右”。多 qualifies whole counts." },
                            "plan": { "multipleOf": 1 }, "result": { "multipleOf": 1 } }
                    }
                }
            ] }),
        ),
    ]
}

/// What a measure's whole and parts and the theme's colours and fonts need; and which fields each kind takes.
fn whole_and_theme_rules() -> Vec<(&'static str, Value)> {
    let text = |message: &str| json!({ "pattern": "\\S", "patternErrorMessage": message });
    // At most two decimals (`read.rs` reads them from the digits).
    let figure = json!({ "multipleOf": 0.01 });
    vec![
        (
            "/$defs/Measure/properties/label",
            text("名称不能为空。The label must not be empty."),
        ),
        ("/$defs/Measure/properties/whole", figure.clone()),
        (
            "/$defs/Measure/properties/whole",
            json!({ "exclusiveMinimum": 0 }),
        ),
        ("/$defs/Measure/properties/parts/items", figure),
        (
            "/$defs/Measure/properties/parts/items",
            json!({ "minimum": 0 }),
        ),
        (
            "/$defs/PaletteSpec/properties/accent",
            json!({ "pattern": COLOUR, "patternErrorMessage": "颜色应写成 #rrggbb，如 #b8232f。Write a colour as #rrggbb." }),
        ),
        (
            "/$defs/PaletteSpec/properties/base",
            json!({ "pattern": COLOUR, "patternErrorMessage": "颜色应写成 #rrggbb，如 #7d93a8。Write a colour as #rrggbb." }),
        ),
        (
            "/$defs/ThemeSpec/properties/font_family",
            json!({ "pattern": FONTS, "patternErrorMessage":
                "字体应为逗号分隔的字体名列表，如 \"PingFang SC\", sans-serif。A comma-separated list of font names." }),
        ),
        // Which fields each kind takes, as `validate_chart` asks.
        ("/$defs/RawChart", json!({ "allOf": kinds() })),
    ]
}

/// For each kind, from its declaration: the fields it needs and those it
/// does not take, and the rules its items keep.
fn kinds() -> Value {
    Value::Array(
        Kind::ALL
            .into_iter()
            .map(|k| kind_rule(&k.spec()))
            .collect(),
    )
}

/// One kind's rule: its fields, and its items' rules.
fn kind_rule(spec: &KindSpec) -> Value {
    let name = spec.name;
    let absent = json!({ "not": {}, "errorMessage":
        format!("{name} 图表不使用这个字段，请删除。This field does not apply to a {name} chart.") });
    let mut properties = serde_json::Map::new();
    let required: &[&str] = match spec.fields {
        Fields::Items => {
            for key in ["part_labels", "rest_label", "measures"] {
                properties.insert(key.into(), absent.clone());
            }
            properties.insert("items".into(), json!({ "items": item_rules(spec) }));
            &["items"]
        }
        Fields::Parts => {
            properties.insert("items".into(), absent.clone());
            &["part_labels", "rest_label", "measures"]
        }
    };
    if !spec.takes.periods {
        properties.insert("average_growth".into(), absent);
    }
    json!({
        "if": { "properties": { "kind": { "const": name } }, "required": ["kind"] },
        "then": { "required": required, "properties": properties }
    })
}

/// What each item of a kind written with items must hold, by what the kind
/// takes (`Takes`), in the checker's words.
fn item_rules(spec: &KindSpec) -> Value {
    let name = spec.name;
    let takes = spec.takes;
    let mut rules = Vec::new();
    // A value or words in every item (a period may be a gap).
    if !takes.periods {
        rules.push(json!({ "anyOf": [
            { "required": ["plan"], "properties": { "plan": { "type": "number" } } },
            { "required": ["result"], "properties": { "result": { "type": "number" } } },
            { "required": ["text"], "properties": { "text": { "type": "string" } } }
        ], "errorMessage": "需要“plan”（计划）或“result”（实际）中至少一个数值，或文字目标“text”。Needs a plan, a result or a text." }));
    }
    if takes.plans {
        let mut any_of =
            vec![json!({ "required": ["plan"], "properties": { "plan": { "type": "number" } } })];
        let (zh, en) = if takes.words {
            any_of.push(json!({ "required": ["text"] }));
            ("，或文字目标“text”", " or a text")
        } else {
            ("", "")
        };
        rules.push(json!({ "anyOf": any_of, "errorMessage":
            format!("{name} 图表的每一项都需要“plan”（目标值）{zh}。Every item of a {name} chart needs a plan{en}.") }));
    }
    if takes.groups {
        rules.push(json!({ "required": ["group"], "errorMessage":
            format!("{name} 图表的每一项都需要“group”（所属的一组，如“2024年目标”）。Every item of a {name} chart needs a group.") }));
    }
    let mut properties = serde_json::Map::new();
    if !takes.words {
        let others = Kind::names_taking(|t| t.words).join(" 或 ");
        properties.insert("text".into(), json!({ "not": {}, "errorMessage":
            format!("{name} 图表的每一项都要有数值；文字目标请用 {others} 图表。A {name} chart draws figures only.") }));
    }
    if !takes.ranges {
        let others = Kind::names_taking(|t| t.ranges).join(" 或 ");
        properties.insert("plan_to".into(), json!({ "not": {}, "errorMessage":
            format!("{name} 图表不画区间；区间目标请用 {others} 图表。A {name} chart draws no ranges.") }));
    }
    if !properties.is_empty() {
        rules.push(json!({ "properties": properties }));
    }
    json!({ "allOf": rules })
}

/// The descriptions that name kinds, from the declarations: which kinds
/// are written with items, with parts, over periods.
fn kind_words() -> Vec<(&'static str, Value)> {
    // Each list in Chinese (`bars、target`) and in English (`bars, target`).
    let lists = |names: Vec<&str>| (names.join("、"), names.join(", "));
    let with = |fields: Fields| {
        lists(
            Kind::ALL
                .into_iter()
                .filter(|k| k.fields() == fields)
                .map(Kind::name)
                .collect(),
        )
    };
    let (items, items_en) = with(Fields::Items);
    let (parts, parts_en) = with(Fields::Parts);
    let (periods, periods_en) = lists(Kind::names_taking(|t| t.periods));
    let (groups, groups_en) = lists(Kind::names_taking(|t| t.groups));
    let d = |text: String| json!({ "description": text });
    vec![
        ("/$defs/Item", d(format!("{items} 图表的一个数据项。One item of a chart of kind {items_en}."))),
        ("/$defs/RawChart/properties/items", d(format!("{items} 图表的数据项。The items of a chart of kind {items_en}."))),
        ("/$defs/RawChart/properties/part_labels", d(format!("{parts}：各部分名称。Kind {parts_en}: names of the given parts."))),
        ("/$defs/RawChart/properties/rest_label", d(format!("{parts}：其余部分（自动计算）的名称。Kind {parts_en}: name of the computed remainder."))),
        ("/$defs/RawChart/properties/measures", d(format!("{parts}：各个整体及其部分。Kind {parts_en}: the wholes and their parts."))),
        ("/$defs/RawChart/properties/average_growth", d(format!("{periods}：标出年均增长（按数据计算，计算方法自动写入注释）。Kind {periods_en}: state the average growth, computed from the data (the formula goes into the notes)."))),
        ("/$defs/Item/properties/group", d(format!("分组：数字卡片的分组标题，或 {groups} 图表中所属的一组（如“2024年目标”）。The group: a heading of cards, or the series of kind {groups_en}."))),
    ]
}

#[cfg(test)]
mod tests {
    use super::super::read::{
        CHART_KEYS, DOCUMENT_KEYS, ITEM_KEYS, MEASURE_KEYS, PALETTE_KEYS, THEME_KEYS,
    };

    /// The schema and the reader know the same keys.
    #[test]
    fn schema_and_reader_agree_on_keys() {
        let schema = super::schema();
        let keys = |pointer: &str| -> Vec<String> {
            let mut k: Vec<String> = schema
                .pointer(pointer)
                .and_then(|p| p.as_object())
                .map(|o| o.keys().cloned().collect())
                .unwrap_or_default();
            k.sort();
            k
        };
        let sorted = |list: &[&str]| {
            let mut v: Vec<String> = list.iter().map(|s| s.to_string()).collect();
            v.sort();
            v
        };
        assert_eq!(keys("/properties"), sorted(DOCUMENT_KEYS));
        assert_eq!(keys("/$defs/RawChart/properties"), sorted(CHART_KEYS));
        assert_eq!(keys("/$defs/Item/properties"), sorted(ITEM_KEYS));
        assert_eq!(keys("/$defs/Measure/properties"), sorted(MEASURE_KEYS));
        assert_eq!(keys("/$defs/ThemeSpec/properties"), sorted(THEME_KEYS));
        assert_eq!(keys("/$defs/PaletteSpec/properties"), sorted(PALETTE_KEYS));
    }

    /// Every rule lands where it is meant to: a pointer that matches
    /// nothing (a renamed field) fails here.
    #[test]
    fn every_rule_lands() {
        let schema = super::schema();
        for (pointer, key) in [
            ("/$defs/RawChart/properties/id", "pattern"),
            ("/$defs/RawChart/properties/part_labels/items", "pattern"),
            ("/$defs/Measure/properties/parts/items", "minimum"),
            ("/$defs/Item", "allOf"),
            ("/$defs/Item/properties/plan_to", "multipleOf"),
            ("/$defs/RawChart", "allOf"),
            ("/$defs/ThemeSpec/properties/font_family", "pattern"),
            ("/properties/charts", "description"),
        ] {
            assert!(
                schema.pointer(pointer).and_then(|v| v.get(key)).is_some(),
                "{pointer} has no {key}"
            );
        }
    }
}
