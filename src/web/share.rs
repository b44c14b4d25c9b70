//! "保存图片": the chart with its title and source as a PNG at device
//! resolution, shown as an image a reader can long-press (WeChat) or
//! download.

use crate::model::Chart;
use crate::theme::Theme;
use crate::web::canvas::framed_image;
use crate::web::dom::{append, attrs, listen_for_the_page};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlAnchorElement, HtmlDialogElement, HtmlImageElement};

/// Renders `chart` framed at `width` CSS px × `ratio` and opens the dialog.
pub(super) fn open(chart: &Chart, theme: &Theme, width: f64, ratio: f64) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let canvas = framed_image(&document, chart, theme, width, ratio)?;
    let url = canvas.to_data_url()?;

    let dialog = dialog(&document)?;
    let img: HtmlImageElement = dialog
        .query_selector(".ig-share-img")?
        .ok_or("no image")?
        .dyn_into()?;
    // Where a strict Content-Security-Policy refuses data: images, the
    // dialog shows the rendered canvas itself (see `dialog`).
    let slot = dialog
        .query_selector(".ig-share-canvas")?
        .ok_or("no canvas slot")?;
    slot.set_text_content(None);
    canvas.set_attribute("role", "img")?;
    canvas.set_attribute("aria-label", &chart.title)?;
    slot.append_child(&canvas)?;
    img.set_alt(&chart.title);
    img.set_src(&url);
    let link: HtmlAnchorElement = dialog
        .query_selector(".ig-share-download")?
        .ok_or("no link")?
        .dyn_into()?;
    link.set_href(&url);
    link.set_download(&format!("{}.png", chart.id));
    if !dialog.open() {
        dialog.show_modal()?;
    }
    Ok(())
}

/// The share dialog, created once per page (found in the page after that;
/// its listeners last as long as the page).
fn dialog(document: &web_sys::Document) -> Result<HtmlDialogElement, JsValue> {
    if let Some(d) = document.query_selector("body > dialog.ig-share")? {
        return d.dyn_into().map_err(JsValue::from);
    }
    let body = document.body().ok_or("no body")?;
    let dialog: HtmlDialogElement =
        append(document, &body, "dialog", "ig-share", None)?.dyn_into()?;
    attrs(&dialog, &[("aria-labelledby", "ig-share-title")])?;
    let title = append(document, &dialog, "h2", "ig-share-title", Some("保存图片"))?;
    title.set_id("ig-share-title");
    append(
        document,
        &dialog,
        "p",
        "ig-share-hint",
        Some("长按图片可保存或发送给朋友；电脑上可右键另存，或点“下载”。"),
    )?;
    let img: HtmlImageElement =
        append(document, &dialog, "img", "ig-share-img", None)?.dyn_into()?;
    let slot = append(document, &dialog, "div", "ig-share-canvas", None)?;
    slot.set_attribute("hidden", "")?;
    for (event, image_shown) in [("load", true), ("error", false)] {
        let (i, c) = (img.clone(), slot.clone());
        listen_for_the_page(&img, event, move |_: &web_sys::Event| {
            i.set_hidden(!image_shown);
            let _ = if image_shown {
                c.set_attribute("hidden", "")
            } else {
                c.remove_attribute("hidden")
            };
        })?;
    }
    let actions = append(document, &dialog, "div", "ig-share-actions", None)?;
    append(
        document,
        &actions,
        "a",
        "ig-share-download",
        Some("下载 PNG"),
    )?;
    let close = append(document, &actions, "button", "ig-share-close", Some("关闭"))?;
    close.set_attribute("type", "button")?;
    let target = dialog.clone();
    listen_for_the_page(&close, "click", move |_: &web_sys::Event| target.close())?;
    Ok(dialog)
}
