//! `docstore.match_eq(data jsonb, filter jsonb)` and the operator `docstore.@=` it implements:
//! the test of the commonest filter, top-level keys equal to scalars (`{"status": "active",
//! "group": 17}`), on the binary jsonb.
//!
//! MongoDB's rule: the value at the key equals the scalar, or is an array with an element equal
//! to it (one level; numbers by value, as jsonb compares them). `@>` cannot state it (`{"group":
//! 17}` does not contain-match `{"group": [17, 3]}`) and the SQL/JSON path predicate that can
//! (`data @@ '$.group == 17'`) costs nearly twice `@>` per row, in the executor's recheck and in
//! the planner's estimate, which runs it over the column's statistics sample.
//!
//! So since 0.3.0 such a filter compiles to `data OPERATOR(docstore.@=) $pairs` alone. The GIN
//! index on `data` is built with `docstore.jsonb_match_ops`: PostgreSQL's `jsonb_path_ops` (same
//! entries, same `@>`/`@?`/`@@`) plus `@=` as strategy [`MATCH_STRATEGY`], whose index search is
//! the one of `@>` with the same object: `jsonb_path_ops` hashes each value with its path, arrays
//! being transparent, so every document that matches holds every entry of the pairs (the index
//! returns a superset, the operator rechecks). The three support functions below hand everything
//! to PostgreSQL's own, with `@=`'s strategy number read as `@>`'s. The operator's estimator is
//! `matchingsel`: it runs this test over the statistics sample, as `@>`'s does with `@>`.
//!
//! Before 0.3.0 (`docstore.match_eq` only, 0.2.0) the compiler stated the filter twice:
//! `docstore.match_eq(data, $f) AND data @@ $path`, the function first so that rows failing it
//! never run the path, with a planner support function reporting selectivity 1 (the path
//! predicate carries the estimate). The library still does that on a 0.2.0 schema until
//! `ALTER EXTENSION docstore UPDATE` (`crate::compat`).

use docstore_core::jsonb_binary::{self, Container, Value};
use pgrx::prelude::*;
use pgrx::{pg_sys, varlena};

function_info_v1!(pg_finfo_docstore_match_eq);
/// `docstore.match_eq(data jsonb, filter jsonb) RETURNS boolean` (STRICT): whether every
/// top-level key of `filter` (each a scalar, not null) is in `data` with that value, or with an
/// array holding it. Reads both datums in place (`docstore_core::jsonb_binary`): no copy, no
/// call into PostgreSQL per row unless a datum is compressed or stored out of line.
#[pg_guard]
#[no_mangle]
pub unsafe extern "C-unwind" fn docstore_match_eq(
    fcinfo: pg_sys::FunctionCallInfo,
) -> pg_sys::Datum {
    let args = (*fcinfo).args.as_slice(2);
    let data = payload(args[0].value);
    let filter = payload(args[1].value);
    pg_sys::Datum::from(matches(data, filter))
}

/// Whether the document (a root container's bytes) has every pair of the filter.
fn matches(data: &[u8], filter: &[u8]) -> bool {
    let (Some(document), Some(filter)) = (Container::new(data), Container::new(filter)) else {
        return false;
    };
    if !document.is_object() || !filter.is_object() {
        return false;
    }
    filter.pairs().all(|(key, scalar)| {
        !matches!(scalar, Value::Null | Value::Container(_))
            && document
                .get(key)
                .is_some_and(|value| jsonb_binary::matches_scalar(&value, &scalar))
    })
}

/// The payload (root container) of a jsonb datum, in place when it is stored plainly, else
/// detoasted (into the current, per-row memory context).
unsafe fn payload<'a>(datum: pg_sys::Datum) -> &'a [u8] {
    let mut ptr = datum.cast_mut_ptr::<pg_sys::varlena>();
    let plain = varlena::varatt_is_4b_u(ptr)
        || (varlena::varatt_is_1b(ptr) && !varlena::varatt_is_1b_e(ptr));
    if !plain {
        ptr = pg_sys::pg_detoast_datum(ptr);
    }
    let size = varlena::varsize_any(ptr);
    let bytes = std::slice::from_raw_parts(ptr as *const u8, size);
    jsonb_binary::varlena_payload(bytes).unwrap_or(&[])
}

function_info_v1!(pg_finfo_docstore_match_eq_support);
/// The planner support function of `docstore.match_eq` called as a function: selectivity 1. That
/// is the form a 0.2.0 schema gets (`match_eq(data, $f) AND data @@ $path`), where the path
/// predicate beside it carries the estimate. As the operator `@=` it is estimated by the
/// operator's `matchingsel` instead.
#[pg_guard]
#[no_mangle]
pub unsafe extern "C-unwind" fn docstore_match_eq_support(
    fcinfo: pg_sys::FunctionCallInfo,
) -> pg_sys::Datum {
    let request = (*fcinfo).args.as_slice(1)[0]
        .value
        .cast_mut_ptr::<pg_sys::Node>();
    if !request.is_null() && (*request).type_ == pg_sys::NodeTag::T_SupportRequestSelectivity {
        let request = request as *mut pg_sys::SupportRequestSelectivity;
        (*request).selectivity = 1.0;
        return pg_sys::Datum::from(request);
    }
    pg_sys::Datum::from(0)
}

/// `docstore.@=`'s strategy number in `docstore.jsonb_match_ops`.
const MATCH_STRATEGY: i16 = 20;
/// The leakproof `docstore.@>`'s and `docstore.@@`'s (0.3.2).
const LEAKPROOF_CONTAINS_STRATEGY: i16 = 21;
const LEAKPROOF_PATH_MATCH_STRATEGY: i16 = 22;
/// `@>`'s and `@@`'s strategy numbers in `jsonb_path_ops` (`JsonbContainsStrategyNumber`,
/// `JsonbJsonpathPredicateStrategyNumber`).
const CONTAINS_STRATEGY: i16 = 7;
const PATH_MATCH_STRATEGY: i16 = 16;

/// Reads docstore's strategy numbers as `jsonb_path_ops`' in argument `n` of a GIN support
/// call: `@=` and `docstore.@>` as `@>`, `docstore.@@` as `@@`.
unsafe fn as_contains(fcinfo: pg_sys::FunctionCallInfo, n: usize) {
    let args = (*fcinfo).args.as_mut_slice(n + 1);
    let strategy = match args[n].value.value() as i16 {
        MATCH_STRATEGY | LEAKPROOF_CONTAINS_STRATEGY => CONTAINS_STRATEGY,
        LEAKPROOF_PATH_MATCH_STRATEGY => PATH_MATCH_STRATEGY,
        _ => return,
    };
    args[n].value = pg_sys::Datum::from(strategy);
}

function_info_v1!(pg_finfo_docstore_jsonb_path_match);
/// `docstore.jsonb_path_match(data jsonb, path jsonpath) RETURNS boolean` (STRICT, LEAKPROOF),
/// the function of `docstore.@@`: PostgreSQL's `@@` (`jsonb_path_match_opr`, silent mode), for a
/// path that cannot raise an error depending on the document
/// ([`docstore_core::filter::is_leakproof`]: no `like_regex`, no variable). Any other path is an
/// ERROR (22023) before any document is looked at, whatever the documents hold: so the function
/// tells nothing about rows a policy hides, and PostgreSQL may run it (and the GIN index) before
/// the policy. The check runs once per path a call site sees (kept in `fn_extra`).
#[pg_guard]
#[no_mangle]
pub unsafe extern "C-unwind" fn docstore_jsonb_path_match(
    fcinfo: pg_sys::FunctionCallInfo,
) -> pg_sys::Datum {
    let path = (*fcinfo).args.as_slice(2)[1].value;
    let flinfo = (*fcinfo).flinfo;
    let varlena = pg_sys::pg_detoast_datum_packed(path.cast_mut_ptr());
    let bytes =
        std::slice::from_raw_parts(varlena as *const u8, pgrx::varlena::varsize_any(varlena));
    // fn_extra: the last path checked (its length, then its bytes), in fn_mcxt.
    let cached = (*flinfo).fn_extra as *const usize;
    let seen = !cached.is_null() && {
        let len = *cached;
        len == bytes.len() && std::slice::from_raw_parts(cached.add(1) as *const u8, len) == bytes
    };
    if !seen {
        let text = pgrx::direct_function_call_as_datum(pg_sys::jsonpath_out, &[Some(path)])
            .expect("jsonpath_out returns a string");
        let text = std::ffi::CStr::from_ptr(text.cast_mut_ptr::<std::ffi::c_char>());
        if !docstore_core::filter::is_leakproof(&text.to_string_lossy()) {
            pgrx::ereport!(
                ERROR,
                PgSqlErrorCode::ERRCODE_INVALID_PARAMETER_VALUE,
                "docstore.@@ takes no like_regex and no variables",
                "Use PostgreSQL's @@ (OPERATOR(pg_catalog.@@)) for such a path."
            );
        }
        let memory = pg_sys::MemoryContextAlloc(
            (*flinfo).fn_mcxt,
            std::mem::size_of::<usize>() + bytes.len(),
        ) as *mut usize;
        *memory = bytes.len();
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), memory.add(1) as *mut u8, bytes.len());
        (*flinfo).fn_extra = memory.cast();
    }
    pg_sys::jsonb_path_match_opr(fcinfo)
}

function_info_v1!(pg_finfo_docstore_gin_extract_query);
/// GIN support function 3 of `docstore.jsonb_match_ops` (extractQuery): PostgreSQL's
/// `gin_extract_jsonb_query_path`, `@=` searched as `@>`.
#[pg_guard]
#[no_mangle]
pub unsafe extern "C-unwind" fn docstore_gin_extract_query(
    fcinfo: pg_sys::FunctionCallInfo,
) -> pg_sys::Datum {
    as_contains(fcinfo, 2);
    pg_sys::gin_extract_jsonb_query_path(fcinfo)
}

function_info_v1!(pg_finfo_docstore_gin_consistent);
/// GIN support function 4 of `docstore.jsonb_match_ops` (consistent): PostgreSQL's
/// `gin_consistent_jsonb_path`, `@=` checked as `@>` (every entry present, recheck).
#[pg_guard]
#[no_mangle]
pub unsafe extern "C-unwind" fn docstore_gin_consistent(
    fcinfo: pg_sys::FunctionCallInfo,
) -> pg_sys::Datum {
    as_contains(fcinfo, 1);
    pg_sys::gin_consistent_jsonb_path(fcinfo)
}

function_info_v1!(pg_finfo_docstore_gin_triconsistent);
/// GIN support function 6 of `docstore.jsonb_match_ops` (triConsistent): PostgreSQL's
/// `gin_triconsistent_jsonb_path`, `@=` as `@>`.
#[pg_guard]
#[no_mangle]
pub unsafe extern "C-unwind" fn docstore_gin_triconsistent(
    fcinfo: pg_sys::FunctionCallInfo,
) -> pg_sys::Datum {
    as_contains(fcinfo, 1);
    pg_sys::gin_triconsistent_jsonb_path(fcinfo)
}

function_info_v1!(pg_finfo_docstore_match_eq_sel);
/// `docstore.match_eq_sel(internal, oid, internal, integer) RETURNS float8`: the restriction
/// estimator of `@=`. PostgreSQL's `matchingsel` runs the operator over the column's statistics
/// sample — which holds documents of every collection, and which PostgreSQL lets a leakproof
/// operator see even for a role under row-level security. A reader of one collection could then
/// learn, from the estimates of `docstore_explain` or `EXPLAIN`, which values other collections
/// hold. So where the planner would not show that role the statistics (`acl_ok` false: the
/// table is under row-level security for it, or it lacks the privilege), the estimate is a
/// fixed one that tells nothing of the data: about ten rows of the table (the same for every
/// value and every collection).
#[pg_guard]
#[no_mangle]
pub unsafe extern "C-unwind" fn docstore_match_eq_sel(
    fcinfo: pg_sys::FunctionCallInfo,
) -> pg_sys::Datum {
    let args = (*fcinfo).args.as_slice(4);
    let root = args[0].value.cast_mut_ptr::<pg_sys::PlannerInfo>();
    let operands = args[2].value.cast_mut_ptr::<pg_sys::List>();
    let var_relid = args[3].value.value() as i32;
    let mut vardata = pg_sys::VariableStatData::default();
    let mut other: *mut pg_sys::Node = std::ptr::null_mut();
    let mut on_left = false;
    let found = pg_sys::get_restriction_variable(
        root,
        operands,
        var_relid,
        &mut vardata,
        &mut other,
        &mut on_left,
    );
    let visible = found && vardata.acl_ok;
    // Without the statistics: a selective match (about ten rows, from the table's size, which
    // pg_class shows everyone). matchingsel's default (1%) would have the planner walk the
    // collection index to a LIMIT, testing row after row, where the GIN index finds the few
    // matches at once (a reader of 1M documents: 77 ms instead of 2 ms for an equality).
    let rows = if found && !vardata.rel.is_null() {
        (*vardata.rel).tuples
    } else {
        0.0
    };
    if found {
        // ReleaseVariableStats (a macro in selfuncs.h).
        if !vardata.statsTuple.is_null() {
            if let Some(free) = vardata.freefunc {
                free(vardata.statsTuple);
            }
        }
    }
    if !visible {
        let selectivity = if rows > 10.0 {
            (10.0 / rows).min(pg_sys::DEFAULT_MATCHING_SEL)
        } else {
            pg_sys::DEFAULT_MATCHING_SEL
        };
        return pgrx::IntoDatum::into_datum(selectivity).expect("a float8 datum");
    }
    pg_sys::matchingsel(fcinfo)
}
