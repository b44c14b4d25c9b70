//! The crate's layers point one way (see ARCHITECTURE.md): every module
//! imports only modules of lower layers, only `web` touches the browser,
//! and only `render`, `site` and `web` use plotters. A source scan: each
//! `crate::NAME` in the code (not the comments) of a file under `src/` is
//! checked against the table.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

mod common;

use std::path::{Path, PathBuf};

/// Each module and its layer, lowest first. A module may import modules
/// of lower layers only.
const LAYERS: &[(&str, u8)] = &[
    // Leaves: they import nothing of the crate.
    ("color", 0),
    ("format::digits", 0),
    // The data file's types, reading and checks.
    ("model", 1),
    // Wording of figures; colours and type for a data file.
    ("format", 2),
    ("theme", 2),
    // Chart texts: summaries, tables, notes and source lines.
    ("describe", 3),
    // Geometry.
    ("layout", 4),
    // Drawing a scene; tips and keys over a scene; a figure's HTML.
    ("render", 5),
    ("interact", 5),
    ("markup", 5),
    // The build (native) and the browser (wasm32).
    ("site", 6),
    ("web", 6),
];

/// The module a file belongs to: `src/format/digits.rs` is
/// `format::digits`, `src/layout/bars.rs` is `layout`.
fn module_of(path: &Path, src: &Path) -> Option<String> {
    let rel = path.strip_prefix(src).ok()?.with_extension("");
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    match parts.as_slice() {
        [first, second, ..] if first == "format" && second == "digits" => {
            Some("format::digits".to_string())
        }
        [first, ..] if first == "lib" || first == "bin" => None,
        [first, ..] => Some(first.clone()),
        [] => None,
    }
}

fn layer(module: &str) -> u8 {
    LAYERS
        .iter()
        .find(|(m, _)| *m == module)
        .map(|(_, l)| *l)
        .unwrap_or_else(|| panic!("module {module} is not in the LAYERS table"))
}

/// The modules named by `crate::NAME` paths in `text` (with
/// `crate::format::digits` told apart from the rest of `format`).
fn imports(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if name.is_empty() {
            continue;
        }
        if name == "format" && rest.starts_with("format::digits") {
            found.push("format::digits".to_string());
        } else {
            found.push(name);
        }
    }
    found
}

fn every_source() -> Vec<(PathBuf, Option<String>, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    common::rust_sources(&src)
        .into_iter()
        .map(|path| {
            let module = module_of(&path, &src);
            // Code only: comments may name any module.
            let text = std::fs::read_to_string(&path)
                .unwrap()
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            (path, module, text)
        })
        .collect()
}

#[test]
fn imports_point_down_the_layers() {
    let mut wrong = Vec::new();
    for (path, module, text) in every_source() {
        let Some(module) = module else { continue };
        let own = layer(&module);
        for import in imports(&text) {
            let same = import == module || import.starts_with(&format!("{module}::"));
            if !same && layer(&import) >= own {
                wrong.push(format!("{}: {module} imports {import}", path.display()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn only_web_touches_the_browser_and_only_drawing_uses_plotters() {
    let mut wrong = Vec::new();
    for (path, module, text) in every_source() {
        let module = module.unwrap_or_default();
        for (word, allowed) in [
            ("web_sys", &["web"][..]),
            ("js_sys", &["web"][..]),
            ("wasm_bindgen", &["web"][..]),
            ("plotters", &["render", "site", "web"][..]),
        ] {
            // The one exception: JSON numbers read by the browser's own
            // exact parser (`js_sys::parse_float`), see model/json/decimal.rs.
            let excepted = word == "js_sys" && path.ends_with("src/model/json/decimal.rs");
            if text.contains(word) && !allowed.contains(&module.as_str()) && !excepted {
                wrong.push(format!("{}: {module} uses {word}", path.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The files of `web` (a file, or a folder such as `chart/`) and their
/// layers, lowest first: each imports (as `crate::web::NAME`) only files of
/// lower layers, so no two import each other, around any circle.
const WEB_LAYERS: &[(&str, u8)] = &[
    // Helpers over the browser: they import nothing of `web`.
    ("address", 0),
    ("banner", 0),
    ("canvas", 0),
    ("dom", 0),
    ("fetch", 0),
    ("schedule", 0),
    ("screen", 0),
    ("timer", 0),
    // The mode chosen at start; the save-image dialog.
    ("mode", 1),
    ("share", 1),
    // One chart.
    ("chart", 2),
    // A chart's life; the page events' reports.
    ("life", 3),
    ("report", 3),
    // The page's owner.
    ("app", 4),
    // What the owner does: its watchers, an embed's height, taking charts
    // over, preview's polling, start-up, the workbench.
    ("watch", 5),
    ("embed", 5),
    ("take_over", 6),
    ("preview", 7),
    ("start", 8),
    ("workbench", 9),
];

/// The file of `web` a path belongs to: `src/web/chart/tip.rs` is `chart`,
/// `src/web/start.rs` is `start`; the root (`mod.rs`, which declares the
/// files) is none.
fn web_file_of(path: &Path, web: &Path) -> Option<String> {
    let rel = path.strip_prefix(web).ok()?.with_extension("");
    let first = rel
        .components()
        .next()?
        .as_os_str()
        .to_string_lossy()
        .into_owned();
    (first != "mod").then_some(first)
}

/// The files of `web` that `text` names as `crate::web::NAME`.
fn web_imports(text: &str) -> Vec<String> {
    text.match_indices("crate::web::")
        .map(|(at, _)| {
            text[at + "crate::web::".len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .filter(|name| !name.is_empty())
        .collect()
}

/// Each import of `graph` (file, the files it imports) that does not point
/// to a lower layer of `layers`: empty when the files import each other in
/// no circle.
fn against_layers(graph: &[(String, Vec<String>)], layers: &[(&str, u8)]) -> Vec<String> {
    let layer = |name: &str| layers.iter().find(|(m, _)| *m == name).map(|(_, l)| *l);
    let mut wrong = Vec::new();
    for (file, imports) in graph {
        let Some(own) = layer(file) else {
            wrong.push(format!("{file} is not in the table"));
            continue;
        };
        for import in imports.iter().filter(|i| *i != file) {
            match layer(import) {
                Some(l) if l < own => {}
                _ => wrong.push(format!("{file} imports {import}")),
            }
        }
    }
    wrong
}

#[test]
fn web_files_import_down_their_layers_and_name_each_other_one_way() {
    let web = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web");
    let mut graph: Vec<(String, Vec<String>)> = Vec::new();
    let mut ways = Vec::new();
    for (path, _, text) in every_source() {
        let Some(file) = web_file_of(&path, &web) else {
            continue;
        };
        // One way to name a file of `web`: `crate::web::NAME` (a folder's
        // own files name each other `super::NAME`).
        let top_level = path.parent() == Some(web.as_path());
        if text.contains("super::super") || (top_level && text.contains("use super::")) {
            ways.push(format!(
                "{}: names a file of web other than crate::web::NAME",
                path.display()
            ));
        }
        let imports = web_imports(&text);
        match graph.iter_mut().find(|(f, _)| *f == file) {
            Some((_, all)) => all.extend(imports),
            None => graph.push((file, imports)),
        }
    }
    let wrong = against_layers(&graph, WEB_LAYERS);
    assert!(
        wrong.is_empty(),
        "web's imports against its layers:\n{}",
        wrong.join("\n")
    );
    assert!(ways.is_empty(), "{}", ways.join("\n"));
}

#[test]
fn the_web_check_finds_a_circle() {
    // Two files importing each other: whatever their layers, one import
    // points up, and the check names it.
    let graph = vec![
        ("app".to_string(), vec!["watch".to_string()]),
        ("watch".to_string(), vec!["app".to_string()]),
    ];
    assert_eq!(against_layers(&graph, WEB_LAYERS), ["app imports watch"]);
    let circle = vec![
        ("a".to_string(), vec!["b".to_string()]),
        ("b".to_string(), vec!["c".to_string()]),
        ("c".to_string(), vec!["a".to_string()]),
    ];
    // Around a circle of three, whatever the order, an import points up.
    for order in [[0, 1, 2], [2, 1, 0], [1, 2, 0]] {
        let layers = [("a", order[0]), ("b", order[1]), ("c", order[2])];
        assert!(!against_layers(&circle, &layers).is_empty(), "{layers:?}");
    }
    assert_eq!(
        web_imports("use crate::web::app::App;\nuse crate::web::dom;"),
        ["app", "dom"]
    );
    let web = Path::new("src/web");
    assert_eq!(
        web_file_of(Path::new("src/web/chart/tip.rs"), web).as_deref(),
        Some("chart")
    );
    assert_eq!(web_file_of(Path::new("src/web/mod.rs"), web), None);
}

#[test]
fn the_scan_sees_imports() {
    // The scan itself: an upward import is found.
    let text = "use crate::layout::Scene;\nuse crate::format::digits::number;";
    assert_eq!(imports(text), ["layout", "format::digits"]);
    assert!(layer("layout") > layer("model"));
    let src = Path::new("src");
    assert_eq!(
        module_of(Path::new("src/format/digits.rs"), src).as_deref(),
        Some("format::digits")
    );
    assert_eq!(
        module_of(Path::new("src/web/chart/tip.rs"), src).as_deref(),
        Some("web")
    );
    assert_eq!(module_of(Path::new("src/lib.rs"), src), None);
}
