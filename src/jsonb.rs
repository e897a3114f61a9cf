//! jsonb arguments as datums: their shape is read from the binary header, never parsed.

use docstore_core::{jsonb_shape, Error, JsonKind};
use pgrx::pg_sys;

/// The first bytes (at most 8) of a jsonb datum's payload: enough for its root header and, for
/// a scalar, its one entry. Detoasts at most the datum itself; argument datums are normally
/// plain in-memory values, so this is a pointer read.
///
/// # Safety
/// `datum` must be a valid, non-null jsonb datum that outlives the returned slice.
unsafe fn head<'a>(datum: pg_sys::Datum) -> &'a [u8] {
    let varlena = pg_sys::pg_detoast_datum_packed(datum.cast_mut_ptr());
    let len = pgrx::varlena::varsize_any_exhdr(varlena);
    let data = pgrx::varlena::vardata_any(varlena) as *const u8;
    std::slice::from_raw_parts(data, len.min(8))
}

/// The top-level kind of a jsonb datum.
///
/// # Safety
/// `datum` must be a valid, non-null jsonb datum.
pub unsafe fn kind(datum: pg_sys::Datum) -> JsonKind {
    jsonb_shape::classify(head(datum)).expect("a jsonb datum always has a valid root header")
}

/// Whether a jsonb datum is `{}`, which every document contains.
///
/// # Safety
/// `datum` must be a valid, non-null jsonb datum.
pub unsafe fn is_empty_object(datum: pg_sys::Datum) -> bool {
    jsonb_shape::is_empty_object(head(datum))
}

/// The datum, if it holds a JSON object; otherwise the error naming `argument`.
///
/// # Safety
/// `datum`, when present, must be a valid jsonb datum.
pub unsafe fn object(
    argument: &'static str,
    datum: Option<pg_sys::Datum>,
) -> Result<pg_sys::Datum, Error> {
    let datum = docstore_core::args::required(argument, datum)?;
    match kind(datum) {
        JsonKind::Object => Ok(datum),
        found => Err(Error::NotAnObject { argument, found }),
    }
}
