//! Digits only: figures as plain decimal text, grouped for readers
//! (`12,345`) or plain for machines (`12345`, `358px`). A leaf: it imports
//! nothing of the crate, so the model may use it in its messages.
//!
//! No float formatting (`{}` on an `f64`) here or anywhere in the wasm
//! module: it would link core's float printing (about 9 KB gzipped).

/// Formats a plain number: at most two decimals, trailing zeros dropped,
/// thousands separators from five integer digits up (`3800`, `12,345`).
/// Non-finite values give `"—"`.
pub fn number(value: f64) -> String {
    decimal(value, true)
}

/// A length for CSS, in px with at most two decimals: `"358px"`.
pub fn css_px(value: f64) -> String {
    format!("{}px", plain(value))
}

/// A number for machines (CSS, messages to a host page): at most two
/// decimals, trailing zeros dropped, no separators (`"12345"`, `"2.63"`).
/// Use this, never `{}` on an `f64`: that would link core's float printing
/// into the wasm module (about 9 KB gzipped). Non-finite values give `"—"`.
pub fn plain(value: f64) -> String {
    decimal(value, false)
}

/// `value` with at most two decimals, trailing zeros dropped, thousands
/// separated from five integer digits up if `grouped`.
fn decimal(value: f64, grouped: bool) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    // Integer arithmetic on hundredths: no float formatting code in the
    // wasm module. Saturates beyond 9.2e16, far past any admitted figure.
    hundredths_text((value * 100.0).round() as i64, grouped)
}

/// A number given in hundredths, with at most two decimals, trailing zeros
/// dropped, thousands separated from five integer digits up if `grouped`.
pub fn hundredths_text(hundredths: i64, grouped: bool) -> String {
    let negative = hundredths < 0;
    let abs = hundredths.unsigned_abs();
    let int_part = (abs / 100).to_string();
    let frac = abs % 100;
    let int = if grouped && int_part.len() >= 5 {
        group_thousands(&int_part)
    } else {
        int_part
    };
    let sign = if negative { "-" } else { "" };
    match (frac / 10, frac % 10) {
        (0, 0) => format!("{sign}{int}"),
        (tenths, 0) => format!("{sign}{int}.{tenths}"),
        (tenths, hundredth) => format!("{sign}{int}.{tenths}{hundredth}"),
    }
}

fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    let len = digits.chars().count();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_numbers() {
        assert_eq!(number(3800.0), "3800");
        assert_eq!(number(12_345.0), "12,345");
        assert_eq!(number(1_234_567.891), "1,234,567.89");
        assert_eq!(number(1.50), "1.5");
        assert_eq!(number(-0.001), "0");
        assert_eq!(number(f64::NAN), "—");
        assert_eq!(number(f64::INFINITY), "—");
        assert_eq!(number(-2.25), "-2.25");
        assert_eq!(number(0.05), "0.05");
        assert_eq!(number(10.1), "10.1");
        assert_eq!(css_px(12_345.5), "12345.5px");
        assert_eq!(css_px(-3.0), "-3px");
    }
}
