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

/// A jsonb argument or result of a `#[pg_extern]` function, parsed into `serde_json`.
///
/// pgrx's own `JsonB` panics (SQLSTATE XX000) on a value nested deeper than `serde_json`'s
/// recursion limit (128); this reports it as [`Error::TooDeep`] (22023) instead. Deeper values
/// are not parsed into Rust at all: recursion without a limit could overflow the stack.
pub struct Json(pub serde_json::Value);

impl pgrx::FromDatum for Json {
    unsafe fn from_polymorphic_datum(
        datum: pg_sys::Datum,
        is_null: bool,
        _: pg_sys::Oid,
    ) -> Option<Json> {
        (!is_null).then(|| Json(crate::datum::to_json(datum, "docstore")))
    }
}

impl pgrx::IntoDatum for Json {
    fn into_datum(self) -> Option<pg_sys::Datum> {
        Some(crate::datum::jsonb_datum(&self.0))
    }

    fn type_oid() -> pg_sys::Oid {
        pg_sys::JSONBOID
    }
}

// SAFETY: as pgrx's own impls for JsonB: the argument is unboxed through FromDatum, the result
// boxed through IntoDatum.
unsafe impl<'fcx> pgrx::callconv::ArgAbi<'fcx> for Json {
    unsafe fn unbox_arg_unchecked(arg: pgrx::callconv::Arg<'_, 'fcx>) -> Self {
        let index = arg.index();
        arg.unbox_arg_using_from_datum()
            .unwrap_or_else(|| panic!("argument {index} must not be null"))
    }

    unsafe fn unbox_nullable_arg(
        arg: pgrx::callconv::Arg<'_, 'fcx>,
    ) -> pgrx::nullable::Nullable<Self> {
        arg.unbox_arg_using_from_datum().into()
    }
}

unsafe impl pgrx::callconv::BoxRet for Json {
    unsafe fn box_into<'fcx>(
        self,
        fcinfo: &mut pgrx::callconv::FcInfo<'fcx>,
    ) -> pgrx::datum::Datum<'fcx> {
        match pgrx::IntoDatum::into_datum(self) {
            Some(datum) => fcinfo.return_raw_datum(datum),
            None => fcinfo.return_null(),
        }
    }
}

// SAFETY: the SQL type is jsonb, which the conversions above read and write.
unsafe impl pgrx::pgrx_sql_entity_graph::metadata::SqlTranslatable for Json {
    const TYPE_IDENT: &'static str = pgrx::pgrx_resolved_type!(Json);
    const TYPE_ORIGIN: pgrx::pgrx_sql_entity_graph::metadata::TypeOrigin =
        pgrx::pgrx_sql_entity_graph::metadata::TypeOrigin::External;
    const ARGUMENT_SQL: Result<
        pgrx::pgrx_sql_entity_graph::metadata::SqlMappingRef,
        pgrx::pgrx_sql_entity_graph::metadata::ArgumentError,
    > = Ok(pgrx::pgrx_sql_entity_graph::metadata::SqlMappingRef::literal("jsonb"));
    const RETURN_SQL: Result<
        pgrx::pgrx_sql_entity_graph::metadata::ReturnsRef,
        pgrx::pgrx_sql_entity_graph::metadata::ReturnsError,
    > = Ok(pgrx::pgrx_sql_entity_graph::metadata::ReturnsRef::One(
        pgrx::pgrx_sql_entity_graph::metadata::SqlMappingRef::literal("jsonb"),
    ));
}
