//! In-backend tests (`cargo pgrx test`): behaviour that needs a live backend and real datums.
//! The SQL surface as a whole is covered by the pg_regress suite in tests/pg_regress.

use pgrx::prelude::*;

#[pg_schema]
mod tests {
    use pgrx::prelude::*;
    use pgrx::{direct_function_call_as_datum, pg_sys, IntoDatum};
    use std::ffi::CString;

    use crate::jsonb;
    use docstore_core::JsonKind;

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
}
