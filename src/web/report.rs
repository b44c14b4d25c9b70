//! The page events: `infographic:ready` when the charts on the first
//! screen answer the reader, `infographic:painted` when every chart is
//! live. Each event's detail reports every chart: whether it is drawn,
//! its problems, and its marks with their hit areas.

use crate::model::Problem;
use crate::web::chart::Mounted;
use serde::ser::{Serialize, SerializeMap, Serializer};
use wasm_bindgen::prelude::*;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

/// What the page events report for one chart.
pub(super) struct ChartReport {
    id: String,
    ok: bool,
    problems: Vec<String>,
    /// The chart's data marks, with hit areas in CSS px from the canvas's
    /// top left, as first drawn (none in `ready` for a chart not drawn yet).
    marks: Vec<MarkReport>,
}

/// One mark in a report.
struct MarkReport {
    label: String,
    value: String,
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

// Written as maps, which serde-wasm-bindgen turns into plain objects
// (`serialize_maps_as_objects`): its struct path caches field names in a
// hash table, which a map's keys do not need (825 B less gzipped wasm).
impl Serialize for ChartReport {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("id", &self.id)?;
        m.serialize_entry("ok", &self.ok)?;
        m.serialize_entry("problems", &self.problems)?;
        m.serialize_entry("marks", &self.marks)?;
        m.end()
    }
}

impl Serialize for MarkReport {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(6))?;
        m.serialize_entry("label", &self.label)?;
        m.serialize_entry("value", &self.value)?;
        m.serialize_entry("x", &self.x)?;
        m.serialize_entry("y", &self.y)?;
        m.serialize_entry("w", &self.w)?;
        m.serialize_entry("h", &self.h)?;
        m.end()
    }
}

impl ChartReport {
    /// The report of chart `id`: fine, or its problems.
    pub(super) fn new(id: String, problems: &[Problem]) -> ChartReport {
        ChartReport {
            ok: problems.is_empty(),
            id,
            problems: problems.iter().map(Problem::to_string).collect(),
            marks: Vec::new(),
        }
    }

    /// Whether the chart has no problem (so far).
    pub(super) fn ok(&self) -> bool {
        self.ok
    }

    /// Whether the report lists the chart's marks.
    pub(super) fn has_marks(&self) -> bool {
        !self.marks.is_empty()
    }

    /// Records that the chart could not be drawn, and why.
    pub(super) fn failed(&mut self, why: String) {
        self.ok = false;
        self.problems.push(why);
    }

    /// Records the marks of the chart as laid out now.
    pub(super) fn drawn(&mut self, m: &Mounted) {
        self.marks = m.with_marks(|ms| {
            ms.iter()
                .map(|m| MarkReport {
                    label: m.label.clone(),
                    value: m.value.clone(),
                    x: m.hit.x,
                    y: m.hit.y,
                    w: m.hit.w,
                    h: m.hit.h,
                })
                .collect()
        });
    }
}

/// A chart's report and its figure (none for a chart that cannot be drawn).
pub(super) struct Reported {
    pub report: ChartReport,
    pub figure: Option<HtmlElement>,
}

/// `value` as a plain JS object: every object the engine hands the page
/// (the page events' details, an embed's height messages) is written so,
/// its types serialised as maps (see above).
pub(super) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true))
        .map_err(JsValue::from)
}

/// Marks `<html>` with `data-infographic-NAME` and dispatches
/// `infographic:NAME` on `document` with the charts' reports as its detail;
/// returns that detail.
pub(super) fn announce(
    document: &web_sys::Document,
    name: &str,
    charts: &[Reported],
) -> Result<JsValue, JsValue> {
    let reports: Vec<&ChartReport> = charts.iter().map(|c| &c.report).collect();
    let detail = to_js(&reports)?;
    let init = CustomEventInit::new();
    init.set_detail(&detail);
    let event = CustomEvent::new_with_event_init_dict(&format!("infographic:{name}"), &init)?;
    if let Some(html) = document.document_element() {
        html.set_attribute(&format!("data-infographic-{name}"), "")?;
    }
    document.dispatch_event(&event)?;
    Ok(detail)
}
