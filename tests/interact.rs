//! What interaction reads from a scene: hit areas, mark ownership, the
//! entrance frames, and the generated summaries and tables.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::disallowed_methods
)]

mod common;

use kazuo_infographic::describe::{summary, table};
use kazuo_infographic::layout::{layout, layout_at, ApproxMeasure, Point, Shape, MIN_TARGET};
use kazuo_infographic::model::Body;
use kazuo_infographic::theme::Theme;

#[test]
fn every_mark_is_found_at_its_centre_and_is_finger_sized() {
    for (chart, w, scene) in common::scenes() {
        assert!(!scene.marks.is_empty());
        for (i, m) in scene.marks.iter().enumerate() {
            assert!(m.hit.h >= MIN_TARGET - 1e-9, "{} at {w}: {m:?}", chart.id);
            let centre = Point {
                x: m.hit.x + m.hit.w / 2.0,
                y: m.hit.y + m.hit.h / 2.0,
            };
            assert_eq!(
                scene.hit(centre),
                Some(i),
                "{} at {w}: mark {i} {}",
                chart.id,
                m.label
            );
        }
        assert_eq!(scene.hit(Point { x: -5.0, y: -5.0 }), None);
        assert_eq!(
            scene.hit(Point {
                x: w / 2.0,
                y: scene.height + 200.0
            }),
            None
        );
    }
}

#[test]
fn each_mark_owns_its_label_and_value() {
    let theme = Theme::light();
    for chart in common::charts() {
        let scene = layout(&chart, 390.0, &ApproxMeasure, &theme);
        for (i, m) in scene.marks.iter().enumerate() {
            let owned: Vec<&str> = scene
                .shapes
                .iter()
                .filter(|p| p.mark == Some(i))
                .filter_map(|p| match &p.shape {
                    Shape::Text(t) => Some(t.text.as_str()),
                    _ => None,
                })
                .collect();
            let joined = owned.concat();
            let number = m.value.split('（').next().unwrap();
            assert!(
                joined.contains(number),
                "{} mark {i}: {number} not in {owned:?}",
                chart.id
            );
        }
    }
}

#[test]
fn the_entrance_grows_bars_and_keeps_hit_areas() {
    let theme = Theme::light();
    let chart = common::chart("q1-starts");
    let bar_widths =
        |t: f64| common::bar_widths(&layout_at(&chart, 390.0, &ApproxMeasure, &theme, t));
    let (start, half, end) = (bar_widths(0.0), bar_widths(0.5), bar_widths(1.0));
    assert!(start.iter().all(|w| *w == 0.0), "{start:?}");
    for (h, e) in half.iter().zip(&end) {
        assert!((h - e / 2.0).abs() < 0.6, "half {h} of {e}");
    }
    let first = layout_at(&chart, 390.0, &ApproxMeasure, &theme, 0.2);
    let last = layout(&chart, 390.0, &ApproxMeasure, &theme);
    assert_eq!(first.marks, last.marks);
    let texts: Vec<&str> = first.texts().map(|t| t.text.as_str()).collect();
    assert!(
        texts.contains(&"5亿元"),
        "25亿元 counts up through 5亿元 at 0.2: {texts:?}"
    );
}

#[test]
fn summaries_state_the_finding() {
    let doc = common::document();
    let s = |id: &str| summary(doc.chart(id).unwrap().chart.as_ref().unwrap());
    let targets = s("targets");
    assert!(
        targets
            .contains("固定资产投资目标最高，为15%，比最低的地区生产总值（6.5%）高8.5个百分点。"),
        "{targets}"
    );
    assert!(targets.contains("进出口总额目标为8%以上。"), "{targets}");
    assert!(targets.contains("实际完成情况尚未公布。"), "{targets}");
    let bars = s("q1-starts");
    assert!(
        bars.contains("林源锂电池项目最高，为25亿元；鑫益州新能源汽车装备制造项目最低，为3亿元；前者比后者多22亿元，约为其8.3倍。"),
        "{bars}"
    );
    let part = s("projects");
    assert_eq!(
        part,
        "项目数共200个，其中新建项目119个，占59.5%；其他项目81个，占40.5%。总投资共377亿元，其中新建项目170亿元，占45.1%；其他项目207亿元，占54.9%。"
    );
    let cards = s("technology");
    assert!(
        cards.starts_with("共15项数据。2023年：新注册科技型中小企业48家，"),
        "{cards}"
    );
    // Each company named once, before its own figures: two first-quarter
    // figures never read without their owner.
    assert!(
        s("firms").contains("喀左宏发食品：日屠宰白羽肉鸡15万只，日产值500万元，一季度产值4亿元（预计）；朝阳飞马车辆设备：")
    );
    assert!(s("firms").contains("出口美国、英国、德国等国家和地区50多个"));
}

#[test]
fn tables_hold_every_figure() {
    for chart in common::charts() {
        let t = table(&chart);
        for row in &t.rows {
            assert_eq!(row.len(), t.head.len(), "{}", chart.id);
        }
        let rows = match &chart.body {
            Body::Bars(i) | Body::Target(i) | Body::Cards(i) => i.len(),
            Body::Series(s) => s.items.len(),
            Body::Grouped(i) => kazuo_infographic::model::series_and_categories(i).1.len(),
            Body::Part(p) => p.measures.len(),
        };
        assert_eq!(t.rows.len(), rows, "{}", chart.id);
    }
    let doc = common::document();
    let t = table(doc.chart("targets").unwrap().chart.as_ref().unwrap());
    assert_eq!(t.rows[4], vec!["进出口总额", "8%以上", "—", ""]);
    let p = table(doc.chart("projects").unwrap().chart.as_ref().unwrap());
    assert_eq!(p.head, vec!["指标", "新建项目", "其他项目", "合计"]);
    assert_eq!(
        p.rows[1],
        vec!["总投资", "170亿元（45.1%）", "207亿元（54.9%）", "377亿元"]
    );
}

#[test]
fn a_grouped_figure_is_named_with_its_owner() {
    let firms = common::charts()
        .into_iter()
        .find(|c| c.id == "firms")
        .unwrap();
    // The tip (and the keyboard's announcement) reads the mark's label.
    let scene = layout(&firms, 390.0, &ApproxMeasure, &Theme::light());
    let labels: Vec<&str> = scene.marks.iter().map(|m| m.label.as_str()).collect();
    assert!(labels.contains(&"喀左宏发食品：一季度产值"), "{labels:?}");
    assert!(
        labels.contains(&"朝阳飞马车辆设备：一季度工业总产值"),
        "{labels:?}"
    );
    // The table: the item heads its row, the company heads its rows.
    let html = kazuo_infographic::markup::data_table(&firms);
    assert!(
        html.contains("<tbody><tr><th scope=\"rowgroup\" colspan=\"3\">喀左宏发食品</th></tr><tr><th scope=\"row\">日屠宰白羽肉鸡</th>"),
        "{html}"
    );
    assert!(
        html.contains(
            "</tbody><tbody><tr><th scope=\"rowgroup\" colspan=\"3\">朝阳飞马车辆设备</th></tr>"
        ),
        "{html}"
    );
    assert_eq!(html.matches("scope=\"rowgroup\"").count(), 3);
}
