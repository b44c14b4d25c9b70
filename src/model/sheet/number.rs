//! A value in a cell, as editors type it.

/// A value read from a cell: its digits as they go into the file, and the
/// unit written after them, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number {
    /// `-1234.50`: an optional minus, digits, an optional point and digits.
    pub digits: String,
    /// `亿元`, `%`, empty when the cell has none.
    pub unit: String,
}

/// Reads a figure as editors type it: full-width digits and signs, spaces,
/// thousands separators, a unit after it. `Err` says why not, in Chinese.
pub fn number(cell: &str) -> Result<Number, String> {
    // Full-width forms to ASCII, spaces out.
    let mut s = String::new();
    for c in cell.chars() {
        let c = match c {
            '０'..='９' | '．' | '，' | '％' | '－' | '＋' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            '−' | '–' => '-',
            c => c,
        };
        if !c.is_whitespace() {
            s.push(c);
        }
    }
    let number_end = s
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+')))
        .map_or(s.len(), |(i, _)| i);
    let (number, unit) = s.split_at(number_end);
    let (negative, body) = match number.as_bytes().first() {
        Some(b'-') => (true, &number[1..]),
        Some(b'+') => (false, &number[1..]),
        _ => (false, number),
    };
    let not_a_number = || format!("“{}”不是数字", cell.trim());
    if !body.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return Err(not_a_number());
    }
    let (whole, fraction) = match body.find(".") {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    // Thousands separators: groups of three after the first.
    let groups: Vec<&str> = whole.split(',').collect();
    let grouped_well = groups.len() == 1
        || (groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
            && groups.iter().skip(1).all(|g| g.len() == 3));
    let digits_only = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if !grouped_well || !groups.iter().all(|g| digits_only(g)) {
        return Err(not_a_number());
    }
    let mut digits = String::new();
    if negative {
        digits.push('-');
    }
    digits.extend(groups);
    if let Some(f) = fraction {
        if f.is_empty() || !digits_only(f) {
            return Err(not_a_number());
        }
        if f.len() > 2 {
            return Err(format!("“{}”有{}位小数：最多两位", cell.trim(), f.len()));
        }
        digits.push('.');
        digits.push_str(f);
    }
    Ok(Number {
        digits,
        unit: unit.to_string(),
    })
}
