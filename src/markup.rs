//! A chart's figure as HTML: title, subtitle, the plot's box, the generated
//! summary, the controls, notes and source; and the data table, which the
//! engine adds.
//!
//! This is the one markup of a figure. The build writes it into the page
//! with a static plot inside the box (`site`); the engine writes it itself
//! into an empty `<figure data-chart>` of a host page, and in both cases
//! adopts it (`web`): it never builds a second copy. Every text from the
//! data file goes through [`escape`].

use crate::describe::{note_line, source_line, summary, table};
use crate::model::Chart;

/// `s` safe as HTML text and as a double- or single-quoted attribute value.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The id prefix of a chart's elements: `ig-ID`.
pub fn id_prefix(chart: &Chart) -> String {
    format!("ig-{}", chart.id)
}

/// The inside of a chart's `<figure>`: `plot` (trusted markup: a static
/// image, or nothing) goes in the plot's box. Chart titles are
/// `<h{level}>` (2 to 6). The title carries `elementtiming="ig-ID"`: the
/// Element Timing API reports when a reader's browser first painted the
/// figure (its plot is inline and paints in the same frame).
pub fn figure_inner(chart: &Chart, level: u8, plot: &str) -> String {
    let level = level.clamp(2, 6);
    let id = id_prefix(chart);
    let mut h = String::new();
    h.push_str(&format!(
        "<div class=\"ig-head\"><h{level} class=\"ig-title\" id=\"{id}-title\" \
         elementtiming=\"{id}\">{}</h{level}><p class=\"ig-subtitle\">{}</p></div>",
        escape(&chart.title),
        escape(&chart.subtitle)
    ));
    h.push_str(&format!(
        "<div class=\"ig-plot\"><div class=\"ig-canvas\">{plot}</div>\
         <div class=\"ig-ring\" hidden></div>\
         <div class=\"ig-tip\" aria-hidden=\"true\" hidden></div></div>"
    ));
    // The summary is the plot's description (the engine's group, the static
    // image's name), so it is hidden from browse mode: heard once, not twice.
    // The live region is always there, empty until a figure is announced.
    h.push_str(&format!(
        "<p class=\"ig-sr\" id=\"{id}-summary\" hidden>{}</p>\
         <p class=\"ig-sr\" id=\"{id}-help\" hidden>\
         用方向键逐项查看数值，Home、End 跳到首项、末项，Esc 关闭提示。</p>\
         <p class=\"ig-sr ig-live\" role=\"status\"></p>",
        escape(&summary(chart))
    ));
    // The controls' row keeps its place; its controls show once the
    // engine has taken the figure over (see [`tools`]).
    h.push_str(&format!(
        "<div class=\"ig-tools\">{}</div>",
        tools(&format!("{id}-title"))
    ));
    h.push_str("<figcaption class=\"ig-foot\">");
    for note in &chart.notes {
        h.push_str(&format!(
            "<p class=\"ig-note\">{}</p>",
            escape(&note_line(note))
        ));
    }
    h.push_str(&format!(
        "<p class=\"ig-source\">{}</p></figcaption>",
        escape(&source_line(chart))
    ));
    h
}

/// A figure's controls, hidden until the engine takes the figure over
/// (without it they would do nothing): "查看数据" (a closed box; its table
/// comes from [`data_table`] when first needed: filling 5 boxes with
/// tables before the page was parsed cost about 250 ms of a phone's start
/// at 4× CPU) and "保存图片". Each control is described by its chart's
/// title (`title`, an element id): five charts, five "查看数据", each told
/// apart.
pub fn tools(title: &str) -> String {
    let by = format!("aria-describedby=\"{title}\"");
    format!(
        "<details class=\"ig-data\" hidden><summary {by}>查看数据</summary></details>\
         <button class=\"ig-save\" type=\"button\" {by} hidden>保存图片</button>"
    )
}

/// The chart's figures as an HTML table: the first cell of each row (the
/// item) is its header; a group heads its rows in a body of its own.
pub fn data_table(chart: &Chart) -> String {
    let t = table(chart);
    let mut h = format!(
        "<table class=\"ig-table\"><caption>{}</caption><thead><tr>",
        escape(&chart.title)
    );
    for cell in &t.head {
        h.push_str(&format!("<th scope=\"col\">{}</th>", escape(cell)));
    }
    h.push_str("</tr></thead><tbody>");
    for (n, row) in t.rows.iter().enumerate() {
        if let Some(group) = t
            .groups
            .get(n)
            .filter(|g| n == 0 || t.groups.get(n - 1) != Some(g))
        {
            if n > 0 {
                h.push_str("</tbody><tbody>");
            }
            h.push_str(&format!(
                "<tr><th scope=\"rowgroup\" colspan=\"{}\">{}</th></tr>",
                t.head.len(),
                escape(group)
            ));
        }
        h.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            if i == 0 {
                h.push_str(&format!("<th scope=\"row\">{}</th>", escape(cell)));
            } else {
                h.push_str(&format!("<td>{}</td>", escape(cell)));
            }
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table>");
    h
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<img src=x onerror='a()'>&"#),
            "&lt;img src=x onerror=&#39;a()&#39;&gt;&amp;"
        );
        assert_eq!(escape("\"q\""), "&quot;q&quot;");
        assert_eq!(escape("固定资产投资"), "固定资产投资");
    }
}
