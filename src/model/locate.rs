//! Finds the value a JSON path (`measures[0].parts[1]`) points to in the
//! parsed file, so that problems found after reading still get the line
//! and column where the parser saw the value.

use super::json::{Json, Node};
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

/// The value at `path` (`""` is `root` itself) in the parsed file: its
/// offset is the one the parser recorded, so there is one source of
/// positions.
pub(crate) fn locate<'n>(root: &'n Node, path: &str) -> Option<&'n Node> {
    steps(path)?
        .into_iter()
        .try_fold(root, |node, step| match (step, &node.value) {
            (Step::Key(key), _) => node.member(key),
            (Step::Index(i), Json::Array(items)) => items.get(i),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::super::json::parse;
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
    #[allow(clippy::unwrap_used, clippy::indexing_slicing)]
    fn finds_nested_values() {
        let text = r#"{"a": 1, "m": [{"w": 2, "p": [3, "x]", 5]}, {"w": 6}], "s": "q"}"#;
        let root = parse(text).unwrap();
        let at = |path: &str| locate(&root, path).map(|n| &text[n.at..n.at + 1]);
        assert_eq!(at("a"), Some("1"));
        assert_eq!(at("m[0].p[2]"), Some("5"));
        assert_eq!(at("m[0].p[1]"), Some("\""));
        assert_eq!(at("m[1].w"), Some("6"));
        assert_eq!(at("m[1]"), Some("{"));
        assert_eq!(at("s"), Some("\""));
        assert_eq!(at(""), Some("{"));
        assert_eq!(at("m[2]"), None);
        assert_eq!(at("zz"), None);
        assert_eq!(at("a[0]"), None);
        assert_eq!(at("m[x]"), None);
    }
}
