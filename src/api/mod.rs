//! The SQL face of docstore: argument checks, then one kept statement from [`crate::store`].
//!
//! The functions that return documents (`docstore_create`, `docstore_update`, `docstore_query`)
//! are plain version-1 C functions declared in `sql/finalize.sql` as
//! `RETURNS SETOF docstore.document`: they read their arguments as datums and hand the executor's
//! rows back through a tuplestore, so a document is never converted to a Rust value. (pgrx's
//! `RETURNS TABLE` cannot be used: its output columns `id` and `collection` would clash with the
//! argument names the contract gives.) `docstore_read` and `docstore_list_collections` are
//! `LANGUAGE sql` functions the planner inlines; their argument checks are [`check_read_args`].
//! The functions returning scalars are ordinary `#[pg_extern]`s.
//!
//! Every check runs before any statement, so a rejected call writes nothing.
//!
//! A file per family: [`documents`] (one document by id), [`queries`] (filters, find, count,
//! distinct, explain), [`writes`] (the set-based `*_many`), [`internal`] (the helpers docstore's
//! own SQL calls, in schema `docstore`). The argument readers and the shared steps are here.

use docstore_core::args;
use pgrx::fcinfo::{pg_arg_is_null, pg_getarg, pg_getarg_datum_raw};
use pgrx::prelude::*;
use pgrx::{pg_sys, IntoDatum};

use crate::error::OrRaise;
use crate::jsonb;
use crate::query;
use crate::store::{self, Dynamic, Source, Statement};
use docstore_core::find::{self, FindOptions};

mod documents;
mod internal;
mod queries;
mod writes;

/// Argument `n` as a raw datum, `None` for SQL NULL — and for an argument the function was
/// declared without (a database whose docstore SQL predates a trailing optional argument
/// calls the new library with fewer arguments).
unsafe fn arg(fcinfo: pg_sys::FunctionCallInfo, n: usize) -> Option<pg_sys::Datum> {
    if n >= (*fcinfo).nargs as usize {
        return None;
    }
    (!pg_arg_is_null(fcinfo, n)).then(|| pg_getarg_datum_raw(fcinfo, n))
}

/// Argument `n`, an integer (`expected_version`, `limit`), as `arg` reads it.
unsafe fn int_arg(fcinfo: pg_sys::FunctionCallInfo, n: usize) -> Option<i32> {
    arg(fcinfo, n).map(|d| d.value() as i32)
}

/// Argument `n`, a collection name, checked; returned as the datum to bind and as text.
unsafe fn collection_arg<'a>(
    fcinfo: pg_sys::FunctionCallInfo,
    n: usize,
    function: &'static str,
) -> (pg_sys::Datum, &'a str) {
    let name = args::collection(pg_getarg::<&str>(fcinfo, n)).or_raise(function);
    (pg_getarg_datum_raw(fcinfo, n), name)
}

/// 23505 for an id that is taken (in any collection: ids are unique across the store).
unsafe fn raise_duplicate_id(
    fcinfo: pg_sys::FunctionCallInfo,
    n: usize,
    function: &'static str,
) -> ! {
    let id = pg_getarg::<pgrx::Uuid>(fcinfo, n)
        .map(|u| u.to_string())
        .unwrap_or_default();
    crate::error::raise(docstore_core::Error::DuplicateId { id }, function)
}

/// Runs `plain`, or `versioned` (the same with `AND version = $n`) when `expected` is given;
/// a versioned write that finds the document at another version is a 40001 conflict, a missing
/// document is no row.
unsafe fn versioned_rows(
    fcinfo: pg_sys::FunctionCallInfo,
    plain: Statement,
    versioned: Statement,
    params: &[pg_sys::Datum],
    expected: Option<i32>,
    function: &'static str,
) -> pg_sys::Datum {
    let Some(expected) = expected else {
        return store::rows(fcinfo, Source::Fixed(plain), params);
    };
    let with_version = [params, &[pg_sys::Datum::from(expected)]].concat();
    if store::rows_counted(fcinfo, Source::Fixed(versioned), &with_version) == 0 {
        conflict_if_present(params[0], params[1], expected, function);
    }
    pg_sys::Datum::from(0)
}

/// After a versioned write touched nothing: 40001 if the document exists (at another version).
unsafe fn conflict_if_present(
    collection: pg_sys::Datum,
    id: pg_sys::Datum,
    expected: i32,
    function: &'static str,
) {
    if let Some(found) = store::value(Source::Fixed(Statement::Version), &[collection, id]) {
        let found = i64::from(found.value() as i32);
        crate::error::raise(
            docstore_core::Error::VersionConflict {
                expected: expected.into(),
                found,
            },
            function,
        );
    }
}

/// Compiles the filter argument (a jsonb datum, or None) into `statement` and returns its
/// condition; `None` for "every document" (NULL, `{}`, or a filter that is always true).
/// `limited` as for [`query::compile_json`].
unsafe fn with_filter(
    statement: &mut query::Statement,
    filter: Option<pg_sys::Datum>,
    collection: &str,
    function: &'static str,
    limited: bool,
) -> Option<String> {
    let filter = filter.filter(|f| !jsonb::is_empty_object(*f))?;
    let json = crate::datum::to_json(filter, function);
    let compiled = query::compile_json(&json, statement.next(), collection, function, limited);
    statement.filter(compiled, Some((&json, filter)))
}

/// Argument `n`, a filter: NULL means `{}`; anything but an object is an error.
unsafe fn filter_arg(
    fcinfo: pg_sys::FunctionCallInfo,
    n: usize,
    function: &'static str,
) -> Option<pg_sys::Datum> {
    arg(fcinfo, n).map(|datum| jsonb::object("filter", Some(datum)).or_raise(function))
}

/// The options of `docstore_patch` and `docstore_update_many` (argument `n`, NULL or absent
/// meaning none): `{"arrayFilters": [{"<identifier>": condition, …}, …]}`.
unsafe fn update_options(
    fcinfo: pg_sys::FunctionCallInfo,
    n: usize,
    function: &'static str,
) -> UpdateOptions {
    let Some(datum) = arg(fcinfo, n) else {
        return UpdateOptions::default();
    };
    let json = crate::datum::to_json(
        jsonb::object("options", Some(datum)).or_raise(function),
        function,
    );
    let mut options = UpdateOptions::default();
    for (key, value) in json.as_object().into_iter().flatten() {
        match key.as_str() {
            "arrayFilters" => {
                options.array_filters =
                    docstore_core::update::parse_array_filters(value).or_raise(function);
                options.array_filters_json = value.clone();
            }
            _ => crate::error::raise(
                docstore_core::Error::BadOption {
                    option: "options",
                    expected: "an object with arrayFilters (the only update option)",
                },
                function,
            ),
        }
    }
    options
}

#[derive(Default)]
struct UpdateOptions {
    array_filters: Vec<(String, docstore_core::filter::Filter)>,
    array_filters_json: serde_json::Value,
}

impl UpdateOptions {
    /// What `docstore.apply_update`'s context argument holds: the arrayFilters and the query.
    fn context_json(&self, query: Option<&serde_json::Value>) -> serde_json::Value {
        let mut context = serde_json::Map::new();
        if !self.array_filters.is_empty() {
            context.insert("arrayFilters".into(), self.array_filters_json.clone());
        }
        if let Some(query) = query {
            context.insert("query".into(), query.clone());
        }
        serde_json::Value::Object(context)
    }
}

/// Runs `write` (an UPDATE or DELETE of the collection `$1`, its own parameters already in
/// `statement`) on the documents that match `filter`, in one statement; returns how many.
unsafe fn write_matching(
    mut statement: query::Statement,
    write: &str,
    filter: Option<pg_sys::Datum>,
    collection: &str,
    function: &'static str,
) -> pg_sys::Datum {
    let sql = match with_filter(&mut statement, filter, collection, function, false) {
        Some(condition) => format!("{write} AND {condition}"),
        None => write.to_string(),
    };
    let source = Dynamic {
        sql: &sql,
        types: &statement.types,
        read_only: false,
    };
    pg_sys::Datum::from(store::processed(Source::Dynamic(&source), &statement.datums) as i64)
}

/// The count a `SELECT count(*) …` statement returns.
unsafe fn count(source: Source, params: &[pg_sys::Datum]) -> i64 {
    store::value(source, params).map_or(0, |d| d.value() as i64)
}

fn datum(value: impl IntoDatum) -> pg_sys::Datum {
    value.into_datum().expect("a non-NULL value has a datum")
}
