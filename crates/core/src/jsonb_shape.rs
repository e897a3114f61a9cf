//! What kind of JSON value a jsonb datum holds, read from its binary header alone.
//!
//! docstore passes documents through as PostgreSQL datums and never parses them into Rust on the
//! hot path (a serde round trip of a 0.8 KB document costs about 7 µs, as much as the INSERT
//! itself). The top-level kind is all the argument checks need, and it is in the first eight
//! bytes of the jsonb payload: the root container header and, for a scalar, its one `JEntry`.
//! The layout is PostgreSQL's `src/include/utils/jsonb.h`, stable since 9.4 (its constants are
//! `jsonb_binary`'s, which reads the rest of the format).

use std::fmt;

use crate::jsonb_binary::{
    u32_at, JB_CMASK, JB_FARRAY, JB_FOBJECT, JB_FSCALAR, JENTRY_ISBOOL_FALSE, JENTRY_ISBOOL_TRUE,
    JENTRY_ISNULL, JENTRY_ISNUMERIC, JENTRY_ISSTRING, JENTRY_TYPEMASK,
};

/// The kinds of JSON value, as `jsonb_typeof` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonKind {
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
}

impl JsonKind {
    /// The kind of a parsed JSON value.
    pub fn of(value: &serde_json::Value) -> Self {
        use serde_json::Value;
        match value {
            Value::Object(_) => JsonKind::Object,
            Value::Array(_) => JsonKind::Array,
            Value::String(_) => JsonKind::String,
            Value::Number(_) => JsonKind::Number,
            Value::Bool(_) => JsonKind::Boolean,
            Value::Null => JsonKind::Null,
        }
    }

    /// The name `jsonb_typeof` gives this kind.
    pub fn name(self) -> &'static str {
        match self {
            JsonKind::Object => "object",
            JsonKind::Array => "array",
            JsonKind::String => "string",
            JsonKind::Number => "number",
            JsonKind::Boolean => "boolean",
            JsonKind::Null => "null",
        }
    }

    /// "an object", "a string", … for error messages.
    pub fn with_article(self) -> String {
        match self {
            JsonKind::Object | JsonKind::Array => format!("an {}", self.name()),
            JsonKind::Null => "null".to_string(),
            _ => format!("a {}", self.name()),
        }
    }
}

impl fmt::Display for JsonKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Classifies a jsonb payload (the bytes after the varlena header, in native byte order, as
/// PostgreSQL writes them). Returns `None` for bytes that are not a valid jsonb root, which a
/// datum of type jsonb never is.
pub fn classify(payload: &[u8]) -> Option<JsonKind> {
    let header = u32_at(payload, 0)?;
    if header & JB_FOBJECT != 0 {
        return Some(JsonKind::Object);
    }
    if header & JB_FARRAY == 0 {
        return None;
    }
    if header & JB_FSCALAR == 0 {
        return Some(JsonKind::Array);
    }
    // A scalar is stored as a one-element array flagged scalar; its JEntry says which kind.
    match u32_at(payload, 4)? & JENTRY_TYPEMASK {
        JENTRY_ISSTRING => Some(JsonKind::String),
        JENTRY_ISNUMERIC => Some(JsonKind::Number),
        JENTRY_ISBOOL_FALSE | JENTRY_ISBOOL_TRUE => Some(JsonKind::Boolean),
        JENTRY_ISNULL => Some(JsonKind::Null),
        _ => None,
    }
}

/// Whether a jsonb payload is the empty object `{}`, which every document contains.
pub fn is_empty_object(payload: &[u8]) -> bool {
    u32_at(payload, 0).is_some_and(|header| header & JB_FOBJECT != 0 && header & JB_CMASK == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payload(words: &[u32]) -> Vec<u8> {
        words.iter().flat_map(|w| w.to_ne_bytes()).collect()
    }

    // Headers as PostgreSQL 15 writes them (checked against real datums by the #[pg_test]s):
    // count in the low 28 bits, kind in the flags.
    #[test]
    fn containers_are_classified_by_their_flags() {
        assert_eq!(classify(&payload(&[JB_FOBJECT])), Some(JsonKind::Object));
        assert_eq!(
            classify(&payload(&[JB_FOBJECT | 3, 0, 0])),
            Some(JsonKind::Object)
        );
        assert_eq!(classify(&payload(&[JB_FARRAY])), Some(JsonKind::Array));
        assert_eq!(
            classify(&payload(&[JB_FARRAY | 2, 0, 0])),
            Some(JsonKind::Array)
        );
    }

    #[test]
    fn scalars_are_classified_by_their_one_entry() {
        let scalar = JB_FARRAY | JB_FSCALAR | 1;
        assert_eq!(
            classify(&payload(&[scalar, JENTRY_ISSTRING | 3])),
            Some(JsonKind::String)
        );
        assert_eq!(
            classify(&payload(&[scalar, JENTRY_ISNUMERIC | 8])),
            Some(JsonKind::Number)
        );
        assert_eq!(
            classify(&payload(&[scalar, JENTRY_ISBOOL_TRUE])),
            Some(JsonKind::Boolean)
        );
        assert_eq!(
            classify(&payload(&[scalar, JENTRY_ISBOOL_FALSE])),
            Some(JsonKind::Boolean)
        );
        assert_eq!(
            classify(&payload(&[scalar, JENTRY_ISNULL])),
            Some(JsonKind::Null)
        );
    }

    #[test]
    fn truncated_or_unflagged_payloads_are_not_jsonb() {
        assert_eq!(classify(&[]), None);
        assert_eq!(classify(&[0x20]), None);
        assert_eq!(classify(&payload(&[0])), None);
        assert_eq!(classify(&payload(&[JB_FARRAY | JB_FSCALAR | 1])), None);
    }

    #[test]
    fn only_an_object_with_no_pairs_is_the_empty_object() {
        assert!(is_empty_object(&payload(&[JB_FOBJECT])));
        assert!(!is_empty_object(&payload(&[JB_FOBJECT | 1, 0, 0])));
        assert!(!is_empty_object(&payload(&[JB_FARRAY])));
        assert!(!is_empty_object(&[]));
    }

    #[test]
    fn messages_use_the_right_article() {
        assert_eq!(JsonKind::Object.with_article(), "an object");
        assert_eq!(JsonKind::Array.with_article(), "an array");
        assert_eq!(JsonKind::Number.with_article(), "a number");
        assert_eq!(JsonKind::Null.with_article(), "null");
    }
}
