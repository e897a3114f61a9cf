//! The version trigger: `BEFORE UPDATE … FOR EACH ROW` on `docstore.documents`.
//!
//! Every update path (the docstore functions and plain `UPDATE docstore.documents …` alike) gets
//! `version = OLD.version + 1` and `updated_at = now()`, whatever the statement set them to, and
//! may not change the columns that identify a document. It works on the tuple directly: one
//! `heap_modify_tuple_by_cols` copy, no document parsed.

use pgrx::prelude::*;

#[pg_schema]
mod docstore {
    use docstore_core::Error;
    use pgrx::prelude::*;
    use pgrx::{pg_sys, PgSqlErrorCode, PgTupleDesc};
    use std::ffi::CStr;

    use crate::error::raise;

    const NAME: &str = "docstore.version_bump";

    /// The columns an update may not change.
    const IMMUTABLE: [(&CStr, &str); 3] = [
        (c"id", "id"),
        (c"collection", "collection"),
        (c"created_at", "created_at"),
    ];

    extern "C-unwind" {
        // utils/datum.h, not in pgrx's bindings: equality of the values' binary images,
        // detoasting varlenas first. Exact for uuid, text and timestamptz. Called through
        // pg_guard_ffi_boundary.
        fn datum_image_eq(a: pg_sys::Datum, b: pg_sys::Datum, byval: bool, len: i32) -> bool;
    }

    #[pg_trigger]
    fn version_bump<'a>(
        trigger: &'a PgTrigger<'a>,
    ) -> Result<Option<PgHeapTuple<'a, AllocatedByPostgres>>, std::convert::Infallible> {
        let data = trigger.trigger_data();
        let event = data.tg_event;
        if !(pgrx::trigger_support::trigger_fired_by_update(event)
            && pgrx::trigger_support::trigger_fired_for_row(event)
            && pgrx::trigger_support::trigger_fired_before(event))
        {
            ereport!(
                ERROR,
                PgSqlErrorCode::ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED,
                "docstore.version_bump must be fired BEFORE UPDATE FOR EACH ROW"
            );
        }
        // SAFETY: a row-level UPDATE trigger has a relation and both tuples.
        unsafe {
            let tupdesc = (*data.tg_relation).rd_att;
            let old = data.tg_trigtuple;
            let new = data.tg_newtuple;

            for (column, name) in IMMUTABLE {
                let attno = attno(tupdesc, column);
                if !same(tupdesc, old, new, attno) {
                    raise(Error::ImmutableColumn { column: name }, NAME);
                }
            }

            let version_attno = attno(tupdesc, c"version");
            let updated_at_attno = attno(tupdesc, c"updated_at");
            let mut isnull = false;
            let old_version =
                pg_sys::heap_getattr(old, version_attno, tupdesc, &mut isnull).value() as i32;
            let version = if isnull {
                Some(1)
            } else {
                old_version.checked_add(1)
            };
            let Some(version) = version else {
                raise(Error::VersionAtMaximum, NAME)
            };

            let mut columns = [version_attno, updated_at_attno];
            let mut values = [
                pg_sys::Datum::from(version),
                pg_sys::Datum::from(pg_sys::GetCurrentTransactionStartTimestamp()),
            ];
            let mut nulls = [false, false];
            let modified = pg_sys::heap_modify_tuple_by_cols(
                new,
                tupdesc,
                2,
                columns.as_mut_ptr(),
                values.as_mut_ptr(),
                nulls.as_mut_ptr(),
            );
            Ok(Some(PgHeapTuple::from_heap_tuple(
                PgTupleDesc::from_pg_unchecked(tupdesc),
                modified,
            )))
        }
    }

    /// The attribute number of `column`; the table's definition guarantees it exists.
    unsafe fn attno(tupdesc: pg_sys::TupleDesc, column: &CStr) -> i32 {
        let attno = pg_sys::SPI_fnumber(tupdesc, column.as_ptr());
        assert!(attno > 0, "docstore.documents has no column {column:?}");
        attno
    }

    /// Whether column `attno` holds the same value in both tuples.
    unsafe fn same(
        tupdesc: pg_sys::TupleDesc,
        old: pg_sys::HeapTuple,
        new: pg_sys::HeapTuple,
        attno: i32,
    ) -> bool {
        let (mut old_null, mut new_null) = (false, false);
        let a = pg_sys::heap_getattr(old, attno, tupdesc, &mut old_null);
        let b = pg_sys::heap_getattr(new, attno, tupdesc, &mut new_null);
        if old_null || new_null {
            return old_null == new_null;
        }
        let attr = (*tupdesc).attrs.as_slice((*tupdesc).natts as usize)[(attno - 1) as usize];
        pg_sys::ffi::pg_guard_ffi_boundary(|| {
            datum_image_eq(a, b, attr.attbyval, attr.attlen.into())
        })
    }
}
