//! Targets as Chinese plans write them: every qualifier (以上, 不低于, 以内,
//! 以下, 不超过, 左右, 多), a range, a decrease and a target in words,
//! worded the same in the chart, its tips, the summary, the data table and
//! the SVG, and drawn (a floor's arrow, a ceiling's cap, an about-band, a
//! range's span); a result stands beside its plan, never judged; grouped
//! bars show each series in its colour and words.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::disallowed_methods
)]

mod common;

use kazuo_infographic::describe::{summary, table};
use kazuo_infographic::layout::{layout, ApproxMeasure, Scene, Shape};
use kazuo_infographic::model::{load, Chart};
use kazuo_infographic::render::to_svg;
use kazuo_infographic::theme::Theme;

const DATA: &str = r#"{"publication": "P", "updated": "2024年3月", "charts": [
 {"id": "plan", "kind": "target", "title": "t", "subtitle": "s", "source": "S", "items": [
  {"label": "国内生产总值增长", "unit": "%", "plan": 5, "bound": "左右"},
  {"label": "居民消费价格涨幅", "unit": "%", "plan": 3, "bound": "以内"},
  {"label": "进出口增长", "unit": "%", "plan": 6, "plan_to": 7},
  {"label": "单位国内生产总值能耗", "unit": "%", "plan": 2.5, "bound": "左右", "decrease": "降低"},
  {"label": "外贸增长", "unit": "%", "plan": 8, "bound": "不低于"},
  {"label": "赤字率", "unit": "%", "plan": 3, "bound": "不超过"},
  {"label": "研发投入增长", "unit": "%", "plan": 8, "bound": "以上"},
  {"label": "居民收入增长", "text": "和经济增长同步"}]},
 {"id": "more", "kind": "target", "title": "t", "subtitle": "s", "source": "S", "items": [
  {"label": "主要污染物排放量", "unit": "%", "plan": 3, "decrease": "下降"},
  {"label": "城镇调查失业率", "unit": "%", "plan": 5.5, "bound": "以下"},
  {"label": "一般公共预算收入增长", "unit": "%", "plan": 6.5, "plan_to": 7, "range_word": "至"},
  {"label": "社会消费品零售总额增长", "unit": "%", "plan": 6, "plan_to": 7, "range_word": "～"},
  {"label": "化肥用量", "unit": "%", "plan": 2, "bound": "以上", "decrease": "减少"}]},
 {"id": "done", "kind": "target", "title": "t", "subtitle": "s", "source": "S", "items": [
  {"label": "国内生产总值增长", "unit": "%", "plan": 5, "bound": "左右", "result": 5.2},
  {"label": "居民消费价格涨幅", "unit": "%", "plan": 3, "bound": "左右", "result": 0.2},
  {"label": "城镇调查失业率", "unit": "%", "plan": 5.5, "bound": "以下", "result": 5.2}]},
 {"id": "cards", "kind": "cards", "title": "t", "subtitle": "s", "source": "S", "items": [
  {"label": "城镇新增就业", "unit": "万人", "plan": 1200, "bound": "以上"},
  {"label": "主要产品出口", "unit": "个", "result": 50, "bound": "多", "note": "国家和地区"},
  {"label": "单位国内生产总值能耗", "unit": "%", "plan": 2.5, "bound": "左右", "decrease": "降低"},
  {"label": "城镇新增就业（2023年）", "unit": "万人", "plan": 1200, "bound": "左右", "result": 1244},
  {"label": "居民收入增长", "text": "和经济增长同步"}]}]}"#;

fn chart(id: &str) -> Chart {
    let doc = load(DATA.as_bytes()).unwrap_or_else(|p| panic!("{p:?}"));
    doc.chart(id).unwrap().chart.clone().unwrap()
}

fn scene(id: &str, width: f64) -> Scene {
    layout(&chart(id), width, &ApproxMeasure, &Theme::light())
}

fn printed(scene: &Scene) -> Vec<String> {
    scene.texts().map(|t| t.text.clone()).collect()
}

/// The tip of the mark labelled `label`: its figure and its note.
fn tip(scene: &Scene, label: &str) -> (String, String) {
    let mark = scene
        .marks
        .iter()
        .find(|m| m.label.ends_with(label))
        .unwrap_or_else(|| panic!("no mark {label}"));
    (mark.value.clone(), mark.note.clone().unwrap_or_default())
}

/// Each qualifier as newspapers print it.
const PLANS: [(&str, &str); 8] = [
    ("国内生产总值增长", "5%左右"),
    ("居民消费价格涨幅", "3%以内"),
    ("进出口增长", "6%—7%"),
    ("单位国内生产总值能耗", "降低2.5%左右"),
    ("外贸增长", "不低于8%"),
    ("赤字率", "不超过3%"),
    ("研发投入增长", "8%以上"),
    ("居民收入增长", "和经济增长同步"),
];

/// The other decrease words, a ceiling with no result, and the other ways
/// of writing a range.
const MORE: [(&str, &str); 5] = [
    ("主要污染物排放量", "下降3%"),
    ("城镇调查失业率", "5.5%以下"),
    ("一般公共预算收入增长", "6.5%至7%"),
    ("社会消费品零售总额增长", "6%～7%"),
    ("化肥用量", "减少2%以上"),
];

/// Chart `id`'s plans are worded `plans` in the chart at every width, in
/// its tips, its SVG, its summary and its data table.
fn worded_alike(id: &str, plans: &[(&str, &str)]) {
    let plan = chart(id);
    let about = summary(&plan);
    let rows = table(&plan).rows;
    for width in [320.0, 390.0, 768.0, 1200.0] {
        let scene = scene(id, width);
        let texts = printed(&scene);
        let svg = to_svg(&scene, "sans-serif").unwrap();
        for &(label, words) in plans {
            assert!(
                texts.iter().any(|t| t == words),
                "{width}px: {words} not in {texts:?}"
            );
            assert_eq!(tip(&scene, label).0, words);
            assert!(svg.contains(words), "{words} not in the SVG");
        }
    }
    for &(label, words) in plans {
        assert!(about.contains(words), "{words} not in {about}");
        let row = rows.iter().find(|r| r[0] == label).unwrap();
        assert_eq!(row[1], words, "table row {row:?}");
    }
    // No minus sign for a decrease, anywhere.
    assert!(!about.contains('-') && !about.contains('−'), "{about}");
}

#[test]
fn every_qualifier_is_worded_alike_in_chart_tip_summary_table_and_svg() {
    worded_alike("plan", &PLANS);
    worded_alike("more", &MORE);
    // Tips say what a qualifier makes of its figure.
    let scene = scene("plan", 390.0);
    assert!(tip(&scene, "居民消费价格涨幅").1.contains("为上限（以内）"));
    assert!(tip(&scene, "国内生产总值增长").1.contains("为约数（左右）"));
    assert!(tip(&scene, "外贸增长").1.contains("为下限（不低于）"));
    assert!(tip(&scene, "进出口增长").1.contains("为区间"));
    let more = self::scene("more", 390.0);
    assert!(tip(&more, "城镇调查失业率").1.contains("为上限（以下）"));
    assert!(tip(&more, "一般公共预算收入增长").1.contains("为区间"));
}

#[test]
fn results_stand_beside_their_plans_and_are_never_judged() {
    let done = chart("done");
    let scene = scene("done", 390.0);
    let texts = printed(&scene);
    for words in [
        "5.2%（目标5%左右）",
        "0.2%（目标3%左右）",
        "5.2%（目标5.5%以下）",
    ] {
        assert!(texts.iter().any(|t| t == words), "{words} not in {texts:?}");
    }
    let about = summary(&done);
    assert!(
        about.contains("国内生产总值增长5.2%（目标5%左右）"),
        "{about}"
    );
    for verdict in ["达到", "完成目标", "未完成", "超额"] {
        assert!(!about.contains(verdict), "{verdict} in {about}");
        assert!(
            !texts.iter().any(|t| t.contains(verdict)),
            "{verdict} in the chart"
        );
    }
    let rows = table(&done).rows;
    assert_eq!(rows[0][1..3], ["5%左右".to_string(), "5.2%".to_string()]);
    // The key names what each mark is.
    for key in ["目标", "实际", "目标为约数", "目标为上限"] {
        assert!(
            texts.iter().any(|t| t == key),
            "{key} not in the key: {texts:?}"
        );
    }
}

#[test]
fn cards_carry_qualifiers_decreases_words_and_results() {
    let cards = chart("cards");
    let scene = scene("cards", 390.0);
    let texts = printed(&scene).join("|");
    // A card sets the number large and its words and unit beside it.
    for part in [
        "1200|万人以上",
        "50|多个",
        "降低|2.5|%左右",
        "1244|万人",
        "目标1200万人左右",
        "和经济增长同步",
    ] {
        assert!(texts.contains(part), "{part} not in {texts}");
    }
    let svg = to_svg(&scene, "sans-serif").unwrap();
    for part in ["万人以上", "多个", "目标1200万人左右", "和经济增长同步"] {
        assert!(svg.contains(part), "{part} not in the SVG");
    }
    assert_eq!(tip(&scene, "城镇新增就业").0, "1200万人以上");
    assert_eq!(tip(&scene, "主要产品出口").0, "50多个");
    assert_eq!(
        tip(&scene, "城镇新增就业（2023年）").0,
        "1244万人（目标1200万人左右）"
    );
    assert_eq!(tip(&scene, "居民收入增长").0, "和经济增长同步");
    let about = summary(&cards);
    for words in [
        "1200万人以上",
        "50多个（国家和地区）",
        "降低2.5%左右",
        "1244万人（目标1200万人左右）",
        "和经济增长同步",
    ] {
        assert!(about.contains(words), "{words} not in {about}");
    }
    let cells: Vec<String> = table(&cards)
        .rows
        .into_iter()
        .map(|r| r[1].clone())
        .collect();
    assert_eq!(
        cells,
        [
            "1200万人以上",
            "50多个",
            "降低2.5%左右",
            "1244万人（目标1200万人左右）",
            "和经济增长同步"
        ]
    );
}

/// The shapes drawn for each plan, by what its qualifier says.
#[test]
fn each_qualifier_is_drawn() {
    let scene = scene("plan", 768.0);
    let of = |i: usize| -> Vec<&Shape> {
        scene
            .shapes
            .iter()
            .filter(|p| p.mark == Some(i))
            .map(|p| &p.shape)
            .collect()
    };
    let count = |i: usize, f: &dyn Fn(&Shape) -> bool| of(i).into_iter().filter(|s| f(s)).count();
    let arrow = |s: &Shape| matches!(s, Shape::Polygon { .. });
    let cap = |s: &Shape| matches!(s, Shape::Line { stroke, from, to } if stroke.width >= 3.0 && from.x == to.x);
    let band = |s: &Shape| matches!(s, Shape::Rect { rect, stroke: Some(_), .. } if (rect.w - 10.0).abs() < 0.01);
    let rect = |s: &Shape| matches!(s, Shape::Rect { .. });
    // 左右: a band; 以内 and 不超过: a cap; 不低于 and 以上: an arrow.
    assert_eq!(count(0, &band), 1, "about-band");
    assert_eq!(count(1, &cap), 1, "ceiling's cap (以内)");
    assert_eq!(count(5, &cap), 1, "ceiling's cap (不超过)");
    assert_eq!(count(4, &arrow), 1, "floor's arrow (不低于)");
    assert_eq!(count(6, &arrow), 1, "floor's arrow (以上)");
    for i in [0, 1, 2, 3, 5, 7] {
        assert_eq!(count(i, &arrow), 0, "row {i} has no arrow");
    }
    // A range: the outline to its upper end, and the span within it.
    assert_eq!(count(2, &rect), 2, "range: outline and span");
    // The decrease grows leftwards from zero: its bar starts left of the others'.
    let left = |i: usize| -> f64 {
        of(i)
            .into_iter()
            .filter_map(|s| match s {
                Shape::Rect { rect, .. } => Some(rect.x),
                _ => None,
            })
            .fold(f64::INFINITY, f64::min)
    };
    assert!(left(3) < left(0), "the decrease is drawn leftwards");
    // The target in words draws no bar.
    assert_eq!(count(7, &rect), 0);
}

const GROUPED: &str = r#"{"publication": "P", "updated": "U", "charts": [
 {"id": "g", "kind": "grouped", "title": "t", "subtitle": "s", "source": "S", "items": [
  {"label": "国内生产总值增长", "group": "2023年目标", "unit": "%", "plan": 5, "bound": "左右"},
  {"label": "国内生产总值增长", "group": "2023年实际", "unit": "%", "result": 5.2},
  {"label": "国内生产总值增长", "group": "2024年目标", "unit": "%", "plan": 5, "bound": "左右"},
  {"label": "赤字率", "group": "2023年目标", "unit": "%", "plan": 3},
  {"label": "赤字率", "group": "2024年目标", "unit": "%", "plan": 3}]}]}"#;

#[test]
fn grouped_bars_show_each_series_in_its_colour_and_words() {
    let doc = load(GROUPED.as_bytes()).unwrap();
    let chart = doc.charts[0].chart.clone().unwrap();
    for width in [320.0, 390.0, 768.0, 1200.0] {
        let scene = layout(&chart, width, &ApproxMeasure, &Theme::light());
        let texts = printed(&scene);
        for words in [
            "2023年目标",
            "2023年实际",
            "2024年目标",
            "5%左右",
            "5.2%",
            "3%",
            "—",
        ] {
            assert!(
                texts.iter().any(|t| t == words),
                "{width}px: {words} not in {texts:?}"
            );
        }
        common::assert_texts_inside(&scene, width);
        // One mark per category, its hit area a fingertip at least.
        assert_eq!(scene.marks.len(), 2);
        assert_eq!(
            scene.marks[0].value,
            "2023年目标5%左右，2023年实际5.2%，2024年目标5%左右"
        );
        assert_eq!(
            scene.marks[1].value,
            "2023年目标3%，2023年实际—，2024年目标3%"
        );
        assert!(scene.marks.iter().all(|m| m.hit.h >= 44.0));
        // Three series, three colours: the newest in the accent.
        let fills: Vec<_> = scene
            .shapes
            .iter()
            .filter(|p| p.mark == Some(0))
            .filter_map(|p| match &p.shape {
                Shape::Rect {
                    fill: Some(f),
                    stroke: None,
                    ..
                } => Some(*f),
                _ => None,
            })
            .collect();
        assert_eq!(fills.len(), 3);
        // Each 左右 plan shown alone carries an about-band at its end, as in
        // target charts, and the key names it; exact plans carry none.
        let bands = |mark| {
            scene
                .shapes
                .iter()
                .filter(|p| p.mark == Some(mark))
                .filter(|p| matches!(&p.shape, Shape::Rect { stroke: Some(_), rect, .. } if (rect.w - 10.0).abs() < 0.01))
                .count()
        };
        assert_eq!((bands(0), bands(1)), (2, 0), "{width}px");
        assert!(
            texts.iter().any(|t| t == "目标为约数"),
            "{width}px: {texts:?}"
        );
        assert!(fills[0] != fills[1] && fills[1] != fills[2] && fills[0] != fills[2]);
        assert_eq!(fills[2], Theme::light().accent);
    }
    let about = summary(&chart);
    assert!(
        about.contains("图表按2023年目标、2023年实际、2024年目标比较2项指标"),
        "{about}"
    );
    assert!(
        about.contains("赤字率：2023年目标3%，2023年实际—，2024年目标3%"),
        "{about}"
    );
    let t = table(&chart);
    assert_eq!(t.head, ["指标", "2023年目标", "2023年实际", "2024年目标"]);
    assert_eq!(t.rows[0], ["国内生产总值增长", "5%左右", "5.2%", "5%左右"]);
}

#[test]
fn grouped_bars_refuse_what_they_cannot_draw() {
    let problems = common::first_chart_problems;
    let no_group = GROUPED.replace(r#""group": "2023年实际", "#, "");
    assert!(
        problems(&no_group).contains("都需要“group”"),
        "{}",
        problems(&no_group)
    );
    let twice = GROUPED.replace("2023年实际", "2023年目标");
    assert!(
        problems(&twice).contains("出现了两次"),
        "{}",
        problems(&twice)
    );
    let one = GROUPED
        .replace("2023年实际", "2023年目标")
        .replace("2024年目标", "2023年目标");
    assert!(problems(&one).contains("两到三组"), "{}", problems(&one));
    let words = GROUPED.replace(r#""unit": "%", "result": 5.2"#, r#""text": "同步""#);
    assert!(
        problems(&words).contains("grouped 图表的每一项都要有数值"),
        "{}",
        problems(&words)
    );
}

/// A note after a figure that ends in brackets goes inside them: the
/// summary never says "）（".
#[test]
fn a_note_joins_the_brackets_of_its_figure() {
    let text = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/www/data/national-2024.json"
    ))
    .unwrap();
    let doc = load(&text).unwrap_or_else(|p| panic!("{p:?}"));
    let results = doc.chart("results-2023").unwrap().chart.clone().unwrap();
    let about = summary(&results);
    assert!(
        about.contains("13908亿斤（目标1.3万亿斤以上；即69541万吨）"),
        "{about}"
    );
    for entry in &doc.charts {
        let about = summary(entry.chart.as_ref().unwrap());
        assert!(!about.contains("）（"), "{about}");
    }
    // A figure with no brackets takes the note in its own.
    assert!(summary(&chart("cards")).contains("50多个（国家和地区）"));
}
