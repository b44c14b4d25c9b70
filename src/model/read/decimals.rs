//! How many decimals a JSON number means, read from its digits.

/// How many decimals the JSON number at the start of `literal` means
/// (`1.50` has 1, `15e-2` has 2, `100e-3` has 1, `1.5e3` has 0), read
/// from its digits so that no `f64` rounding decides it.
pub(super) fn decimals(literal: &str) -> i64 {
    // Digits after the point, and the run of zeros that ends the digits.
    let (mut fraction, mut zeros, mut point) = (0i64, 0i64, false);
    let mut bytes = literal.strip_prefix('-').unwrap_or(literal).bytes();
    let mut exponent = 0i64;
    for b in bytes.by_ref() {
        match b {
            b'0'..=b'9' => {
                zeros = if b == b'0' { zeros + 1 } else { 0 };
                fraction += i64::from(point);
            }
            b'.' => point = true,
            b'e' | b'E' => {
                let mut sign = -1;
                for b in bytes.by_ref() {
                    match b {
                        b'-' => sign = 1,
                        b'0'..=b'9' => {
                            exponent = exponent
                                .saturating_mul(10)
                                .saturating_add(i64::from(b - b'0'))
                        }
                        b'+' => {}
                        _ => break,
                    }
                }
                exponent = exponent.saturating_mul(sign);
                break;
            }
            _ => break,
        }
    }
    // `exponent` holds minus the written one: the digits D mean
    // D × 10^−(exponent + fraction), and D's last zeros move the point back.
    fraction
        .saturating_sub(zeros)
        .saturating_add(exponent)
        .max(0)
}

#[cfg(test)]
mod tests {
    use super::decimals;

    #[test]
    fn decimals_are_read_from_the_digits() {
        for (literal, places) in [
            ("0", 0),
            ("-0.00", 0),
            ("15", 0),
            ("1.5", 1),
            ("1.50", 1),
            ("1.25", 2),
            ("-1.125", 3),
            ("15e-2", 2),
            ("100e-3", 1),
            ("1.5e3", 0),
            ("1.2345E+2", 2),
            ("0.001e1", 2),
            ("1e-400", 400),
            ("1e99999999999999999999999", 0),
            ("12.5,", 1),
            ("3.141]", 3),
        ] {
            assert_eq!(decimals(literal), places, "{literal}");
        }
    }
}
