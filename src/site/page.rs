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
    let mut page = Filling {
        read,
        out: String::with_capacity(html.len() * 4),
        docs: Vec::new(),
        current: None,
        charts: Vec::new(),
    };
    let mut rest = html;
    loop {
        let root_at = rest.find("data-infographic=\"");
        let figure_at = find_figure(rest);
        rest = match (root_at, figure_at) {
            (Some(r), f) if f.is_none_or(|(f, _)| r < f) => page.root(rest, r)?,
            (_, Some(figure)) => page.figure(rest, figure)?,
            // No figure left (a root after the last one fills nothing).
            _ => break,
        };
    }
    page.out.push_str(rest);
    Ok(page.finish())
}

/// A data file a page uses.
struct Source {
    /// Its address, as the page writes it.
    url: String,
    doc: Document,
    /// The light theme its static plots are drawn in.
    light: Theme,
    /// The file as written.
    text: String,
}

/// A page being filled, from its start to where its reading has got.
struct Filling<'r> {
    read: &'r dyn Fn(&str) -> Result<Vec<u8>, String>,
    /// The page so far.
    out: String,
    /// Each data file the page has named so far, in page order.
    docs: Vec<Source>,
    /// The data file the figures at this point take their charts from (an
    /// index into `docs`) and the heading level of their titles.
    current: Option<(usize, u8)>,
    /// The ids of the figures filled in so far.
    charts: Vec<String>,
}

impl Filling<'_> {
    /// Takes `rest` up to the value of the `data-infographic` attribute at
    /// `r`, which names the data file of the figures after it; returns the
    /// rest from that value on.
    fn root<'h>(&mut self, rest: &'h str, r: usize) -> Result<&'h str, String> {
        let value_start = r + "data-infographic=\"".len();
        let url = attr_value(rest, value_start)?;
        let level = tag_containing(rest, r)
            .and_then(|t| attr(t, "data-heading-level"))
            .and_then(|l| l.parse::<u8>().ok())
            .filter(|l| (2..=6).contains(l))
            .unwrap_or(2);
        let index = self.source(url)?;
        self.current = Some((index, level));
        let (head, tail) = rest.split_at(value_start);
        self.out.push_str(head);
        Ok(tail)
    }

    /// The index in `docs` of the data file at `url`, read and loaded the
    /// first time the page names it.
    fn source(&mut self, url: String) -> Result<usize, String> {
        if let Some(i) = self.docs.iter().position(|s| s.url == url) {
            return Ok(i);
        }
        let bytes = (self.read)(&url)?;
        let doc = load(&bytes).map_err(|p| problems(&url, &p))?;
        let light = Theme::for_document(&doc.theme, false);
        // `load` has read it as UTF-8.
        let text = String::from_utf8_lossy(&bytes).into_owned();
        self.docs.push(Source {
            url,
            doc,
            light,
            text,
        });
        Ok(self.docs.len() - 1)
    }

    /// Takes `rest` up to the end of the `<figure data-chart="ID">` from
    /// `start` to `open_end` and its `</figure>`, filled in unless its id
    /// is empty; returns the rest after it.
    fn figure<'h>(
        &mut self,
        rest: &'h str,
        (start, open_end): (usize, usize),
    ) -> Result<&'h str, String> {
        let open = rest.get(start..open_end).unwrap_or("");
        let id = attr(open, "data-chart").unwrap_or_default();
        let close = rest
            .get(open_end..)
            .and_then(|t| t.find("</figure>"))
            .map(|i| open_end + i)
            .ok_or_else(|| format!("<figure data-chart=\"{id}\"> is not closed"))?;
        self.out.push_str(rest.get(..start).unwrap_or(""));
        if id.is_empty() {
            self.out.push_str(rest.get(start..close).unwrap_or(""));
        } else {
            self.fill(open, id)?;
        }
        let rest = rest.get(close..).unwrap_or("");
        // Past `</figure>` as it is.
        let (head, tail) = rest.split_at(rest.len().min("</figure>".len()));
        self.out.push_str(head);
        Ok(tail)
    }

    /// Writes the figure `open` (its opening tag) of chart `id` whole: the
    /// tag with its class, and the chart's figure with a static plot per
    /// artboard.
    fn fill(&mut self, open: &str, id: String) -> Result<(), String> {
        let (index, level) = self.current.ok_or_else(|| {
            format!("<figure data-chart=\"{id}\"> is outside any data-infographic")
        })?;
        let Source {
            url, doc, light, ..
        } = self.docs.get(index).ok_or("no data file")?;
        let chart = match doc.chart(&id).map(|e| &e.chart) {
            Some(Ok(chart)) => chart,
            Some(Err(p)) => return Err(problems(url, p)),
            None => return Err(format!("{url}: 数据文件中没有 id 为“{id}”的图表")),
        };
        let mut plot = String::new();
        for (_, w) in ARTBOARDS {
            plot.push_str(&artboard_svg(chart, w, light)?);
        }
        self.out.push_str(&with_class(open, "ig-chart"));
        self.out.push_str(&figure_inner(chart, level, &plot));
        self.charts.push(id);
        Ok(())
    }

    /// The page filled in: the data files written into it before
    /// `</body>`, and their stylesheets linked.
    fn finish(self) -> Prerendered {
        let mut out = self.out;
        // The data files themselves, for the engine to read without a request
        // (a page, not a snippet: a snippet's engine fetches the file).
        if let Some(i) = out.rfind("</body>") {
            let blocks: String = self
                .docs
                .iter()
                .map(|s| data_block(&s.url, &s.text))
                .collect();
            out.insert_str(i, &blocks);
        }
        let data: Vec<String> = self.docs.into_iter().map(|s| s.url).collect();
        let html = with_links(&out, &data);
        Prerendered {
            html,
            data,
            charts: self.charts,
        }
    }
}

/// `html` with a link to the stylesheet of each data file of `data` before
/// its `</head>`, or at its start when it has none.
fn with_links(html: &str, data: &[String]) -> String {
    let links: String = data
        .iter()
        .map(|url| {
            format!(
                "<link rel=\"stylesheet\" href=\"{}\">\n",
                escape(&css_url(url))
            )
        })
        .collect();
    match html.find("</head>") {
        Some(i) => format!(
            "{}{links}{}",
            html.get(..i).unwrap_or(""),
            html.get(i..).unwrap_or("")
        ),
        None => format!("{links}{html}"),
    }
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
