//! A table pasted from a spreadsheet (WPS, Excel: tab-separated text, rows
//! on lines, a cell with a tab or line break in quotes) read into one
//! chart's items, and written into the data file's text in their place.
//!
//! Values are read as editors type them: `1,234.5`, `１２３`, `15%`,
//! `377亿元`, `3 000`, `－2.5`. A value's digits are written into the file
//! as read (`1.50` stays `1.50`); its unit comes from the cell, else a unit
//! column, else the column head (`投资额（亿元）`), else the chart's items
//! as they were. An item whose label (and group) was in the chart keeps its
//! other fields (`bound`, `highlight`, `note`…). Nothing is dropped: a cell
//! that cannot be read is a problem with its row and column, and then the
//! file is left unchanged.
//!
//! `mod.rs` finds the chart and puts the items in its place; `cells.rs`
//! splits the pasted text into cells; `number.rs` reads a value from a
//! cell; `columns.rs` tells what each column holds; `rows.rs` reads the
//! rows into items; `splice.rs` writes items as the file's JSON text.

// The workbench's and native code only: the size rules' bans (ARCHITECTURE.md)
// guard the readers' module, so text is searched here as Rust reads best.
#![allow(clippy::disallowed_methods)]

mod cells;
mod columns;
mod number;
mod rows;
mod splice;

pub use cells::cells;
pub use number::{number, Number};
pub use splice::quote;

use super::json::{parse, value_end, Json};
use super::{Fields, Kind};
use rows::read_rows;
use splice::{line_indent, write_items, Existing};

/// A cell that could not be read: 1-based row and column of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellProblem {
    /// Row in the pasted table, 1-based (a head row counts).
    pub row: usize,
    /// Column, 1-based; 0 for the whole row.
    pub column: usize,
    /// What is wrong, in Chinese.
    pub message: String,
}

impl std::fmt::Display for CellProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.column {
            0 => write!(f, "第{}行：{}", self.row, self.message),
            c => write!(f, "第{}行第{}列：{}", self.row, c, self.message),
        }
    }
}

/// One item read from a row: its keys in order, each with its JSON text.
pub(super) type Members = Vec<(String, String)>;

/// Reads `table` (pasted text) as the items of the chart `id` of the data
/// file `text`, and returns the file's text with them in place of the
/// chart's items, the rest unchanged byte for byte. Part-to-whole charts
/// take no items.
pub fn paste(text: &str, id: &str, table: &str) -> Result<String, Vec<CellProblem>> {
    let whole = |message: &str| {
        vec![CellProblem {
            row: 0,
            column: 0,
            message: message.to_string(),
        }]
    };
    let root = parse(text).map_err(|_| whole("数据文件有语法错误，请先改正"))?;
    let charts = match root.member("charts").map(|n| &n.value) {
        Some(Json::Array(charts)) => charts,
        _ => return Err(whole("数据文件没有 charts 列表")),
    };
    let chart = charts
        .iter()
        .find(|c| matches!(c.member("id").map(|n| &n.value), Some(Json::String(s)) if s == id))
        .ok_or_else(|| whole(&format!("没有 id 为“{id}”的图表")))?;
    let kind = match chart.member("kind").map(|n| &n.value) {
        Some(Json::String(k)) => Kind::named(k).ok_or_else(|| whole("图表的 kind 无法识别"))?,
        _ => return Err(whole("图表缺少 kind")),
    };
    if kind.fields() == Fields::Parts {
        return Err(whole(&format!(
            "构成图（{}）的数据不是逐项列表，请直接修改 measures",
            kind.name()
        )));
    }
    let items_node = chart.member("items");
    let existing = Existing {
        items: match items_node.map(|n| &n.value) {
            Some(Json::Array(items)) => items.iter().collect(),
            _ => Vec::new(),
        },
    };
    let rows = cells(table);
    if rows.is_empty() {
        return Err(whole("粘贴的内容是空的"));
    }
    let read = read_rows(&rows, kind, &existing, text)?;
    let indent = line_indent(text, chart.at) + "  ";
    let written = write_items(&read, &indent);
    match items_node {
        Some(node) => {
            let mut out = String::with_capacity(text.len() + written.len());
            let end = value_end(text, node.at).unwrap_or(text.len());
            out.push_str(text.get(..node.at).unwrap_or(""));
            out.push_str(&written);
            out.push_str(text.get(end..).unwrap_or(""));
            Ok(out)
        }
        None => Err(whole("图表缺少 items 列表：请先写 \"items\": []")),
    }
}
