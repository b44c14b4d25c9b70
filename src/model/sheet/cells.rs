//! Pasted text as rows of cells, as spreadsheets copy them.

/// Splits tab-separated text into rows of cells. Quoted cells (`"a⇥b"`,
/// `"line 1↵line 2"`, `""` for a quote) are read as spreadsheets write
/// them; blank rows (the trailing line break) are left out.
pub fn cells(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                c => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            '\t' => {
                row.push(std::mem::take(&mut cell));
                at_start = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                row.push(std::mem::take(&mut cell));
                if row.iter().any(|c| !c.trim().is_empty()) {
                    rows.push(std::mem::take(&mut row));
                }
                row.clear();
                at_start = true;
            }
            c => {
                cell.push(c);
                at_start = false;
            }
        }
    }
    row.push(cell);
    if row.iter().any(|c| !c.trim().is_empty()) {
        rows.push(row);
    }
    rows
}

/// A cell written over several lines (Alt+Enter in a spreadsheet) as one
/// line: lines of Chinese joined as they are, others with a space.
pub(super) fn one_line(cell: &str) -> String {
    let mut out = String::new();
    for line in cell.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let ascii_edge = out
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_alphanumeric())
            && line
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric());
        if ascii_edge {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}
