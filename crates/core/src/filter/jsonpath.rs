//! Writing SQL/JSON path text. Every key and value goes through [`string`] or [`literal`]:
//! path string literals take JSON's escapes (`\"`, `\\`, `\n`, `\u0001`, …), so serde_json's
//! string serializer writes them exactly; numbers keep their JSON text.

use serde_json::Value;

/// A path string literal: `"a\"b"`.
pub fn string(s: &str) -> String {
    serde_json::to_string(s).expect("a string always serializes")
}

/// A scalar literal. Objects and arrays have no path literal; callers never pass them.
pub fn literal(value: &Value) -> String {
    match value {
        Value::String(s) => string(s),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".to_string(),
        Value::Object(_) | Value::Array(_) => unreachable!("path literals are scalars"),
    }
}

/// `root` followed by a member accessor per key: `$."address"."city"`.
pub fn accessor(root: &str, keys: &[String]) -> String {
    let mut out = String::from(root);
    for key in keys {
        out.push('.');
        out.push_str(&string(key));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keys_and_strings_are_escaped_as_json() {
        assert_eq!(
            accessor("$", &["a'b\"c".into(), "x.y".into()]),
            r#"$."a'b\"c"."x.y""#
        );
        assert_eq!(string("line\nbreak\\ \u{1}"), r#""line\nbreak\\ \u0001""#);
        assert_eq!(literal(&json!("$.x ? (@ == 1)")), r#""$.x ? (@ == 1)""#);
    }

    #[test]
    fn numbers_keep_their_text() {
        assert_eq!(literal(&json!(30)), "30");
        assert_eq!(literal(&json!(-1.5)), "-1.5");
        let big: Value = serde_json::from_str("123456789012345678901234567890.5").unwrap();
        assert_eq!(literal(&big), "123456789012345678901234567890.5");
        assert_eq!(literal(&json!(true)), "true");
        assert_eq!(literal(&Value::Null), "null");
    }
}
