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

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn every_source() -> Vec<(PathBuf, Option<String>, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    files.sort();
    files
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
