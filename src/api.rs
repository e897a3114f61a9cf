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

use docstore_core::args;
use pgrx::fcinfo::{pg_arg_is_null, pg_getarg, pg_getarg_datum_raw};
use pgrx::prelude::*;
use pgrx::{pg_sys, IntoDatum};

use crate::error::OrRaise;
use crate::jsonb;
use crate::query;
use crate::store::{self, Dynamic, Source, Statement};
use docstore_core::find::{self, FindOptions};

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

function_info_v1!(pg_finfo_docstore_create);
/// `docstore_create(collection text, data jsonb, id uuid DEFAULT NULL)
/// RETURNS SETOF docstore.document`
#[pg_guard]
#[no_mangle]
pub unsafe extern "C-unwind" fn docstore_create(fcinfo: pg_sys::FunctionCallInfo) -> pg_sys::Datum {
    const NAME: &str = "docstore_create";
    let (collection, _) = collection_arg(fcinfo, 0, NAME);
    let data = jsonb::object("data", arg(fcinfo, 1)).or_raise(NAME);
    match arg(fcinfo, 2) {
        None => store::rows(
            fcinfo,
            Source::Fixed(Statement::Create),
            &[collection, data],
        ),
        Some(id) => {
            if store::value(Source::Fixed(Statement::IdTaken), &[id]).is_some() {
                raise_duplicate_id(fcinfo, 2, NAME);
            }
            store::rows(
                fcinfo,
                Source::Fixed(Statement::CreateWithId),
                &[collection, data, id],
            )
        }
    }
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

function_info_v1!(pg_finfo_docstore_update);
/// `docstore_update(collection text, id uuid, patch jsonb, expected_version int DEFAULT NULL)
/// RETURNS SETOF docstore.document`
#[pg_guard]
#[no_mangle]
pub unsafe extern "C-unwind" fn docstore_update(fcinfo: pg_sys::FunctionCallInfo) -> pg_sys::Datum {
    const NAME: &str = "docstore_update";
    let (collection, _) = collection_arg(fcinfo, 0, NAME);
    let id = args::required("id", arg(fcinfo, 1)).or_raise(NAME);
    let patch = jsonb::object("patch", arg(fcinfo, 2)).or_raise(NAME);
    let expected = int_arg(fcinfo, 3);
    versioned_rows(
        fcinfo,
        Statement::Update,
        Statement::UpdateVersion,
        &[collection, id, patch],
        expected,
        NAME,
    )
}

function_info_v1!(pg_finfo_docstore_replace);
/// `docstore_replace(collection text, id uuid, data jsonb, expected_version int DEFAULT NULL)
/// RETURNS SETOF docstore.document`
#[pg_guard]
#[no_mangle]
pub unsafe extern "C-unwind" fn docstore_replace(
    fcinfo: pg_sys::FunctionCallInfo,
) -> pg_sys::Datum {
    const NAME: &str = "docstore_replace";
    let (collection, _) = collection_arg(fcinfo, 0, NAME);
    let id = args::required("id", arg(fcinfo, 1)).or_raise(NAME);
    let data = jsonb::object("data", arg(fcinfo, 2)).or_raise(NAME);
    let expected = int_arg(fcinfo, 3);
    versioned_rows(
        fcinfo,
        Statement::Replace,
        Statement::ReplaceVersion,
        &[collection, id, data],
        expected,
        NAME,
    )
}

function_info_v1!(pg_finfo_docstore_upsert);
/// `docstore_upsert(collection text, id uuid, data jsonb) RETURNS SETOF docstore.document`:
/// creates the document with that id, or replaces it (version + 1).
#[pg_guard]
#[no_mangle]
pub unsafe extern "C-unwind" fn docstore_upsert(fcinfo: pg_sys::FunctionCallInfo) -> pg_sys::Datum {
    const NAME: &str = "docstore_upsert";
    let (collection, _) = collection_arg(fcinfo, 0, NAME);
    let id = args::required("id", arg(fcinfo, 1)).or_raise(NAME);
    let data = jsonb::object("data", arg(fcinfo, 2)).or_raise(NAME);
    if store::rows_counted(
        fcinfo,
        Source::Fixed(Statement::Upsert),
        &[collection, id, data],
    ) == 0
    {
        // The id belongs to a document of another collection.
        raise_duplicate_id(fcinfo, 1, NAME);
    }
    pg_sys::Datum::from(0)
}

function_info_v1!(pg_finfo_docstore_create_many);
/// `docstore_create_many(collection text, docs jsonb) RETURNS SETOF docstore.document`: one
/// set-based INSERT of every element of the array, in order.
#[pg_guard]
#[no_mangle]
pub unsafe extern "C-unwind" fn docstore_create_many(
    fcinfo: pg_sys::FunctionCallInfo,
) -> pg_sys::Datum {
    const NAME: &str = "docstore_create_many";
    let (collection, _) = collection_arg(fcinfo, 0, NAME);
    let docs = args::required("docs", arg(fcinfo, 1)).or_raise(NAME);
    let kind = jsonb::kind(docs);
    if kind != docstore_core::JsonKind::Array {
        crate::error::raise(
            docstore_core::Error::NotAnArray {
                argument: "docs",
                found: kind,
            },
            NAME,
        );
    }
    if let Some(index) = store::value(Source::Fixed(Statement::FirstNonObject), &[docs]) {
        let index = i64::from(index.value() as i32);
        crate::error::raise(
            docstore_core::Error::BadElement {
                argument: "docs",
                index,
            },
            NAME,
        );
    }
    store::rows(
        fcinfo,
        Source::Fixed(Statement::CreateMany),
        &[collection, docs],
    )
}

function_info_v1!(pg_finfo_docstore_patch);
/// `docstore_patch(collection text, id uuid, "update" jsonb, expected_version int DEFAULT NULL)
/// RETURNS SETOF docstore.document`: applies update operators in one row-locked UPDATE.
#[pg_guard]
#[no_mangle]
pub unsafe extern "C-unwind" fn docstore_patch(fcinfo: pg_sys::FunctionCallInfo) -> pg_sys::Datum {
    const NAME: &str = "docstore_patch";
    let (collection, _) = collection_arg(fcinfo, 0, NAME);
    let id = args::required("id", arg(fcinfo, 1)).or_raise(NAME);
    let update = jsonb::object("update", arg(fcinfo, 2)).or_raise(NAME);
    // Refused before any row is touched: the statement only applies a valid update.
    let parsed = docstore_core::update::parse(&crate::datum::to_json(update, NAME)).or_raise(NAME);
    let expected = int_arg(fcinfo, 3);
    let options = update_options(fcinfo, 4, NAME);
    if parsed.has_positional() {
        crate::error::raise(
            docstore_core::Error::BadOperand {
                operator: "$".into(),
                path: String::new(),
                expected: "a query that matched an array element: docstore_patch selects by id, use docstore_update_many with a filter on the array",
            },
            NAME,
        );
    }
    docstore_core::update::check_array_filters(&parsed, &options.array_filters).or_raise(NAME);
    if !options.array_filters.is_empty() {
        let context = crate::datum::jsonb_datum(&options.context_json(None));
        return versioned_rows(
            fcinfo,
            Statement::PatchWith,
            Statement::PatchWithVersion,
            &[collection, id, update, context],
            expected,
            NAME,
        );
    }
    match parsed.as_merge() {
        Some((set, unset)) => {
            let params = [
                collection,
                id,
                crate::datum::jsonb_datum(&set),
                datum(unset),
            ];
            versioned_rows(
                fcinfo,
                Statement::PatchMerge,
                Statement::PatchMergeVersion,
                &params,
                expected,
                NAME,
            )
        }
        None => versioned_rows(
            fcinfo,
            Statement::Patch,
            Statement::PatchVersion,
            &[collection, id, update],
            expected,
            NAME,
        ),
    }
}

function_info_v1!(pg_finfo_docstore_query);
/// `docstore_query(collection text, filter jsonb DEFAULT '{}', "limit" int DEFAULT 100)
/// RETURNS SETOF docstore.document`
///
/// The filter is compiled (`docstore_core::filter`) into a condition on `data` with bound
/// parameters; its plan is kept per filter shape. `{}` (or NULL) runs the statement without a
/// condition on `data`: a GIN index scan for "everything" would read the whole index.
#[pg_guard]
#[no_mangle]
pub unsafe extern "C-unwind" fn docstore_query(fcinfo: pg_sys::FunctionCallInfo) -> pg_sys::Datum {
    const NAME: &str = "docstore_query";
    let (collection, name) = collection_arg(fcinfo, 0, NAME);
    let filter = filter_arg(fcinfo, 1, NAME);
    let limit = args::limit(int_arg(fcinfo, 2)).or_raise(NAME);
    let limit = pg_sys::Datum::from(limit);
    let mut statement = query::Statement::for_collection(collection, name);
    // $2, as the kept statement without a filter (Statement::QueryAll) has it.
    let limit_placeholder = statement.bind(
        pg_sys::INT8OID,
        limit,
        serde_json::Value::from(limit.value() as i64),
    );
    match with_filter(&mut statement, filter, name, NAME, true) {
        None => store::rows(
            fcinfo,
            Source::Fixed(Statement::QueryAll),
            &statement.datums,
        ),
        Some(condition) => {
            let sql = format!(
                "SELECT id, collection, data, created_at, updated_at, version FROM docstore.documents \
                 WHERE collection OPERATOR(pg_catalog.=) $1 AND {condition} ORDER BY collection, id LIMIT {limit_placeholder}"
            );
            let source = Dynamic {
                sql: &sql,
                types: &statement.types,
                read_only: true,
            };
            store::rows(fcinfo, Source::Dynamic(&source), &statement.datums)
        }
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

/// The statement `docstore_find` runs (and `docstore_explain` shows).
/// `datum` is the filter as the caller passed it, where there is one.
fn find_statement(
    collection: pg_sys::Datum,
    name: &str,
    filter: Option<&serde_json::Value>,
    datum: Option<pg_sys::Datum>,
    options: &FindOptions,
    function: &'static str,
) -> query::Statement {
    let mut statement = query::Statement::for_collection(collection, name);
    let condition = match filter {
        Some(filter) => {
            let compiled = query::compile_json(filter, statement.next(), name, function, true);
            statement.filter(compiled, datum.map(|d| (filter, d)))
        }
        None => None,
    };
    let array_free = crate::indexes::array_free_paths(name);
    let (sql, params) =
        find::find_sql(condition.as_deref(), options, statement.next(), &array_free);
    statement.find_params(&params);
    statement.sql = sql;
    statement
}

function_info_v1!(pg_finfo_docstore_find);
/// `docstore_find(collection text, filter jsonb DEFAULT '{}', options jsonb DEFAULT '{}')
/// RETURNS SETOF docstore.document`
#[pg_guard]
#[no_mangle]
pub unsafe extern "C-unwind" fn docstore_find(fcinfo: pg_sys::FunctionCallInfo) -> pg_sys::Datum {
    const NAME: &str = "docstore_find";
    let (collection, name) = collection_arg(fcinfo, 0, NAME);
    let filter_datum = filter_arg(fcinfo, 1, NAME).filter(|f| !jsonb::is_empty_object(*f));
    let filter = filter_datum.map(|f| crate::datum::to_json(f, NAME));
    let options = match arg(fcinfo, 2) {
        None => FindOptions::default(),
        some => {
            let datum = jsonb::object("options", some).or_raise(NAME);
            find::parse_options(&crate::datum::to_json(datum, NAME)).or_raise(NAME)
        }
    };
    let statement = find_statement(
        collection,
        name,
        filter.as_ref(),
        filter_datum,
        &options,
        NAME,
    );
    let source = Dynamic {
        sql: &statement.sql,
        types: &statement.types,
        read_only: true,
    };
    store::rows(fcinfo, Source::Dynamic(&source), &statement.datums)
}

/// `docstore_explain(collection text, filter jsonb DEFAULT '{}', options jsonb DEFAULT '{}')
/// RETURNS jsonb`: the statement `docstore_find` would run for these arguments, its parameters,
/// and PostgreSQL's plan for it (EXPLAIN, not run).
#[pg_extern(volatile, parallel_unsafe)]
fn docstore_explain(
    collection: Option<&str>,
    filter: default!(Option<crate::jsonb::Json>, "'{}'"),
    options: default!(Option<crate::jsonb::Json>, "'{}'"),
) -> crate::jsonb::Json {
    const NAME: &str = "docstore_explain";
    let name = args::collection(collection).or_raise(NAME);
    let filter = filter.map(|f| f.0).unwrap_or_else(|| serde_json::json!({}));
    if !filter.is_object() {
        crate::error::raise(
            docstore_core::Error::NotAnObject {
                argument: "filter",
                found: docstore_core::JsonKind::of(&filter),
            },
            NAME,
        );
    }
    let options = options
        .map(|o| o.0)
        .unwrap_or_else(|| serde_json::json!({}));
    let options = find::parse_options(&options).or_raise(NAME);
    let empty = filter.as_object().is_some_and(|m| m.is_empty());
    let statement = find_statement(
        datum(name),
        name,
        (!empty).then_some(&filter),
        None,
        &options,
        NAME,
    );
    let explain = format!("EXPLAIN (FORMAT JSON) {}", statement.sql);
    let args: Vec<pgrx::datum::DatumWithOid> = statement
        .datums
        .iter()
        .zip(&statement.types)
        .map(|(d, t)| unsafe { pgrx::datum::DatumWithOid::new(*d, *t) })
        .collect();
    // EXPLAIN is a utility statement: SPI runs it only outside read-only mode.
    let plan = Spi::connect_mut(|client| {
        client
            .update(&explain, None, &args)
            .and_then(|rows| rows.first().get::<pgrx::Json>(1))
    })
    .unwrap_or_else(|e| panic!("EXPLAIN failed: {e}"))
    .map_or(serde_json::Value::Null, |j| j.0);
    let params: serde_json::Map<String, serde_json::Value> = statement
        .shown
        .into_iter()
        .enumerate()
        .map(|(i, v)| (format!("${}", i + 1), v))
        .collect();
    crate::jsonb::Json(serde_json::json!({"sql": statement.sql, "params": params, "plan": plan}))
}

function_info_v1!(pg_finfo_docstore_distinct);
/// `docstore_distinct(collection text, path text, filter jsonb DEFAULT '{}') RETURNS SETOF jsonb`:
/// the distinct values at `path` (array elements counted one by one, as MongoDB does) among the
/// documents that match `filter`, in docstore_find's sort order.
#[pg_guard]
#[no_mangle]
pub unsafe extern "C-unwind" fn docstore_distinct(
    fcinfo: pg_sys::FunctionCallInfo,
) -> pg_sys::Datum {
    const NAME: &str = "docstore_distinct";
    let (collection, name) = collection_arg(fcinfo, 0, NAME);
    let path = args::required("path", pg_getarg::<&str>(fcinfo, 1)).or_raise(NAME);
    let values = find::distinct_path(path).or_raise(NAME);
    let filter = filter_arg(fcinfo, 2, NAME);
    let mut statement = query::Statement::for_collection(collection, name);
    let condition = with_filter(&mut statement, filter, name, NAME, false);
    let (sql, params) = find::distinct_sql(condition.as_deref(), values, statement.next());
    statement.find_params(&params);
    let source = Dynamic {
        sql: &sql,
        types: &statement.types,
        read_only: true,
    };
    store::rows(fcinfo, Source::Dynamic(&source), &statement.datums)
}

function_info_v1!(pg_finfo_docstore_update_many);
/// `docstore_update_many(collection text, filter jsonb, "update" jsonb) RETURNS bigint`: update
/// operators applied to every matching document, in one set-based UPDATE.
#[pg_guard]
#[no_mangle]
pub unsafe extern "C-unwind" fn docstore_update_many(
    fcinfo: pg_sys::FunctionCallInfo,
) -> pg_sys::Datum {
    const NAME: &str = "docstore_update_many";
    let (collection, name) = collection_arg(fcinfo, 0, NAME);
    let filter = filter_arg(fcinfo, 1, NAME);
    let update = jsonb::object("update", arg(fcinfo, 2)).or_raise(NAME);
    let parsed = docstore_core::update::parse(&crate::datum::to_json(update, NAME)).or_raise(NAME);
    let options = update_options(fcinfo, 3, NAME);
    docstore_core::update::check_array_filters(&parsed, &options.array_filters).or_raise(NAME);
    let mut statement = query::Statement::for_collection(collection, name);
    let with_context = parsed.has_positional() || !options.array_filters.is_empty();
    // `now` as `$currentDate` stores it.
    const NOW: &str =
        "pg_catalog.to_char(pg_catalog.now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
    let data = match parsed.as_merge() {
        _ if with_context => {
            // `$` takes its element from the filter (MongoDB: the query of the update).
            let filter_json = filter.map(|f| crate::datum::to_json(f, NAME));
            let context = options.context_json(filter_json.as_ref());
            let update = statement.bind(pg_sys::JSONBOID, update, serde_json::Value::Null);
            let context = statement.bind(
                pg_sys::JSONBOID,
                crate::datum::jsonb_datum(&context),
                context,
            );
            format!("docstore.apply_update(data, {update}, {NOW}, {context})")
        }
        Some((set, unset)) => {
            let set = statement.bind(pg_sys::JSONBOID, crate::datum::jsonb_datum(&set), set);
            let unset = statement.bind(
                pg_sys::TEXTARRAYOID,
                datum(unset.clone()),
                serde_json::Value::from(unset),
            );
            format!("(data OPERATOR(pg_catalog.||) {set}) OPERATOR(pg_catalog.-) {unset}")
        }
        None => {
            let update = statement.bind(pg_sys::JSONBOID, update, serde_json::Value::Null);
            format!("docstore.apply_update(data, {update}, {NOW})")
        }
    };
    let write = format!(
        "UPDATE docstore.documents SET data = {data} WHERE collection OPERATOR(pg_catalog.=) $1"
    );
    write_matching(statement, &write, filter, name, NAME)
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

function_info_v1!(pg_finfo_docstore_delete_many);
/// `docstore_delete_many(collection text, filter jsonb) RETURNS bigint`: one set-based DELETE.
#[pg_guard]
#[no_mangle]
pub unsafe extern "C-unwind" fn docstore_delete_many(
    fcinfo: pg_sys::FunctionCallInfo,
) -> pg_sys::Datum {
    const NAME: &str = "docstore_delete_many";
    let (collection, name) = collection_arg(fcinfo, 0, NAME);
    let filter = filter_arg(fcinfo, 1, NAME);
    let statement = query::Statement::for_collection(collection, name);
    let write = "DELETE FROM docstore.documents WHERE collection OPERATOR(pg_catalog.=) $1";
    write_matching(statement, write, filter, name, NAME)
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

function_info_v1!(pg_finfo_docstore_count);
/// `docstore_count(collection text, filter jsonb DEFAULT '{}') RETURNS bigint`
#[pg_guard]
#[no_mangle]
pub unsafe extern "C-unwind" fn docstore_count(fcinfo: pg_sys::FunctionCallInfo) -> pg_sys::Datum {
    const NAME: &str = "docstore_count";
    let (collection, name) = collection_arg(fcinfo, 0, NAME);
    let filter = filter_arg(fcinfo, 1, NAME);
    let mut statement = query::Statement::for_collection(collection, name);
    let count = match with_filter(&mut statement, filter, name, NAME, false) {
        None => count(Source::Fixed(Statement::CountAll), &statement.datums),
        Some(condition) => {
            let sql = format!(
                "SELECT pg_catalog.count(*) FROM docstore.documents \
                 WHERE collection OPERATOR(pg_catalog.=) $1 AND {condition}"
            );
            let source = Dynamic {
                sql: &sql,
                types: &statement.types,
                read_only: true,
            };
            count(Source::Dynamic(&source), &statement.datums)
        }
    };
    pg_sys::Datum::from(count)
}

/// `docstore_delete(collection text, id uuid) RETURNS boolean`: true if a document was deleted.
#[pg_extern(volatile, parallel_unsafe)]
fn docstore_delete(
    collection: Option<&str>,
    id: Option<pgrx::Uuid>,
    expected_version: default!(Option<i32>, "NULL"),
) -> bool {
    const NAME: &str = "docstore_delete";
    let collection = args::collection(collection).or_raise(NAME);
    let id = args::required("id", id).or_raise(NAME);
    let params = [datum(collection), datum(id)];
    if let Some(expected) = expected_version {
        // SAFETY: a text, a uuid and an integer, as the statement declares.
        unsafe {
            let with_version = [params[0], params[1], pg_sys::Datum::from(expected)];
            if store::processed(Source::Fixed(Statement::DeleteVersion), &with_version) > 0 {
                return true;
            }
            conflict_if_present(params[0], params[1], expected, NAME);
            return false;
        }
    }
    // SAFETY: the datums are a text and a uuid, as the statement declares.
    unsafe { store::processed(Source::Fixed(Statement::Delete), &params) > 0 }
}

/// `docstore_delete_collection(collection text, purge boolean DEFAULT false) RETURNS boolean`:
/// true if it held any document. With `purge`, its history and options go too.
#[pg_extern(volatile, parallel_unsafe)]
fn docstore_delete_collection(
    collection: Option<&str>,
    purge: default!(Option<bool>, false),
) -> bool {
    const NAME: &str = "docstore_delete_collection";
    let collection = args::collection(collection).or_raise(NAME);
    // SAFETY: the datum is a text, as the statement declares.
    let deleted = unsafe {
        store::processed(
            Source::Fixed(Statement::DeleteCollection),
            &[datum(collection)],
        ) > 0
    };
    if purge == Some(true) {
        crate::collections::purge(collection);
    }
    deleted
}

fn datum(value: impl IntoDatum) -> pg_sys::Datum {
    value.into_datum().expect("a non-NULL value has a datum")
}

#[pg_schema]
mod docstore {
    use docstore_core::args;
    use pgrx::prelude::*;

    use crate::error::OrRaise;
    use crate::jsonb::Json;

    /// The argument checks of the inlined `docstore_read`: true, or an ERROR. Immutable so that
    /// the planner folds it away for constant arguments; not strict, so that it sees NULLs.
    #[pg_extern(immutable, parallel_safe)]
    fn check_read_args(collection: Option<&str>, id: Option<pgrx::Uuid>) -> bool {
        const NAME: &str = "docstore_read";
        args::collection(collection).or_raise(NAME);
        args::required("id", id).or_raise(NAME);
        true
    }

    /// A document with update operators applied (`docstore_patch`); `now` is what
    /// `$currentDate` stores. Errors (22023) name the operator and the path.
    #[pg_extern(immutable, parallel_safe, strict)]
    fn apply_update(data: Json, update: Json, now: &str) -> Json {
        const NAME: &str = "docstore_patch";
        let update = docstore_core::update::parse(&update.0).or_raise(NAME);
        Json(docstore_core::update::apply(&data.0, &update, now).or_raise(NAME))
    }

    /// MongoDB's order of two values (`docstore_core::order::compare_values`): -1, 0 or 1. The
    /// comparison of `$gt`/`$gte`/`$lt`/`$lte` with an object or array operand.
    #[pg_extern(immutable, parallel_safe, strict)]
    fn compare(a: Json, b: Json) -> i32 {
        docstore_core::order::compare_values(&a.0, &b.0) as i32
    }

    /// Path keys from a JSON array of strings (what the compilers bind); anything else is none.
    fn string_keys(keys: Option<&serde_json::Value>) -> Vec<String> {
        keys.and_then(serde_json::Value::as_array)
            .map(|keys| {
                keys.iter()
                    .filter_map(|k| k.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// What a path reaches as MongoDB finds it, array positions included
    /// (`docstore_core::filter::eval::At`): `value` is the value at the path's first key (NULL:
    /// missing), `rest` the keys after it (a JSON array). `{"values": […], "candidates": […],
    /// "missing": bool}` — the values, what comparisons look at (the values and the elements of
    /// arrays among them, but for an array taken by a position as the last key), and whether the
    /// path runs out. What a filter on a path with array positions (`"items.0.price"`) is
    /// evaluated over. Keys that are not strings are none.
    #[pg_extern(immutable, parallel_safe)]
    fn path_values(value: Option<Json>, rest: Option<Json>) -> Json {
        use docstore_core::filter::eval::At;
        let keys = string_keys(rest.as_ref().map(|r| &r.0));
        let (values, candidates, missing) = match &value {
            None => (Vec::new(), Vec::new(), true),
            Some(value) => {
                let at = At::new(&value.0, &keys);
                (
                    at.values.iter().map(|r| r.value.clone()).collect(),
                    at.candidates().into_iter().cloned().collect(),
                    at.missing,
                )
            }
        };
        Json(serde_json::json!({
            "values": values,
            "candidates": candidates,
            "missing": missing,
        }))
    }

    /// A document's sort key on paths that begin with the same key
    /// (`docstore_core::find::sort_keys`): `value` is the value at that first key, `rests` the
    /// keys after it for each path (a JSON array of arrays), `descending` each path's direction
    /// (a JSON array of booleans); for each path `[v]` with its part of the best entry, or `[]`
    /// for an empty array, which sorts below null and missing. 22023 for parallel arrays.
    #[pg_extern(immutable, parallel_safe)]
    fn sort_keys(value: Option<Json>, rests: Option<Json>, descending: Option<Json>) -> Json {
        let rests: Vec<Vec<String>> = rests
            .as_ref()
            .and_then(|r| r.0.as_array())
            .map(|paths| paths.iter().map(|keys| string_keys(Some(keys))).collect())
            .unwrap_or_default();
        let descending: Vec<bool> = descending
            .as_ref()
            .and_then(|d| d.0.as_array())
            .map(|d| d.iter().map(|b| b.as_bool() == Some(true)).collect())
            .unwrap_or_default();
        Json(
            docstore_core::find::sort_keys(value.as_ref().map(|v| &v.0), &rests, &descending)
                .or_raise("docstore_find"),
        )
    }

    /// A document with update operators applied, with the context of its array-element keys
    /// (`context`: `{"arrayFilters": […], "query": filter}`, what `docstore_update_many` and
    /// `docstore_patch` pass for `$[<identifier>]` and `$`; NULL: none).
    #[pg_extern(immutable, parallel_safe, name = "apply_update")]
    fn apply_update_with(
        data: Option<Json>,
        update: Option<Json>,
        now: Option<&str>,
        context: Option<Json>,
    ) -> Option<Json> {
        const NAME: &str = "docstore_update_many";
        let (data, update, now) = (data?, update?, now?);
        let parsed = docstore_core::update::parse(&update.0).or_raise(NAME);
        let mut apply = docstore_core::update::ApplyContext::default();
        if let Some(context) = context.as_ref().and_then(|c| c.0.as_object()) {
            if let Some(filters) = context.get("arrayFilters") {
                apply.array_filters =
                    docstore_core::update::parse_array_filters(filters).or_raise(NAME);
            }
            if let Some(query) = context.get("query") {
                apply.positional = Some(docstore_core::filter::parse(query).or_raise(NAME));
            }
        }
        Some(Json(
            docstore_core::update::apply_with(&data.0, &parsed, now, &apply).or_raise(NAME),
        ))
    }

    /// `$expr`'s field path through arrays (`docstore_core::filter::expr::path_value`): `value`
    /// is the value at the path's first key (NULL: missing), `rest` the keys after it.
    #[pg_extern(immutable, parallel_safe)]
    fn expr_path(value: Option<Json>, rest: Option<Json>) -> Option<Json> {
        let keys = string_keys(rest.as_ref().map(|r| &r.0));
        docstore_core::filter::expr::path_value(value.as_ref().map(|v| &v.0), &keys).map(Json)
    }

    /// `$expr`'s total order of two values (NULL: missing, below everything): -1, 0 or 1.
    #[pg_extern(immutable, parallel_safe)]
    fn expr_compare(a: Option<Json>, b: Option<Json>) -> i32 {
        docstore_core::filter::expr::compare(a.as_ref().map(|v| &v.0), b.as_ref().map(|v| &v.0))
            as i32
    }

    /// Whether a `$expr` value counts as true (not false, null, missing or zero).
    #[pg_extern(immutable, parallel_safe)]
    fn expr_truthy(value: Option<Json>) -> bool {
        docstore_core::filter::expr::truthy(value.as_ref().map(|v| &v.0))
    }

    /// `$expr`'s arithmetic, `$abs`, `$size` and `$in` on two values (NULL: missing):
    /// `docstore_core::filter::expr::apply_op`. Errors as MongoDB fails the query: 22023 a value
    /// of the wrong type, 22012 division by zero.
    #[pg_extern(immutable, parallel_safe)]
    fn expr_op(op: Option<&str>, a: Option<Json>, b: Option<Json>) -> Option<Json> {
        docstore_core::filter::expr::op_by_name(
            op.unwrap_or_default(),
            a.as_ref().map(|v| &v.0),
            b.as_ref().map(|v| &v.0),
        )
        .or_raise("docstore_query")
        .map(Json)
    }

    /// A document projected by a `fields` spec (`{"path": true, …}` includes, `false` excludes).
    /// Parses the document into Rust: only `docstore_find` with `fields` pays for it.
    #[pg_extern(immutable, parallel_safe, strict)]
    fn project(data: Json, spec: Json) -> Json {
        let Some(spec) = spec.0.as_object() else {
            return data;
        };
        let paths = spec
            .keys()
            .map(|k| docstore_core::filter::Path::parse(k).or_raise("docstore_find"))
            .collect();
        let projection = if spec.values().all(|v| v.as_bool() == Some(false)) {
            docstore_core::find::Projection::Exclude(paths)
        } else {
            docstore_core::find::Projection::Include(paths)
        };
        Json(docstore_core::find::project(&data.0, &projection))
    }

    /// A document id: a UUIDv7 with `counter` (from the sequence `docstore.id_seq`) after the
    /// timestamp, so that ids sort in creation order across sessions (see docstore_core::ids).
    #[pg_extern(volatile, parallel_safe)]
    fn uuid_v7(counter: i64) -> pgrx::Uuid {
        let unix_ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as u64);
        let random = getrandom::u32().unwrap_or(0);
        pgrx::Uuid::from_bytes(docstore_core::ids::uuid_v7(unix_ms, counter as u64, random))
    }
}
