//! JSON numbers to `f64` without the standard library's float parser
//! (its tables would add about 14 KB gzipped to the wasm module).

use crate::model::split_once_ascii;

/// Exact powers of ten that an f64 holds.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The value of a JSON number already checked against the grammar.
///
/// Figures in data files have few digits: a mantissa of at most 15 digits
/// and a power of ten of at most 22 give the correctly rounded value (one
/// exact multiplication or division). Longer numbers keep their first 19
/// digits, within a unit in the last place. This keeps the float-parsing
/// tables of the standard library out of the wasm module.
pub(super) fn decimal(literal: &str) -> Option<f64> {
    let (negative, rest) = match literal.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, literal),
    };
    let (digits_part, exp_part) = match rest.bytes().position(|b| b == b'e' || b == b'E') {
        Some(i) => (rest.get(..i)?, rest.get(i + 1..)?),
        None => (rest, ""),
    };
    let (int_part, frac_part) = split_once_ascii(digits_part, b'.').unwrap_or((digits_part, ""));
    let mut mantissa: u64 = 0;
    let mut exponent: i64 = 0;
    let mut kept = 0;
    for (i, b) in int_part.bytes().chain(frac_part.bytes()).enumerate() {
        let in_fraction = i >= int_part.len();
        if kept < 19 {
            if mantissa > 0 || b != b'0' {
                kept += 1;
            }
            mantissa = mantissa * 10 + u64::from(b - b'0');
            if in_fraction {
                exponent -= 1;
            }
        } else if !in_fraction {
            exponent += 1;
        }
    }
    let exp: i64 = match exp_part {
        "" => 0,
        e => {
            let (sign, digits) = match e.as_bytes().first() {
                Some(b'-') => (-1, e.get(1..)?),
                Some(b'+') => (1, e.get(1..)?),
                _ => (1, e),
            };
            // Saturate: anything beyond ±400 is out of range or zero anyway.
            let magnitude = digits
                .bytes()
                .fold(0i64, |acc, d| (acc * 10 + i64::from(d - b'0')).min(100_000));
            sign * magnitude
        }
    };
    let e = exponent + exp;
    let m = mantissa as f64;
    let value = if mantissa == 0 {
        0.0
    } else if mantissa < (1 << 53) && (0..=22).contains(&e) {
        m * POW10.get(e as usize).copied().unwrap_or(1.0)
    } else if mantissa < (1 << 53) && (-22..0).contains(&e) {
        m / POW10.get((-e) as usize).copied().unwrap_or(1.0)
    } else if e > 400 {
        f64::INFINITY
    } else if e < -400 {
        0.0
    } else {
        m * 10f64.powi(e as i32)
    };
    Some(if negative { -value } else { value })
}
