//! Shared helpers for the native tests.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use infographic::model::{load, Chart, Document};

/// The article's bundled data file.
pub const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/kazuo-2024.json");

/// The bundled document, which must load.
pub fn document() -> Document {
    let bytes = std::fs::read(DATA).expect("read data file");
    load(&bytes).expect("bundled data file loads")
}

/// Every chart of the bundled document, which must all be valid.
pub fn charts() -> Vec<Chart> {
    document()
        .charts
        .into_iter()
        .map(|e| e.chart.expect("bundled chart is valid"))
        .collect()
}

/// The widths every layout invariant is checked at.
pub const WIDTHS: [f64; 4] = [320.0, 390.0, 768.0, 1200.0];
