//! Datums and Rust values: jsonb to `serde_json` and back, and the datum of every kind of
//! parameter the compilers bind (`docstore_core::sql::Param`). Used by the SQL face and the
//! statement layer alike; depends on neither.

use std::ffi::{CStr, CString};

use docstore_core::sql::Param;
use docstore_core::Error;
use pgrx::{direct_function_call, direct_function_call_as_datum, pg_sys, IntoDatum};

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

pub fn jsonpath_datum(text: &str) -> pg_sys::Datum {
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
pub fn shown(param: &Param) -> serde_json::Value {
    match param {
        Param::JsonPath(text) | Param::Text(text) | Param::Uuid(text) => {
            serde_json::Value::from(text.as_str())
        }
        Param::Jsonb(value) => value.clone(),
        Param::Numeric(text) => serde_json::from_str(text).unwrap_or(serde_json::Value::Null),
        Param::Count(n) => serde_json::Value::from(*n),
    }
}
