//! Filling a page's figures: each `<figure data-chart="ID">` inside a
//! `data-infographic="DATA.json"` element gets its whole figure from the
//! data file, and the page links the data file's stylesheet.

use super::plot::{artboard_svg, ARTBOARDS};
use crate::markup::{escape, figure_inner};
use crate::model::{load, Document, Problem};
use crate::theme::Theme;

/// A pre-rendered page.
#[derive(Debug, Clone, PartialEq)]
pub struct Prerendered {
    /// The page with its figures filled in.
    pub html: String,
    /// Each data file the page uses, as the page writes its address; the
    /// page links its stylesheet ([`css_url`], from [`super::stylesheet`]).
    pub data: Vec<String>,
    /// The ids of the figures filled in, in page order.
    pub charts: Vec<String>,
}

/// The stylesheet's address for a data file's address: `NAME.json` → `NAME.css`.
pub fn css_url(data_url: &str) -> String {
    match data_url.strip_suffix(".json") {
        Some(stem) => format!("{stem}.css"),
        None => format!("{data_url}.css"),
    }
}

/// Fills every `<figure data-chart="ID">` of `html` (its contents, such as
/// an old `<noscript>` fallback, are replaced) from the data file named by
/// the nearest `data-infographic` before it, read with `read`, and links
/// each data file's stylesheet before `</head>` (or at the start when the
/// page has no head); the stylesheet itself is written once per data file
/// by the caller ([`super::stylesheet`]), not once per page. A figure with an empty id (an embed page that takes
/// its chart from its address) is left as it is. A data file that cannot
/// be read, or a chart it lacks or cannot draw, is an error: a built page
/// never ships a figure missing.
pub fn prerender(
    html: &str,
    read: &dyn Fn(&str) -> Result<Vec<u8>, String>,
) -> Result<Prerendered, String> {
    let mut out = String::with_capacity(html.len() * 4);
    let mut rest = html;
    let mut docs: Vec<(String, Document, Theme, String)> = Vec::new();
    let mut current: Option<(usize, u8)> = None;
    let mut charts = Vec::new();
    loop {
        let root_at = rest.find("data-infographic=\"");
        let figure_at = find_figure(rest);
        match (root_at, figure_at) {
            (Some(r), f) if f.is_none_or(|(f, _)| r < f) => {
                let value_start = r + "data-infographic=\"".len();
                let url = attr_value(rest, value_start)?;
                let level = tag_containing(rest, r)
                    .and_then(|t| attr(t, "data-heading-level"))
                    .and_then(|l| l.parse::<u8>().ok())
                    .filter(|l| (2..=6).contains(l))
                    .unwrap_or(2);
                let index = match docs.iter().position(|(u, ..)| *u == url) {
                    Some(i) => i,
                    None => {
                        let bytes = read(&url)?;
                        let doc = load(&bytes).map_err(|p| problems(&url, &p))?;
                        let light = Theme::for_document(&doc.theme, false);
                        // `load` has read it as UTF-8.
                        let text = String::from_utf8_lossy(&bytes).into_owned();
                        docs.push((url.clone(), doc, light, text));
                        docs.len() - 1
                    }
                };
                current = Some((index, level));
                let (head, tail) = rest.split_at(value_start);
                out.push_str(head);
                rest = tail;
            }
            (_, Some((start, open_end))) => {
                let open = rest.get(start..open_end).unwrap_or("");
                let id = attr(open, "data-chart").unwrap_or_default();
                let close = rest
                    .get(open_end..)
                    .and_then(|t| t.find("</figure>"))
                    .map(|i| open_end + i)
                    .ok_or_else(|| format!("<figure data-chart=\"{id}\"> is not closed"))?;
                out.push_str(rest.get(..start).unwrap_or(""));
                if id.is_empty() {
                    out.push_str(rest.get(start..close).unwrap_or(""));
                } else {
                    let (index, level) = current.ok_or_else(|| {
                        format!("<figure data-chart=\"{id}\"> is outside any data-infographic")
                    })?;
                    let (url, doc, light, _) = docs.get(index).ok_or("no data file")?;
                    let chart = match doc.chart(&id).map(|e| &e.chart) {
                        Some(Ok(chart)) => chart,
                        Some(Err(p)) => return Err(problems(url, p)),
                        None => return Err(format!("{url}: 数据文件中没有 id 为“{id}”的图表")),
                    };
                    let mut plot = String::new();
                    for (_, w) in ARTBOARDS {
                        plot.push_str(&artboard_svg(chart, w, light)?);
                    }
                    out.push_str(&with_class(open, "ig-chart"));
                    out.push_str(&figure_inner(chart, level, &plot));
                    charts.push(id);
                }
                rest = rest.get(close..).unwrap_or("");
                // Past `</figure>` as it is.
                let (head, tail) = rest.split_at(rest.len().min("</figure>".len()));
                out.push_str(head);
                rest = tail;
            }
            // No figure left (a root after the last one fills nothing).
            _ => break,
        }
    }
    out.push_str(rest);

    // The data files themselves, for the engine to read without a request
    // (a page, not a snippet: a snippet's engine fetches the file).
    if let Some(i) = out.rfind("</body>") {
        let blocks: String = docs
            .iter()
            .map(|(url, _, _, text)| data_block(url, text))
            .collect();
        out.insert_str(i, &blocks);
    }
    let data: Vec<String> = docs.into_iter().map(|(url, ..)| url).collect();
    let links: String = data
        .iter()
        .map(|url| {
            format!(
                "<link rel=\"stylesheet\" href=\"{}\">\n",
                escape(&css_url(url))
            )
        })
        .collect();
    let html = match out.find("</head>") {
        Some(i) => format!(
            "{}{links}{}",
            out.get(..i).unwrap_or(""),
            out.get(i..).unwrap_or("")
        ),
        None => format!("{links}{out}"),
    };
    Ok(Prerendered { html, data, charts })
}

/// A data file as a data block the engine reads in place of fetching
/// `url` (`web::fetch::page_copy`): the JSON as written, but for `<`,
/// which can only be inside a string and is written `\u003c` there, so
/// that no `</script>` or `<!--` in a text ends the block.
pub fn data_block(url: &str, json: &str) -> String {
    format!(
        "<script type=\"application/json\" data-infographic-data=\"{}\">{}</script>\n",
        escape(url),
        json.replace('<', "\\u003c")
    )
}

/// The next `<figure …>` with a `data-chart` attribute: (its start, the
/// end of its opening tag).
fn find_figure(s: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(i) = s.get(from..).and_then(|t| t.find("<figure")) {
        let start = from + i;
        let end = start + s.get(start..)?.find('>')? + 1;
        if s.get(start..end)?.contains("data-chart=") {
            return Some((start, end));
        }
        from = end;
    }
    None
}

/// The value of a double-quoted attribute whose value starts at `start`.
fn attr_value(s: &str, start: usize) -> Result<String, String> {
    s.get(start..)
        .and_then(|t| t.find('"').and_then(|j| t.get(..j)))
        .map(|v| v.replace("&amp;", "&"))
        .ok_or_else(|| "an attribute value is not closed".to_string())
}

/// The opening tag around byte `at`.
fn tag_containing(s: &str, at: usize) -> Option<&str> {
    let start = s.get(..at)?.rfind('<')?;
    let end = at + s.get(at..)?.find('>')? + 1;
    s.get(start..end)
}

/// A double-quoted attribute's value in an opening tag.
fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let i = tag.find(&key)? + key.len();
    attr_value(tag, i).ok()
}

/// An opening tag with `class` added to its class list.
fn with_class(tag: &str, class: &str) -> String {
    match tag.find(" class=\"") {
        Some(i) => {
            let at = i + " class=\"".len();
            format!(
                "{}{class} {}",
                tag.get(..at).unwrap_or(""),
                tag.get(at..).unwrap_or("")
            )
        }
        None => {
            let at = tag.len() - 1;
            format!(
                "{} class=\"{class}\"{}",
                tag.get(..at).unwrap_or("").trim_end(),
                tag.get(at..).unwrap_or("")
            )
        }
    }
}

/// A data file's problems as one message.
fn problems(url: &str, problems: &[Problem]) -> String {
    let lines: Vec<String> = problems.iter().map(|p| format!("{url}: {p}")).collect();
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::{attr, css_url, with_class};

    #[test]
    fn tags_and_names() {
        assert_eq!(
            with_class("<figure data-chart=\"a\">", "ig-chart"),
            "<figure data-chart=\"a\" class=\"ig-chart\">"
        );
        assert_eq!(
            with_class("<figure class=\"wide\" data-chart=\"a\">", "ig-chart"),
            "<figure class=\"ig-chart wide\" data-chart=\"a\">"
        );
        assert_eq!(
            attr("<figure data-chart=\"q1\">", "data-chart").as_deref(),
            Some("q1")
        );
        assert_eq!(css_url("data/kazuo-2024.json"), "data/kazuo-2024.css");
    }
}
