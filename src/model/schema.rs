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

use super::load::RawDocument;
use super::validate::RawChart;
use super::ThemeSpec;
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
    let text = |message: &str| json!({ "pattern": "\\S", "patternErrorMessage": message });
    // At most two decimals (`read.rs` reads them from the digits).
    let figure = json!({ "multipleOf": 0.01 });
    let rules = [
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
            json!({ "type": "array", "minItems": 1 }),
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
    ];
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

/// For each kind, the fields it needs and those it does not take.
fn kinds() -> Value {
    let not_for = |kind: &str| {
        format!("{kind} 图表不使用这个字段，请删除。This field does not apply to a {kind} chart.")
    };
    let mut rules: Vec<Value> = ["bars", "target", "cards", "series", "grouped"]
        .into_iter()
        .map(|kind| {
            let absent = json!({ "not": {}, "errorMessage": not_for(kind) });
            let mut properties = serde_json::Map::new();
            for key in ["part_labels", "rest_label", "measures"] {
                properties.insert(key.into(), absent.clone());
            }
            if kind != "series" {
                properties.insert("average_growth".into(), absent.clone());
                // A figure or words in every item (a series' period may be a gap).
                properties.insert("items".into(), json!({ "items": { "anyOf": [
                    { "required": ["plan"], "properties": { "plan": { "type": "number" } } },
                    { "required": ["result"], "properties": { "result": { "type": "number" } } },
                    { "required": ["text"], "properties": { "text": { "type": "string" } } }
                ], "errorMessage": "需要“plan”（计划）或“result”（实际）中至少一个数值，或文字目标“text”。Needs a plan, a result or a text." } }));
            }
            json!({
                "if": { "properties": { "kind": { "const": kind } }, "required": ["kind"] },
                "then": { "required": ["items"], "properties": properties }
            })
        })
        .collect();
    rules.push(json!({
        "if": { "properties": { "kind": { "const": "part" } }, "required": ["kind"] },
        "then": {
            "required": ["part_labels", "rest_label", "measures"],
            "properties": {
                "items": { "not": {}, "errorMessage": not_for("part") },
                "average_growth": { "not": {}, "errorMessage": not_for("part") }
            }
        }
    }));
    rules.push(json!({
        "if": { "properties": { "kind": { "const": "target" } }, "required": ["kind"] },
        "then": { "properties": { "items": { "items": {
            "anyOf": [
                { "required": ["plan"], "properties": { "plan": { "type": "number" } } },
                { "required": ["text"] }
            ],
            "errorMessage": "target 图表的每一项都需要“plan”（目标值），或文字目标“text”。Every item of a target chart needs a plan or a text."
        } } } }
    }));
    // A series draws figures: no words, no ranges.
    rules.push(json!({
        "if": { "properties": { "kind": { "const": "series" } }, "required": ["kind"] },
        "then": { "properties": { "items": { "items": { "properties": {
            "text": { "not": {}, "errorMessage": "series 图表的每一项都要有数值；文字目标请用 target 或 cards 图表。A series draws figures only." },
            "plan_to": { "not": {}, "errorMessage": "series 图表不画区间。A series draws no ranges." }
        } } } } }
    }));
    rules.push(json!({
        "if": { "properties": { "kind": { "const": "grouped" } }, "required": ["kind"] },
        "then": { "properties": { "items": { "items": {
            "required": ["group"],
            "errorMessage": "grouped 图表的每一项都需要“group”（所属的一组，如“2024年目标”）。Every item of a grouped chart needs a group.",
            "properties": {
                "text": { "not": {}, "errorMessage": "grouped 图表的每一项都要有数值。A grouped chart draws figures only." },
                "plan_to": { "not": {}, "errorMessage": "grouped 图表不画区间。A grouped chart draws no ranges." }
            }
        } } } }
    }));
    rules.push(json!({
        "if": { "properties": { "kind": { "const": "bars" } }, "required": ["kind"] },
        "then": { "properties": { "items": { "items": { "properties": {
            "text": { "not": {}, "errorMessage": "bars 图表的每一项都要有数值；文字目标请用 target 或 cards 图表。A bars chart draws figures only." },
            "plan_to": { "not": {}, "errorMessage": "bars 图表不画区间；区间目标请用 target 或 cards 图表。A bars chart draws no ranges." }
        } } } } }
    }));
    Value::Array(rules)
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
