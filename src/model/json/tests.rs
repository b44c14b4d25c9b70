//! The JSON reader's tests: values with their offsets, numbers, errors.
#![allow(clippy::panic)]

use super::decimal::decimal;
use super::*;

fn ok(text: &str) -> Json {
    parse(text).map(|n| n.value).unwrap_or(Json::Null)
}

fn err(text: &str) -> (usize, &'static str) {
    parse(text).map_or_else(|e| (e.at, e.en), |_| (usize::MAX, ""))
}

#[test]
fn values_and_offsets() {
    let n = parse(r#" {"a": [1, -2.5e1, true, null], "b": "x\"\u00e9\ud83d\ude80"} "#);
    let Ok(Node {
        value: Json::Object(m),
        at: 1,
    }) = n
    else {
        panic!("object expected");
    };
    assert_eq!(m.len(), 2);
    assert_eq!(
        m.first().map(|(k, at, _)| (k.as_str(), *at)),
        Some(("a", 2))
    );
    let Some((
        _,
        _,
        Node {
            value: Json::Array(items),
            at: 7,
        },
    )) = m.first()
    else {
        panic!("array at 7");
    };
    assert_eq!(
        items.get(1).map(|n| n.value.clone()),
        Some(Json::Number(-25.0))
    );
    assert_eq!(items.get(1).map(|n| n.at), Some(11));
    assert_eq!(
        m.get(1).map(|(_, _, n)| n.value.clone()),
        Some(Json::String("x\"é🚀".into()))
    );
    assert_eq!(ok("0.5"), Json::Number(0.5));
    assert_eq!(ok("[]"), Json::Array(vec![]));
}

#[test]
fn numbers_are_exact_for_figures() {
    for (text, want) in [
        ("6.5", 6.5),
        ("1.51", 1.51),
        ("377", 377.0),
        ("150000", 150_000.0),
        ("0.1234567", 0.1234567),
        ("-2.25", -2.25),
        ("1e15", 1e15),
        ("1E-3", 1e-3),
        ("2.5e+2", 250.0),
        ("0", 0.0),
        ("-0.0", 0.0),
    ] {
        assert_eq!(ok(text), Json::Number(want), "{text}");
    }
    // Beyond 19 digits: within a unit in the last place.
    let Json::Number(long) = ok("123456789012345678901234") else {
        panic!("a number");
    };
    assert!((long / 1.2345678901234568e23 - 1.0).abs() < 1e-15);
    // Every two-decimal figure up to 10,000 reads as Rust reads it.
    #[allow(clippy::disallowed_methods)] // Rust's own reading, as the reference
    for hundredths in (0..1_000_000).step_by(7) {
        let text = format!("{}.{:02}", hundredths / 100, hundredths % 100);
        assert_eq!(decimal(&text), text.parse::<f64>().ok(), "{text}");
    }
    assert_eq!(err("1e400"), (0, "number out of range"));
}

#[test]
fn errors_point_at_the_offence() {
    // Surrogates come in pairs, or the text is refused where the escape starts.
    assert_eq!(ok(r#""\ud83d\ude00""#), Json::String("😀".into()));
    assert_eq!(
        err(r#""\ud83d\u0041""#),
        (1, "lone surrogate in hex escape")
    );
    assert_eq!(err(r#"["x\ud83d"]"#), (3, "lone surrogate in hex escape"));
    assert_eq!(err(r#""\ude00""#), (1, "lone surrogate in hex escape"));
    assert_eq!(
        err(r#""\ud83d\ud83d""#),
        (1, "lone surrogate in hex escape")
    );
    assert_eq!(err(r#"{"a": 1 "b": 2}"#), (8, "expected `,` or `}`"));
    assert_eq!(err(r#"{"a": 1,}"#), (8, "trailing comma"));
    assert_eq!(err("[1, 2,]"), (6, "trailing comma"));
    assert_eq!(err("{a: 1}"), (1, "key must be a string"));
    assert_eq!(err(r#"{"a" 1}"#), (5, "expected `:`"));
    assert_eq!(err("[01]"), (1, "invalid number"));
    assert_eq!(err("[1.]"), (3, "invalid number"));
    assert_eq!(err("1e999"), (0, "number out of range"));
    assert_eq!(err("\"abc"), (4, "EOF while parsing a string"));
    assert_eq!(
        err("\"a\nb\""),
        (2, "control character found while parsing a string")
    );
    assert_eq!(err(r#""\x""#), (2, "invalid escape"));
    assert_eq!(err("{\"a\": [1, 2"), (11, "EOF while parsing"));
    assert_eq!(err("1 2"), (2, "trailing characters"));
    assert_eq!(err("，"), (0, "expected value"));
    assert_eq!(err(""), (0, "EOF while parsing"));
    assert_eq!(err(&"[".repeat(500)), (129, "recursion limit exceeded"));
}

#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
#[test]
fn value_ends() {
    let text = r#" {"a": [1, -2.5e1, true, null], "b": "x\"\u00e9\ud83d\ude80"} "#;
    assert_eq!(super::value_end(text, 1), Some(61));
    assert_eq!(super::value_end(text, 7), Some(30));
    assert_eq!(super::value_end(text, 0), Some(61));
    assert_eq!(super::value_end(text, 2), Some(5));
    assert_eq!(super::value_end(text, 3), None);
}
