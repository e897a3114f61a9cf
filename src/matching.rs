//! `docstore.match_eq(data jsonb, filter jsonb)`: the per-row test of the commonest filter,
//! top-level keys equal to scalars (`{"status": "active", "group": 17}`), on the binary jsonb.
//!
//! The compiler states such a filter twice: `docstore.match_eq(data, $f) AND data @@ $path`.
//! The path predicate is what the GIN index serves; `match_eq` is exactly as strict and costs
//! about what `@>` costs per row (a key lookup and a scalar comparison), where evaluating the
//! SQL/JSON path costs nearly twice that. It comes first among the row's conditions (the
//! planner keeps the written order of equally costly ones), so a row that fails it — every row
//! but the matches, when a plan walks the collection in id order — never runs the path. Its
//! planner support function reports a selectivity of 1: the path predicate beside it already
//! accounts for the filter, so plans are the ones the path alone would get.
//!
//! MongoDB's rule: the value at the key equals the scalar, or is an array with an element equal
//! to it (one level; numbers by value, as jsonb compares them).

use std::cell::Cell;

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
/// The planner support function of `docstore.match_eq`: selectivity 1 (the path predicate that
/// always stands beside it carries the estimate).
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

thread_local! {
    /// Whether `docstore.match_eq` was found in this backend (once found, it stays).
    static AVAILABLE: Cell<bool> = const { Cell::new(false) };
}

/// Whether the database has `docstore.match_eq`: not between installing a newer library and
/// `ALTER EXTENSION docstore UPDATE` of a database made by docstore 0.1.0. A catalog lookup
/// until it is found, then free.
pub fn available() -> bool {
    if AVAILABLE.get() {
        return true;
    }
    let found = Spi::get_one::<bool>(
        "SELECT to_regprocedure('docstore.match_eq(jsonb, jsonb)') IS NOT NULL",
    )
    .ok()
    .flatten()
    .unwrap_or(false);
    AVAILABLE.set(found);
    found
}
