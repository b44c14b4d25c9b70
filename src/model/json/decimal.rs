//! JSON numbers to `f64`, correctly rounded (as Rust's `str::parse` and
//! JavaScript's `parseFloat` read them). In the browser the platform's own
//! parser does it: the standard library's would add its tables (about 14 KB
//! gzipped) to the wasm module. The one use of `js_sys` outside `web`.

/// The value of a JSON number already checked against the grammar, or
/// `None` beyond the range of an `f64`.
pub(super) fn decimal(literal: &str) -> Option<f64> {
    let value = read(literal);
    value.is_finite().then_some(value)
}

#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::disallowed_methods)] // native: the standard library reads it exactly
fn read(literal: &str) -> f64 {
    literal.parse::<f64>().unwrap_or(f64::NAN)
}

#[cfg(target_arch = "wasm32")]
fn read(literal: &str) -> f64 {
    js_sys::parse_float(literal)
}
