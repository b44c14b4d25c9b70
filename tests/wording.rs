//! The demo article says what its source says. Each test pins a wording
//! checked line by line against the source article (the 喀左时讯 report in
//! the project's seed), so that a later edit cannot bring a fault back:
//! the time each figure belongs to (2023年, 截至目前, 年初以来, 累计, 先后),
//! whose figure it is, and "多" kept as the source writes it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::disallowed_methods
)]

use kazuo_infographic::describe::{summary, table};
use kazuo_infographic::format::quantity;
use kazuo_infographic::model::{load, Body, Chart, Item};

const DATA: &str = include_str!("../www/data/kazuo-2024.json");
const PAGE: &str = include_str!("../www/index.html");

fn chart(id: &str) -> Chart {
    let doc = load(DATA.as_bytes()).expect("the demo data file loads");
    doc.chart(id)
        .and_then(|e| e.chart.clone().ok())
        .unwrap_or_else(|| panic!("no valid chart {id}"))
}

fn cards(id: &str) -> Vec<Item> {
    match chart(id).body {
        Body::Cards(items) => items,
        _ => panic!("{id} is not a cards chart"),
    }
}

fn card(id: &str, label_part: &str) -> Item {
    cards(id)
        .into_iter()
        .find(|i| i.label.contains(label_part))
        .unwrap_or_else(|| panic!("{id}: no card labelled …{label_part}…"))
}

fn shown(item: &Item) -> String {
    quantity(item.value(), &item.unit, item.bound).to_string()
}

#[test]
fn technology_figures_carry_their_own_time() {
    let tech = chart("technology");
    // Not every figure is 2023's: two are 截至目前 totals, six carry no year.
    assert!(!tech.subtitle.contains("2023"), "{}", tech.subtitle);
    for (label, group) in [
        ("新注册科技型中小企业", "2023年"),
        ("柔性引进高层次人才", "2023年"),
        ("技术合同交易额", "2023年"),
        ("研发费用加计扣除", "截至目前"),
        ("政策资金", "截至目前"),
        ("产学研联盟", "平台与服务"),
        ("科普基地", "平台与服务"),
        ("研发服务平台", "平台与服务"),
    ] {
        assert_eq!(
            card("technology", label).group.as_deref(),
            Some(group),
            "{label}"
        );
    }
    assert!(!PAGE.contains("一年的科技账"));
}

#[test]
fn envoys_are_worded_as_the_source_gives_them() {
    // 省级科技特派员(组)3个、特派员27人：not "27 provincial envoys in 3 teams".
    let teams = card("technology", "科技特派员（组）");
    assert_eq!(shown(&teams), "3个");
    let envoys = card("technology", "全年派驻特派员");
    assert_eq!(shown(&envoys), "27人");
    // 累计为企业解决发展难题12项: cumulative, and the envoys' work.
    let solved = card("technology", "解决发展难题");
    assert!(
        solved.label.contains("累计") && solved.label.contains("特派员"),
        "{}",
        solved.label
    );
    let all = texts(&chart("technology"));
    assert!(!all.contains("共3个组"), "{all}");
}

#[test]
fn feima_exports_its_main_products_to_more_than_50_countries() {
    let firms = chart("firms");
    assert!(!firms.title.contains("轮毂出口"), "{}", firms.title);
    assert!(
        firms.title.contains("主要产品出口50多个"),
        "{}",
        firms.title
    );
    // "多" as the source writes it, never "50个以上".
    let export = card("firms", "出口");
    assert_eq!(shown(&export), "50多个");
    assert!(summary(&firms).contains("50多个"));
    assert!(!texts(&firms).contains("50个以上"));
    // The 750 hubs a day are the robot line's output during the Spring Festival.
    assert!(card("firms", "轮毂").label.contains("春节期间"));
    assert!(!PAGE.contains("轮毂产品出口"));
}

#[test]
fn estimates_farms_and_the_united_front_scheme_say_when() {
    let firms = chart("firms");
    // Only 宏发's estimate is dated (2月29日); 飞马's is not.
    assert!(
        !firms.notes.iter().any(|n| n.contains("2月底")),
        "{:?}",
        firms.notes
    );
    // 年初以来, not "2024年计划".
    for label in ["设施农业", "高标准农田"] {
        assert_eq!(
            card("firms", label).note.as_deref(),
            Some("年初以来"),
            "{label}"
        );
    }
    assert!(!texts(&firms).contains("2024年计划"));
    assert!(!PAGE.contains("计划新建设施农业"));
    // 先后帮助企业解决实际困难196个: a running total of the 统战部's scheme.
    let help = card("firms", "实际困难");
    assert!(
        help.label.contains("先后") && help.label.contains("统战部"),
        "{}",
        help.label
    );
}

#[test]
fn the_local_supply_target_is_there_as_a_floor() {
    let item = card("firms", "本地配套率");
    assert_eq!(shown(&item), "40%以上");
    assert_eq!(item.note.as_deref(), Some("目标"));
}

#[test]
fn the_page_text_asserts_no_more_than_the_source() {
    assert!(!PAGE.contains("其中新建项目"));
}

/// Every text of a chart as the reader can meet it: title, subtitle,
/// notes, summary, and the data table's cells.
fn texts(chart: &Chart) -> String {
    let t = table(chart);
    let mut out = vec![chart.title.clone(), chart.subtitle.clone(), summary(chart)];
    out.extend(chart.notes.iter().cloned());
    out.extend(t.head);
    out.extend(t.rows.into_iter().flatten());
    out.join("\n")
}
