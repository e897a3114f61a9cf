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

/// The text of a path expression outside its string literals (keys and strings are quoted),
/// segment by segment; a segment that ends where a literal starts is followed by `"`.
fn outside_literals(path: &str) -> Vec<&str> {
    let mut segments = Vec::new();
    let mut rest = path;
    loop {
        let Some(start) = rest.find('"') else {
            segments.push(rest);
            return segments;
        };
        segments.push(&rest[..start]);
        let mut quoted = &rest[start + 1..];
        // The literal ends at the next quote not escaped by a backslash.
        loop {
            match quoted.find(['"', '\\']) {
                None => return segments,
                Some(i) if quoted.as_bytes()[i] == b'\\' => {
                    quoted = quoted.get(i + 2..).unwrap_or("");
                }
                Some(i) => {
                    rest = &quoted[i + 1..];
                    break;
                }
            }
        }
    }
}

/// Whether `docstore.@@` may evaluate a path expression (its text, as written here or as
/// PostgreSQL prints a `jsonpath`) without an error that depends on the document: in silent
/// mode (the `@@` operator's) PostgreSQL raises no error for missing keys, wrong types or
/// numbers, but a `like_regex` pattern is compiled (and may fail) only when a string reaches it,
/// and a variable (`$x`, `$"x"`) is looked up only when evaluation reaches it. So: neither.
pub fn is_leakproof(path: &str) -> bool {
    let segments = outside_literals(path);
    let last = segments.len().saturating_sub(1);
    segments.iter().enumerate().all(|(n, segment)| {
        let variable = segment.match_indices('$').any(|(i, _)| {
            match segment[i + 1..].chars().next() {
                Some(c) => c.is_alphanumeric() || c == '_',
                // `$` right before a literal: `$"x"`.
                None => n < last,
            }
        });
        !segment.contains("like_regex") && !variable
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn regexes_and_variables_are_found_outside_literals_only() {
        assert!(is_leakproof(
            r#"$."a" == 1 && exists($."b"[*] ? (@ > "x"))"#
        ));
        assert!(is_leakproof(r#"$[*] == 5 || $ == null"#));
        assert!(!is_leakproof(r#"$."a" like_regex "^x" flag "i""#));
        assert!(!is_leakproof(r#"exists($."a" ? (@ like_regex "\"x"))"#));
        assert!(is_leakproof(r#"$."like_regex" == "like_regex""#));
        assert!(is_leakproof(r#"$."a" == "say \" like_regex \" here""#));
        assert!(!is_leakproof(r#"$."a\\" == 1 && $."b" like_regex "c""#));
        assert!(is_leakproof(r#"$."unterminated"#));
        assert!(!is_leakproof(r#"$."a" == $x"#));
        assert!(!is_leakproof(r#"$."a" == $"x""#));
        assert!(is_leakproof(r#"$."a" == "$x""#));
    }

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
