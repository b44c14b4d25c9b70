//! The data file's JSON Schema, generated from the same Rust types that
//! read it, so that an editor's VS Code completes keys and flags mistakes.

use super::load::RawDocument;
use super::validate::RawChart;
use super::ThemeSpec;

/// The JSON Schema (draft 2020-12) of a data file.
pub fn schema() -> serde_json::Value {
    let mut schema = schemars::schema_for!(RawDocument<RawChart, ThemeSpec>);
    schema.insert(
        "title".into(),
        "喀左时讯 图表数据文件 / infographic data file".into(),
    );
    schema.insert(
        "description".into(),
        "每个图表一项：id、kind、title、subtitle、source，以及该类型的数据。One entry per chart."
            .into(),
    );
    schema.to_value()
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
}
