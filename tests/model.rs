//! The data model: the bundled figures, and every kind of bad file.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::disallowed_methods
)]

mod common;

use kazuo_infographic::model::{load, Body, Bound, Problem};

fn problems(json: &str) -> Vec<Problem> {
    match load(json.as_bytes()) {
        Err(p) => p,
        Ok(doc) => doc.problems().cloned().collect(),
    }
}

fn chart_json(body: &str) -> String {
    format!(
        r#"{{"publication":"喀左时讯","updated":"2024年3月","charts":[
{{"id":"a","kind":"bars","title":"T","subtitle":"S","source":"数据来源：喀左时讯",
 "items":[{{"label":"甲","unit":"亿元","plan":1}}]}},
{body}]}}"#
    )
}

#[test]
fn bundled_growth_targets_are_exact() {
    let doc = common::document();
    let chart = doc.chart("targets").unwrap().chart.as_ref().unwrap();
    let Body::Target(items) = &chart.body else {
        panic!("targets is a target chart")
    };
    let got: Vec<(&str, f64, Bound)> = items
        .iter()
        .map(|i| (i.label.as_str(), i.plan.unwrap(), i.bound))
        .collect();
    let want = [
        ("固定资产投资", 15.0, Bound::Exact),
        ("一般公共预算收入", 10.0, Bound::Exact),
        ("社会消费品零售总额", 10.0, Bound::Exact),
        ("规模以上工业增加值", 8.0, Bound::Exact),
        ("进出口总额", 8.0, Bound::Above),
        ("地区生产总值", 6.5, Bound::Exact),
    ];
    assert_eq!(got, want);
    assert!(items.iter().all(|i| i.unit == "%" && i.result.is_none()));
}

#[test]
fn bundled_project_plan_derives_the_rest() {
    let doc = common::document();
    let chart = doc.chart("projects").unwrap().chart.as_ref().unwrap();
    let Body::Part(part) = &chart.body else {
        panic!("projects is a part chart")
    };
    let m: Vec<(f64, f64, f64)> = part
        .measures
        .iter()
        .map(|m| (m.whole, m.parts[0], m.rest()))
        .collect();
    assert_eq!(m, vec![(200.0, 119.0, 81.0), (377.0, 170.0, 207.0)]);
}

#[test]
fn bundled_cards_carry_every_statistic() {
    let doc = common::document();
    let mut figures: Vec<(String, f64, String)> = Vec::new();
    for id in ["technology", "firms"] {
        let chart = doc.chart(id).unwrap().chart.as_ref().unwrap();
        let Body::Cards(items) = &chart.body else {
            panic!("{id} is a cards chart")
        };
        figures.extend(
            items
                .iter()
                .map(|i| (i.label.clone(), i.value(), i.unit.clone())),
        );
    }
    for (label_part, value, unit) in [
        ("科技型中小企业", 48.0, "家"),
        ("高层次人才", 178.0, "人次"),
        ("产学研联盟", 8.0, "个"),
        ("研发费用加计扣除", 5600.0, "万元"),
        ("政策资金", 645.0, "万元"),
        ("开展合作的大院", 14.0, "所"),
        ("转化科技成果", 25.0, "项"),
        ("技术合同交易额", 1.51, "亿元"),
        ("揭榜挂帅", 12.0, "个"),
        ("带土移植", 5.0, "个"),
        ("全年派驻特派员", 27.0, "人"),
        ("科技特派员（组）", 3.0, "个"),
        ("科普基地", 2.0, "个"),
        ("研发服务平台", 2.0, "个"),
        ("发展难题", 12.0, "项"),
        ("白羽肉鸡", 150_000.0, "只"),
        ("日产值", 500.0, "万元"),
        ("轮毂", 750.0, "套"),
        ("出口美国、英国、德国等国家和地区", 50.0, "个"),
        ("本地配套率", 40.0, "%"),
        ("设施农业", 3800.0, "亩"),
        ("高标准农田", 50_000.0, "亩"),
        ("实际困难", 196.0, "个"),
    ] {
        assert!(
            figures
                .iter()
                .any(|(l, v, u)| l.contains(label_part) && *v == value && u == unit),
            "missing {label_part} {value}{unit}"
        );
    }
    let q1: Vec<f64> = figures
        .iter()
        .filter(|(l, _, _)| l.contains("一季度"))
        .map(|f| f.1)
        .collect();
    assert_eq!(q1, vec![4.0, 2.0]);
}

#[test]
fn misspelled_key_suggests_the_right_one() {
    let p = problems(&chart_json(
        r#"{"id":"b","kind":"bars","titel":"T","subtitle":"S","source":"x","items":[]}"#,
    ));
    // Every problem at once: the unknown key, and the key it should have been.
    assert_eq!(p.len(), 2, "{p:?}");
    assert_eq!(p[0].path, "charts[1].titel");
    assert!(p[0].zh.contains("是不是“title”"), "{}", p[0].zh);
    // Line 4 is the second chart; `"titel"` starts at its 25th character.
    let pos = p[0].position.unwrap();
    assert_eq!((pos.line, pos.column), (4, 25));
    assert_eq!(p[1].path, "charts[1]");
    assert_eq!(p[1].zh, "缺少必填字段“title”");
}

#[test]
fn a_number_as_text_is_a_type_error_with_path() {
    let p = problems(&chart_json(
        r#"{"id":"b","kind":"bars","title":"T","subtitle":"S","source":"x",
            "items":[{"label":"甲","unit":"%","plan":"6.5"}]}"#,
    ));
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].path, "charts[1].items[0].plan");
    assert!(p[0].zh.contains("应为数字"), "{}", p[0].zh);
    assert!(p[0].en.contains("expected a number"), "{}", p[0].en);
    // Points at the value's opening quote: line 5, after 52 characters of indent and keys.
    let line5 = r#"            "items":[{"label":"甲","unit":"%","plan":"6.5"}]}"#;
    let col = line5.chars().take_while(|c| *c != '6').count(); // the quote before 6.5
    assert_eq!(p[0].position.map(|p| (p.line, p.column)), Some((5, col)));
}

#[test]
fn one_broken_chart_leaves_the_others_drawable() {
    let doc = load(
        chart_json(r#"{"id":"b","kind":"pie","title":"T","subtitle":"S","source":"x"}"#).as_bytes(),
    )
    .unwrap();
    assert!(doc.chart("a").unwrap().chart.is_ok());
    let bad = doc.chart("b").unwrap().chart.as_ref().unwrap_err();
    assert_eq!(bad[0].path, "charts[1].kind");
    assert!(bad[0].zh.contains("未知取值“pie”"), "{}", bad[0].zh);
}

#[test]
fn parts_larger_than_their_whole_are_caught() {
    let p = problems(&chart_json(
        r#"{"id":"b","kind":"part","title":"T","subtitle":"S","source":"x",
            "part_labels":["新建项目"],"rest_label":"其他",
            "measures":[{"label":"项目数","unit":"个","whole":119,"parts":[200]}]}"#,
    ));
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].path, "charts[1].measures[0].parts");
    assert!(p[0].zh.contains("大于总数"), "{}", p[0].zh);
}

#[test]
fn missing_fields_negative_parts_and_wrong_kind_fields() {
    let p = problems(&chart_json(
        r#"{"id":"b","kind":"part","title":"T","subtitle":"S","source":"x",
            "items":[], "part_labels":["新建"],"rest_label":"其他",
            "measures":[{"label":"项目数","unit":"个","whole":0,"parts":[-1, 2]}]}"#,
    ));
    let paths: Vec<&str> = p.iter().map(|p| p.path.as_str()).collect();
    assert!(paths.contains(&"charts[1].items"), "{paths:?}");
    assert!(paths.contains(&"charts[1].measures[0].whole"), "{paths:?}");
    assert!(
        paths.contains(&"charts[1].measures[0].parts[0]"),
        "{paths:?}"
    );
    assert!(paths.contains(&"charts[1].measures[0].parts"), "{paths:?}");

    let p = problems(&chart_json(
        r#"{"id":"b","kind":"target","title":"T","subtitle":"S","source":"x",
            "items":[{"label":"甲","unit":"%","result":3}]}"#,
    ));
    assert_eq!(p[0].path, "charts[1].items[0].plan");
    let p = problems(&chart_json(
        r#"{"id":"b","kind":"bars","subtitle":"S","source":"x"}"#,
    ));
    assert!(p[0].zh.contains("缺少必填字段“title”"), "{}", p[0].zh);
}

#[test]
fn duplicate_ids_are_caught() {
    let p = problems(&chart_json(
        r#"{"id":"a","kind":"bars","title":"T","subtitle":"S","source":"x",
            "items":[{"label":"乙","unit":"亿元","plan":1}]}"#,
    ));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].zh.contains("重复"), "{}", p[0].zh);
    assert_eq!(p[0].path, "charts[1].id");
}

#[test]
fn syntax_errors_have_line_and_column() {
    let p =
        problems("{\n  \"publication\": \"喀左时讯\",\n  \"updated\": \"x\"\n  \"charts\": []\n}");
    assert_eq!(p.len(), 1);
    let pos = p[0].position.unwrap();
    assert_eq!((pos.line, pos.column), (4, 3));
    assert!(p[0].zh.contains("逗号"), "{}", p[0].zh);
}

#[test]
fn encodings() {
    // Empty and blank files.
    assert!(problems("")[0].zh.contains("空"));
    assert!(problems("  \n ")[0].zh.contains("空"));
    // A UTF-8 byte-order mark is accepted.
    let bom = [b"\xEF\xBB\xBF".as_slice(), chart_json("{\"id\":\"b\",\"kind\":\"bars\",\"title\":\"T\",\"subtitle\":\"S\",\"source\":\"x\",\"items\":[{\"label\":\"乙\",\"unit\":\"个\",\"plan\":1}]}").as_bytes()].concat();
    assert!(load(&bom).is_ok());
    // GBK: "喀左" is C5 BF D7 F3 in GBK.
    let gbk = b"{\"publication\":\"\xC5\xBF\xD7\xF3\"}";
    let p = load(gbk).unwrap_err();
    assert!(p[0].zh.contains("GBK"), "{}", p[0].zh);
    // C5 BF happens to be valid UTF-8 (U+017F); decoding fails at D7 F3.
    assert_eq!(p[0].position.unwrap().column, 18);
    // UTF-16.
    assert!(load(b"\xFF\xFE{\x00").unwrap_err()[0].zh.contains("UTF-16"));
}

#[test]
fn unknown_top_level_key() {
    let p = problems(r#"{"publication":"x","updated":"y","chart":[]}"#);
    assert!(p[0].zh.contains("是不是“charts”"), "{}", p[0].zh);
}

#[test]
fn theme_section_sets_the_house_style_and_bad_colours_only_warn() {
    let doc = common::document();
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    let light = kazuo_infographic::theme::Theme::for_document(&doc.theme, false);
    assert_eq!(light.accent.css(), "#b8232f");
    assert!(light.font_family.starts_with("\"PingFang SC\""));
    let dark = kazuo_infographic::theme::Theme::for_document(&doc.theme, true);
    assert_eq!(dark.accent.css(), "#ff7b7b");

    let bad = r##"{"publication":"p","updated":"u",
      "theme":{"light":{"accent":"#ffff00","base":"blue"},"dark":{"acent":"#fff"}},
      "charts":[{"id":"a","kind":"bars","title":"T","subtitle":"S","source":"x",
       "items":[{"label":"甲","unit":"个","plan":1}]}]}"##;
    let doc = load(bad.as_bytes()).unwrap();
    assert!(doc.chart("a").unwrap().chart.is_ok(), "charts still draw");
    let paths: Vec<&str> = doc.warnings.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        vec!["theme.dark.acent", "theme.light.accent", "theme.light.base"],
        "{:?}",
        doc.warnings
    );
    assert!(doc.warnings[0].zh.contains("是不是“accent”"));

    let low = r##"{"publication":"p","updated":"u",
      "theme":{"light":{"accent":"#ffff00","base":"blue"}},"charts":[]}"##;
    let doc = load(low.as_bytes()).unwrap();
    let found: Vec<(&str, &str)> = doc
        .warnings
        .iter()
        .map(|p| (p.path.as_str(), p.zh.as_str()))
        .collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, "theme.light.accent");
    assert!(found[0].1.contains("对比度只有 1:1"), "{}", found[0].1);
    assert_eq!(found[1].0, "theme.light.base");
    assert!(found[1].1.contains("#rrggbb"), "{}", found[1].1);
    // The default theme stands in for the rejected one.
    assert_eq!(
        kazuo_infographic::theme::Theme::for_document(&doc.theme, false),
        kazuo_infographic::theme::Theme::light()
    );
}

#[test]
fn checks_after_reading_point_where_the_parser_saw_the_value() {
    // Keys and values with brackets and dots inside strings, which a path
    // must not be confused by; the parts larger than their whole on line 6.
    let body = r#"{"id":"p","kind":"part","title":"a.b[0]","subtitle":"]}","source":"x",
 "part_labels":["新建"],"rest_label":"其他",
 "measures":[{"label":"[1]","unit":"个","whole":200,"parts":[119]},
   {"label":"总投资","unit":"亿元","whole":377,
    "parts":[400]}]}"#;
    let p = problems(&chart_json(body));
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].path, "charts[1].measures[1].parts");
    assert_eq!(p[0].position.map(|p| (p.line, p.column)), Some((8, 13)));
    // A missing value points at the object that lacks it.
    let p = problems(&chart_json(
        r#"{"id":"t","kind":"target","title":"T","subtitle":"S","source":"x",
   "items":[{"label":"甲","unit":"%","result":3}]}"#,
    ));
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].path, "charts[1].items[0].plan");
    assert_eq!(p[0].position.map(|p| (p.line, p.column)), Some((5, 13)));
}
