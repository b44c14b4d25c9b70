//! A chart that cannot be drawn: its problems, said where it would be.

use crate::model::Problem;
use crate::web::dom::{append, element};
use crate::web::mode::Mode;
use wasm_bindgen::prelude::*;
use web_sys::{Document, HtmlElement};

/// Shows a chart's problems in its place, as text. For readers, a
/// pre-rendered figure stays as it is (it is the chart as built: nothing
/// on the page moves); in preview and the workbench (for editors), or where there is no
/// figure yet (the full build), every problem is listed with its path.
/// Either way the console names each problem's place.
pub(in crate::web) fn show_problems(
    document: &Document,
    figure: &HtmlElement,
    id: &str,
    problems: &[Problem],
    mode: Mode,
) -> Result<(), JsValue> {
    for p in problems {
        web_sys::console::warn_1(&format!("infographic {id}: {p}").into());
    }
    // The readers' build has no problems' words (`model::problem::zh!`):
    // it says where, and that preview says why.
    if problems.iter().any(|p| p.zh.is_empty()) {
        web_sys::console::warn_1(&"infographic: 在预览（?preview）中可看到每处错误的原因".into());
    }
    // A pre-rendered figure stays as built; the readers' build meets no
    // other (`main.js` loads the full build for a page with a bare figure).
    if !mode.writes_figures()
        || (!mode.rewrites() && figure.query_selector(".ig-static")?.is_some())
    {
        return Ok(());
    }
    figure.set_text_content(None);
    figure.class_list().remove_2("ig-chart", "ig-live")?;
    let box_ = element(document, "div", "ig-error", None)?;
    box_.set_attribute("role", "alert")?;
    let title = format!("图表“{id}”暂时无法显示：数据文件有误");
    append(document, &box_, "p", "ig-error-title", Some(&title))?;
    let list = append(document, &box_, "ul", "ig-error-list", None)?;
    for p in problems {
        append(document, &list, "li", "", Some(&p.to_string()))?;
    }
    figure.append_child(&box_)?;
    Ok(())
}
