//! Finds where a JSON path points in the text of a (valid) JSON value, so
//! that problems found after parsing still get a line and column.

use super::split_once_ascii;

/// One step of a path: an object key or an array index.
enum Step<'p> {
    Key(&'p str),
    Index(usize),
}

/// Splits `measures[0].parts[1]` into steps; `None` if malformed.
fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    let mut out = Vec::new();
    let mut parts = Some(path);
    while let Some(all) = parts {
        let (part, more) = split_once_ascii(all, b'.').map_or((all, None), |(p, m)| (p, Some(m)));
        parts = more;
        if part.is_empty() {
            continue;
        }
        let (key, mut rest) = split_once_ascii(part, b'[').unwrap_or((part, ""));
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        while !rest.is_empty() {
            let (index, after) = split_once_ascii(rest, b']')?;
            out.push(Step::Index(whole_number(index)?));
            rest = after.strip_prefix('[').unwrap_or(after);
        }
    }
    Some(out)
}

/// A list index written in a path: decimal digits only.
fn whole_number(digits: &str) -> Option<usize> {
    if digits.is_empty() {
        return None;
    }
    digits.bytes().try_fold(0usize, |n, b| {
        let d = b.checked_sub(b'0').filter(|d| *d <= 9)?;
        n.checked_mul(10)?.checked_add(usize::from(d))
    })
}

/// Byte offset in `text` of the value at `path` (`""` is the whole value).
pub(crate) fn locate(text: &str, path: &str) -> Option<usize> {
    let steps = steps(path)?;
    let bytes = text.as_bytes();
    let mut pos = skip_ws(bytes, 0);
    for step in steps {
        pos = match (step, bytes.get(pos)) {
            (Step::Key(key), Some(b'{')) => find_key(bytes, pos, key)?,
            (Step::Index(i), Some(b'[')) => find_index(bytes, pos, i)?,
            _ => return None,
        };
    }
    Some(pos)
}

fn skip_ws(bytes: &[u8], mut pos: usize) -> usize {
    while bytes.get(pos).is_some_and(|b| b.is_ascii_whitespace()) {
        pos += 1;
    }
    pos
}

/// The end (exclusive) of the string starting at `pos` (an opening quote).
fn skip_string(bytes: &[u8], mut pos: usize) -> Option<usize> {
    pos += 1;
    loop {
        match bytes.get(pos)? {
            b'\\' => pos += 2,
            b'"' => return Some(pos + 1),
            _ => pos += 1,
        }
    }
}

/// The end (exclusive) of the value starting at `pos`.
fn skip_value(bytes: &[u8], pos: usize) -> Option<usize> {
    match bytes.get(pos)? {
        b'"' => skip_string(bytes, pos),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut p = pos;
            loop {
                match bytes.get(p)? {
                    b'"' => {
                        p = skip_string(bytes, p)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(p + 1);
                        }
                    }
                    _ => {}
                }
                p += 1;
            }
        }
        _ => {
            let mut p = pos;
            while bytes
                .get(p)
                .is_some_and(|b| !matches!(b, b',' | b'}' | b']') && !b.is_ascii_whitespace())
            {
                p += 1;
            }
            Some(p)
        }
    }
}

/// The value of `key` in the object at `pos`.
fn find_key(bytes: &[u8], pos: usize, key: &str) -> Option<usize> {
    let mut p = skip_ws(bytes, pos + 1);
    while bytes.get(p) == Some(&b'"') {
        let end = skip_string(bytes, p)?;
        let name = bytes.get(p + 1..end - 1)?;
        p = skip_ws(bytes, end);
        if bytes.get(p) != Some(&b':') {
            return None;
        }
        p = skip_ws(bytes, p + 1);
        if name == key.as_bytes() {
            return Some(p);
        }
        p = skip_ws(bytes, skip_value(bytes, p)?);
        if bytes.get(p) == Some(&b',') {
            p = skip_ws(bytes, p + 1);
        }
    }
    None
}

/// Element `index` of the array at `pos`.
fn find_index(bytes: &[u8], pos: usize, index: usize) -> Option<usize> {
    let mut p = skip_ws(bytes, pos + 1);
    for _ in 0..index {
        if bytes.get(p) == Some(&b']') {
            return None;
        }
        p = skip_ws(bytes, skip_value(bytes, p)?);
        if bytes.get(p) != Some(&b',') {
            return None;
        }
        p = skip_ws(bytes, p + 1);
    }
    (bytes.get(p) != Some(&b']')).then_some(p)
}

#[cfg(test)]
mod tests {
    use super::{locate, whole_number};

    #[test]
    #[allow(clippy::disallowed_methods)] // Rust's own reading, as the reference
    fn indices_read_as_rust_reads_them() {
        for text in [
            "0",
            "7",
            "12",
            "007",
            "",
            "1a",
            "-1",
            "+1",
            " 1",
            "99999999999999999999999",
        ] {
            assert_eq!(
                whole_number(text),
                text.parse::<usize>()
                    .ok()
                    .filter(|_| !text.starts_with('+')),
                "{text}"
            );
        }
    }

    #[test]
    fn finds_nested_values() {
        let text = r#"{"a": 1, "m": [{"w": 2, "p": [3, "x]", 5]}, {"w": 6}], "s": "q"}"#;
        let at = |path: &str| locate(text, path).map(|i| &text[i..i + 1]);
        assert_eq!(at("a"), Some("1"));
        assert_eq!(at("m[0].p[2]"), Some("5"));
        assert_eq!(at("m[0].p[1]"), Some("\""));
        assert_eq!(at("m[1].w"), Some("6"));
        assert_eq!(at("m[1]"), Some("{"));
        assert_eq!(at("s"), Some("\""));
        assert_eq!(at(""), Some("{"));
        assert_eq!(locate(text, "m[2]"), None);
        assert_eq!(locate(text, "zz"), None);
        assert_eq!(locate(text, "a[0]"), None);
        assert_eq!(locate(text, "m[x]"), None);
    }
}
