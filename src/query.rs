//! The boundary between the filter compiler (`docstore_core::filter`) and the storage layer:
//! a jsonb filter datum in, a statement with bound datums out.

use docstore_core::filter::{self, Compiled, Param};
use docstore_core::Error;
use pgrx::pg_sys::panic::CaughtError;
use pgrx::prelude::*;
use pgrx::{pg_sys, PgSqlErrorCode};

use crate::datum::{bind, jsonpath_datum, shown, Given};
use crate::error::OrRaise;

/// Parses and compiles a filter; its placeholders start at `$first`. Conditions on paths that
/// lead an index of `collection` are stated on the index's expressions.
///
/// Top-level equalities become `docstore.@=` where the database has it; else (docstore 0.2.0's
/// SQL), with `limited` (the statement stops at a limit, so PostgreSQL may walk the collection in
/// order and test rows one by one), `docstore.match_eq`'s cheap per-row test comes first.
pub fn compile_json(
    json: &serde_json::Value,
    first: usize,
    collection: &str,
    function: &'static str,
    limited: bool,
) -> Compiled {
    let filter = filter::parse(json).or_raise(function);
    for (path, pattern, flags) in filter.regexes() {
        check_regex(&path, pattern, flags);
    }
    let indexed = crate::indexes::indexed_paths(collection);
    let target = filter::Target {
        indexed: &indexed,
        equalities: crate::compat::equalities(limited),
        operators: crate::compat::operators(),
    };
    filter::compile_for(&filter, first, &target).or_raise(function)
}

/// PostgreSQL's regular expressions are the ones that run, so PostgreSQL checks them; a bad one
/// is reported with its path (SQLSTATE 2201B) instead of as a bare syntax error.
fn check_regex(path: &str, pattern: &str, flags: &str) {
    let probe = format!(
        "$ ? (@ like_regex {} flag {})",
        serde_json::to_string(pattern).expect("strings serialize"),
        serde_json::to_string(flags).expect("strings serialize")
    );
    let message = PgTryBuilder::new(|| {
        jsonpath_datum(&probe);
        None
    })
    // Only the regex's own errors are its fault: a cancellation (statement_timeout, 57014), an
    // out-of-memory or any other error during the compilation keeps its own SQLSTATE.
    .catch_when(
        PgSqlErrorCode::ERRCODE_INVALID_REGULAR_EXPRESSION,
        regex_error,
    )
    .catch_when(PgSqlErrorCode::ERRCODE_SYNTAX_ERROR, regex_error)
    .execute();
    if let Some(message) = message {
        let path = path.to_string();
        crate::error::raise(Error::InvalidRegex { path, message }, "docstore filter");
    }
}

/// The message of an error the regex caused.
fn regex_error(error: CaughtError) -> Option<String> {
    match error {
        CaughtError::PostgresError(report) | CaughtError::ErrorReport(report) => {
            Some(report.message().to_string())
        }
        CaughtError::RustPanic { ereport, .. } => Some(ereport.message().to_string()),
    }
}

/// A statement ready to run: text, and the type and datum of each placeholder, with a readable
/// form of each value for `docstore_explain`.
pub struct Statement {
    pub sql: String,
    pub types: Vec<pg_sys::Oid>,
    pub datums: Vec<pg_sys::Datum>,
    pub shown: Vec<serde_json::Value>,
}

impl Statement {
    /// Starts a statement whose `$1` is the collection.
    pub fn for_collection(collection: pg_sys::Datum, name: &str) -> Self {
        Statement {
            sql: String::new(),
            types: vec![pg_sys::TEXTOID],
            datums: vec![collection],
            shown: vec![serde_json::Value::from(name)],
        }
    }

    /// Appends a parameter.
    pub fn push(&mut self, oid: pg_sys::Oid, datum: pg_sys::Datum, shown: serde_json::Value) {
        self.types.push(oid);
        self.datums.push(datum);
        self.shown.push(shown);
    }

    /// Appends a parameter; returns its placeholder (`$n`).
    pub fn bind(
        &mut self,
        oid: pg_sys::Oid,
        datum: pg_sys::Datum,
        shown: serde_json::Value,
    ) -> String {
        self.push(oid, datum, shown);
        format!("${}", self.datums.len())
    }

    /// The number the next placeholder gets.
    pub fn next(&self) -> usize {
        self.datums.len() + 1
    }

    /// Appends the compiled filter's parameters; returns its condition, or `None` for "every
    /// document".
    pub fn filter(&mut self, compiled: Compiled, given: Given) -> Option<String> {
        if compiled.sql.is_empty() {
            return None;
        }
        let (types, datums) = bind(&compiled.params, given);
        self.types.extend(types);
        self.datums.extend(datums);
        self.shown.extend(compiled.params.iter().map(shown));
        Some(compiled.sql)
    }

    /// Appends the find statement's own parameters.
    pub fn find_params(&mut self, params: &[Param]) {
        let (types, datums) = bind(params, None);
        self.types.extend(types);
        self.datums.extend(datums);
        self.shown.extend(params.iter().map(shown));
    }
}
