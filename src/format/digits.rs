//! Digits only: figures as plain decimal text (`13908`, `2.5`, `358px`).
//! No thousands separators, for readers or machines: GB/T 15835-2011 (5.1.5)
//! lets non-technical publications such as a newspaper leave digits
//! ungrouped, and the reports the figures come from write `13908亿斤`. A
//! leaf: it imports nothing of the crate, so the model may use it in its
//! messages.
//!
//! No float formatting (`{}` on an `f64`) here or anywhere in the wasm
//! module: it would link core's float printing (about 9 KB gzipped).

/// Formats a figure for readers: at most two decimals, trailing zeros
/// dropped, digits ungrouped (`3800`, `13908`). Non-finite values give `"—"`.
pub fn number(value: f64) -> String {
    plain(value)
}

/// A length for CSS, in px with at most two decimals: `"358px"`.
pub fn css_px(value: f64) -> String {
    format!("{}px", plain(value))
}

/// A number for machines (CSS, messages to a host page): at most two
/// decimals, trailing zeros dropped (`"12345"`, `"2.63"`). Use this or
/// [`number`], never `{}` on an `f64`: that would link core's float
/// printing into the wasm module (about 9 KB gzipped). Non-finite values
/// give `"—"`.
pub fn plain(value: f64) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    // Whole hundredths, then integer text: no float formatting code in the
    // wasm module. The whole part is split off first (exactly), so only the
    // fraction is scaled: `value * 100.0` would add its own rounding, which
    // beside the value's own can cross a half hundredth for sums near
    // 2^44. `whole * 100.0` is exact below 9e13, past every admitted figure
    // and sum of two; the cast saturates beyond 9.2e16.
    let abs = value.abs();
    let whole = abs.trunc();
    let hundredths = whole * 100.0 + ((abs - whole) * 100.0).round();
    hundredths_text(hundredths.copysign(value) as i64)
}

/// A number given in hundredths, with at most two decimals, trailing zeros
/// dropped.
pub fn hundredths_text(hundredths: i64) -> String {
    let negative = hundredths < 0;
    let abs = hundredths.unsigned_abs();
    let int = abs / 100;
    let frac = abs % 100;
    let sign = if negative { "-" } else { "" };
    match (frac / 10, frac % 10) {
        (0, 0) => format!("{sign}{int}"),
        (tenths, 0) => format!("{sign}{int}.{tenths}"),
        (tenths, hundredth) => format!("{sign}{int}.{tenths}{hundredth}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_numbers() {
        assert_eq!(number(3800.0), "3800");
        assert_eq!(number(12_345.0), "12345");
        assert_eq!(number(13_908.0), "13908");
        assert_eq!(number(1_234_567.891), "1234567.89");
        assert_eq!(number(1.50), "1.5");
        assert_eq!(number(-0.001), "0");
        assert_eq!(number(f64::NAN), "—");
        assert_eq!(number(f64::INFINITY), "—");
        assert_eq!(number(-2.25), "-2.25");
        assert_eq!(number(0.05), "0.05");
        assert_eq!(number(10.1), "10.1");
        assert_eq!(number(0.995), "1");
        assert_eq!(number(-0.995), "-1");
        // A sum the property test found printed as ….35 when the whole
        // value was scaled by 100.
        assert_eq!(
            number(8_796_093_022_208.46 + 8_796_093_022_208.88),
            "17592186044417.34"
        );
        assert_eq!(css_px(12_345.5), "12345.5px");
        assert_eq!(css_px(-3.0), "-3px");
    }
}
