//! Before publishing: every check run at once and, when the file is clean,
//! each chart as readers will see it — in a 390 px phone's column and in
//! the article's column on a 1200 px screen, side by side — its generated
//! summary, and the images `infographic render` writes (SVG at 640 px, PNG
//! for WeChat at 2×), to look at and to download.

use super::file::blob_url;
use super::{by_id, show};
use crate::describe::summary;
use crate::layout::{framed, ApproxMeasure};
use crate::model::{load, Chart};
use crate::render::to_svg;
use crate::theme::Theme;
use crate::web::app::App;
use crate::web::canvas::framed_image;
use crate::web::dom::{append, attrs};
use crate::web::take_over::{remount, Loaded};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// The article's column on the readers' screens the charts are shown at:
/// (its width, CSS px, and its name). On a 1200 px screen the demo
/// article's column is 680 px wide (`www/style.css`).
const SCREENS: [(u32, &str); 2] = [
    (390, "手机（屏幕390像素宽）"),
    (680, "电脑（屏幕1200像素宽，正文栏680像素）"),
];
/// The width of the SVG `infographic render` writes by default, CSS px.
const SVG_WIDTH: f64 = 640.0;
/// The PNG for WeChat: 540 CSS px at 2× (1080 px, WeChat's widest).
const PNG_WIDTH: f64 = 540.0;
const PNG_SCALE: f64 = 2.0;

/// Runs every check on `text` and shows the result.
pub(super) fn check(app: &App, document: &Document, text: &str) -> Result<(), JsValue> {
    let section: HtmlElement = by_id(document, "wb-publish")?;
    let result: Element = by_id(document, "wb-publish-result")?;
    let charts: Element = by_id(document, "wb-publish-charts")?;
    charts.set_text_content(None);
    show(document, "wb-publish", true);
    // Read once: every chart drawn below takes its part of this reading.
    let loaded = Rc::new(load(text.as_bytes()));
    let problems = match &*loaded {
        Ok(doc) => doc.problems().count(),
        Err(p) => p.len(),
    };
    let doc = match &*loaded {
        Ok(doc) if problems == 0 => doc,
        _ => {
            result.set_text_content(Some(&format!(
                "还有{problems}个问题，请先按“检查结果”逐一改正，再做发布前检查。"
            )));
            return focus(&section);
        }
    };
    let ready: Vec<&Chart> = doc
        .charts
        .iter()
        .filter_map(|c| c.chart.as_ref().ok())
        .collect();
    result.set_text_content(Some(&format!(
        "检查通过：{}个图表都没有问题。下面是读者在手机和电脑上看到的样子、每个图表供读屏软件朗读的说明，以及导出的图片。",
        ready.len()
    )));
    let theme = Theme::for_document(&doc.theme, false);
    for chart in ready {
        one(app, document, &charts, chart, &theme, &loaded)?;
    }
    focus(&section)
}

/// Moves the reader to the section's heading.
fn focus(section: &HtmlElement) -> Result<(), JsValue> {
    if let Some(heading) = section.query_selector("h2")? {
        if let Ok(h) = heading.dyn_into::<HtmlElement>() {
            h.focus()?;
        }
    }
    Ok(())
}

/// One chart: at each screen width, its summary, its images.
fn one(
    app: &App,
    document: &Document,
    parent: &Element,
    chart: &Chart,
    theme: &Theme,
    loaded: &Rc<Loaded>,
) -> Result<(), JsValue> {
    let article = append(document, parent, "article", "wb-pub-chart", None)?;
    append(document, &article, "h3", "", Some(&chart.title))?;
    append(document, &article, "p", "wb-pub-label", Some("读屏说明："))?;
    append(
        document,
        &article,
        "p",
        "wb-pub-summary",
        Some(&summary(chart)),
    )?;
    let screens = append(document, &article, "div", "wb-pub-screens", None)?;
    for (width, name) in SCREENS {
        let screen = append(document, &screens, "div", "wb-pub-screen", None)?;
        append(document, &screen, "p", "wb-pub-label", Some(name))?;
        let page = append(document, &screen, "div", "article wb-pub-page", None)?;
        page.set_attribute("style", &format!("width:{width}px"))?;
        let figure = append(document, &page, "figure", "ig-chart", None)?;
        figure.set_attribute("data-chart", &chart.id)?;
        let (app, document, loaded) = (app.clone(), document.clone(), loaded.clone());
        wasm_bindgen_futures::spawn_local(async move {
            remount(&app, &document, &page, &loaded).await;
        });
    }
    let images = append(document, &article, "div", "wb-pub-images", None)?;
    // SVG, as `infographic render` writes it.
    let scene = framed(chart, SVG_WIDTH, &ApproxMeasure, theme);
    let svg = to_svg(&scene, &theme.font_family).map_err(|e| JsValue::from_str(&e))?;
    let svg_url = blob_url(svg.as_bytes(), "image/svg+xml")?;
    image(
        document,
        &images,
        &svg_url,
        &format!("{}-{SVG_WIDTH}.svg", chart.id),
        "SVG（640像素宽）",
        &chart.title,
    )?;
    // PNG for WeChat, drawn by the browser's canvas.
    let png_url = framed_image(document, chart, theme, PNG_WIDTH, PNG_SCALE)?.to_data_url()?;
    image(
        document,
        &images,
        &png_url,
        &format!("{}-{PNG_WIDTH}@2x.png", chart.id),
        "PNG（微信公众号，1080像素宽）",
        &chart.title,
    )
}

/// An image with its name and a download link.
fn image(
    document: &Document,
    parent: &Element,
    url: &str,
    file: &str,
    name: &str,
    title: &str,
) -> Result<(), JsValue> {
    let item = append(document, parent, "figure", "wb-pub-image", None)?;
    let img = append(document, &item, "img", "", None)?;
    attrs(
        &img,
        &[("src", url), ("alt", &format!("{title}（{name}）"))],
    )?;
    let caption = append(document, &item, "figcaption", "", Some(&format!("{name} ")))?;
    let link = append(document, &caption, "a", "", Some(&format!("下载 {file}")))?;
    attrs(&link, &[("href", url), ("download", file)])?;
    Ok(())
}
