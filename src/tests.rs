//! In-backend tests (`cargo pgrx test`): behaviour that needs a live backend and real datums.
//! The SQL surface as a whole is covered by the pg_regress suite in tests/pg_regress.

use pgrx::prelude::*;

#[pg_schema]
mod tests {
    use pgrx::prelude::*;
    use pgrx::{direct_function_call_as_datum, pg_sys, IntoDatum};
    use std::ffi::CString;

    use crate::jsonb;
    use docstore_core::filter;
    use docstore_core::JsonKind;
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestCaseError, TestRunner};
    use serde_json::json;

    use super::strategies;

    fn jsonb_datum(text: &str) -> pg_sys::Datum {
        let text = CString::new(text).unwrap();
        unsafe { direct_function_call_as_datum(pg_sys::jsonb_in, &[text.as_c_str().into_datum()]) }
            .expect("jsonb_in returns a datum")
    }

    /// The header check agrees with PostgreSQL's own jsonb_typeof on real datums.
    #[pg_test]
    fn jsonb_kind_agrees_with_jsonb_typeof() {
        let cases = [
            ("{}", JsonKind::Object),
            (r#"{"a": [1, {"b": null}]}"#, JsonKind::Object),
            ("[]", JsonKind::Array),
            ("[1, 2, 3]", JsonKind::Array),
            (r#""text""#, JsonKind::String),
            ("42", JsonKind::Number),
            ("-1.5e300", JsonKind::Number),
            ("true", JsonKind::Boolean),
            ("false", JsonKind::Boolean),
            ("null", JsonKind::Null),
        ];
        for (text, expected) in cases {
            let kind = unsafe { jsonb::kind(jsonb_datum(text)) };
            assert_eq!(kind, expected, "{text}");
            let typeof_ =
                Spi::get_one_with_args::<String>("SELECT jsonb_typeof($1::jsonb)", &[text.into()])
                    .unwrap()
                    .unwrap();
            assert_eq!(kind.name(), typeof_, "{text}");
            let empty = unsafe { jsonb::is_empty_object(jsonb_datum(text)) };
            assert_eq!(empty, text == "{}", "{text}");
        }
    }

    /// A compressed (TOAST) jsonb argument is read correctly and stored whole.
    #[pg_test]
    fn large_compressed_documents_pass_through() {
        Spi::run(
            "CREATE TEMP TABLE big AS
             SELECT jsonb_build_object('pad', repeat('abc', 100000), 'n', 7) AS d",
        )
        .unwrap();
        let stored = Spi::get_one::<bool>(
            "SELECT (SELECT data FROM docstore_create('big', big.d)) = big.d FROM big",
        );
        assert_eq!(stored, Ok(Some(true)));
        let compressed =
            Spi::get_one::<bool>("SELECT pg_column_size(d) < octet_length(d::text) FROM big");
        assert_eq!(
            compressed,
            Ok(Some(true)),
            "the test value must be compressed"
        );
    }

    #[pg_test]
    fn plain_update_bumps_version_and_keeps_identity() {
        let id = Spi::get_one::<pgrx::Uuid>("SELECT id FROM docstore_create('t', '{\"a\": 1}')")
            .unwrap()
            .unwrap();
        for _ in 0..3 {
            Spi::run_with_args(
                "UPDATE docstore.documents SET data = data || '{\"b\": 2}', version = 0 WHERE id = $1",
                &[id.into()],
            )
            .unwrap();
        }
        let version = Spi::get_one_with_args::<i32>(
            "SELECT version FROM docstore.documents WHERE id = $1",
            &[id.into()],
        );
        assert_eq!(version, Ok(Some(4)));
    }

    #[pg_test(error = "column \"collection\" of docstore.documents cannot be changed by an update")]
    fn changing_the_collection_is_rejected() {
        Spi::run("SELECT docstore_create('t', '{}')").unwrap();
        Spi::run("UPDATE docstore.documents SET collection = 'u'").unwrap();
    }

    #[pg_test(error = "data must be a JSON object, got an array")]
    fn create_rejects_an_array() {
        Spi::run("SELECT docstore_create('t', '[1]')").unwrap();
    }

    #[pg_test(error = "collection must not be NULL")]
    fn read_rejects_a_null_collection() {
        Spi::run("SELECT * FROM docstore_read(NULL, gen_random_uuid())").unwrap();
    }

    /// Kept plans survive DDL on the table: PostgreSQL's plan cache re-plans them.
    #[pg_test]
    fn kept_plans_follow_schema_changes() {
        let count = || {
            Spi::get_one::<i64>("SELECT count(*) FROM docstore_query('k', '{\"x\": 1}')")
                .unwrap()
                .unwrap()
        };
        Spi::run("SELECT docstore_create('k', '{\"x\": 1}')").unwrap();
        assert_eq!(count(), 1);
        Spi::run("CREATE INDEX extra ON docstore.documents ((data->>'x'))").unwrap();
        Spi::run("SELECT docstore_create('k', '{\"x\": 1}')").unwrap();
        assert_eq!(count(), 2);
        Spi::run("DROP INDEX docstore.extra").unwrap();
        Spi::run("ALTER TABLE docstore.documents ADD COLUMN extra int").unwrap();
        Spi::run("SELECT docstore_create('k', '{\"x\": 1}')").unwrap();
        assert_eq!(count(), 3);
    }

    /// A database whose docstore SQL predates a trailing optional argument (an older install
    /// of the same version) calls the library with fewer arguments: they read as NULL.
    #[pg_test]
    fn functions_declared_with_fewer_arguments_still_work() {
        Spi::run(
            "CREATE FUNCTION old_create(collection text, data jsonb) RETURNS SETOF docstore.document
               LANGUAGE c AS '$libdir/docstore', 'docstore_create';
             CREATE FUNCTION old_update(collection text, id uuid, patch jsonb) RETURNS SETOF docstore.document
               LANGUAGE c AS '$libdir/docstore', 'docstore_update'",
        )
        .unwrap();
        let version = Spi::get_one::<i32>(
            "SELECT u.version FROM old_create('old', '{\"a\": 1}') AS c,
                    LATERAL old_update('old', c.id, '{\"b\": 2}') AS u",
        );
        assert_eq!(version, Ok(Some(2)));
    }

    /// docstore_core::sql::literal writes exactly what PostgreSQL's quote_literal writes, and the
    /// literal reads back as the string.
    #[pg_test]
    fn literals_match_quote_literal() {
        let strings = [
            "",
            "age",
            "it's",
            r"a\b",
            r"\'",
            "x'); DROP TABLE t; --",
            "é日本",
            "$1",
            "\"q\"",
            "\n\t",
        ];
        for s in strings {
            let ours = docstore_core::sql::literal(s);
            let theirs = Spi::get_one_with_args::<String>("SELECT quote_literal($1)", &[s.into()])
                .unwrap()
                .unwrap();
            assert_eq!(ours, theirs, "{s:?}");
            let back = Spi::get_one::<String>(&format!("SELECT {ours}"))
                .unwrap()
                .unwrap();
            assert_eq!(back, s);
        }
    }

    /// Default ids: version 7, RFC 9562 variant, strictly increasing, the current millisecond.
    #[pg_test]
    fn default_ids_are_increasing_uuidv7() {
        let ok = Spi::get_one::<bool>(
            "WITH made AS (
               INSERT INTO docstore.documents (collection, data)
               SELECT 'ids', jsonb_build_object('n', n) FROM generate_series(1, 10000) AS n
               RETURNING id, (data->>'n')::int AS n)
             SELECT bool_and(substr(id::text, 15, 1) = '7'
                         AND substr(id::text, 20, 1) IN ('8', '9', 'a', 'b')
                         AND (prev IS NULL OR prev < id)
                         AND abs(('x' || substr(replace(id::text, '-', ''), 1, 12))::bit(48)::bigint
                                 - (extract(epoch FROM clock_timestamp()) * 1000)::bigint) < 60000)
               FROM (SELECT id, lag(id) OVER (ORDER BY n) AS prev FROM made) s",
        );
        assert_eq!(ok, Ok(Some(true)));
    }

    /// Differential test of the query language: random documents and filters; what
    /// `docstore_query` returns must be exactly what the reference evaluator says.
    #[pg_test]
    fn compiled_filters_agree_with_the_reference_evaluator() {
        let mut runner = TestRunner::new(Config {
            cases: 1000,
            failure_persistence: None,
            ..Config::default()
        });
        let strategy = (
            prop::collection::vec(strategies::document(), 1..25),
            strategies::filter_json(),
        );
        runner
            .run(&strategy, |(docs, filter_json)| {
                let filter = filter::parse(&filter_json)
                    .map_err(|e| TestCaseError::fail(format!("{filter_json}: {e}")))?;
                Spi::run("DELETE FROM docstore.documents WHERE collection = 'diff'").unwrap();
                let mut expected = Vec::new();
                for (i, doc) in docs.iter().enumerate() {
                    // "_i" numbers the documents; generated filters only name a, b and c.
                    let mut stored = doc.clone();
                    stored["_i"] = json!(i);
                    Spi::run_with_args(
                        "SELECT docstore_create('diff', $1::text::jsonb)",
                        &[stored.to_string().into()],
                    )
                    .unwrap();
                    if filter::eval::matches(&filter, &stored).unwrap_or(false) {
                        expected.push(i as i64);
                    }
                }
                let got: Vec<i64> = Spi::connect(|client| {
                    client
                        .select(
                            "SELECT (data->>'_i')::bigint FROM docstore_query('diff', $1::text::jsonb, 1000)",
                            None,
                            &[filter_json.to_string().into()],
                        )
                        .unwrap()
                        .map(|row| row.get::<i64>(1).unwrap().unwrap())
                        .collect()
                });
                prop_assert_eq!(got, expected, "filter {}", filter_json);
                Ok(())
            })
            .unwrap();
    }

    /// Runs `check` on `cases` random equality filters (1–2 top-level scalar pairs) and
    /// documents (numbers written in several ways), with which documents the reference
    /// evaluator matches.
    fn equality_cases(
        cases: u32,
        check: impl Fn(&[serde_json::Value], &serde_json::Value, Vec<bool>) -> Result<(), TestCaseError>,
    ) {
        let mut runner = TestRunner::new(Config {
            cases,
            failure_persistence: None,
            ..Config::default()
        });
        let strategy = (
            prop::collection::vec(strategies::document_with_numbers(), 1..8),
            prop::collection::btree_map(strategies::key(), strategies::equality_scalar(), 1..3),
        );
        runner
            .run(&strategy, |(docs, pairs)| {
                let filter_json = serde_json::Value::Object(pairs.into_iter().collect());
                let filter = filter::parse(&filter_json)
                    .map_err(|e| TestCaseError::fail(format!("{filter_json}: {e}")))?;
                let expected = docs
                    .iter()
                    .map(|d| filter::eval::matches(&filter, d).unwrap_or(false))
                    .collect();
                check(&docs, &filter_json, expected)
            })
            .unwrap();
    }

    /// `docstore.match_eq` (the per-row test of top-level equalities, reading binary jsonb in
    /// Rust) against the reference evaluator, on random documents and equality filters, with
    /// numbers written in several ways (1 and 1.0, large, negative, fractional).
    #[pg_test]
    fn match_eq_agrees_with_the_reference_evaluator() {
        equality_cases(2000, |docs, filter_json, expected| {
            let got: Vec<bool> = Spi::get_one_with_args::<Vec<bool>>(
                "SELECT array_agg(docstore.match_eq(e.d, $2::text::jsonb) ORDER BY e.n)
                   FROM jsonb_array_elements($1::text::jsonb) WITH ORDINALITY AS e(d, n)",
                &[
                    serde_json::Value::from(docs).to_string().into(),
                    filter_json.to_string().into(),
                ],
            )
            .unwrap()
            .unwrap();
            prop_assert_eq!(got, expected, "filter {} on {:?}", filter_json, docs);
            Ok(())
        });
    }

    /// `data @= pairs` through the GIN index (`docstore.jsonb_match_ops`, searched as `@>`)
    /// finds exactly the documents the reference evaluator matches: the index's candidates are
    /// a superset (arrays are transparent to its path hashes, numbers hash by value) and the
    /// operator's recheck makes them exact.
    #[pg_test]
    fn the_gin_index_serves_the_equality_operator_exactly() {
        Spi::run(
            "CREATE TEMP TABLE t (n int, d jsonb);
             CREATE INDEX ON t USING gin (d docstore.jsonb_match_ops);
             SET LOCAL enable_seqscan = off",
        )
        .unwrap();
        let plan: String = Spi::connect(|client| {
            client
                .select(
                    "EXPLAIN SELECT n FROM t WHERE d OPERATOR(docstore.@=) '{\"a\": 1}'",
                    None,
                    &[],
                )
                .unwrap()
                .map(|row| row.get::<String>(1).unwrap().unwrap_or_default())
                .collect::<Vec<_>>()
                .join("\n")
        });
        assert!(plan.contains("Bitmap Index Scan"), "{plan}");
        equality_cases(500, |docs, filter_json, expected| {
            let expected: Vec<i32> = (1..)
                .zip(expected)
                .filter_map(|(n, matched)| matched.then_some(n))
                .collect();
            Spi::run("DELETE FROM t").unwrap();
            Spi::run_with_args(
                "INSERT INTO t SELECT n, d FROM jsonb_array_elements($1::text::jsonb)
                     WITH ORDINALITY AS e(d, n)",
                &[serde_json::Value::from(docs).to_string().into()],
            )
            .unwrap();
            let got: Vec<i32> = Spi::get_one_with_args::<Vec<i32>>(
                "SELECT coalesce(array_agg(n ORDER BY n), '{}') FROM t
                  WHERE d OPERATOR(docstore.@=) $1::text::jsonb",
                &[filter_json.to_string().into()],
            )
            .unwrap()
            .unwrap();
            prop_assert_eq!(got, expected, "filter {} on {:?}", filter_json, docs);
            Ok(())
        });
    }
}

/// Generators of documents and filters for the differential test.
mod strategies {
    use proptest::prelude::*;
    use serde_json::{json, Value};

    pub fn key() -> impl Strategy<Value = String> {
        // "0": an object key that is also an array position in a path.
        prop_oneof![Just("a"), Just("b"), Just("c"), Just("0")].prop_map(str::to_string)
    }

    pub fn scalar() -> impl Strategy<Value = Value> {
        prop_oneof![
            (-2i64..4).prop_map(Value::from),
            Just(json!(1.5)),
            Just(json!(2.0)),
            prop_oneof![Just("x"), Just("y"), Just("X"), Just(""), Just("é")].prop_map(Value::from),
            any::<bool>().prop_map(Value::from),
            Just(Value::Null),
        ]
    }

    pub fn value() -> impl Strategy<Value = Value> {
        scalar().prop_recursive(2, 12, 3, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
                prop::collection::btree_map(key(), inner, 0..3)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    pub fn document() -> impl Strategy<Value = Value> {
        prop::collection::btree_map(key(), value(), 0..4)
            .prop_map(|m| Value::Object(m.into_iter().collect()))
    }

    /// A non-null scalar for an equality filter, numbers in several spellings.
    pub fn equality_scalar() -> impl Strategy<Value = Value> {
        prop_oneof![
            scalar().prop_filter("not null", |v| !v.is_null()),
            prop_oneof![
                Just("1.0"),
                Just("10000"),
                Just("10000.00"),
                Just("123456789.25"),
                Just("-0.5"),
                Just("0.0"),
                Just("-2.000"),
                Just("1e20"),
                Just("0.00001"),
            ]
            .prop_map(|n| serde_json::from_str::<Value>(n).unwrap()),
        ]
    }

    /// Documents whose values include the numbers of [`equality_scalar`] and arrays of them.
    pub fn document_with_numbers() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![equality_scalar(), Just(Value::Null)];
        let value = prop_oneof![
            leaf.clone(),
            prop::collection::vec(leaf.clone(), 0..4).prop_map(Value::from),
            prop::collection::vec(
                prop::collection::vec(leaf.clone(), 0..2).prop_map(Value::from),
                0..2
            )
            .prop_map(Value::from),
            (key(), leaf).prop_map(|(k, v)| json!({k: v})),
        ];
        prop::collection::btree_map(key(), value, 0..4)
            .prop_map(|m| Value::Object(m.into_iter().collect()))
    }

    pub fn path() -> impl Strategy<Value = String> {
        let position = prop_oneof![Just("0"), Just("1")];
        prop_oneof![
            key(),
            (key(), key()).prop_map(|(a, b)| format!("{a}.{b}")),
            // Array positions (MongoDB: an element of an array, or an object's key).
            (key(), position.clone()).prop_map(|(a, i)| format!("{a}.{i}")),
            (key(), position, key()).prop_map(|(a, i, b)| format!("{a}.{i}.{b}")),
        ]
    }

    pub fn operator() -> impl Strategy<Value = Value> {
        let number_or_string = prop_oneof![
            (-2i64..4).prop_map(Value::from),
            Just(json!(1.5)),
            Just(json!("x")),
            Just(json!("X"))
        ];
        prop_oneof![
            scalar().prop_map(|v| json!({"$eq": v})),
            scalar().prop_map(|v| json!({"$ne": v})),
            (
                prop_oneof![Just("$gt"), Just("$gte"), Just("$lt"), Just("$lte")],
                number_or_string.clone()
            )
                .prop_map(|(op, v)| json!({op: v})),
            // MongoDB's type brackets: booleans, null, objects and arrays as operands.
            (
                prop_oneof![Just("$gt"), Just("$gte"), Just("$lt"), Just("$lte")],
                value()
            )
                .prop_map(|(op, v)| json!({op: v})),
            prop::collection::vec(value(), 0..3).prop_map(|v| json!({"$in": v})),
            prop::collection::vec(value(), 0..3).prop_map(|v| json!({"$nin": v})),
            any::<bool>().prop_map(|b| json!({"$exists": b})),
            prop_oneof![
                Just("string"),
                Just("number"),
                Just("boolean"),
                Just("object"),
                Just("array"),
                Just("null")
            ]
            .prop_map(|t| json!({"$type": t})),
            (0u64..4).prop_map(|n| json!({"$size": n})),
            ((-3i64..4).prop_filter("a divisor", |d| *d != 0), -2i64..3)
                .prop_map(|(d, r)| json!({"$mod": [d, r]})),
            (1i64..4, 0i64..2).prop_map(|(d, r)| json!({"$elemMatch": {"$mod": [d, r]}})),
            // MongoDB's $elemMatch: an element is one value (never unwrapped), {} is the
            // document form, the forms nest.
            prop_oneof![Just("array"), Just("number"), Just("object"), Just("null")]
                .prop_map(|t| json!({"$elemMatch": {"$type": t}})),
            Just(json!({"$elemMatch": {}})),
            (-1i64..3).prop_map(|v| json!({"$elemMatch": {"$not": {"$gt": v}}})),
            (-1i64..3).prop_map(|v| json!({"$elemMatch": {"$elemMatch": {"$gte": v}}})),
            (key(), scalar()).prop_map(
                |(k, v)| json!({"$elemMatch": {"$or": [{k.clone(): v}, {k: {"$exists": false}}]}})
            ),
            key().prop_map(|k| json!({"$elemMatch": {k: {"$elemMatch": {}}}})),
            value().prop_map(|v| json!({"$elemMatch": {"$eq": v}})),
            (key(), scalar(), -1i64..3).prop_map(
                |(k, v, n)| json!({"$all": [{"$elemMatch": {k: v}}, {"$elemMatch": {"$gte": n}}]})
            ),
            prop::collection::vec(value(), 0..3).prop_map(|v| json!({"$all": v})),
            number_or_string
                .clone()
                .prop_map(|v| json!({"$elemMatch": {"$gte": v}})),
            (key(), scalar()).prop_map(|(k, v)| json!({"$elemMatch": {k: v}})),
            number_or_string.prop_map(|v| json!({"$not": {"$gt": v}})),
            value().prop_map(|v| json!({"$eq": v})),
        ]
    }

    pub fn field_filter() -> impl Strategy<Value = Value> {
        (path(), prop_oneof![value(), operator()]).prop_map(|(p, c)| json!({p: c}))
    }

    /// `$expr` with what cannot fail on any document: comparisons of paths and values in the
    /// total order, `$and`/`$or`/`$not`, `$cond`, `$ifNull`, arrays of paths.
    pub fn expr_filter() -> impl Strategy<Value = Value> {
        let operand = prop_oneof![
            path().prop_map(|p| Value::from(format!("${p}"))),
            scalar(),
            (path(), scalar()).prop_map(|(p, v)| json!({"$ifNull": [format!("${p}"), v]})),
            (path(), path()).prop_map(|(p, q)| json!([format!("${p}"), format!("${q}")])),
            prop_oneof![
                Just(json!({"x": 1})),
                Just(json!([1, "x"])),
                Just(json!([]))
            ]
            .prop_map(|v| json!({"$literal": v})),
        ];
        let comparison = (
            prop_oneof![
                Just("$eq"),
                Just("$ne"),
                Just("$gt"),
                Just("$gte"),
                Just("$lt"),
                Just("$lte")
            ],
            operand.clone(),
            operand.clone(),
        )
            .prop_map(|(op, a, b)| json!({op: [a, b]}));
        let expr = comparison.prop_recursive(1, 4, 2, move |inner| {
            let operand = operand.clone();
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..3).prop_map(|v| json!({"$and": v})),
                prop::collection::vec(inner.clone(), 0..3).prop_map(|v| json!({"$or": v})),
                inner.clone().prop_map(|e| json!({"$not": [e]})),
                (inner, operand.clone(), operand)
                    .prop_map(|(c, t, e)| json!({"$eq": [{"$cond": [c, t, e]}, true]})),
            ]
        });
        expr.prop_map(|e| json!({"$expr": e}))
    }

    pub fn filter_json() -> impl Strategy<Value = Value> {
        prop_oneof![4 => field_filter(), 1 => expr_filter()].prop_recursive(2, 8, 3, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 1..3).prop_map(|v| json!({"$and": v})),
                prop::collection::vec(inner.clone(), 1..3).prop_map(|v| json!({"$or": v})),
                prop::collection::vec(inner, 1..3).prop_map(|v| json!({"$nor": v})),
            ]
        })
    }
}
