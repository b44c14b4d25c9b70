//! The chart kinds, each declared once: its name in the data file, the
//! editors' words for it, the fields it is written with and what its items
//! may say. The reader, the checker, the JSON Schema, the spreadsheet paste
//! and the property tests read these declarations; none keeps a list of its
//! own. Adding a kind: ARCHITECTURE.md, "Adding a chart kind".

/// 图表类型。The kind of chart (the data file's `kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `bars`.
    Bars,
    /// `target`.
    Target,
    /// `part`.
    Part,
    /// `cards`.
    Cards,
    /// `series`.
    Series,
    /// `grouped`.
    Grouped,
}

/// What a chart of a kind is written with, beside the fields every chart has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fields {
    /// `items`: a list of items (label, unit, plan or result, …).
    Items,
    /// `part_labels`, `rest_label` and `measures`: wholes split into parts.
    Parts,
}

/// What the items of a kind may say and must hold. Each is a rule the
/// checker and the schema apply when it is set (or unset).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Takes {
    /// An item may be a target in words (`text`) with no value.
    pub words: bool,
    /// An item may be a range (`plan_to`).
    pub ranges: bool,
    /// Every item with a value has the chart's one unit.
    pub one_unit: bool,
    /// Items are periods in time order: one with no value is a gap (but
    /// one period at least has a value), and `average_growth` applies.
    pub periods: bool,
    /// Every item is in one of two or three series (`group`), at most once
    /// per category (`label`).
    pub groups: bool,
    /// Every item has a plan (`plan`): the items are targets, and a
    /// qualifier is read with the plan.
    pub plans: bool,
}

/// One kind, as declared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindSpec {
    /// The kind.
    pub kind: Kind,
    /// The data file's name for it.
    pub name: &'static str,
    /// What it draws, in the editors' words (the schema's).
    pub words: Words,
    /// What it is written with.
    pub fields: Fields,
    /// What its items may say (all false for a kind written with parts).
    pub takes: Takes,
}

/// What a kind draws, for editors: Chinese, then English. Only the schema
/// reads them, so the WebAssembly builds hold them empty (the module a
/// reader downloads carries no schema words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    /// In Chinese.
    pub zh: &'static str,
    /// In English.
    pub en: &'static str,
}

/// The editors' words, natively; empty in WebAssembly.
const fn words(zh: &'static str, en: &'static str) -> Words {
    if cfg!(target_arch = "wasm32") {
        Words { zh: "", en: "" }
    } else {
        Words { zh, en }
    }
}

/// No rule: the base the declarations below change.
const NONE: Takes = Takes {
    words: false,
    ranges: false,
    one_unit: false,
    periods: false,
    groups: false,
    plans: false,
};

const BARS: KindSpec = KindSpec {
    kind: Kind::Bars,
    name: "bars",
    words: words(
        "横向条形图：每项一条，数值标在条末。",
        "Horizontal bars, one per item.",
    ),
    fields: Fields::Items,
    takes: Takes {
        one_unit: true,
        ..NONE
    },
};

const TARGET: KindSpec = KindSpec {
    kind: Kind::Target,
    name: "target",
    words: words(
        "目标图：各项目标（及完成值），可写限定词、区间、下降类指标和文字目标。",
        "Plan (and result) bullet bars.",
    ),
    fields: Fields::Items,
    takes: Takes {
        words: true,
        ranges: true,
        one_unit: true,
        plans: true,
        ..NONE
    },
};

const PART: KindSpec = KindSpec {
    kind: Kind::Part,
    name: "part",
    words: words(
        "构成图：部分与整体，每个整体一条堆积条。",
        "Part-to-whole stacked bars, one per whole.",
    ),
    fields: Fields::Parts,
    takes: NONE,
};

const CARDS: KindSpec = KindSpec {
    kind: Kind::Cards,
    name: "cards",
    words: words(
        "数字卡片：单位不同的大数字，可按 group 分组。",
        "Big-number cards of unlike units, grouped by theme.",
    ),
    fields: Fields::Items,
    takes: Takes {
        words: true,
        ranges: true,
        ..NONE
    },
};

const SERIES: KindSpec = KindSpec {
    kind: Kind::Series,
    name: "series",
    words: words(
        "时间序列：按年、季度或月的柱形图，点多时为折线。",
        "A series over time: columns, or a line when there are many points.",
    ),
    fields: Fields::Items,
    takes: Takes {
        one_unit: true,
        periods: true,
        ..NONE
    },
};

const GROUPED: KindSpec = KindSpec {
    kind: Kind::Grouped,
    name: "grouped",
    words: words(
        "分组条形图：每个类别（label）两到三组（group）数值并列，如2023年与2024年目标。",
        "Grouped bars: two or three series (group) per category (label).",
    ),
    fields: Fields::Items,
    takes: Takes {
        one_unit: true,
        groups: true,
        ..NONE
    },
};

/// The declaration of a kind, or one field of it: the one match over kinds
/// that every accessor shares. A field is taken from the constant itself,
/// so that the readers' build, which reads only names and rules, holds none
/// of the editors' words (which only the schema reads).
macro_rules! declared {
    ($kind:expr $(, $field:ident)?) => {
        match $kind {
            Kind::Bars => BARS$(.$field)?,
            Kind::Target => TARGET$(.$field)?,
            Kind::Part => PART$(.$field)?,
            Kind::Cards => CARDS$(.$field)?,
            Kind::Series => SERIES$(.$field)?,
            Kind::Grouped => GROUPED$(.$field)?,
        }
    };
}

impl Kind {
    /// Every kind, in the order the data file's values are listed.
    pub const ALL: [Kind; 6] = [
        Kind::Bars,
        Kind::Target,
        Kind::Part,
        Kind::Cards,
        Kind::Series,
        Kind::Grouped,
    ];

    /// The kind's declaration.
    pub fn spec(self) -> KindSpec {
        declared!(self)
    }

    /// The data file's name for the kind.
    pub fn name(self) -> &'static str {
        declared!(self, name)
    }

    /// What the kind is written with.
    pub fn fields(self) -> Fields {
        declared!(self, fields)
    }

    /// What the kind's items may say and must hold.
    pub fn takes(self) -> Takes {
        declared!(self, takes)
    }

    /// The kind a data file names `name`, if any.
    pub fn named(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The kinds that take a rule, by name: `target、cards` (for messages
    /// that point to another kind).
    pub fn names_taking(rule: impl Fn(&Takes) -> bool) -> Vec<&'static str> {
        Kind::ALL
            .into_iter()
            .filter(|k| rule(&k.takes()))
            .map(Kind::name)
            .collect()
    }
}

/// The schema of `kind`, from the declarations: each name with the editors'
/// words for it (VS Code offers and explains them).
impl schemars::JsonSchema for Kind {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Kind".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let names: Vec<&str> = Kind::ALL.into_iter().map(Kind::name).collect();
        let (last, rest) = names.split_last().map_or(("", &[][..]), |(l, r)| (*l, r));
        let one_of: Vec<serde_json::Value> = Kind::ALL
            .into_iter()
            .map(|k| {
                let spec = k.spec();
                serde_json::json!({
                    "const": spec.name,
                    "description": format!("{}{}", spec.words.zh, spec.words.en),
                    "type": "string",
                })
            })
            .collect();
        let mut schema = schemars::Schema::default();
        schema.insert(
            "description".into(),
            format!(
                "图表类型：{} 或 {last}。The kind of chart.",
                rest.join("、")
            )
            .into(),
        );
        schema.insert("oneOf".into(), one_of.into());
        schema
    }
}

#[cfg(test)]
mod tests {
    use super::{Fields, Kind};

    #[test]
    fn each_declaration_is_its_kinds_and_names_differ() {
        for (i, kind) in Kind::ALL.into_iter().enumerate() {
            assert_eq!(kind.spec().kind, kind);
            assert_eq!(Kind::named(kind.name()), Some(kind));
            assert!(Kind::ALL
                .iter()
                .skip(i + 1)
                .all(|other| other.name() != kind.name()));
            if kind.spec().fields == Fields::Parts {
                assert_eq!(kind.spec().takes, super::NONE, "{}", kind.name());
            }
        }
        assert_eq!(Kind::named("pie"), None);
    }
}
