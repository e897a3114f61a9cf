//! Update operators (`docstore_patch`): parse an update document, then apply it to a document.
//!
//! Applied inside PostgreSQL by the immutable function `docstore.apply_update(data, update, now)`
//! in `UPDATE … SET data = docstore.apply_update(data, $3, $4)`, so every patch is one row-locked
//! statement. The parse step runs first, on its own, so a malformed update is refused (22023)
//! before any row is touched.
//!
//! Paths may hold MongoDB's array-element keys: `$[]` (every element), `$[<identifier>]` (the
//! elements an arrayFilters entry matches, [`parse_array_filters`]) and `$` (the element the
//! query matched); [`apply_with`] takes what they refer to in an [`ApplyContext`]. The tests in
//! `update/mongodb.rs` hold this module to MongoDB's own tests and manual.

use serde_json::{Map, Number, Value};

use crate::filter::{self, Filter};
use crate::{Error, JsonKind};

mod apply;
mod parse;
mod paths;
mod sort;

pub use apply::{apply, apply_with};
pub use parse::parse;
pub use paths::{check_array_filters, parse_array_filters, ApplyContext};
pub use sort::PushSort;

/// One operator on one path.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    Set(Value),
    Unset,
    Inc(Number),
    Mul(Number),
    Min(Value),
    Max(Value),
    Rename(Vec<String>),
    CurrentDate,
    /// `$push`: insert `each` at `position` (the end by default), then `sort`, then `slice`.
    Push {
        each: Vec<Value>,
        position: Option<i64>,
        sort: Option<PushSort>,
        slice: Option<i64>,
    },
    Pull(Pull),
    PullAll(Vec<Value>),
    AddToSet(Vec<Value>),
    Pop(bool),
}

/// What `$pull` removes.
#[derive(Debug, Clone, PartialEq)]
pub enum Pull {
    /// Elements equal to this value.
    Equal(Value),
    /// Elements meeting a condition (`{"$gte": 6}`), held as a filter on `{"v": element}`.
    Condition(Filter),
    /// Object elements matching a filter (`{"score": 8, "item": "B"}`).
    Document(Filter),
}

/// A parsed update: (operator name, path, operation), in document order.
#[derive(Debug, Clone, PartialEq)]
pub struct Update(pub Vec<(&'static str, Vec<String>, Op)>);

impl Update {
    /// Whether a path has the positional `$` (the element the query matched).
    pub fn has_positional(&self) -> bool {
        self.0
            .iter()
            .any(|(_, keys, _)| keys.iter().any(|k| k == "$"))
    }

    /// The update as `data || set - unset` when it only sets and unsets top-level keys (the
    /// common case): PostgreSQL's own jsonb operators then do the work, with no round trip of
    /// the document through Rust. `None` for anything else.
    pub fn as_merge(&self) -> Option<(Value, Vec<String>)> {
        let mut set = Map::new();
        let mut unset = Vec::new();
        for (_, keys, op) in &self.0 {
            let [key] = keys.as_slice() else { return None };
            match op {
                Op::Set(value) => {
                    set.insert(key.clone(), value.clone());
                }
                Op::Unset => unset.push(key.clone()),
                _ => return None,
            }
        }
        Some((Value::Object(set), unset))
    }
}

pub(super) const OPERATORS: &str =
    "$set $unset $inc $mul $min $max $rename $currentDate $push $pull $pullAll $addToSet $pop";

pub(super) fn bad(operator: &str, path: &str, expected: &'static str) -> Error {
    Error::BadOperand {
        operator: operator.to_string(),
        path: path.to_string(),
        expected,
    }
}

pub(super) fn split(path: &str) -> Result<Vec<String>, Error> {
    crate::filter::Path::parse(path).map(|p| p.0)
}

pub(super) fn number(value: &Value, operator: &str, path: &str) -> Result<Number, Error> {
    match value {
        Value::Number(n) => Ok(n.clone()),
        _ => Err(bad(operator, path, "a number")),
    }
}

#[cfg(test)]
mod mongodb;

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(doc: Value, update: Value) -> Value {
        apply(&doc, &parse(&update).unwrap(), "2026-01-01T00:00:00Z").unwrap()
    }

    fn refused(update: Value) -> String {
        let e = parse(&update).unwrap_err();
        format!("{}: {e}", e.sqlstate().code())
    }

    #[test]
    fn set_unset_inc_mul_min_max_rename_current_date() {
        let doc = json!({"a": 1, "b": {"c": 2}, "n": 5, "s": "x"});
        assert_eq!(
            run(doc.clone(), json!({"$set": {"b.d.e": 3, "a": [1]}})),
            json!({"a": [1], "b": {"c": 2, "d": {"e": 3}}, "n": 5, "s": "x"})
        );
        assert_eq!(
            run(doc.clone(), json!({"$unset": {"b.c": "", "zz": ""}})),
            json!({"a": 1, "b": {}, "n": 5, "s": "x"})
        );
        assert_eq!(
            run(doc.clone(), json!({"$inc": {"n": 2, "new": -1}})),
            json!({"a": 1, "b": {"c": 2}, "n": 7, "new": -1, "s": "x"})
        );
        assert_eq!(
            run(json!({"p": 10}), json!({"$inc": {"p": 0.5}})),
            json!({"p": 10.5})
        );
        assert_eq!(
            run(json!({"p": 10}), json!({"$mul": {"p": 1.5, "q": 2}})),
            json!({"p": 15.0, "q": 0})
        );
        assert_eq!(
            run(
                json!({"lo": 5, "hi": 5}),
                json!({"$min": {"lo": 3}, "$max": {"hi": 3}})
            ),
            json!({"lo": 3, "hi": 5})
        );
        assert_eq!(
            run(json!({"lo": 5}), json!({"$max": {"lo": 9, "new": 1}})),
            json!({"lo": 9, "new": 1})
        );
        assert_eq!(
            run(
                doc.clone(),
                json!({"$rename": {"s": "t.u", "missing": "m"}})
            ),
            json!({"a": 1, "b": {"c": 2}, "n": 5, "t": {"u": "x"}})
        );
        assert_eq!(
            run(json!({}), json!({"$currentDate": {"at": true}})),
            json!({"at": "2026-01-01T00:00:00Z"})
        );
    }

    #[test]
    fn array_operators_follow_mongodb_examples() {
        // $push with $each, $position, $slice (MongoDB manual examples).
        assert_eq!(
            run(
                json!({"scores": [44, 78, 38, 80]}),
                json!({"$push": {"scores": 89}})
            ),
            json!({"scores": [44, 78, 38, 80, 89]})
        );
        assert_eq!(
            run(
                json!({"scores": [100]}),
                json!({"$push": {"scores": {"$each": [50, 60, 70], "$position": 0}}})
            ),
            json!({"scores": [50, 60, 70, 100]})
        );
        assert_eq!(
            run(
                json!({"scores": [40, 50, 60]}),
                json!({"$push": {"scores": {"$each": [80, 78, 86], "$slice": -5}}})
            ),
            json!({"scores": [50, 60, 80, 78, 86]})
        );
        assert_eq!(
            run(
                json!({"s": [1, 2]}),
                json!({"$push": {"s": {"$each": [3], "$position": -1}}})
            ),
            json!({"s": [1, 3, 2]})
        );
        assert_eq!(
            run(json!({}), json!({"$push": {"new": {"$each": [1, 2]}}})),
            json!({"new": [1, 2]})
        );
        // $addToSet
        assert_eq!(
            run(
                json!({"tags": ["a", "b"]}),
                json!({"$addToSet": {"tags": {"$each": ["b", "c", "c"]}}})
            ),
            json!({"tags": ["a", "b", "c"]})
        );
        assert_eq!(
            run(json!({"n": [1]}), json!({"$addToSet": {"n": 1.0}})),
            json!({"n": [1]})
        );
        // $pull by value, by condition, by document; $pullAll; $pop
        assert_eq!(
            run(json!({"v": [1, 2, 3, 2]}), json!({"$pull": {"v": 2}})),
            json!({"v": [1, 3]})
        );
        assert_eq!(
            run(
                json!({"votes": [3, 5, 6, 7, 7, 8]}),
                json!({"$pull": {"votes": {"$gte": 6}}})
            ),
            json!({"votes": [3, 5]})
        );
        assert_eq!(
            run(
                json!({"results": [{"item": "A", "score": 5}, {"item": "B", "score": 8}]}),
                json!({"$pull": {"results": {"score": 8, "item": "B"}}})
            ),
            json!({"results": [{"item": "A", "score": 5}]})
        );
        assert_eq!(
            run(
                json!({"s": [0, 2, 5, 5, 1, 0]}),
                json!({"$pullAll": {"s": [0, 5]}})
            ),
            json!({"s": [2, 1]})
        );
        assert_eq!(
            run(json!({"s": [1, 2, 3]}), json!({"$pop": {"s": -1}})),
            json!({"s": [2, 3]})
        );
        assert_eq!(
            run(json!({"s": [1, 2, 3]}), json!({"$pop": {"s": 1}})),
            json!({"s": [1, 2]})
        );
        assert_eq!(
            run(json!({}), json!({"$pop": {"s": 1}, "$pull": {"t": 1}})),
            json!({})
        );
    }

    #[test]
    fn paths_longer_than_documents_nest_are_refused_before_any_recursion() {
        let long = vec!["a"; 100_000].join(".");
        for op in ["$set", "$inc", "$unset", "$push", "$rename"] {
            let value = if op == "$rename" {
                json!("b")
            } else {
                json!(1)
            };
            let message = refused(json!({ op: { long.clone(): value } }));
            assert!(
                message.contains("has 100000 keys; at most 100"),
                "{op}: {message}"
            );
        }
        let message = refused(json!({"$rename": {"a": long}}));
        assert!(message.contains("has 100000 keys"), "{message}");
        // 100 keys is still a path.
        let hundred = vec!["a"; 100].join(".");
        assert!(parse(&json!({"$set": { hundred: 1 }})).is_ok());
    }

    #[test]
    fn arithmetic_beyond_the_double_range_is_an_error_not_zero() {
        for (doc, update) in [
            (json!({"n": 1e308}), json!({"$inc": {"n": 1e308}})),
            (json!({"n": 1e308}), json!({"$mul": {"n": 10}})),
            (json!({"n": -1e308}), json!({"$inc": {"n": -1e308}})),
        ] {
            let update = parse(&update).unwrap();
            let error = apply(&doc, &update, "now").unwrap_err();
            assert_eq!(error.sqlstate().code(), "22003", "{error}");
            assert!(
                error.to_string().contains("out of the double range"),
                "{error}"
            );
        }
        // Large but finite stays exact where it can.
        assert_eq!(
            run(json!({"n": 9007199254740993i64}), json!({"$inc": {"n": 1}})),
            json!({"n": 9007199254740994i64})
        );
    }

    #[test]
    fn far_array_indexes_are_refused() {
        let err = apply(
            &json!({"a": []}),
            &parse(&json!({"$set": {"a.4000000000": 1}})).unwrap(),
            "now",
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"$set at path "a.4000000000" expects an array index at most 10000 past the array's end"#
        );
    }

    #[test]
    fn array_indexes_in_paths() {
        assert_eq!(
            run(json!({"a": [1, 2]}), json!({"$set": {"a.1": 9, "a.3": 4}})),
            json!({"a": [1, 9, null, 4]})
        );
        assert_eq!(
            run(json!({"a": [{"b": 1}]}), json!({"$inc": {"a.0.b": 1}})),
            json!({"a": [{"b": 2}]})
        );
    }

    #[test]
    fn bad_updates_name_operator_and_path() {
        assert_eq!(
            refused(json!({"$foo": {"a": 1}})),
            r#"22023: unknown operator "$foo" at the top level"#
        );
        assert_eq!(
            refused(json!({"$set": {"a": 1}, "b": 2})),
            r#"22023: update must hold only operators, got the plain key "b" (operators: $set $unset $inc $mul $min $max $rename $currentDate $push $pull $pullAll $addToSet $pop)"#
        );
        assert_eq!(
            refused(json!({"$set": {"a.b": 1}, "$inc": {"a": 1}})),
            "22023: update operators conflict: $set a.b and $inc a touch the same path"
        );
        assert_eq!(
            refused(json!({"$set": {"a": 1}, "$rename": {"b": "a"}})),
            "22023: update operators conflict: $set a and $rename a touch the same path"
        );
        assert_eq!(
            refused(json!({"$inc": {"a": "1"}})),
            r#"22023: $inc at path "a" expects a number"#
        );
        assert_eq!(
            refused(json!({"$pop": {"a": 2}})),
            r#"22023: $pop at path "a" expects 1 (last) or -1 (first)"#
        );
        assert_eq!(
            refused(json!({})),
            "22023: update at the top level expects at least one operator"
        );
        assert_eq!(
            refused(json!({"$set": {"a..b": 1}})),
            r#"22023: invalid path "a..b": the keys of a dotted path must not be empty"#
        );
        let doc = json!({"s": "x", "n": 1});
        let err = |u: Value| {
            apply(&doc, &parse(&u).unwrap(), "now")
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            err(json!({"$inc": {"s": 1}})),
            r#"$inc at path "s" expects a number in the document (it holds another type)"#
        );
        assert_eq!(
            err(json!({"$push": {"n": 1}})),
            r#"$push at path "n" expects an array in the document (it holds another type)"#
        );
        assert_eq!(
            err(json!({"$set": {"s.t": 1}})),
            r#"$set at path "s.t" expects a path through objects (a scalar is in the way)"#
        );
    }

    #[test]
    fn top_level_set_and_unset_become_a_merge() {
        let u = parse(&json!({"$set": {"a": 1, "b": {"c": 2}}, "$unset": {"d": ""}})).unwrap();
        assert_eq!(
            u.as_merge(),
            Some((json!({"a": 1, "b": {"c": 2}}), vec!["d".to_string()]))
        );
        assert_eq!(
            parse(&json!({"$set": {"a.b": 1}})).unwrap().as_merge(),
            None
        );
        assert_eq!(parse(&json!({"$inc": {"a": 1}})).unwrap().as_merge(), None);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn scalar() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            (-5i64..5).prop_map(Value::from),
            Just(json!(1.5)),
            "[a-c]{0,2}".prop_map(Value::from),
        ]
    }

    fn value() -> impl Strategy<Value = Value> {
        scalar().prop_recursive(2, 12, 3, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..3).prop_map(Value::from),
                prop::collection::btree_map("[a-c]", inner, 0..3)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    fn path() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-c]",
            "[a-c]\\.[a-c]",
            "[a-c]\\.[0-2]",
            Just("$x".to_string()),
            Just("a..b".to_string()),
            // Array-element keys, well placed or not.
            "[a-c]\\.\\$(\\.[a-c])?",
            "[a-c]\\.\\$\\[\\](\\.[a-c])?",
            "[a-c]\\.\\$\\[[ij]\\](\\.[a-c])?",
            "[a-c]\\.\\$\\[\\]\\.\\$\\[[ij]\\]",
            Just("$[]".to_string()),
            Just("$".to_string()),
            Just("a.$[I]".to_string()),
            Just("a.$[i".to_string()),
            Just("a.$.b.$".to_string()),
        ]
    }

    /// arrayFilters: mostly well formed (`[{"i": …}, {"j.b": …}]`), sometimes not.
    fn array_filters() -> impl Strategy<Value = Value> {
        let key = prop_oneof![
            Just("i"),
            Just("j"),
            Just("i.a"),
            Just("j.b"),
            Just("I"),
            Just("$or"),
            Just("$and"),
            Just("$i"),
        ];
        let entry = prop::collection::btree_map(key, value(), 0..3)
            .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect()));
        prop_oneof![
            4 => prop::collection::vec(entry, 0..3).prop_map(Value::from),
            1 => value(),
        ]
    }

    /// A query for `$`: conditions on the paths the updates use.
    fn query() -> impl Strategy<Value = Value> {
        prop::collection::btree_map(path(), value(), 0..3)
            .prop_map(|m| Value::Object(m.into_iter().collect()))
    }

    fn update() -> impl Strategy<Value = Value> {
        let op = prop_oneof![
            Just("$set"),
            Just("$unset"),
            Just("$inc"),
            Just("$mul"),
            Just("$min"),
            Just("$max"),
            Just("$rename"),
            Just("$currentDate"),
            Just("$push"),
            Just("$pull"),
            Just("$pullAll"),
            Just("$addToSet"),
            Just("$pop"),
            Just("$bogus"),
            Just("plain")
        ];
        prop::collection::vec((op, prop::collection::vec((path(), value()), 1..3)), 1..3).prop_map(
            |ops| {
                Value::Object(
                    ops.into_iter()
                        .map(|(op, fields)| {
                            (op.to_string(), Value::Object(fields.into_iter().collect()))
                        })
                        .collect(),
                )
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5_000))]
        /// Any update either parses or is a typed error; a parsed one either applies or is a
        /// typed error; nothing panics, and a failed apply leaves no partial result to use.
        #[test]
        fn updates_parse_and_apply_or_fail_cleanly(doc in value(), update in update()) {
            let doc = match doc { Value::Object(_) => doc, other => json!({"v": other}) };
            match parse(&update) {
                Ok(parsed) => {
                    if let Err(e) = apply(&doc, &parsed, "now") {
                        prop_assert_eq!(e.sqlstate().code(), "22023");
                    }
                }
                Err(e) => prop_assert_eq!(e.sqlstate().code(), "22023"),
            }
        }

        /// With arrayFilters and a query for `$`, whatever they hold: each parses or is a typed
        /// error, and the update applies or is a typed error; nothing panics.
        #[test]
        fn array_element_updates_apply_or_fail_cleanly(
            doc in value(),
            update in update(),
            filters in array_filters(),
            query in query(),
        ) {
            let doc = match doc { Value::Object(_) => doc, other => json!({"a": [other]}) };
            let array_filters = match parse_array_filters(&filters) {
                Ok(f) => f,
                Err(e) => {
                    prop_assert!(["22023", "0A000"].contains(&e.sqlstate().code()), "{}", e);
                    Vec::new()
                }
            };
            let positional = filter::parse(&query).ok();
            let context = ApplyContext { array_filters, positional };
            if let Ok(parsed) = parse(&update) {
                if let Err(e) = check_array_filters(&parsed, &context.array_filters) {
                    prop_assert_eq!(e.sqlstate().code(), "22023");
                }
                if let Err(e) = apply_with(&doc, &parsed, "now", &context) {
                    prop_assert!(["22023", "22003"].contains(&e.sqlstate().code()), "{}", e);
                }
            }
        }

        /// $set then reading the path gives the value; $unset then the key is gone; the merge
        /// form of a top-level update gives the same document as the applier.
        #[test]
        fn set_and_unset_do_what_they_say(doc in value(), key in "[a-c]", v in value()) {
            let doc = match doc { Value::Object(_) => doc, other => json!({"v": other}) };
            let set = parse(&json!({"$set": {key.clone(): v.clone()}})).unwrap();
            let after = apply(&doc, &set, "now").unwrap();
            prop_assert_eq!(after.get(&key), Some(&v));
            let (merge, _) = set.as_merge().unwrap();
            let mut merged = doc.as_object().unwrap().clone();
            merged.extend(merge.as_object().unwrap().clone());
            prop_assert_eq!(&Value::Object(merged), &after);
            let unset = parse(&json!({"$unset": {key.clone(): ""}})).unwrap();
            let after = apply(&after, &unset, "now").unwrap();
            prop_assert!(after.get(&key).is_none());
        }
    }
}
