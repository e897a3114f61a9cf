//! The storage layer: every statement docstore runs, prepared once per backend and kept.
//!
//! Each SQL function validates its arguments, then calls [`rows`] or [`count`] with bound datums.
//! Statements are fixed text with `$n` placeholders (no value is ever pasted into SQL), every
//! operator and function named with its schema (see `docstore_core::sql`), prepared
//! with `SPI_prepare` on first use and kept with `SPI_keepplan`, so a call costs one executor run,
//! like a prepared raw statement. PostgreSQL's plan cache re-plans them when the table changes.
//!
//! Rows go straight from the executor into the calling SRF's tuplestore through a tuplestore
//! `DestReceiver` (as PL/pgSQL's `RETURN QUERY` does): documents stay datums and are copied
//! once, never converted to Rust values.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::ffi::{CStr, CString};
use std::ptr::NonNull;

use pgrx::pg_sys;

/// The statements docstore runs. Each returns its rows in `docstore.document`'s column order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Statement {
    /// $1 collection, $2 data
    Create,
    /// $1 collection, $2 id, $3 patch
    Update,
    /// $1 collection, $2 limit
    QueryAll,
    /// $1 collection, $2 id, $3 patch, $4 expected version
    UpdateVersion,
    /// $1 collection, $2 id, $3 data
    Replace,
    /// $1 collection, $2 id, $3 data, $4 expected version
    ReplaceVersion,
    /// $1 collection, $2 id, $3 expected version
    DeleteVersion,
    /// $1 collection, $2 data, $3 id
    CreateWithId,
    /// $1 collection, $2 id, $3 data
    Upsert,
    /// $1 id: whether any collection holds it
    IdTaken,
    /// $1 collection, $2 docs (a JSON array of objects)
    CreateMany,
    /// $1 docs: the first element that is not an object (0-based) and its kind
    FirstNonObject,
    /// $1 collection, $2 id, $3 object to merge, $4 keys to remove
    PatchMerge,
    /// $1 collection, $2 id, $3 object to merge, $4 keys to remove, $5 expected version
    PatchMergeVersion,
    /// $1 collection, $2 id, $3 update
    Patch,
    /// $1 collection, $2 id, $3 update, $4 expected version
    PatchVersion,
    /// $1 collection, $2 id, $3 update, $4 context (arrayFilters)
    PatchWith,
    /// $1 collection, $2 id, $3 update, $4 context, $5 expected version
    PatchWithVersion,
    /// $1 collection, $2 id
    Version,
    /// $1 collection
    CountAll,
    /// $1 collection, $2 id
    Delete,
    /// $1 collection
    DeleteCollection,
    /// $1 collection: its options as [`docstore_core::collections::Options::bits`]
    Options,
    /// $1 collection, $2 id, $3 version, $4 data, $5 created_at, $6 valid_from, $7 operation
    RecordHistory,
    /// $1 collection, $2 id, $3 op, $4 version, $5 data
    RecordChange,
    /// $1 collection, $2 id, $3 version: a deletion in the change feed (no data)
    RecordDeletion,
    /// $1 collection, $2 id: the version after the newest in its history, or NULL
    NextVersion,
    /// $1 collection, $2 id: when the document was created, from its history (no row if none)
    CreatedAt,
}

/// How many [`Statement`]s there are (the size of the per-backend plan cache).
const STATEMENTS: usize = Statement::CreatedAt as usize + 1;

const TEXT: pg_sys::Oid = pg_sys::TEXTOID;
const UUID: pg_sys::Oid = pg_sys::UUIDOID;
const JSONB: pg_sys::Oid = pg_sys::JSONBOID;
const INT8: pg_sys::Oid = pg_sys::INT8OID;
const INT4: pg_sys::Oid = pg_sys::INT4OID;
const TEXT_ARRAY: pg_sys::Oid = pg_sys::TEXTARRAYOID;
const TIMESTAMPTZ: pg_sys::Oid = pg_sys::TIMESTAMPTZOID;

impl Statement {
    fn index(self) -> usize {
        self as usize
    }

    fn sql(self) -> &'static CStr {
        match self {
            Statement::Create => {
                c"INSERT INTO docstore.documents (collection, data) VALUES ($1, $2)
                RETURNING id, collection, data, created_at, updated_at, version"
            }
            Statement::Update => {
                c"UPDATE docstore.documents SET data = data OPERATOR(pg_catalog.||) $3
                WHERE collection OPERATOR(pg_catalog.=) $1 AND id OPERATOR(pg_catalog.=) $2
                RETURNING id, collection, data, created_at, updated_at, version"
            }
            Statement::QueryAll => {
                c"SELECT id, collection, data, created_at, updated_at, version
                FROM docstore.documents WHERE collection OPERATOR(pg_catalog.=) $1 ORDER BY collection, id LIMIT $2"
            }
            Statement::UpdateVersion => c"UPDATE docstore.documents SET data = data OPERATOR(pg_catalog.||) $3
                WHERE collection OPERATOR(pg_catalog.=) $1 AND id OPERATOR(pg_catalog.=) $2 AND version OPERATOR(pg_catalog.=) $4
                RETURNING id, collection, data, created_at, updated_at, version",
            Statement::Replace => c"UPDATE docstore.documents SET data = $3
                WHERE collection OPERATOR(pg_catalog.=) $1 AND id OPERATOR(pg_catalog.=) $2
                RETURNING id, collection, data, created_at, updated_at, version",
            Statement::ReplaceVersion => c"UPDATE docstore.documents SET data = $3
                WHERE collection OPERATOR(pg_catalog.=) $1 AND id OPERATOR(pg_catalog.=) $2 AND version OPERATOR(pg_catalog.=) $4
                RETURNING id, collection, data, created_at, updated_at, version",
            Statement::DeleteVersion => {
                c"DELETE FROM docstore.documents WHERE collection OPERATOR(pg_catalog.=) $1 AND id OPERATOR(pg_catalog.=) $2 AND version OPERATOR(pg_catalog.=) $3"
            }
            Statement::CreateWithId => c"INSERT INTO docstore.documents (id, collection, data)
                VALUES ($3, $1, $2)
                RETURNING id, collection, data, created_at, updated_at, version",
            Statement::Upsert => c"INSERT INTO docstore.documents AS d (id, collection, data)
                VALUES ($2, $1, $3)
                ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data WHERE d.collection OPERATOR(pg_catalog.=) EXCLUDED.collection
                RETURNING id, collection, data, created_at, updated_at, version",
            Statement::IdTaken => c"SELECT true FROM docstore.documents WHERE id OPERATOR(pg_catalog.=) $1",
            Statement::CreateMany => c"INSERT INTO docstore.documents (collection, data)
                SELECT $1, e.value FROM pg_catalog.jsonb_array_elements($2) WITH ORDINALITY AS e(value, n) ORDER BY e.n
                RETURNING id, collection, data, created_at, updated_at, version",
            Statement::FirstNonObject => c"SELECT (e.n OPERATOR(pg_catalog.-) 1)::integer
                FROM pg_catalog.jsonb_array_elements($1) WITH ORDINALITY AS e(value, n)
                WHERE pg_catalog.jsonb_typeof(e.value) OPERATOR(pg_catalog.<>) 'object' ORDER BY e.n LIMIT 1",
            Statement::PatchMerge => c"UPDATE docstore.documents SET data = (data OPERATOR(pg_catalog.||) $3) OPERATOR(pg_catalog.-) $4
                WHERE collection OPERATOR(pg_catalog.=) $1 AND id OPERATOR(pg_catalog.=) $2
                RETURNING id, collection, data, created_at, updated_at, version",
            Statement::PatchMergeVersion => c"UPDATE docstore.documents SET data = (data OPERATOR(pg_catalog.||) $3) OPERATOR(pg_catalog.-) $4
                WHERE collection OPERATOR(pg_catalog.=) $1 AND id OPERATOR(pg_catalog.=) $2 AND version OPERATOR(pg_catalog.=) $5
                RETURNING id, collection, data, created_at, updated_at, version",
            Statement::Patch => {
                c"UPDATE docstore.documents
                SET data = docstore.apply_update(data, $3,
                    pg_catalog.to_char(pg_catalog.now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'))
                WHERE collection OPERATOR(pg_catalog.=) $1 AND id OPERATOR(pg_catalog.=) $2
                RETURNING id, collection, data, created_at, updated_at, version"
            }
            Statement::PatchVersion => {
                c"UPDATE docstore.documents
                SET data = docstore.apply_update(data, $3,
                    pg_catalog.to_char(pg_catalog.now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'))
                WHERE collection OPERATOR(pg_catalog.=) $1 AND id OPERATOR(pg_catalog.=) $2 AND version OPERATOR(pg_catalog.=) $4
                RETURNING id, collection, data, created_at, updated_at, version"
            }
            Statement::PatchWith => {
                c"UPDATE docstore.documents
                SET data = docstore.apply_update(data, $3,
                    pg_catalog.to_char(pg_catalog.now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), $4)
                WHERE collection OPERATOR(pg_catalog.=) $1 AND id OPERATOR(pg_catalog.=) $2
                RETURNING id, collection, data, created_at, updated_at, version"
            }
            Statement::PatchWithVersion => {
                c"UPDATE docstore.documents
                SET data = docstore.apply_update(data, $3,
                    pg_catalog.to_char(pg_catalog.now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), $4)
                WHERE collection OPERATOR(pg_catalog.=) $1 AND id OPERATOR(pg_catalog.=) $2 AND version OPERATOR(pg_catalog.=) $5
                RETURNING id, collection, data, created_at, updated_at, version"
            }
            Statement::Version => {
                c"SELECT version FROM docstore.documents WHERE collection OPERATOR(pg_catalog.=) $1 AND id OPERATOR(pg_catalog.=) $2"
            }
            Statement::CountAll => c"SELECT pg_catalog.count(*) FROM docstore.documents WHERE collection OPERATOR(pg_catalog.=) $1",
            Statement::Delete => {
                c"DELETE FROM docstore.documents WHERE collection OPERATOR(pg_catalog.=) $1 AND id OPERATOR(pg_catalog.=) $2"
            }
            Statement::DeleteCollection => c"DELETE FROM docstore.documents WHERE collection OPERATOR(pg_catalog.=) $1",
            Statement::Options => c"SELECT history::integer OPERATOR(pg_catalog.|) (changes::integer OPERATOR(pg_catalog.<<) 1)
                FROM docstore.collections WHERE name OPERATOR(pg_catalog.=) $1",
            Statement::RecordHistory => c"INSERT INTO docstore.history
                (collection, id, version, data, created_at, valid_from, valid_to, operation)
                VALUES ($1, $2, $3, $4, $5, $6, pg_catalog.now(), $7)",
            Statement::RecordChange => {
                c"INSERT INTO docstore.changes (collection, id, op, version, data)
                VALUES ($1, $2, $3, $4, $5)"
            }
            Statement::RecordDeletion => {
                c"INSERT INTO docstore.changes (collection, id, op, version)
                VALUES ($1, $2, 'delete', $3)"
            }
            Statement::NextVersion => c"SELECT pg_catalog.max(version) OPERATOR(pg_catalog.+) 1 FROM docstore.history
                WHERE collection OPERATOR(pg_catalog.=) $1 AND id OPERATOR(pg_catalog.=) $2",
            Statement::CreatedAt => c"SELECT created_at FROM docstore.history
                WHERE collection OPERATOR(pg_catalog.=) $1 AND id OPERATOR(pg_catalog.=) $2
                ORDER BY version LIMIT 1",
        }
    }

    fn arg_types(self) -> &'static [pg_sys::Oid] {
        match self {
            Statement::Create => &[TEXT, JSONB],
            Statement::Update => &[TEXT, UUID, JSONB],
            Statement::QueryAll => &[TEXT, INT8],
            Statement::UpdateVersion => &[TEXT, UUID, JSONB, INT4],
            Statement::Replace => &[TEXT, UUID, JSONB],
            Statement::ReplaceVersion => &[TEXT, UUID, JSONB, INT4],
            Statement::DeleteVersion => &[TEXT, UUID, INT4],
            Statement::CreateWithId => &[TEXT, JSONB, UUID],
            Statement::Upsert => &[TEXT, UUID, JSONB],
            Statement::IdTaken => &[UUID],
            Statement::CreateMany => &[TEXT, JSONB],
            Statement::FirstNonObject => &[JSONB],
            Statement::PatchMerge => &[TEXT, UUID, JSONB, TEXT_ARRAY],
            Statement::PatchMergeVersion => &[TEXT, UUID, JSONB, TEXT_ARRAY, INT4],
            Statement::Patch => &[TEXT, UUID, JSONB],
            Statement::PatchVersion => &[TEXT, UUID, JSONB, INT4],
            Statement::PatchWith => &[TEXT, UUID, JSONB, JSONB],
            Statement::PatchWithVersion => &[TEXT, UUID, JSONB, JSONB, INT4],
            Statement::Version => &[TEXT, UUID],
            Statement::CountAll => &[TEXT],
            Statement::Delete => &[TEXT, UUID],
            Statement::DeleteCollection => &[TEXT],
            Statement::Options => &[TEXT],
            Statement::RecordHistory => &[TEXT, UUID, INT4, JSONB, TIMESTAMPTZ, TIMESTAMPTZ, TEXT],
            Statement::RecordChange => &[TEXT, UUID, TEXT, INT4, JSONB],
            Statement::RecordDeletion => &[TEXT, UUID, INT4],
            Statement::NextVersion | Statement::CreatedAt => &[TEXT, UUID],
        }
    }

    fn read_only(self) -> bool {
        matches!(
            self,
            Statement::QueryAll
                | Statement::CountAll
                | Statement::Version
                | Statement::Options
                | Statement::NextVersion
                | Statement::CreatedAt
        )
    }
}

/// A statement whose text depends on the shape of a filter: `sql` with `$n` placeholders of
/// `types`. Its plan is kept per distinct text, so every filter of one shape shares one plan.
pub struct Dynamic<'a> {
    pub sql: &'a str,
    pub types: &'a [pg_sys::Oid],
    pub read_only: bool,
}

/// Where a plan comes from.
#[derive(Clone, Copy)]
pub enum Source<'a> {
    Fixed(Statement),
    Dynamic(&'a Dynamic<'a>),
}

impl Source<'_> {
    fn types(&self) -> &[pg_sys::Oid] {
        match self {
            Source::Fixed(statement) => statement.arg_types(),
            Source::Dynamic(dynamic) => dynamic.types,
        }
    }

    fn read_only(&self) -> bool {
        match self {
            Source::Fixed(statement) => statement.read_only(),
            Source::Dynamic(dynamic) => dynamic.read_only,
        }
    }
}

/// At most this many filter shapes keep a plan per backend; past it the cache starts over.
/// A shape is the filter's structure, not its values, so real workloads have few.
const MAX_DYNAMIC_PLANS: usize = 256;

thread_local! {
    /// Kept plans, one per statement, for the life of the backend.
    static PLANS: [Cell<Option<NonNull<pg_sys::_SPI_plan>>>; STATEMENTS] =
        const { [const { Cell::new(None) }; STATEMENTS] };
    /// Kept plans of dynamic statements, by text.
    static DYNAMIC_PLANS: RefCell<HashMap<String, NonNull<pg_sys::_SPI_plan>>> =
        RefCell::new(HashMap::new());
}

extern "C-unwind" {
    // tcop/tstoreReceiver.h, not in pgrx's bindings. Called through pg_guard_ffi_boundary.
    fn SetTuplestoreDestReceiverParams(
        receiver: *mut pg_sys::DestReceiver,
        store: *mut pg_sys::Tuplestorestate,
        context: pg_sys::MemoryContext,
        detoast: bool,
        target_tupdesc: pg_sys::TupleDesc,
        map_failure_msg: *const std::ffi::c_char,
    );
}

/// Prepares `sql` and keeps the plan for the life of the backend. Must be called inside an SPI
/// connection.
unsafe fn prepare_kept(
    sql: &CStr,
    types: &[pg_sys::Oid],
    cursor_options: u32,
) -> NonNull<pg_sys::_SPI_plan> {
    let prepared = pg_sys::SPI_prepare_cursor(
        sql.as_ptr(),
        types.len() as i32,
        types.as_ptr().cast_mut(),
        cursor_options as i32,
    );
    let plan = NonNull::new(prepared).unwrap_or_else(|| {
        panic!(
            "SPI_prepare failed for {sql:?}: {}",
            spi_result(pg_sys::SPI_result)
        )
    });
    let kept = pg_sys::SPI_keepplan(plan.as_ptr());
    assert_eq!(kept, 0, "SPI_keepplan failed for {sql:?}");
    plan
}

/// The kept plan of `source`, prepared on first use. Must be called inside an SPI connection.
unsafe fn plan(source: Source) -> NonNull<pg_sys::_SPI_plan> {
    match source {
        Source::Fixed(statement) => PLANS.with(|plans| {
            let slot = &plans[statement.index()];
            if let Some(plan) = slot.get() {
                return plan;
            }
            let plan = prepare_kept(statement.sql(), statement.arg_types(), 0);
            slot.set(Some(plan));
            plan
        }),
        Source::Dynamic(dynamic) => DYNAMIC_PLANS.with(|plans| {
            if let Some(plan) = plans.borrow().get(dynamic.sql) {
                return *plan;
            }
            let text = CString::new(dynamic.sql).expect("generated SQL has no NUL byte");
            // PostgreSQL chooses custom or generic plans as for any prepared statement. Forcing
            // the generic plan saves the re-planning of selective filters (80 µs a call on
            // bench/, where custom plans win on cost), but measured here it made a filter that
            // matches half a collection 500x slower (a GIN scan of every match instead of
            // walking the collection index to the first 20): values must be able to change
            // the plan.
            let plan = prepare_kept(&text, dynamic.types, 0);
            let mut plans = plans.borrow_mut();
            if plans.len() >= MAX_DYNAMIC_PLANS {
                for (_, old) in plans.drain() {
                    pg_sys::SPI_freeplan(old.as_ptr());
                }
            }
            plans.insert(dynamic.sql.to_string(), plan);
            plan
        }),
    }
}

fn spi_result(code: i32) -> String {
    // SAFETY: SPI_result_code_string returns a static string for any code.
    unsafe { CStr::from_ptr(pg_sys::SPI_result_code_string(code)) }
        .to_string_lossy()
        .into_owned()
}

/// Runs `source` with `params` (bound in order, none NULL). With `into`, every row goes to that
/// receiver; otherwise SPI keeps them in `SPI_tuptable`. `read` sees the number of rows
/// processed while the SPI connection is still open, and its result is returned.
unsafe fn execute<T>(
    source: Source,
    params: &[pg_sys::Datum],
    into: Option<*mut pg_sys::DestReceiver>,
    read: impl FnOnce(u64) -> T,
) -> T {
    let types = source.types();
    assert_eq!(params.len(), types.len(), "wrong number of parameters");

    let connected = pg_sys::SPI_connect();
    assert_eq!(
        connected,
        pg_sys::SPI_OK_CONNECT as i32,
        "SPI_connect failed"
    );
    let plan = plan(source);

    let list = pg_sys::makeParamList(params.len() as i32);
    let slots = (*list).params.as_mut_slice(params.len());
    for ((slot, &value), &ptype) in slots.iter_mut().zip(params).zip(types) {
        *slot = pg_sys::ParamExternData {
            value,
            isnull: false,
            pflags: pg_sys::PARAM_FLAG_CONST as u16,
            ptype,
        };
    }
    let options = pg_sys::SPIExecuteOptions {
        params: list,
        read_only: source.read_only(),
        dest: into.unwrap_or(std::ptr::null_mut()),
        ..Default::default()
    };
    let status = pg_sys::SPI_execute_plan_extended(plan.as_ptr(), &options);
    assert!(
        status >= 0,
        "a docstore statement failed: {}",
        spi_result(status)
    );
    let result = read(pg_sys::SPI_processed);
    pg_sys::SPI_finish();
    result
}

/// Runs the statement and returns its rows as the result set of the calling set-returning
/// function (materialize mode): `SETOF docstore.document` for the document functions, `SETOF
/// jsonb` for `docstore_distinct`.
///
/// # Safety
/// `fcinfo` must be the live call info of the SQL function being executed; `params` must be
/// valid datums of the statement's argument types.
pub unsafe fn rows(
    fcinfo: pg_sys::FunctionCallInfo,
    source: Source,
    params: &[pg_sys::Datum],
) -> pg_sys::Datum {
    rows_counted(fcinfo, source, params);
    pg_sys::Datum::from(0)
}

/// [`rows`], returning how many rows the statement processed.
///
/// # Safety
/// As [`rows`].
pub unsafe fn rows_counted(
    fcinfo: pg_sys::FunctionCallInfo,
    source: Source,
    params: &[pg_sys::Datum],
) -> u64 {
    let rsinfo = (*fcinfo).resultinfo as *mut pg_sys::ReturnSetInfo;
    init_materialized(fcinfo);

    let receiver = pg_sys::CreateDestReceiver(pg_sys::CommandDest::DestTuplestore);
    pg_sys::ffi::pg_guard_ffi_boundary(|| {
        SetTuplestoreDestReceiverParams(
            receiver,
            (*rsinfo).setResult,
            (*(*rsinfo).econtext).ecxt_per_query_memory,
            false,
            (*rsinfo).setDesc,
            c"docstore: a statement's columns do not match docstore.document".as_ptr(),
        )
    });
    let processed = execute(source, params, Some(receiver), |processed| processed);
    if let Some(destroy) = (*receiver).rDestroy {
        destroy(receiver);
    }
    processed
}

/// Sets up materialize mode: a tuplestore in per-query memory (it spills to disk past
/// `work_mem`, so a large result does not grow the backend) and the result's row shape.
/// `InitMaterializedSRF` does this for row types; a function returning `SETOF jsonb`, called in
/// a select list, has no row type, so its one-column shape is made here.
unsafe fn init_materialized(fcinfo: pg_sys::FunctionCallInfo) {
    let rsinfo = (*fcinfo).resultinfo as *mut pg_sys::ReturnSetInfo;
    if !rsinfo.is_null() && !(*rsinfo).expectedDesc.is_null() {
        pg_sys::InitMaterializedSRF(fcinfo, pg_sys::MAT_SRF_USE_EXPECTED_DESC);
        return;
    }
    let mut type_id = pg_sys::InvalidOid;
    let mut desc: pg_sys::TupleDesc = std::ptr::null_mut();
    let class = pg_sys::get_call_result_type(fcinfo, &mut type_id, &mut desc);
    if class == pg_sys::TypeFuncClass::TYPEFUNC_COMPOSITE || rsinfo.is_null() {
        // Composite, or a context that accepts no set: InitMaterializedSRF checks and reports.
        pg_sys::InitMaterializedSRF(fcinfo, 0);
        return;
    }
    if (*rsinfo).allowedModes & pg_sys::SetFunctionReturnMode::SFRM_Materialize as i32 == 0 {
        pg_sys::InitMaterializedSRF(fcinfo, 0); // reports "materialize mode required"
        return;
    }
    let old = pg_sys::MemoryContextSwitchTo((*(*rsinfo).econtext).ecxt_per_query_memory);
    let desc = pg_sys::CreateTemplateTupleDesc(1);
    pg_sys::TupleDescInitEntry(desc, 1, c"value".as_ptr(), type_id, -1, 0);
    let random_access =
        (*rsinfo).allowedModes & pg_sys::SetFunctionReturnMode::SFRM_Materialize_Random as i32 != 0;
    (*rsinfo).returnMode = pg_sys::SetFunctionReturnMode::SFRM_Materialize;
    (*rsinfo).setResult = pg_sys::tuplestore_begin_heap(random_access, false, pg_sys::work_mem);
    (*rsinfo).setDesc = desc;
    pg_sys::MemoryContextSwitchTo(old);
}

/// Runs any statement and returns the number of rows it processed (`UPDATE`/`DELETE` counts).
///
/// # Safety
/// `params` must be valid datums of the statement's argument types.
pub unsafe fn processed(source: Source, params: &[pg_sys::Datum]) -> u64 {
    execute(source, params, None, |processed| processed)
}

/// Runs a statement and returns the first column of its first row: `None` for no row or NULL.
/// Only for by-value columns (integers, bigints): the datum must outlive the SPI connection.
///
/// # Safety
/// `params` must be valid datums of the statement's argument types.
pub unsafe fn value(source: Source, params: &[pg_sys::Datum]) -> Option<pg_sys::Datum> {
    execute(source, params, None, |processed| {
        if processed == 0 {
            return None;
        }
        let table = pg_sys::SPI_tuptable;
        let mut isnull = false;
        let value = pg_sys::SPI_getbinval(*(*table).vals, (*table).tupdesc, 1, &mut isnull);
        (!isnull).then_some(value)
    })
}

/// Runs `f` with the rights of `role`, as PostgreSQL's foreign-key triggers run their checks as
/// the table's owner: the triggers write the history and the feed this way (writers have no
/// privilege on those tables), and `docstore_create_index` makes its index as the owner of
/// schema `docstore`. The user is switched for `f` only and restored after it, also when `f`
/// raises (a PostgreSQL error unwinds through here as a Rust panic; transaction and
/// subtransaction abort would restore it too). Row-level security is not forced on the owner.
pub fn as_role<T>(role: pg_sys::Oid, f: impl FnOnce() -> T) -> T {
    struct Restore(pg_sys::Oid, i32);
    impl Drop for Restore {
        fn drop(&mut self) {
            // SAFETY: restores the user and context read below; a plain assignment in C.
            unsafe { pg_sys::SetUserIdAndSecContext(self.0, self.1) }
        }
    }
    let (mut user, mut context) = (pg_sys::InvalidOid, 0);
    // SAFETY: both out-parameters are valid for writes.
    unsafe { pg_sys::GetUserIdAndSecContext(&mut user, &mut context) };
    let _restore = Restore(user, context);
    let switched =
        context | pg_sys::SECURITY_LOCAL_USERID_CHANGE as i32 | pg_sys::SECURITY_NOFORCE_RLS as i32;
    // SAFETY: role is an existing role's oid (a relation's or a schema's owner).
    unsafe { pg_sys::SetUserIdAndSecContext(role, switched) };
    f()
}

/// The oid of relation `name` in schema docstore (catalog-cache lookups).
pub fn relation(name: &CStr) -> Option<pg_sys::Oid> {
    // SAFETY: both lookups take a NUL-terminated name and return InvalidOid when absent.
    unsafe {
        let namespace = pg_sys::get_namespace_oid(c"docstore".as_ptr(), true);
        let oid = if namespace == pg_sys::InvalidOid {
            pg_sys::InvalidOid
        } else {
            pg_sys::get_relname_relid(name.as_ptr(), namespace)
        };
        (oid != pg_sys::InvalidOid).then_some(oid)
    }
}

/// The owner of `docstore.documents`: the role whose rights the triggers write with.
pub fn documents_owner() -> pg_sys::Oid {
    let oid = relation(c"documents").expect("docstore.documents exists");
    // SAFETY: the relation exists; the relcache entry is only read, then released.
    unsafe {
        let rel = pg_sys::RelationIdGetRelation(oid);
        assert!(!rel.is_null(), "docstore.documents has a relcache entry");
        let owner = (*(*rel).rd_rel).relowner;
        pg_sys::RelationClose(rel);
        owner
    }
}
