//! The triggers on `docstore.documents`.
//!
//! - `version_bump`, `BEFORE UPDATE … FOR EACH ROW`: every update path (the docstore functions
//!   and plain `UPDATE docstore.documents …` alike) gets `version = OLD.version + 1` and
//!   `updated_at = now()`, whatever the statement set them to, and may not change the columns
//!   that identify a document. It works on the tuple directly: one `heap_modify_tuple_by_cols`
//!   copy, no document parsed.
//! - `track`, `BEFORE INSERT OR DELETE` and `AFTER INSERT … FOR EACH ROW`: with nothing
//!   configured it only looks the collection up in a per-backend cache. An INSERT carrying a
//!   past `updated_at` (pg_restore, an import) loads an existing document: not recorded.
//!
//! With a collection's `history` option, an update or delete keeps the replaced version in
//! `docstore.history`; with `changes`, every create, update and delete is recorded in
//! `docstore.changes` and `NOTIFY docstore_changes` is sent on commit, with an empty payload (a
//! listener may not be allowed to know which collection changed; `docstore_changes` shows it
//! what it may see). The triggers read the options and write the history and the feed with the
//! rights of the table's owner, as PostgreSQL's foreign-key triggers do: writers have no
//! privilege on those tables, so they cannot forge them. Updates
//! and deletes are recorded in BEFORE triggers, which run with the row locked, so a document's
//! changes are recorded in version order; creates in the AFTER trigger, so an upsert that turns
//! into an update is not recorded as a create.

use pgrx::prelude::*;

#[pg_schema]
mod docstore {
    use docstore_core::Error;
    use pgrx::prelude::*;
    use pgrx::{pg_sys, PgSqlErrorCode, PgTupleDesc};
    use std::ffi::CStr;

    use std::cell::RefCell;

    use crate::collections;
    use crate::error::raise;
    use crate::store::{self, Source, Statement};
    use docstore_core::collections::Options;

    const NAME: &str = "docstore.version_bump";

    thread_local! {
        /// The document `docstore_restore` is about to insert again (collection, id bytes): its
        /// version and created_at come from its history (a writer may not set them itself).
        static RESTORING: RefCell<Option<(String, [u8; 16])>> = const { RefCell::new(None) };
    }

    /// Marks the next insert of document `id` of `collection` as its restore: the insert
    /// trigger gives it the version after its history's newest and its first `created_at`.
    /// Called by `docstore_restore` just before it inserts; a role calling it directly gets
    /// nothing it could not get from `docstore_restore`.
    #[pg_extern(volatile, parallel_unsafe, strict)]
    fn restoring(collection: &str, id: pgrx::Uuid) {
        RESTORING.with(|r| *r.borrow_mut() = Some((collection.to_string(), *id.as_bytes())));
    }

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
        // commands/async.h, not in pgrx's bindings: NOTIFY channel, payload (sent on commit,
        // duplicates within a transaction folded into one).
        fn Async_Notify(channel: *const std::ffi::c_char, payload: *const std::ffi::c_char);
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

            let now = pg_sys::GetCurrentTransactionStartTimestamp();
            let owner = (*(*data.tg_relation).rd_rel).relowner;
            let options = configured(owner, tupdesc, old);
            if options != Options::default() {
                let row = Row::read(tupdesc, old);
                store::as_role(owner, || {
                    if options.history {
                        row.keep("update");
                    }
                    if options.changes {
                        record(&row, "update", version, Some(column(tupdesc, new, c"data")));
                    }
                });
            }

            Ok(Some(with_values(
                tupdesc,
                new,
                [version_attno, updated_at_attno],
                [pg_sys::Datum::from(version), pg_sys::Datum::from(now)],
            )))
        }
    }

    /// The history and change-feed trigger: `BEFORE INSERT OR DELETE` and `AFTER INSERT`,
    /// `FOR EACH ROW`.
    #[pg_trigger]
    fn track<'a>(
        trigger: &'a PgTrigger<'a>,
    ) -> Result<Option<PgHeapTuple<'a, AllocatedByPostgres>>, std::convert::Infallible> {
        use pgrx::trigger_support::{
            trigger_fired_before, trigger_fired_by_delete, trigger_fired_by_insert,
            trigger_fired_for_row,
        };
        let data = trigger.trigger_data();
        let event = data.tg_event;
        let (insert, before) = (trigger_fired_by_insert(event), trigger_fired_before(event));
        if !(trigger_fired_for_row(event) && (insert || (trigger_fired_by_delete(event) && before)))
        {
            ereport!(
                ERROR,
                PgSqlErrorCode::ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED,
                "docstore.track must be fired FOR EACH ROW, BEFORE INSERT OR DELETE or AFTER INSERT"
            );
        }
        // SAFETY: a row-level INSERT or DELETE trigger has a relation and the row.
        unsafe {
            let tupdesc = (*data.tg_relation).rd_att;
            let owner = (*(*data.tg_relation).rd_rel).relowner;
            let tuple = data.tg_trigtuple;
            // A BEFORE trigger returns the row to write; an AFTER trigger's result is ignored.
            let unchanged = || {
                before.then(|| {
                    PgHeapTuple::from_heap_tuple(PgTupleDesc::from_pg_unchecked(tupdesc), tuple)
                })
            };
            // With nothing configured, the collection's name is all this trigger reads (and, on
            // insert, whether docstore_restore marked this document).
            let options = configured(owner, tupdesc, tuple);
            let restoring = insert && before && restored(tupdesc, tuple);
            if options == Options::default() && !restoring {
                return Ok(unchanged());
            }
            let row = Row::read(tupdesc, tuple);
            // An INSERT that brings a past updated_at loads a document that was written before
            // (pg_restore, an import): it keeps its version and is not a new change. Writes
            // happening now (docstore_create, docstore_restore, a plain INSERT with the default
            // times) are.
            if insert
                && (row.updated_at.value() as i64) < pg_sys::GetCurrentTransactionStartTimestamp()
            {
                return Ok(unchanged());
            }
            if !insert {
                // BEFORE DELETE
                store::as_role(owner, || {
                    if options.history {
                        row.keep("delete");
                    }
                    if options.changes {
                        record(&row, "delete", row.version, None);
                    }
                });
                return Ok(unchanged());
            }
            if !before {
                // AFTER INSERT
                if options.changes {
                    store::as_role(owner, || {
                        record(&row, "create", row.version, Some(row.data))
                    });
                }
                return Ok(None);
            }
            // BEFORE INSERT: an id that had versions before (deleted, now created again or
            // restored) continues its version numbers, so its history stays one line; a
            // restored document also gets back its created_at.
            if options.history || restoring {
                let params = [row.collection, row.id];
                let (next, created_at) = store::as_role(owner, || {
                    let next = store::value(Source::Fixed(Statement::NextVersion), &params);
                    let created = restoring
                        .then(|| store::value(Source::Fixed(Statement::CreatedAt), &params))
                        .flatten();
                    (next, created)
                });
                let version = next
                    .map(|n| n.value() as i32)
                    .filter(|n| *n > row.version)
                    .map(|n| (attno(tupdesc, c"version"), pg_sys::Datum::from(n)));
                let created_at = created_at.map(|c| (attno(tupdesc, c"created_at"), c));
                return Ok(match (version, created_at) {
                    (Some(a), Some(b)) => Some(with_values(tupdesc, tuple, [a.0, b.0], [a.1, b.1])),
                    (Some(a), None) | (None, Some(a)) => {
                        Some(with_values(tupdesc, tuple, [a.0], [a.1]))
                    }
                    (None, None) => unchanged(),
                });
            }
            Ok(unchanged())
        }
    }

    /// The columns of a stored document, as datums of its tuple.
    struct Row {
        collection: pg_sys::Datum,
        id: pg_sys::Datum,
        data: pg_sys::Datum,
        created_at: pg_sys::Datum,
        updated_at: pg_sys::Datum,
        version: i32,
    }

    impl Row {
        /// Reads the row's columns (all NOT NULL in the table).
        unsafe fn read(tupdesc: pg_sys::TupleDesc, tuple: pg_sys::HeapTuple) -> Row {
            let get = |name: &CStr| column(tupdesc, tuple, name);
            Row {
                collection: get(c"collection"),
                id: get(c"id"),
                data: get(c"data"),
                created_at: get(c"created_at"),
                updated_at: get(c"updated_at"),
                version: get(c"version").value() as i32,
            }
        }

        /// Keeps this version in `docstore.history`, ended now by `operation`.
        unsafe fn keep(&self, operation: &str) {
            store::processed(
                Source::Fixed(Statement::RecordHistory),
                &[
                    self.collection,
                    self.id,
                    pg_sys::Datum::from(self.version),
                    self.data,
                    self.created_at,
                    self.updated_at,
                    datum(operation),
                ],
            );
        }
    }

    /// Records a write in `docstore.changes` and queues the commit-time notification.
    unsafe fn record(row: &Row, op: &str, version: i32, data: Option<pg_sys::Datum>) {
        match data {
            Some(data) => store::processed(
                Source::Fixed(Statement::RecordChange),
                &[
                    row.collection,
                    row.id,
                    datum(op),
                    pg_sys::Datum::from(version),
                    data,
                ],
            ),
            None => store::processed(
                Source::Fixed(Statement::RecordDeletion),
                &[row.collection, row.id, pg_sys::Datum::from(version)],
            ),
        };
        // No payload: anyone may LISTEN, and the collection's name is not everyone's to know.
        pg_sys::ffi::pg_guard_ffi_boundary(|| {
            Async_Notify(c"docstore_changes".as_ptr(), c"".as_ptr())
        });
    }

    /// A copy of `tuple` with `columns` set to `values` (none NULL): the row a BEFORE trigger
    /// returns in place of the one it was given.
    unsafe fn with_values<'a, const N: usize>(
        tupdesc: pg_sys::TupleDesc,
        tuple: pg_sys::HeapTuple,
        mut columns: [i32; N],
        mut values: [pg_sys::Datum; N],
    ) -> PgHeapTuple<'a, AllocatedByPostgres> {
        let mut nulls = [false; N];
        let modified = pg_sys::heap_modify_tuple_by_cols(
            tuple,
            tupdesc,
            N as i32,
            columns.as_mut_ptr(),
            values.as_mut_ptr(),
            nulls.as_mut_ptr(),
        );
        PgHeapTuple::from_heap_tuple(PgTupleDesc::from_pg_unchecked(tupdesc), modified)
    }

    /// Column `name` of a document's tuple (every column is NOT NULL).
    unsafe fn column(
        tupdesc: pg_sys::TupleDesc,
        tuple: pg_sys::HeapTuple,
        name: &CStr,
    ) -> pg_sys::Datum {
        let mut isnull = false;
        let value = pg_sys::heap_getattr(tuple, attno(tupdesc, name), tupdesc, &mut isnull);
        assert!(!isnull, "docstore.documents.{name:?} is NOT NULL");
        value
    }

    /// The options of the collection a document's tuple belongs to.
    unsafe fn configured(
        owner: pg_sys::Oid,
        tupdesc: pg_sys::TupleDesc,
        tuple: pg_sys::HeapTuple,
    ) -> Options {
        collections::options(owner, text_str(column(tupdesc, tuple, c"collection")))
    }

    /// Whether `docstore_restore` marked this document (and forgets the mark).
    unsafe fn restored(tupdesc: pg_sys::TupleDesc, tuple: pg_sys::HeapTuple) -> bool {
        if RESTORING.with(|r| r.borrow().is_none()) {
            return false;
        }
        let collection = text_str(column(tupdesc, tuple, c"collection"));
        let id = column(tupdesc, tuple, c"id").cast_mut_ptr::<[u8; 16]>();
        RESTORING.with(|r| {
            let mut marked = r.borrow_mut();
            let hit = marked
                .as_ref()
                .is_some_and(|(c, i)| c == collection && *i == *id);
            if hit {
                *marked = None;
            }
            hit
        })
    }

    fn datum(text: &str) -> pg_sys::Datum {
        text.into_datum().expect("text has a datum")
    }

    /// The string of a text datum (detoasted if need be; lives as long as the tuple).
    unsafe fn text_str<'t>(value: pg_sys::Datum) -> &'t str {
        let varlena = pg_sys::pg_detoast_datum_packed(value.cast_mut_ptr());
        pgrx::varlena::text_to_rust_str_unchecked(varlena)
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
