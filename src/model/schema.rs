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
