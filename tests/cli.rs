//! The editors' command-line tool: the corpus of bad files, exit codes,
//! SVG export and the shipped JSON Schema.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::disallowed_methods
)]

mod common;

use kazuo_infographic::model::{Fields, Kind};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_infographic"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run infographic")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 output")
}

#[test]
fn every_bad_file_in_the_corpus_is_reported_with_its_message() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("expected") {
            continue;
        }
        let json = path.with_extension("json");
        let out = run(&["check", json.to_str().unwrap()]);
        let text = stdout(&out);
        assert_eq!(out.status.code(), Some(1), "{}: {text}", json.display());
        for want in std::fs::read_to_string(&path)
            .unwrap()
            .lines()
            .filter(|l| !l.is_empty())
        {
            assert!(
                text.contains(want),
                "{}: expected {want:?} in\n{text}",
                json.display()
            );
        }
        assert!(!text.contains("panicked"), "{text}");
        seen += 1;
    }
    assert!(seen >= 15, "only {seen} corpus files");
}

#[test]
fn good_files_pass() {
    for file in ["www/data/kazuo-2024.json", "tests/corpus/bom-accepted.json"] {
        let out = run(&["check", file]);
        assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
        assert!(stdout(&out).contains("没有发现问题，共 5 个图表"));
    }
}

#[test]
fn usage_errors_and_missing_files() {
    let out = run(&["check", "no/such/file.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("无法读取文件"));
    let out = run(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&[
        "check",
        "tests/corpus/empty.json",
        "www/data/kazuo-2024.json",
    ]);
    assert_eq!(out.status.code(), Some(1), "one bad file fails the run");
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("infographic-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn render_writes_an_svg_per_chart_with_every_label_and_value() {
    let out_dir = temp_dir("render");
    let out = run(&[
        "render",
        "www/data/kazuo-2024.json",
        "--out",
        out_dir.to_str().unwrap(),
        "--width",
        "390",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    for chart in common::charts() {
        let svg = std::fs::read_to_string(out_dir.join(format!("{}-390.svg", chart.id))).unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{}: {e}", chart.id));
        assert_eq!(doc.root_element().attribute("width"), Some("390"));
        assert_eq!(doc.root_element().attribute("role"), Some("img"));
        let text: String = doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text())
            .map(str::trim)
            .collect();
        let title = doc
            .descendants()
            .find(|n| n.has_tag_name("title"))
            .and_then(|n| n.text());
        assert_eq!(title, Some(chart.title.as_str()));
        let desc = doc
            .descendants()
            .find(|n| n.has_tag_name("desc"))
            .and_then(|n| n.text())
            .unwrap();
        assert_eq!(desc, kazuo_infographic::describe::summary(&chart));
        for want in common::labels(&chart)
            .iter()
            .chain(&common::figures(&chart))
        {
            assert!(
                text.contains(want.as_str()),
                "{}: {want} missing from the SVG",
                chart.id
            );
        }
        assert!(
            text.contains("数据来源：喀左时讯"),
            "{}: no source line",
            chart.id
        );
        let family = doc
            .descendants()
            .find(|n| n.has_tag_name("text"))
            .and_then(|n| n.attribute("font-family"))
            .unwrap();
        assert!(family.starts_with("\"PingFang SC\""), "{family}");
    }
    let _ = std::fs::remove_dir_all(&out_dir);
}

#[test]
fn render_of_a_bad_file_fails_but_writes_the_good_charts() {
    let out_dir = temp_dir("render-bad");
    let out = run(&[
        "render",
        "tests/corpus/number-as-text.json",
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!out_dir.join("targets-640.svg").exists());
    assert!(out_dir.join("projects-640.svg").exists());
    let _ = std::fs::remove_dir_all(&out_dir);
}

#[test]
fn the_shipped_schema_is_the_generated_one() {
    let shipped = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("www/data/infographic.schema.json"),
    )
    .unwrap();
    let generated = stdout(&run(&["schema"]));
    assert_eq!(
        shipped, generated,
        "regenerate with: cargo run --bin infographic -- schema --out www/data/infographic.schema.json"
    );
    let schema: serde_json::Value = serde_json::from_str(&shipped).unwrap();
    let kinds = schema
        .pointer("/$defs/Kind/oneOf")
        .unwrap()
        .as_array()
        .unwrap();
    let names: Vec<&str> = kinds.iter().filter_map(|k| k["const"].as_str()).collect();
    let declared: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
    assert_eq!(names, declared, "every declared kind, in order");
    // What VS Code shows of each kind is its declaration's words, and every
    // description that lists kinds names the declared ones.
    for (kind, shown) in Kind::ALL.iter().zip(kinds) {
        let spec = kind.spec();
        let words = shown["description"].as_str().unwrap();
        assert!(
            words.contains(spec.words.zh) && words.contains(spec.words.en),
            "{words}"
        );
    }
    let said = |pointer: &str| {
        schema
            .pointer(pointer)
            .unwrap()
            .as_str()
            .unwrap()
            .to_string()
    };
    let kind_words = said("/$defs/Kind/description");
    let item_words = said("/$defs/Item/description");
    for kind in Kind::ALL {
        assert!(
            kind_words.contains(kind.name()),
            "{kind_words} lacks {}",
            kind.name()
        );
        if kind.spec().fields == Fields::Items {
            assert!(
                item_words.contains(kind.name()),
                "{item_words} lacks {}",
                kind.name()
            );
        }
    }
    assert_eq!(
        schema["additionalProperties"],
        serde_json::Value::Bool(false)
    );
    let data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(common::DATA).unwrap()).unwrap();
    assert_eq!(data["$schema"], "./infographic.schema.json");
}

#[test]
fn prerender_fills_every_figure_and_writes_the_stylesheet_and_snippets() {
    let out = std::env::temp_dir().join(format!("infographic-prerender-{}", std::process::id()));
    let o = run(&["prerender", "www", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(page.contains("<link rel=\"stylesheet\" href=\"data/kazuo-2024.css\">"));
    assert!(!page.contains("<noscript"));
    for chart in common::charts() {
        let open = format!("<figure data-chart=\"{}\" class=\"ig-chart\">", chart.id);
        let figure = page.split(&open).nth(1).expect("figure filled in");
        let figure = figure.split("</figure>").next().unwrap();
        assert!(figure.contains(&format!(
            " elementtiming=\"ig-{}\">{}</h2>",
            chart.id, chart.title
        )));
        let summary = kazuo_infographic::describe::summary(&chart);
        assert!(figure.contains(&format!(">{summary}</p>")), "{}", chart.id);
        assert_eq!(figure.matches("<svg class=\"ig-static\"").count(), 2);
        // The controls are there, hidden until the engine takes the figure over.
        assert!(figure.contains("<details class=\"ig-data\" hidden>"));
        assert!(figure.contains("<button class=\"ig-save\" type=\"button\""));
        assert!(!figure.contains("<table"), "the table is built on demand");
        // Each chart has a paste-in snippet and a pre-rendered embed page.
        let snippet =
            std::fs::read_to_string(out.join(format!("snippets/{}.html", chart.id))).unwrap();
        assert!(snippet.contains(&open) && snippet.contains("src=\"main.js\""));
        assert!(out.join(format!("embed-{}.html", chart.id)).exists());
    }
    assert!(out.join("data/kazuo-2024.css").exists());
    std::fs::remove_dir_all(&out).unwrap();
}

/// WeChat and print: every chart of both articles as a PNG (at 2× and 3×), at most 1080 px
/// wide, its background painted and its text drawn (in a CJK font of the
/// machine: a text-less image would have few dark pixels).
#[test]
fn render_writes_pngs_for_wechat() {
    use kazuo_infographic::render::Fonts;
    use resvg::tiny_skia::Pixmap;
    let out = std::env::temp_dir().join(format!("infographic-png-{}", std::process::id()));
    for (file, charts, scale) in [
        ("www/data/kazuo-2024.json", 5, "2"),
        ("www/data/kazuo-2024.json", 5, "3"),
        ("www/data/national-2024.json", 5, "2"),
        ("www/data/national-2024.json", 5, "3"),
        ("www/data/examples.json", 5, "2"),
    ] {
        let o = run(&[
            "render",
            file,
            "--out",
            out.to_str().unwrap(),
            "--format",
            "png",
            "--scale",
            scale,
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
        let written: Vec<String> = stdout(&o).lines().map(str::to_string).collect();
        assert_eq!(written.len(), charts, "{written:?}");
        for path in &written {
            let png = Pixmap::load_png(path).unwrap();
            assert_eq!(png.width(), 1080, "{path}");
            assert!(png.height() > 250, "{path}: {} px tall", png.height());
            let pixels = png.pixels();
            let dark = pixels
                .iter()
                .filter(|p| {
                    p.alpha() == 255
                        && u16::from(p.red()) + u16::from(p.green()) + u16::from(p.blue()) < 200
                })
                .count();
            let white = pixels
                .iter()
                .filter(|p| p.red() == 255 && p.green() == 255 && p.blue() == 255)
                .count();
            let share = |n: usize| n as f64 / pixels.len() as f64;
            assert!(share(white) > 0.5, "{path}: the background is not painted");
            assert!(
                share(dark) > 0.004,
                "{path}: {:.4} dark: no text?",
                share(dark)
            );
        }
    }
    let _ = std::fs::remove_dir_all(&out);
    // The fonts the images are drawn in are the house style's.
    assert!(Fonts::system("\"Noto Sans CJK SC\", sans-serif").is_ok());
    assert!(Fonts::system("\"No Such Font 12345\"").is_err());
}

/// The editing guide's pictures (README) are the second article's charts
/// and the guide's examples as the command line renders them now.
#[test]
fn the_guide_pictures_are_current() {
    let out = std::env::temp_dir().join(format!("infographic-guide-{}", std::process::id()));
    let guide = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/img/guide");
    for (file, ids) in [
        (
            "www/data/national-2024.json",
            &[
                "targets-2024",
                "targets-2023",
                "results-2023",
                "targets-2023-2024",
                "gdp-growth",
            ][..],
        ),
        (
            "www/data/examples.json",
            &[
                "example-ranges",
                "example-counts",
                "example-quarters",
                "example-months",
                "example-levels",
            ][..],
        ),
    ] {
        let o = run(&[
            "render",
            file,
            "--width",
            "390",
            "--out",
            out.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        for id in ids {
            let name = format!("{id}-390.svg");
            let fresh = std::fs::read_to_string(out.join(&name)).unwrap();
            let shipped = std::fs::read_to_string(guide.join(&name)).unwrap();
            assert!(
                fresh == shipped,
                "{name} is stale: cargo run --bin infographic -- render {file} --width 390 --out www/img/guide"
            );
        }
    }
    std::fs::remove_dir_all(&out).unwrap();
}
