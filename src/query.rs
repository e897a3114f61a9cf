//! The boundary between the filter compiler (`docstore_core::filter`) and the storage layer:
//! a jsonb filter datum in, a statement with bound datums out.

use std::ffi::{CStr, CString};

use docstore_core::filter::{self, Compiled, Param};
use docstore_core::Error;
use pgrx::pg_sys::panic::CaughtError;
use pgrx::prelude::*;
use pgrx::{
    direct_function_call, direct_function_call_as_datum, pg_sys, IntoDatum, PgSqlErrorCode,
};

use crate::error::OrRaise;

/// A jsonb datum (a filter, options) as a `serde_json` value (numbers keep their text).
///
/// # Safety
/// `datum` must be a valid jsonb datum.
pub unsafe fn to_json(datum: pg_sys::Datum, function: &'static str) -> serde_json::Value {
    // Every recursion docstore does over a user's value (parsing, compiling, applying updates,
    // projecting) starts from a value read here, and is bounded: 128 levels of nesting
    // (serde_json), 100 keys a path (`docstore_core::filter::Path::parse`). PostgreSQL keeps
    // 512 kB of stack beyond max_stack_depth for such bounded work; this makes sure it is there
    // (54001 if docstore is called from a recursion already at the limit).
    pg_sys::check_stack_depth();
    let text = direct_function_call::<&CStr>(pg_sys::jsonb_out, &[Some(datum)])
        .expect("jsonb_out returns text");
    serde_json::from_str(text.to_str().expect("jsonb text is UTF-8")).unwrap_or_else(|_| {
        // jsonb text is valid JSON; only serde_json's nesting limit (128) can refuse it.
        crate::error::raise(
            Error::TooDeep {
                path: String::new(),
                max: 128,
            },
            function,
        )
    })
}

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
        equalities: crate::matching::equalities(limited),
        operators: crate::matching::operators(),
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

fn jsonpath_datum(text: &str) -> pg_sys::Datum {
    let text = CString::new(text).expect("path text has no NUL byte");
    unsafe { direct_function_call_as_datum(pg_sys::jsonpath_in, &[text.as_c_str().into_datum()]) }
        .expect("jsonpath_in returns a datum")
}

fn numeric_datum(text: &str) -> pg_sys::Datum {
    let text = CString::new(text).expect("a number has no NUL byte");
    unsafe {
        direct_function_call_as_datum(
            pg_sys::numeric_in,
            &[
                text.as_c_str().into_datum(),
                pg_sys::InvalidOid.into_datum(),
                (-1i32).into_datum(),
            ],
        )
    }
    .expect("numeric_in returns a datum")
}

/// A jsonb datum of a value made in Rust.
pub fn jsonb_datum(value: &serde_json::Value) -> pg_sys::Datum {
    let text = CString::new(value.to_string()).expect("JSON text has no NUL byte");
    unsafe { direct_function_call_as_datum(pg_sys::jsonb_in, &[text.as_c_str().into_datum()]) }
        .expect("jsonb_in returns a datum")
}

/// The filter a statement was compiled from, as the caller passed it: a parameter that is the
/// whole filter again (`docstore.match_eq`'s pairs, for a filter of top-level equalities) is
/// bound as the caller's own datum instead of being serialised back into jsonb.
pub type Given<'a> = Option<(&'a serde_json::Value, pg_sys::Datum)>;

/// The type and datum of each compiled parameter, in order.
pub fn bind(params: &[Param], given: Given) -> (Vec<pg_sys::Oid>, Vec<pg_sys::Datum>) {
    params
        .iter()
        .map(|param| match param {
            Param::JsonPath(text) => (pg_sys::JSONPATHOID, jsonpath_datum(text)),
            Param::Jsonb(value) => match given {
                Some((json, datum)) if json == value => (pg_sys::JSONBOID, datum),
                _ => (pg_sys::JSONBOID, jsonb_datum(value)),
            },
            Param::Numeric(text) => (pg_sys::NUMERICOID, numeric_datum(text)),
            Param::Text(text) => (
                pg_sys::TEXTOID,
                text.as_str().into_datum().expect("text has a datum"),
            ),
            Param::Uuid(text) => (pg_sys::UUIDOID, uuid_datum(text)),
            Param::Count(n) => (pg_sys::INT8OID, pg_sys::Datum::from(*n)),
        })
        .unzip()
}

/// A uuid datum from its text.
fn uuid_datum(text: &str) -> pg_sys::Datum {
    let text = CString::new(text).expect("a uuid has no NUL byte");
    unsafe { direct_function_call_as_datum(pg_sys::uuid_in, &[text.as_c_str().into_datum()]) }
        .expect("uuid_in returns a datum")
}

/// How `docstore_explain` shows a parameter's value.
fn shown(param: &Param) -> serde_json::Value {
    match param {
        Param::JsonPath(text) | Param::Text(text) | Param::Uuid(text) => {
            serde_json::Value::from(text.as_str())
        }
        Param::Jsonb(value) => value.clone(),
        Param::Numeric(text) => serde_json::from_str(text).unwrap_or(serde_json::Value::Null),
        Param::Count(n) => serde_json::Value::from(*n),
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
