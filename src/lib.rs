//! docstore: JSON documents in named collections, inside PostgreSQL.
//!
//! - `api`     — the SQL functions (argument checks, then one kept statement)
//! - `query`   — filters: compile (docstore_core::filter) and bind
//! - `store`   — the statements, prepared once per backend, and how their rows come back
//! - `trigger` — the triggers on `docstore.documents`: versions, history, change feed
//! - `collections` — per-collection options (history, changes) and their per-backend cache
//! - `indexes` — per-path indexes and the cache of which paths are indexed
//! - `jsonb`   — shape checks on jsonb datums, without parsing them
//! - `matching` — `docstore.match_eq`, the per-row test of top-level equality filters
//! - `error`   — docstore errors → PostgreSQL errors with SQLSTATEs
//! - `sql/`    — the DDL: schema and row type (`bootstrap.sql`), storage, trigger and the
//!   hand-declared functions (`finalize.sql`)
//!
//! The pure rules (argument checks, JSON shape, error texts) live in `crates/core`.

use pgrx::prelude::*;

/// Declares the version-1 calling convention for a hand-declared C function.
macro_rules! function_info_v1 {
    ($finfo:ident) => {
        #[no_mangle]
        #[doc(hidden)]
        pub extern "C" fn $finfo() -> &'static pg_sys::Pg_finfo_record {
            const V1: pg_sys::Pg_finfo_record = pg_sys::Pg_finfo_record { api_version: 1 };
            &V1
        }
    };
}

mod access;
mod api;
mod collections;
mod compat;
mod datum;
mod error;
mod indexes;
mod jsonb;
mod matching;
mod query;
mod store;
mod trigger;

::pgrx::pg_module_magic!(name, version);

/// Called once per backend when the library loads.
#[pg_guard]
pub extern "C-unwind" fn _PG_init() {
    indexes::init();
    collections::init();
}

extension_sql_file!("../sql/bootstrap.sql", name = "bootstrap", bootstrap);
extension_sql_file!("../sql/finalize.sql", name = "finalize", finalize);

#[cfg(any(test, feature = "pg_test"))]
mod tests;

/// Required by `cargo pgrx test`.
#[cfg(test)]
pub mod pg_test {
    pub fn setup(_options: Vec<&str>) {}

    #[must_use]
    pub fn postgresql_conf_options() -> Vec<&'static str> {
        vec![]
    }
}
