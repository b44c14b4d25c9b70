//! Build time: the pre-rendered figure and its stylesheet. The one promise
//! that keeps the page still: at every column width, the height the
//! stylesheet gives a plot's box is the height the engine lays it out to.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::disallowed_methods
)]

mod common;

use kazuo_infographic::layout::{layout, ApproxMeasure};
use kazuo_infographic::site::{chart_css, prerender, BAND_MAX, BAND_MIN};
use kazuo_infographic::theme::Theme;

/// The height rules of one chart as (lowest width, highest width
/// exclusive, height), read back from the stylesheet's text.
fn height_rules(css: &str, id: &str) -> Vec<(f64, f64, f64)> {
    let selector = format!(".ig-chart[data-chart=\"{id}\"]>.ig-plot>.ig-canvas{{height:");
    css.lines()
        .filter(|l| l.contains(&selector))
        .map(|line| {
            let height: f64 = line
                .split(&selector)
                .nth(1)
                .and_then(|t| t.split("px").next())
                .unwrap()
                .parse()
                .unwrap();
            let query = line
                .strip_prefix("@container (")
                .and_then(|q| q.split(')').next())
                .unwrap_or("");
            let num = |s: &str| s.trim_end_matches("px").parse::<f64>().unwrap();
            let (low, high) = if let Some(h) = query.strip_prefix("width<") {
                (0.0, num(h))
            } else if let Some(l) = query.strip_prefix("width>=") {
                (num(l), f64::INFINITY)
            } else if let Some((l, h)) = query.split_once("<=width<") {
                (num(l), num(h))
            } else {
                (0.0, f64::INFINITY)
            };
            (low, high, height)
        })
        .collect()
}

#[test]
fn the_stylesheet_gives_each_plot_the_height_the_engine_lays_out() {
    let doc = common::document();
    let (light, dark) = (
        Theme::for_document(&doc.theme, false),
        Theme::for_document(&doc.theme, true),
    );
    let css = chart_css(&doc, &light, &dark);
    for chart in common::charts() {
        let rules = height_rules(&css, &chart.id);
        assert!(!rules.is_empty(), "{}: no height rules", chart.id);
        // Every whole width, and the fractional ones the engine rounds down.
        for tenth in (BAND_MIN * 10)..=(BAND_MAX * 10 + 9) {
            let width = f64::from(tenth) / 10.0;
            let applying: Vec<f64> = rules
                .iter()
                .filter(|(low, high, _)| *low <= width && width < *high)
                .map(|r| r.2)
                .collect();
            assert_eq!(
                applying.len(),
                1,
                "{} at {width} px: {applying:?}",
                chart.id
            );
            let engine = layout(&chart, width.floor(), &ApproxMeasure, &light).height;
            assert_eq!(applying[0], engine, "{} at {width} px", chart.id);
            // The dark palette lays out alike: the box never depends on the scheme.
            if tenth % 370 == 0 {
                assert_eq!(
                    layout(&chart, width.floor(), &ApproxMeasure, &dark).height,
                    engine
                );
            }
        }
    }
}

#[test]
fn the_static_plots_turn_dark_with_the_host_page() {
    let doc = common::document();
    let css = chart_css(
        &doc,
        &Theme::for_document(&doc.theme, false),
        &Theme::for_document(&doc.theme, true),
    );
    // Text and the accent, as plotters writes them, get their dark colours.
    assert!(css.contains(".ig-static [fill=\"#1F1F1F\"]{fill:light-dark(#1f1f1f,#ecedee)}"));
    assert!(css.contains(".ig-static [stroke=\"#B8232F\"]{stroke:light-dark(#b8232f,#ff7b7b)}"));
}

#[test]
fn figures_are_filled_in_with_every_text_escaped() {
    let data = r##"{"publication": "P", "updated": "2024年3月", "charts": [
      {"id": "a", "kind": "bars", "title": "<img src=x onerror=alert(1)>", "subtitle": "s & t",
       "source": "S", "items": [{"label": "<b>x</b>", "unit": "个", "plan": 3}]}]}"##;
    let page =
        "<html><head></head><body><main data-infographic=\"d.json\" data-heading-level=\"3\">\
                <figure data-chart=\"a\"><noscript>old</noscript></figure></main></body></html>";
    let read = |url: &str| -> Result<Vec<u8>, String> {
        assert_eq!(url, "d.json");
        Ok(data.as_bytes().to_vec())
    };
    let built = prerender(page, &read).unwrap();
    assert_eq!(built.charts, vec!["a".to_string()]);
    assert!(built
        .html
        .contains("<link rel=\"stylesheet\" href=\"d.css\">\n</head>"));
    assert!(built.html.contains("<h3 class=\"ig-title\" id=\"ig-a-title\" elementtiming=\"ig-a\">&lt;img src=x onerror=alert(1)&gt;</h3>"));
    assert!(built.html.contains("s &amp; t"));
    // The data table the engine adds is escaped alike.
    let doc = kazuo_infographic::model::load(data.as_bytes()).unwrap();
    let chart = doc.charts[0].chart.as_ref().unwrap();
    assert!(kazuo_infographic::markup::data_table(chart)
        .contains("<th scope=\"row\">&lt;b&gt;x&lt;/b&gt;</th>"));
    assert!(!built.html.contains("<b>x</b>") && !built.html.contains("<noscript"));
    assert!(built.html.contains("<text") && built.html.contains("&lt;b&gt;x&lt;/b&gt;"));

    // A chart the data file lacks, or a broken data file, stops the build.
    let missing = page.replace("data-chart=\"a\"", "data-chart=\"b\"");
    assert!(prerender(&missing, &read).unwrap_err().contains("“b”"));
    let broken = |_: &str| -> Result<Vec<u8>, String> { Ok(b"{".to_vec()) };
    assert!(prerender(page, &broken).is_err());
}

#[test]
fn a_page_carries_its_data_file_in_a_block_no_text_can_end() {
    let data = r##"{"publication": "P", "updated": "2024年3月", "charts": [
      {"id": "a", "kind": "bars", "title": "</script><script>alert(1)</script><!--", "subtitle": "s", "source": "S",
       "items": [{"label": "x", "unit": "个", "plan": 3}]}]}"##;
    let page = "<html><head></head><body><main data-infographic=\"d.json\">\
                <figure data-chart=\"a\"></figure></main></body></html>";
    let read = |_: &str| -> Result<Vec<u8>, String> { Ok(data.as_bytes().to_vec()) };
    let html = prerender(page, &read).unwrap().html;
    let open = "<script type=\"application/json\" data-infographic-data=\"d.json\">";
    let start = html.find(open).expect("the data block") + open.len();
    let end = start + html[start..].find("</script>").unwrap();
    // The block ends where the build ended it, just before </body>.
    assert!(
        html[end..].starts_with("</script>\n</body>"),
        "{}",
        &html[end..]
    );
    let block = &html[start..end];
    assert!(!block.contains('<'));
    // What the engine reads is the same document as the file.
    let from_page = kazuo_infographic::model::load(block.as_bytes()).unwrap();
    let from_file = kazuo_infographic::model::load(data.as_bytes()).unwrap();
    assert_eq!(format!("{from_page:?}"), format!("{from_file:?}"));
    // A fragment (a snippet to paste) has no body: its engine fetches the file.
    let snippet = "<div data-infographic=\"d.json\"><figure data-chart=\"a\"></figure></div>";
    assert!(!prerender(snippet, &read)
        .unwrap()
        .html
        .contains("data-infographic-data"));
}
