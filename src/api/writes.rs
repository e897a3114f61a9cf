//! The set-based writes: create_many, update_many, delete_many (one statement each).

use super::*;

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
