//! One place for the library running against older docstore SQL: between installing a new
//! docstore library and `ALTER EXTENSION docstore UPDATE`, a database keeps the SQL of its
//! release (0.1.0 on), and every call must still work there. What the SQL has is looked up in
//! the catalog (once it has the newest, never again) and the compilers and the storage layer
//! write only what it has:
//! - top-level equalities: `docstore.@=` (0.3.0), `docstore.match_eq` (0.2.0), or the path
//!   predicate alone (0.1.0) — [`equalities`];
//! - path predicates and containment: the leakproof `docstore.@@`/`docstore.@>` (0.3.2) or
//!   PostgreSQL's — [`operators`];
//! - collection options: `docstore.collections` (0.2.0) or none — [`has_collection_options`].

use std::cell::Cell;

use docstore_core::filter::{Equalities, Operators};
use pgrx::prelude::*;

thread_local! {
    /// What this backend found of the helpers (once found, they stay): bit 0 `match_eq`
    /// (docstore 0.2.0's SQL), bit 1 the operator `@=` (0.3.0), bit 2 the leakproof
    /// `docstore.@@` and `docstore.@>` (0.3.2).
    static FOUND: Cell<u8> = const { Cell::new(0) };
}

/// The helpers the database's docstore SQL has (see [`FOUND`]): a catalog lookup until the
/// newest are found, then free.
fn found() -> u8 {
    let mut found = FOUND.get();
    if found & 4 == 0 {
        found = Spi::get_one::<i32>(
            "SELECT (pg_catalog.to_regprocedure('docstore.match_eq(pg_catalog.jsonb, pg_catalog.jsonb)')
                     IS NOT NULL)::int
                  OPERATOR(pg_catalog.|) ((pg_catalog.to_regoperator(
                     'docstore.@=(pg_catalog.jsonb, pg_catalog.jsonb)') IS NOT NULL)::int OPERATOR(pg_catalog.<<) 1)
                  OPERATOR(pg_catalog.|) ((pg_catalog.to_regoperator(
                     'docstore.@@(pg_catalog.jsonb, pg_catalog.jsonpath)') IS NOT NULL)::int OPERATOR(pg_catalog.<<) 2)",
        )
        .ok()
        .flatten()
        .unwrap_or(0) as u8;
        FOUND.set(found);
    }
    found
}

/// How the database's docstore SQL lets top-level equalities be stated (see
/// [`Equalities`]): the operator since 0.3.0; before, `match_eq` as a per-row test where the
/// statement is `limited`; the path predicate alone on 0.1.0 (a newer library runs against the
/// old SQL between installing it and `ALTER EXTENSION docstore UPDATE`).
pub fn equalities(limited: bool) -> Equalities {
    let found = found();
    if found & 2 != 0 {
        Equalities::Operator
    } else if limited && found & 1 != 0 {
        Equalities::RowTest
    } else {
        Equalities::Path
    }
}

/// The operators path predicates and containment on `data` are written with: docstore's
/// leakproof ones where the SQL has them (0.3.2), else PostgreSQL's.
pub fn operators() -> Operators {
    if found() & 4 != 0 {
        Operators::LEAKPROOF
    } else {
        Operators::CATALOG
    }
}

/// Whether the database's SQL has `docstore.collections` (0.2.0 on; catalog-cache lookups, only
/// on a cache miss of the caller).
pub fn has_collection_options() -> bool {
    crate::store::relation(c"collections").is_some()
}
