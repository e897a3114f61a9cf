//! One document by id: create, update (merge), replace, upsert, patch (update operators), delete, and a whole collection's deletion.

use super::*;

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
