//! A table copied from WPS or Excel, pasted into the paste box, fills the
//! chosen chart's items (`model::sheet` reads it); every cell that cannot
//! be read is listed by row and column, and then nothing changes.

use super::{by_id, replace_text, say, Shared};
use crate::model::sheet::{self, CellProblem};
use crate::web::dom::{append, listen, Listener};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, Document, Element, HtmlSelectElement};

/// Listens for pastes into the paste box.
pub(super) fn wire(document: &Document, state: &Shared) -> Result<Vec<Listener>, JsValue> {
    let target: Element = by_id(document, "wb-paste")?;
    let state = state.clone();
    Ok(vec![listen::<ClipboardEvent>(
        &target,
        "paste",
        move |e| {
            e.prevent_default();
            let Some(data) = e.clipboard_data() else {
                return;
            };
            let table = match data.get_data("text/plain") {
                Ok(t) if !t.trim().is_empty() => t,
                // Only a table as HTML: its cells, tab-separated.
                _ => data
                    .get_data("text/html")
                    .map(|h| html_table(&h))
                    .unwrap_or_default(),
            };
            pasted(&state, &table);
        },
    )?])
}

/// Fills the chosen chart's items from `table`, or lists why not.
fn pasted(state: &Shared, table: &str) {
    let (document, text) = {
        let s = state.borrow();
        (s.document.clone(), s.text.value())
    };
    let Ok(select) = by_id::<HtmlSelectElement>(&document, "wb-paste-chart") else {
        return;
    };
    let id = select.value();
    let result = if id.is_empty() {
        Err(vec![CellProblem {
            row: 0,
            column: 0,
            message: "请先打开数据文件并选择图表".to_string(),
        }])
    } else {
        sheet::paste(&text, &id, table)
    };
    let _ = list(&document, result.as_ref().err().map_or(&[], Vec::as_slice));
    match result {
        Ok(new_text) => {
            replace_text(state, &new_text);
            say(
                &document,
                "wb-paste-status",
                &format!("已把粘贴的表格填入图表“{id}”。"),
            );
        }
        Err(problems) => say(
            &document,
            "wb-paste-status",
            &format!("表格有{}处无法读取，文件未改动：", problems.len()),
        ),
    }
}

/// Lists the cells that could not be read.
fn list(document: &Document, problems: &[CellProblem]) -> Result<(), JsValue> {
    let list: Element = by_id(document, "wb-paste-problems")?;
    list.set_text_content(None);
    for p in problems {
        let text = match (p.row, p.column) {
            (0, _) => p.message.clone(),
            _ => p.to_string(),
        };
        append(document, &list, "li", "", Some(&text))?;
    }
    Ok(())
}

/// Sets the charts offered for pasting, keeping the one chosen.
pub(super) fn choices(document: &Document, charts: &[(String, String)]) -> Result<(), JsValue> {
    let select: HtmlSelectElement = by_id(document, "wb-paste-chart")?;
    let chosen = select.value();
    select.set_text_content(None);
    for (id, title) in charts {
        let option = append(
            document,
            &select,
            "option",
            "",
            Some(&if title.is_empty() {
                id.clone()
            } else {
                format!("{id}：{title}")
            }),
        )?;
        option.set_attribute("value", id)?;
    }
    if charts.iter().any(|(id, _)| *id == chosen) {
        select.set_value(&chosen);
    }
    Ok(())
}

/// The rows of the first table in `html`, as tab-separated text (cells
/// quoted where they hold a tab, line break or quote).
fn html_table(html: &str) -> String {
    let Ok(parser) = web_sys::DomParser::new() else {
        return String::new();
    };
    let Ok(doc) = parser.parse_from_string(html, web_sys::SupportedType::TextHtml) else {
        return String::new();
    };
    let Ok(rows) = doc.query_selector_all("tr") else {
        return String::new();
    };
    let mut out = String::new();
    for i in 0..rows.length() {
        let Some(row) = rows.item(i).and_then(|r| r.dyn_into::<Element>().ok()) else {
            continue;
        };
        let Ok(cells) = row.query_selector_all("td, th") else {
            continue;
        };
        let line: Vec<String> = (0..cells.length())
            .filter_map(|j| cells.item(j))
            .map(|c| {
                let t = c.text_content().unwrap_or_default();
                if t.bytes().any(|b| matches!(b, b'\t' | b'\n' | b'"')) {
                    format!("\"{}\"", t.replace('"', "\"\""))
                } else {
                    t
                }
            })
            .collect();
        out.push_str(&line.join("\t"));
        out.push('\n');
    }
    out
}
