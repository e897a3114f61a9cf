//! Reading by filter: query, find (and the statement explain shows), count, distinct.

use super::*;

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
