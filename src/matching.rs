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
//! `ALTER EXTENSION docstore UPDATE`.

use std::cell::Cell;

use docstore_core::filter::Equalities;
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
/// `@>`'s strategy number in `jsonb_path_ops` (`JsonbContainsStrategyNumber`).
const CONTAINS_STRATEGY: i16 = 7;

/// Reads `@=`'s strategy number as `@>`'s in argument `n` of a GIN support call.
unsafe fn as_contains(fcinfo: pg_sys::FunctionCallInfo, n: usize) {
    let args = (*fcinfo).args.as_mut_slice(n + 1);
    if args[n].value.value() as i16 == MATCH_STRATEGY {
        args[n].value = pg_sys::Datum::from(CONTAINS_STRATEGY);
    }
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

thread_local! {
    /// What this backend found of the helpers (once found, they stay): bit 0 `match_eq`
    /// (docstore 0.2.0's SQL), bit 1 the operator `@=` (0.3.0).
    static FOUND: Cell<u8> = const { Cell::new(0) };
}

/// How the database's docstore SQL lets top-level equalities be stated (see
/// [`Equalities`]): the operator since 0.3.0; before, `match_eq` as a per-row test where the
/// statement is `limited`; the path predicate alone on 0.1.0 (a newer library runs against the
/// old SQL between installing it and `ALTER EXTENSION docstore UPDATE`). A catalog lookup until
/// the operator is found, then free.
pub fn equalities(limited: bool) -> Equalities {
    let mut found = FOUND.get();
    if found & 2 == 0 {
        found = Spi::get_one::<i32>(
            "SELECT (pg_catalog.to_regprocedure('docstore.match_eq(pg_catalog.jsonb, pg_catalog.jsonb)')
                     IS NOT NULL)::int
                  OPERATOR(pg_catalog.|) ((pg_catalog.to_regoperator(
                     'docstore.@=(pg_catalog.jsonb, pg_catalog.jsonb)') IS NOT NULL)::int OPERATOR(pg_catalog.<<) 1)",
        )
        .ok()
        .flatten()
        .unwrap_or(0) as u8;
        FOUND.set(found);
    }
    if found & 2 != 0 {
        Equalities::Operator
    } else if limited && found & 1 != 0 {
        Equalities::RowTest
    } else {
        Equalities::Path
    }
}

function_info_v1!(pg_finfo_docstore_match_eq_sel);
/// `docstore.match_eq_sel(internal, oid, internal, integer) RETURNS float8`: the restriction
/// estimator of `@=`. PostgreSQL's `matchingsel` runs the operator over the column's statistics
/// sample — which holds documents of every collection, and which PostgreSQL lets a leakproof
/// operator see even for a role under row-level security. A reader of one collection could then
/// learn, from the estimates of `docstore_explain` or `EXPLAIN`, which values other collections
/// hold. So where the planner would not show that role the statistics (`acl_ok` false: the
/// table is under row-level security for it, or it lacks the privilege), the estimate is
/// `matchingsel`'s default, as for an operator the statistics cannot serve.
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
    if found {
        // ReleaseVariableStats (a macro in selfuncs.h).
        if !vardata.statsTuple.is_null() {
            if let Some(free) = vardata.freefunc {
                free(vardata.statsTuple);
            }
        }
    }
    if !visible {
        return pgrx::IntoDatum::into_datum(pg_sys::DEFAULT_MATCHING_SEL).expect("a float8 datum");
    }
    pg_sys::matchingsel(fcinfo)
}
