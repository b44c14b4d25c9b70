//! Tables pasted from a spreadsheet into a chart's items (`model::sheet`):
//! the clipboard text of WPS and Excel, figures as editors type them, every
//! unreadable cell reported by row and column, the rest of the file kept
//! byte for byte.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::disallowed_methods
)]

use kazuo_infographic::model::sheet::{cells, number, paste, quote};
use kazuo_infographic::model::{load, Body};
use proptest::prelude::*;

const KAZUO: &str = include_str!("../www/data/kazuo-2024.json");
const NATIONAL: &str = include_str!("../www/data/national-2024.json");

/// Excel's text/plain: tabs, CRLF rows, a trailing CRLF, quotes around a
/// cell holding a line break.
const EXCEL: &str =
    "项目\t投资额（亿元）\r\n林源锂电池项目\t25.5\r\n\"鑫益州新能源\n汽车项目\"\t3\r\n";
/// WPS's text/plain: LF rows, no trailing line break.
const WPS: &str = "项目\t投资额（亿元）\n林源锂电池项目\t25.5\n鑫益州新能源汽车项目\t3";

#[test]
fn cells_read_both_spreadsheets_clipboards() {
    let excel = cells(EXCEL);
    assert_eq!(excel.len(), 3);
    assert_eq!(
        excel[2],
        vec!["鑫益州新能源\n汽车项目".to_string(), "3".to_string()]
    );
    let wps = cells(WPS);
    assert_eq!(wps.len(), 3);
    assert_eq!(
        wps[0],
        vec!["项目".to_string(), "投资额（亿元）".to_string()]
    );
    // A quote inside a quoted cell, a tab inside one, an empty cell kept.
    assert_eq!(
        cells("\"a\"\"b\tc\"\t\tx\r\n\r\n"),
        vec![vec!["a\"b\tc".to_string(), String::new(), "x".to_string()]]
    );
}

#[test]
fn figures_as_editors_type_them() {
    let ok = |cell: &str, digits: &str, unit: &str| {
        let f = number(cell).unwrap_or_else(|e| panic!("{cell}: {e}"));
        assert_eq!(
            (f.digits.as_str(), f.unit.as_str()),
            (digits, unit),
            "{cell}"
        );
    };
    ok("1,234.50", "1234.50", "");
    ok("１２３", "123", "");
    ok("１，２３４．５％", "1234.5", "%");
    ok("15%", "15", "%");
    ok("377亿元", "377", "亿元");
    ok("25 亿元", "25", "亿元");
    ok("3 000", "3000", "");
    ok(" 12\u{3000}", "12", "");
    ok("－2.5", "-2.5", "");
    ok("−2.5%", "-2.5", "%");
    ok("+8", "8", "");
    ok("1.3万亿斤", "1.3", "万亿斤");
    for bad in [
        "abc", "", "12..5", "1,23", "1,2345", ".5", "5.", "亿元", "--1", "1.2.3",
    ] {
        assert!(number(bad).is_err(), "{bad:?} read as a figure");
    }
    let three = number("1.234").unwrap_err();
    assert!(three.contains("最多两位"), "{three}");
}

/// The text before and after the chart's items is unchanged.
fn only_items_changed(before: &str, after: &str, id: &str) {
    let start = before.find(&format!("\"id\": \"{id}\"")).unwrap();
    let items = start + before[start..].find("\"items\": [").unwrap() + "\"items\": ".len();
    assert_eq!(&after[..items], &before[..items]);
    let rest = &before[items..];
    let end = items + rest.find("\n      ]").unwrap() + "\n      ]".len();
    assert!(
        after.ends_with(&before[end..]),
        "the rest of the file changed"
    );
}

#[test]
fn a_table_with_a_head_fills_a_bars_chart() {
    for table in [EXCEL, WPS] {
        let out = paste(KAZUO, "q1-starts", table).unwrap();
        only_items_changed(KAZUO, &out, "q1-starts");
        // Written as the data files write items, one a line.
        assert!(out.contains(
            "        { \"label\": \"林源锂电池项目\", \"unit\": \"亿元\", \"plan\": 25.5, \"highlight\": true },\n"
        ), "{out}");
        let doc = load(out.as_bytes()).unwrap();
        let chart = doc.chart("q1-starts").unwrap().chart.as_ref().unwrap();
        let Body::Bars(items) = &chart.body else {
            panic!("bars");
        };
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].plan, Some(25.5));
        // A label over two lines in its cell, as one; the unit from the column's head.
        assert_eq!(items[1].label, "鑫益州新能源汽车项目");
        assert_eq!(items[1].unit, "亿元");
        // Every other chart reads as before.
        assert_eq!(
            doc.charts.len(),
            load(KAZUO.as_bytes()).unwrap().charts.len()
        );
    }
}

#[test]
fn a_target_table_without_a_head_is_label_plan_result() {
    let out = paste(
        NATIONAL,
        "targets-2023",
        "国内生产总值增长\t5%\t5.2%\n居民消费价格涨幅\t3\t0.2\n",
    )
    .unwrap();
    let doc = load(out.as_bytes()).unwrap();
    let chart = doc.chart("targets-2023").unwrap().chart.as_ref().unwrap();
    let Body::Target(items) = &chart.body else {
        panic!("target");
    };
    assert_eq!(items.len(), 2);
    assert_eq!((items[0].plan, items[0].result), (Some(5.0), Some(5.2)));
    // Kept from the file: the qualifier and the highlight.
    assert!(items[0].highlight);
    assert_eq!(items[0].bound.word(), "左右");
    assert_eq!(items[1].unit, "%");
}

#[test]
fn grouped_bars_pasted_wide() {
    let table =
        "指标\t2023年目标\t2024年目标\n国内生产总值增长\t5\t5\n城镇调查失业率\t5.5%\t5.5%\n";
    let out = paste(NATIONAL, "targets-2023-2024", table).unwrap();
    let doc = load(out.as_bytes()).unwrap();
    let chart = doc
        .chart("targets-2023-2024")
        .unwrap()
        .chart
        .as_ref()
        .unwrap();
    let Body::Grouped(items) = &chart.body else {
        panic!("grouped");
    };
    assert_eq!(items.len(), 4, "{out}");
    assert_eq!(items[1].group.as_deref(), Some("2024年目标"));
}

#[test]
fn every_unreadable_cell_is_named_and_the_file_is_left_alone() {
    let table = "项目\t投资额（亿元）\n林源锂电池项目\t25..5\n\t3\n鑫益州项目\t1.234\n";
    let problems = paste(KAZUO, "q1-starts", table).unwrap_err();
    let said: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        said,
        vec![
            "第2行第2列：“25..5”不是数字".to_string(),
            "第3行第1列：名称是空的".to_string(),
            "第4行第2列：“1.234”有3位小数：最多两位".to_string(),
        ]
    );
    // A value with no head and no figure at all.
    let none = paste(KAZUO, "q1-starts", "项目\t备注\n甲\t说明\n").unwrap_err();
    assert!(none[0].to_string().contains("没有数值列"), "{none:?}");
    let part = paste(KAZUO, "projects", "a\t1").unwrap_err();
    assert!(part[0].message.contains("构成图"));
    let missing = paste(KAZUO, "nope", "a\t1").unwrap_err();
    assert!(missing[0].message.contains("nope"));
    let broken = paste("{", "q1-starts", "a\t1").unwrap_err();
    assert!(broken[0].message.contains("语法错误"));
}

#[test]
fn a_label_over_lines_is_one_line() {
    let out = paste(
        KAZUO,
        "q1-starts",
        "\"Wide\nWWW\"\t1\n\"新能源\r\n 汽车\"\t2\n",
    )
    .unwrap();
    assert!(out.contains("\"label\": \"Wide WWW\""), "{out}");
    assert!(out.contains("\"label\": \"新能源汽车\""), "{out}");
}

#[test]
fn a_figure_past_the_head_is_not_dropped() {
    let problems = paste(KAZUO, "q1-starts", "项目\t投资额\n甲\t1\t2\n").unwrap_err();
    assert_eq!((problems[0].row, problems[0].column), (2, 3));
}

proptest! {
    /// `quote` writes what serde_json writes for any string.
    #[test]
    fn quote_agrees_with_serde_json(s in any::<String>()) {
        prop_assert_eq!(quote(&s), serde_json::to_string(&s).unwrap());
    }
}

#[test]
fn quote_control_characters() {
    let s = "\u{0}\u{1f}\u{8}\u{c}\t\r\n\"\\é";
    assert_eq!(quote(s), serde_json::to_string(s).unwrap());
}

#[test]
fn a_problem_position_is_a_textarea_offset() {
    use kazuo_infographic::model::Position;
    let text = "{\n  \"a\": \"𝄞x\",\n\"b\"}";
    // Every position of every character maps back to the same character.
    for (byte, _) in text.char_indices() {
        let p = Position::at_byte(text, byte);
        let utf16 = text[..byte].encode_utf16().count();
        assert_eq!(p.utf16_offset(text), utf16, "{p:?}");
    }
    assert_eq!(
        Position { line: 9, column: 1 }.utf16_offset(text),
        text.encode_utf16().count()
    );
    assert_eq!(
        Position {
            line: 1,
            column: 99
        }
        .utf16_offset(text),
        1
    );
}
