//! Per-collection options: `docstore_configure`, `docstore_collection_options`, and the
//! per-backend cache of them that the trigger consults on every write.

use std::cell::RefCell;
use std::collections::HashMap;

use docstore_core::collections::{self, Options};
use docstore_core::{args, Error};
use pgrx::prelude::*;
use pgrx::{pg_sys, IntoDatum};

use crate::jsonb::Json;

use crate::error::OrRaise;
use crate::store::{self, Source, Statement};

thread_local! {
    /// Collection → its options. Cleared on every relcache invalidation: `docstore_configure`
    /// invalidates docstore.documents in every backend when it commits.
    static OPTIONS: RefCell<HashMap<String, Options>> = RefCell::new(HashMap::new());
}

/// Registers the cache's invalidation; called once per backend from `_PG_init`.
pub fn init() {
    unsafe extern "C-unwind" fn invalidate(_arg: pg_sys::Datum, _relid: pg_sys::Oid) {
        OPTIONS.with(|cache| cache.borrow_mut().clear());
    }
    unsafe { pg_sys::CacheRegisterRelcacheCallback(Some(invalidate), pg_sys::Datum::from(0)) };
}

/// The options of `collection` (both off for a collection never configured), for the triggers:
/// read with the storage owner's rights, so that every role's writes see the same options
/// whatever row-level security shows the role of `docstore.collections`.
pub fn options(owner: pg_sys::Oid, collection: &str) -> Options {
    if let Some(options) = OPTIONS.with(|c| c.borrow().get(collection).copied()) {
        return options;
    }
    // A database whose docstore SQL predates the options (0.1.0, before ALTER EXTENSION
    // UPDATE) has no docstore.collections: nothing is configured there.
    let options = if crate::compat::has_collection_options() {
        store::as_role(owner, || stored(collection)).unwrap_or_default()
    } else {
        Options::default()
    };
    OPTIONS.with(|c| c.borrow_mut().insert(collection.to_string(), options));
    options
}

/// `docstore_configure(collection text, options jsonb) RETURNS jsonb`: sets the options given,
/// keeps the others, returns them all.
#[pg_extern(volatile, parallel_unsafe)]
fn docstore_configure(collection: Option<&str>, options: Option<Json>) -> Json {
    const NAME: &str = "docstore_configure";
    let collection = args::collection(collection).or_raise(NAME);
    let options = args::required("options", options).or_raise(NAME);
    let serde_json::Value::Object(object) = &options.0 else {
        Err(Error::NotAnObject {
            argument: "options",
            found: docstore_core::JsonKind::of(&options.0),
        })
        .or_raise(NAME)
    };
    let settings = collections::parse(object).or_raise(NAME);
    let current = stored(collection).unwrap_or_default();
    let new = current.with(settings);
    Spi::run_with_args(
        "INSERT INTO docstore.collections AS c (name, history, changes) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET history = EXCLUDED.history, changes = EXCLUDED.changes",
        &[collection.into(), new.history.into(), new.changes.into()],
    )
    .unwrap_or_else(|e| panic!("writing docstore.collections failed: {e}"));
    forget(collection);
    Json(new.to_json())
}

/// `docstore_collection_options(collection text) RETURNS jsonb`: every option with its value.
#[pg_extern(stable, parallel_safe)]
fn docstore_collection_options(collection: Option<&str>) -> Json {
    const NAME: &str = "docstore_collection_options";
    let collection = args::collection(collection).or_raise(NAME);
    Json(stored(collection).unwrap_or_default().to_json())
}

/// Removes the history and the options of `collection` (`docstore_delete_collection(…, purge
/// => true)`); the change feed keeps what it recorded until it is trimmed.
pub fn purge(collection: &str) {
    Spi::run_with_args(
        "DELETE FROM docstore.history WHERE collection OPERATOR(pg_catalog.=) $1",
        &[collection.into()],
    )
    .and_then(|()| {
        Spi::run_with_args(
            "DELETE FROM docstore.collections WHERE name OPERATOR(pg_catalog.=) $1",
            &[collection.into()],
        )
    })
    .unwrap_or_else(|e| panic!("purging collection failed: {e}"));
    forget(collection);
}

/// The options stored for `collection`, read now (not from the cache).
fn stored(collection: &str) -> Option<Options> {
    let name = collection.into_datum().expect("text has a datum");
    // SAFETY: the datum is a text, as the statement declares.
    unsafe { store::value(Source::Fixed(Statement::Options), &[name]) }
        .map(|bits| Options::from_bits(bits.value() as i32))
}

/// After a change of `collection`'s options: this backend forgets them now, every backend when
/// the transaction commits (a relcache invalidation of docstore.documents).
fn forget(collection: &str) {
    let documents = store::relation(c"documents").expect("docstore.documents exists");
    // SAFETY: a relation's oid.
    unsafe { pg_sys::CacheInvalidateRelcacheByRelid(documents) };
    OPTIONS.with(|c| c.borrow_mut().remove(collection));
}
