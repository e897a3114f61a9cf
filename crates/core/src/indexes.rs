//! Per-path indexes (`docstore_create_index`): their keys, names and DDL.
//!
//! An index on paths P1…Pn of a collection is a B-tree on
//! `(collection, sort keys of P1, …, sort keys of Pn, id)`, where the sort keys are exactly the
//! expressions `docstore_find` orders by and the filter compiler compares on (so PostgreSQL
//! matches them). It leads with `collection` rather than being partial, so that kept generic
//! plans (collection as `$1`) can use it. A unique index is partial (`WHERE collection = …`),
//! since uniqueness is per collection; it enforces, and serves custom plans. A check constraint keeps arrays out of the indexed
//! paths in that collection: a B-tree holds one value per document, and with no arrays the
//! index's expressions state MongoDB's semantics exactly.

use serde_json::Value;

use crate::filter::Path;
use crate::find::{self, Direction};
use crate::sql::{literal, path_value};
use crate::Error;

#[derive(Debug, Clone, PartialEq)]
pub struct IndexSpec {
    pub keys: Vec<(Path, Direction)>,
    pub unique: bool,
}

/// Parses `keys` (`{"age": 1}` or `[{"customer.id": 1}, {"created": -1}]`) and `options`
/// (`{"unique": true}`).
pub fn parse(keys: &Value, options: &Value) -> Result<IndexSpec, Error> {
    let keys = find::parse_options(&serde_json::json!({ "sort": keys }))
        .map_err(|_| Error::BadOption {
            option: "keys",
            expected: "{\"path\": 1 or -1}, or an array of them for several paths: [{\"customer.id\": 1}, {\"created\": -1}]",
        })?
        .sort;
    let Value::Object(options) = options else {
        return Err(Error::BadOption {
            option: "options",
            expected: "a JSON object",
        });
    };
    let mut unique = false;
    for (key, value) in options {
        match (key.as_str(), value) {
            ("unique", Value::Bool(b)) => unique = *b,
            ("unique", _) => {
                return Err(Error::BadOption {
                    option: "unique",
                    expected: "true or false",
                })
            }
            (other, _) => {
                return Err(Error::UnknownOption {
                    option: other.to_string(),
                    allowed: "unique",
                })
            }
        }
    }
    Ok(IndexSpec { keys, unique })
}

/// A stable name for the index of `spec` on `collection`: `docstore_` and 16 hex digits (an
/// FNV-1a hash), a valid identifier whatever the collection and paths are.
pub fn name(collection: &str, spec: &IndexSpec) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        hash ^= 0xff;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    };
    feed(collection.as_bytes());
    for (path, direction) in &spec.keys {
        for key in &path.0 {
            feed(key.as_bytes());
        }
        feed(if *direction == Direction::Descending {
            b"-"
        } else {
            b"+"
        });
    }
    feed(if spec.unique { b"u" } else { b"n" });
    format!("docstore_{hash:016x}")
}

/// The statements that create the index's constraint (its no-arrays rule) and the index.
pub fn create_sql(name: &str, collection: &str, spec: &IndexSpec) -> [String; 2] {
    let mut columns = vec!["collection".to_string()];
    let mut no_arrays = Vec::new();
    for (path, direction) in &spec.keys {
        let at = path_value("data", &path.0);
        let dir = if *direction == Direction::Descending {
            " DESC"
        } else {
            ""
        };
        for expression in find::sort_key_expressions(&at) {
            columns.push(format!("{expression}{dir}"));
        }
        for end in 1..=path.0.len() {
            no_arrays.push(format!(
                "coalesce(pg_catalog.jsonb_typeof({}) OPERATOR(pg_catalog.<>) 'array', true)",
                path_value("data", &path.0[..end])
            ));
        }
    }
    let constraint = format!(
        "ALTER TABLE docstore.documents ADD CONSTRAINT {name}_no_arrays \
         CHECK (collection OPERATOR(pg_catalog.<>) {} OR ({}))",
        literal(collection),
        no_arrays.join(" AND ")
    );
    let index = if spec.unique {
        // Uniqueness is per collection, so a partial index; NULLS NOT DISTINCT because the sort
        // keys are NULL for the types a value is not, and those must compare equal (so one
        // document may lack the path, as in MongoDB).
        format!(
            "CREATE UNIQUE INDEX {name} ON docstore.documents ({}) NULLS NOT DISTINCT \
             WHERE collection OPERATOR(pg_catalog.=) {}",
            columns[1..].join(", "),
            literal(collection)
        )
    } else {
        let last_descending = spec
            .keys
            .last()
            .is_some_and(|(_, d)| *d == Direction::Descending);
        columns.push(format!("id{}", if last_descending { " DESC" } else { "" }));
        format!(
            "CREATE INDEX {name} ON docstore.documents ({})",
            columns.join(", ")
        )
    };
    [constraint, index]
}

/// The statements that drop the index of `name` and its constraint.
pub fn drop_sql(name: &str) -> Vec<String> {
    vec![
        format!("DROP INDEX IF EXISTS docstore.{name}"),
        format!("ALTER TABLE docstore.documents DROP CONSTRAINT IF EXISTS {name}_no_arrays"),
    ]
}

/// Whether `name` is one of the names [`name`] makes (so it can stand in DDL unquoted).
pub fn is_index_name(name: &str) -> bool {
    name.len() == 25
        && name.starts_with("docstore_")
        && name[9..].chars().all(|c| c.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn specs_parse_and_name_stably() {
        let spec = parse(
            &json!([{"customer.id": 1}, {"created": -1}]),
            &json!({"unique": true}),
        )
        .unwrap();
        assert_eq!(spec.keys.len(), 2);
        assert!(spec.unique);
        let n = name("orders", &spec);
        assert!(is_index_name(&n), "{n}");
        assert_eq!(n, name("orders", &spec.clone()));
        assert_ne!(n, name("orders2", &spec));
        assert!(parse(&json!({"a": 1, "b": 1}), &json!({})).is_err());
        assert_eq!(
            parse(&json!({"a": 1}), &json!({"sparse": true}))
                .unwrap_err()
                .to_string(),
            "unknown option \"sparse\" (options: unique)"
        );
    }

    #[test]
    fn ddl_uses_the_sort_expressions_and_keeps_arrays_out() {
        let spec = parse(&json!({"a.b": -1}), &json!({})).unwrap();
        let sql = create_sql("docstore_0123456789abcdef", "it's", &spec);
        assert_eq!(
            sql[0],
            "ALTER TABLE docstore.documents ADD CONSTRAINT docstore_0123456789abcdef_no_arrays \
             CHECK (collection OPERATOR(pg_catalog.<>) 'it''s' OR \
             (coalesce(pg_catalog.jsonb_typeof((data OPERATOR(pg_catalog.->) 'a')) OPERATOR(pg_catalog.<>) 'array', true) \
             AND coalesce(pg_catalog.jsonb_typeof((data OPERATOR(pg_catalog.->) 'a' OPERATOR(pg_catalog.->) 'b')) OPERATOR(pg_catalog.<>) 'array', true)))"
        );
        assert_eq!(
            sql[1],
            "CREATE INDEX docstore_0123456789abcdef ON docstore.documents (collection, docstore.sort_rank((data OPERATOR(pg_catalog.->) 'a' OPERATOR(pg_catalog.->) 'b')) DESC, \
             docstore.sort_number((data OPERATOR(pg_catalog.->) 'a' OPERATOR(pg_catalog.->) 'b')) DESC, docstore.sort_text((data OPERATOR(pg_catalog.->) 'a' OPERATOR(pg_catalog.->) 'b')) COLLATE pg_catalog.\"C\" DESC, \
             docstore.sort_other((data OPERATOR(pg_catalog.->) 'a' OPERATOR(pg_catalog.->) 'b')) DESC, id DESC)"
        );
    }
}
