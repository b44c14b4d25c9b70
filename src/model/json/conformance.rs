//! The JSON reader against serde_json: for generated texts, valid and
//! mutated, both accept or both refuse, and what both accept is the same
//! value, numbers bit for bit (serde_json with `float_roundtrip`, which
//! reads floats exactly).
//!
//! `PROPTEST_CASES=1000000 cargo test --lib conformance` runs it as long
//! as wanted; the test command runs the default 256 cases per property.
#![allow(clippy::disallowed_methods, clippy::panic, clippy::indexing_slicing)]

use super::{parse, Json};
use proptest::prelude::*;
use serde_json::Value;

/// Whether our value and serde_json's are the same. Objects compare as
/// serde_json keeps them: the last of repeated keys wins.
fn same(ours: &Json, theirs: &Value) -> Result<(), String> {
    match (ours, theirs) {
        (Json::Null, Value::Null) => Ok(()),
        (Json::Bool(a), Value::Bool(b)) if a == b => Ok(()),
        (Json::String(a), Value::String(b)) if a == b => Ok(()),
        (Json::Number(a), Value::Number(b)) => {
            let b = b.as_f64().ok_or("serde_json number without f64")?;
            // Equal bits, but -0 and 0 are one figure: serde_json reads
            // `-0` as an integer 0.
            if a.to_bits() == b.to_bits() || (*a == 0.0 && b == 0.0) {
                Ok(())
            } else {
                Err(format!("number {a:e} vs {b:e}"))
            }
        }
        (Json::Array(a), Value::Array(b)) if a.len() == b.len() => {
            a.iter().zip(b).try_for_each(|(x, y)| same(&x.value, y))
        }
        (Json::Object(a), Value::Object(b)) => {
            let mut keys: Vec<&String> = a.iter().map(|(k, _, _)| k).collect();
            keys.sort();
            keys.dedup();
            if keys.len() != b.len() {
                return Err(format!("{} keys vs {}", keys.len(), b.len()));
            }
            for key in keys {
                let last = a
                    .iter()
                    .rev()
                    .find(|(k, _, _)| k == key)
                    .map(|(_, _, n)| &n.value)
                    .ok_or("no value")?;
                same(last, b.get(key).ok_or_else(|| format!("missing {key}"))?)?;
            }
            Ok(())
        }
        _ => Err(format!("{ours:?} vs {theirs:?}")),
    }
}

fn agree(text: &str) -> Result<(), TestCaseError> {
    let ours = parse(text);
    let theirs = serde_json::from_str::<Value>(text);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => {
            same(&a.value, b).map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))
        }
        (Err(_), Err(_)) => Ok(()),
        _ => Err(TestCaseError::fail(format!(
            "{text:?}: ours {:?}, serde_json {:?}",
            ours.map(|_| "ok").map_err(|e| e.en),
            theirs.map(|_| "ok").map_err(|e| e.to_string())
        ))),
    }
}

/// A JSON number as editors and programs write them.
fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        // Any finite f64, shortest round-trip form and exponent form.
        any::<f64>()
            .prop_filter("finite", |v| v.is_finite())
            .prop_map(|v| format!("{v:?}")),
        any::<f64>()
            .prop_filter("finite", |v| v.is_finite())
            .prop_map(|v| format!("{v:e}")),
        // Subnormals and the ends of the range.
        (1u64..(1 << 52)).prop_map(|bits| format!("{:e}", f64::from_bits(bits))),
        Just("1.7976931348623157e308".to_string()),
        Just("2.2250738585072014e-308".to_string()),
        Just("5e-324".to_string()),
        // Integers, and figures with two decimals.
        any::<i64>().prop_map(|v| v.to_string()),
        (0u64..10_000_000_000, 0u32..100).prop_map(|(i, f)| format!("{i}.{f:02}")),
        // Long digit strings with an exponent.
        ("-?[1-9][0-9]{0,30}(\\.[0-9]{1,30})?", -350i32..350).prop_map(|(m, e)| format!("{m}e{e}")),
        "-?(0|[1-9][0-9]{0,25})(\\.[0-9]{1,25})?([eE][+-]?[0-9]{1,3})?",
    ]
}

/// A JSON string literal: plain text, every escape, surrogate pairs.
fn string() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z0-9 喀左时讯，。%]{0,4}",
        Just("\\\"".to_string()),
        Just("\\\\".to_string()),
        Just("\\/".to_string()),
        Just("\\b\\f\\n\\r\\t".to_string()),
        (0u32..0xD800).prop_map(|c| format!("\\u{c:04x}")),
        (0xE000u32..0x10000).prop_map(|c| format!("\\u{c:04X}")),
        (0x10000u32..0x110000).prop_map(|c| {
            let v = c - 0x10000;
            format!(
                "\\u{:04x}\\u{:04x}",
                0xD800 + (v >> 10),
                0xDC00 + (v & 0x3FF)
            )
        }),
        any::<char>()
            .prop_filter("no quote, backslash or control", |c| {
                !matches!(c, '"' | '\\') && *c >= ' '
            })
            .prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..6).prop_map(|p| format!("\"{}\"", p.concat()))
}

/// Whitespace JSON allows.
fn ws() -> impl Strategy<Value = String> {
    "[ \t\n\r]{0,2}"
}

/// A JSON text of values nested up to a few levels.
fn value() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        number(),
        string(),
        Just("true".to_string()),
        Just("false".to_string()),
        Just("null".to_string()),
    ];
    leaf.prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            (prop::collection::vec((ws(), inner.clone(), ws()), 0..6)).prop_map(|items| {
                let parts: Vec<String> = items.into_iter().map(|(a, v, b)| a + &v + &b).collect();
                format!("[{}]", parts.join(","))
            }),
            (prop::collection::vec((string(), ws(), inner), 0..6)).prop_map(|members| {
                let parts: Vec<String> = members
                    .into_iter()
                    .map(|(k, w, v)| format!("{w}{k}{w}:{w}{v}"))
                    .collect();
                format!("{{{}}}", parts.join(","))
            }),
        ]
    })
}

/// A mistake an editor or a broken tool makes in a text.
fn mutate(text: String, at: usize, kind: u8) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = if chars.is_empty() {
        0
    } else {
        at % (chars.len() + 1)
    };
    let (head, tail): (String, String) =
        (chars[..at].iter().collect(), chars[at..].iter().collect());
    let insert = |s: &str| format!("{head}{s}{tail}");
    match kind % 16 {
        0 => head, // truncated
        1 => format!(
            "{head}{}",
            chars
                .get(at + 1..)
                .map_or(String::new(), |t| t.iter().collect())
        ), // a character lost
        2 => insert(","),
        3 => insert("\\ud83d"), // a lone surrogate
        4 => insert("\\udc00"),
        5 => insert("0"), // leading zeros
        6 => insert("+1"),
        7 => insert(".5"),
        8 => insert("1."),
        9 => insert("NaN"),
        10 => insert("\u{1}"), // a control character
        11 => insert("\n"),
        12 => insert("\""),
        13 => insert("}"),
        14 => insert("]"),
        _ => insert("\\x"),
    }
}

proptest! {
    #[test]
    fn valid_texts_read_as_serde_json_reads_them(text in (ws(), value(), ws()).prop_map(|(a, v, b)| a + &v + &b)) {
        // Well-formed, but a number may lie beyond an f64: both refuse it.
        agree(&text)?;
    }

    #[test]
    fn mutated_texts_are_refused_or_read_as_serde_json_does(
        text in value(),
        at in any::<usize>(),
        kind in any::<u8>(),
    ) {
        agree(&mutate(text, at, kind))?;
    }

    #[test]
    fn numbers_read_exactly(n in number()) {
        agree(&n)?;
        if let Ok(node) = parse(&n) {
            let Json::Number(v) = node.value else { panic!("{n}: not a number") };
            let exact: f64 = n.parse().unwrap_or(f64::NAN);
            prop_assert_eq!(v.to_bits(), exact.to_bits(), "{}", n);
        }
    }
}

#[test]
fn edges_agree() {
    for text in [
        "1.7976931348623157e308",
        "2.2250738585072014e-308",
        "5e-324",
        "1e400",
        "-1e400",
        "1e-400",
        "-0",
        "-0.0",
        "01",
        "+1",
        ".5",
        "1.",
        "NaN",
        "[1,]",
        "{\"a\":1,}",
        "\"\\ud83d\\u0041\"",
        "\"\\ude00\"",
        "\"\u{1f}\"",
        "\"\u{7f}\"",
        "[]",
        "{}",
        " ",
        "",
        "\u{feff}1",
        "{\"a\":1,\"a\":2}",
    ] {
        agree(text).unwrap_or_else(|e| panic!("{e}"));
    }
    // Nesting: both refuse beyond their limit, both read below it.
    for depth in [100, 127] {
        let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        agree(&text).unwrap_or_else(|e| panic!("depth {depth}: {e}"));
    }
}
