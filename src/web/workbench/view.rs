//! What the workbench shows of a data file: every problem where it is (a
//! button that puts the cursor there), and every chart drawn live beside
//! the text, each problem in its chart's place.

use crate::model::{Chart, Document as Data, Problem, ThemeSpec};
use crate::web::app::App;
use crate::web::dom::{append, attrs};
use crate::web::take_over::{remount, Loaded};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlTextAreaElement};

/// The textarea's line height, CSS px (`www/editor.css` sets it).
const LINE: f64 = 20.0;

/// Lists `problems` in `list` (an `<ol>`), each a button to its place in
/// `text`; says how many in `count`.
pub(super) fn problems(
    document: &Document,
    list: &Element,
    count: &Element,
    text: &str,
    problems: &[&Problem],
) -> Result<(), JsValue> {
    list.set_text_content(None);
    count.set_text_content(Some(&match problems.len() {
        0 => "没有发现问题。".to_string(),
        n => format!("发现{n}个问题："),
    }));
    for p in problems {
        let li = append(document, list, "li", "", None)?;
        let (place, offset) = match p.position {
            Some(at) => (
                format!("第{}行第{}列", at.line, at.column),
                at.utf16_offset(text),
            ),
            None => ("整个文件".to_string(), 0),
        };
        let button = append(document, &li, "button", "wb-problem", None)?;
        attrs(
            &button,
            &[
                ("type", "button"),
                ("data-offset", &offset.to_string()),
                ("data-line", &p.position.map_or(1, |at| at.line).to_string()),
            ],
        )?;
        append(document, &button, "span", "wb-place", Some(&place))?;
        let why = if p.zh.is_empty() { &p.en } else { &p.zh };
        append(document, &button, "span", "wb-why", Some(why))?;
        if !p.path.is_empty() {
            append(document, &li, "code", "wb-path", Some(&p.path))?;
        }
    }
    Ok(())
}

/// Puts the cursor at the problem `button` names and scrolls its line
/// into view.
pub(super) fn go_to(text: &HtmlTextAreaElement, button: &Element) {
    let number = |name: &str| {
        button
            .get_attribute(name)
            .and_then(|v| {
                v.bytes().try_fold(0u32, |n, b| {
                    b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
                })
            })
            .unwrap_or(0)
    };
    let offset = number("data-offset");
    let line = f64::from(number("data-line").max(1));
    let _ = text.focus();
    let _ = text.set_selection_range(offset, offset);
    let top = (line - 1.0) * LINE - f64::from(text.client_height()) / 3.0;
    text.set_scroll_top(top.max(0.0) as i32);
}

/// What the charts pane shows: each chart's id and what was read of it,
/// and the file's theme and source line, as last drawn.
#[derive(Default)]
pub(super) struct Shown {
    charts: Vec<(String, Result<Chart, Vec<Problem>>)>,
    file: Option<(ThemeSpec, String, String)>,
}

/// Draws every chart of the file as `loaded` in `root` (nothing when it
/// could not be read), each in a box of its own (a root of its own), in
/// file order; a chart with a problem shows it in its place. Only the
/// charts that changed since the last call are drawn again (every one when
/// the theme or the source line changed, or charts came, went or moved).
pub(super) fn charts(
    app: &App,
    shown: &RefCell<Shown>,
    document: &Document,
    root: &Element,
    loaded: &Rc<Loaded>,
) -> Result<(), JsValue> {
    let Ok(data) = &**loaded else {
        return Ok(());
    };
    let now: Vec<(String, Result<Chart, Vec<Problem>>)> = data
        .charts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let id =
                c.id.clone()
                    .unwrap_or_else(|| format!("（第{}个图表）", i + 1));
            (id, c.chart.clone())
        })
        .collect();
    let file = Some((
        data.theme.clone(),
        data.publication.clone(),
        data.updated.clone(),
    ));
    let changed: Vec<bool> = {
        let mut shown = shown.borrow_mut();
        let same_list = shown.file == file
            && shown.charts.len() == now.len()
            && shown.charts.iter().zip(&now).all(|(a, b)| a.0 == b.0);
        let changed = now
            .iter()
            .enumerate()
            .map(|(i, c)| !same_list || shown.charts.get(i) != Some(c))
            .collect();
        shown.charts = now.clone();
        shown.file = file;
        changed
    };
    let boxes = root.query_selector_all(":scope > .wb-one")?;
    if boxes.length() as usize != now.len() || changed.iter().all(|c| *c) {
        root.set_text_content(None);
        for (id, _) in &now {
            let one = append(document, root, "div", "wb-one", None)?;
            let figure = append(document, &one, "figure", "ig-chart", None)?;
            figure.set_attribute("data-chart", id)?;
        }
    }
    let boxes = root.query_selector_all(":scope > .wb-one")?;
    for (i, changed) in changed.into_iter().enumerate() {
        let Some(one) = boxes
            .item(i as u32)
            .and_then(|n| n.dyn_into::<Element>().ok())
        else {
            continue;
        };
        if !changed {
            continue;
        }
        let (app, document, loaded) = (app.clone(), document.clone(), loaded.clone());
        wasm_bindgen_futures::spawn_local(async move {
            remount(&app, &document, &one, &loaded).await;
        });
    }
    Ok(())
}

/// The charts a table can be pasted into: `(id, title)` of each readable
/// one, in file order.
pub(super) fn chart_choices(data: &Data) -> Vec<(String, String)> {
    data.charts
        .iter()
        .filter_map(|c| {
            let id = c.id.clone()?;
            let title = c
                .chart
                .as_ref()
                .map_or_else(|_| String::new(), |c| c.title.clone());
            Some((id, title))
        })
        .collect()
}
