//! A folder of pages pre-rendered into another (`infographic prerender`):
//! each page, its embed pages or snippets, and each data file's stylesheet.
//! What fails is said on stderr, and the rest is still written.

use super::{css_url, prerender, stylesheet};
use crate::model::load;
use std::path::{Path, PathBuf};

/// Reads a data file of the pages' folder, for [`prerender`].
type Read<'a> = dyn Fn(&str) -> Result<Vec<u8>, String> + 'a;

/// Pre-renders every page of `dir` into `out`, with its embed pages or
/// snippets, then each data file's stylesheet; whether all of it was
/// written.
pub fn prerender_folder(dir: &Path, out: &Path) -> bool {
    let read = |url: &str| -> Result<Vec<u8>, String> {
        std::fs::read(dir.join(url)).map_err(|e| format!("{url}: 无法读取（cannot read）：{e}"))
    };
    let pages = match std::fs::read_dir(dir) {
        Ok(entries) => {
            let mut pages: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "html"))
                .collect();
            pages.sort();
            pages
        }
        Err(e) => {
            eprintln!("{}: {e}", dir.display());
            return false;
        }
    };
    let mut ok = true;
    let mut data = Vec::new();
    for page in pages {
        ok &= prerender_page(&page, out, &read, &mut data);
    }
    ok &= stylesheets(data, out, &read);
    ok
}

/// Pre-renders one page into `out`, and its embed pages or snippets; adds
/// the data files it uses to `data`.
fn prerender_page(page: &Path, out: &Path, read: &Read, data: &mut Vec<String>) -> bool {
    let Ok(html) = std::fs::read_to_string(page) else {
        eprintln!("{}: 无法读取（cannot read）", page.display());
        return false;
    };
    let Some(name) = page.file_name() else {
        return true;
    };
    let built = match prerender(&html, read) {
        Ok(built) => built,
        Err(e) => {
            eprintln!("{}: {e}", page.display());
            return false;
        }
    };
    let mut ok = write(&out.join(name), &built.html);
    data.extend(built.data.clone());
    // An embed page (its chart named in its address) is also
    // written pre-rendered for each chart: embed-ID.html.
    if html.contains("data-embed") && html.contains("data-chart=\"\"") {
        ok &= embed_pages(page, &html, &built.data, out, read);
    }
    if !html.contains("data-embed") {
        ok &= snippets(&built.data, out, read);
    }
    ok
}

/// Writes the embed page `html` pre-rendered for each chart of the data
/// files `urls`, its chart named in its figure: embed-ID.html.
fn embed_pages(page: &Path, html: &str, urls: &[String], out: &Path, read: &Read) -> bool {
    let mut ok = true;
    for url in urls {
        for id in chart_ids(read, url) {
            let one = html.replacen("data-chart=\"\"", &format!("data-chart=\"{id}\""), 1);
            match prerender(&one, read) {
                Ok(b) => ok &= write(&out.join(format!("embed-{id}.html")), &b.html),
                Err(e) => {
                    eprintln!("{}: {e}", page.display());
                    ok = false;
                }
            }
        }
    }
    ok
}

/// Writes a snippet to paste into an article body for each chart of the
/// data files `urls`: snippets/ID.html.
fn snippets(urls: &[String], out: &Path, read: &Read) -> bool {
    let mut ok = true;
    for url in urls {
        for id in chart_ids(read, url) {
            let one = format!(
                "<div data-infographic=\"{url}\">\n<figure data-chart=\"{id}\"></figure>\n</div>\n"
            );
            match prerender(&one, read) {
                Ok(b) => {
                    let path = out.join("snippets").join(format!("{id}.html"));
                    ok &= write(&path, &snippet(&id, &b.html));
                }
                Err(e) => {
                    eprintln!("{id}: {e}");
                    ok = false;
                }
            }
        }
    }
    ok
}

/// A snippet of chart `id`, its pre-rendered figure `html`: the figure,
/// the stylesheets and what loads the engine.
fn snippet(id: &str, html: &str) -> String {
    format!(
        "<!-- 喀左时讯 数据图解：图表“{id}”。整段粘贴到文章正文中图表的位置。 -->\n\
         <link rel=\"stylesheet\" href=\"infographic.css\">\n{html}\
         <script type=\"module\" src=\"main.js\"></script>\n"
    )
}

/// Writes each data file's stylesheet, once (its bands take a layout per
/// width).
fn stylesheets(mut data: Vec<String>, out: &Path, read: &Read) -> bool {
    data.sort();
    data.dedup();
    let mut ok = true;
    for url in data {
        match read(&url).map(|bytes| load(&bytes)) {
            Ok(Ok(doc)) => ok &= write(&out.join(css_url(&url)), &stylesheet(&doc)),
            // prerender has reported what is wrong with the file.
            _ => ok = false,
        }
    }
    ok
}

/// The ids of the drawable charts of a data file (none if it cannot be read).
fn chart_ids(read: &Read, url: &str) -> Vec<String> {
    read(url)
        .ok()
        .and_then(|bytes| load(&bytes).ok())
        .map(|doc| {
            doc.charts
                .iter()
                .filter_map(|c| c.chart.as_ref().ok().map(|c| c.id.clone()))
                .collect()
        })
        .unwrap_or_default()
}

/// Writes `text` to `path`, creating its folder; says what failed.
fn write(path: &Path, text: &str) -> bool {
    let made = path
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| std::fs::write(path, text));
    match made {
        Ok(()) => true,
        Err(e) => {
            eprintln!("{}: 写入失败（cannot write）：{e}", path.display());
            false
        }
    }
}
