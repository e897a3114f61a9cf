//! Per-path indexes: `docstore_create_index`, `docstore_drop_index`, and the per-backend cache of
//! which paths of a collection are indexed, which the filter compiler consults.

use std::cell::RefCell;
use std::collections::HashMap;

use docstore_core::filter::Path;
use docstore_core::find::Direction;
use docstore_core::{args, indexes};
use pgrx::prelude::*;
use pgrx::{pg_sys, JsonB};

use crate::error::OrRaise;

thread_local! {
    /// Collection → (the first path of each of its indexes, every path of them). Cleared on
    /// every relcache invalidation: creating or dropping an index invalidates
    /// docstore.documents in every backend, and the catalog row is written in the same
    /// transaction.
    static INDEXED: RefCell<Option<HashMap<String, Indexed>>> = const { RefCell::new(None) };
}

/// Registers the cache's invalidation; called once per backend from `_PG_init`.
pub fn init() {
    unsafe extern "C-unwind" fn invalidate(_arg: pg_sys::Datum, _relid: pg_sys::Oid) {
        INDEXED.with(|cache| cache.borrow_mut().take());
    }
    unsafe { pg_sys::CacheRegisterRelcacheCallback(Some(invalidate), pg_sys::Datum::from(0)) };
}

/// SQL over a row `i` of `docstore.indexes`: its index exists.
const HAS_INDEX: &str =
    "pg_catalog.to_regclass(pg_catalog.format('docstore.%I', i.name)) IS NOT NULL";
/// SQL over a row `i` of `docstore.indexes`: its no-arrays rule (a check constraint) exists.
const HAS_RULE: &str = "EXISTS (SELECT 1 FROM pg_catalog.pg_constraint AS c
                     WHERE c.conrelid OPERATOR(pg_catalog.=) 'docstore.documents'::pg_catalog.regclass
                       AND c.conname OPERATOR(pg_catalog.=) (i.name OPERATOR(pg_catalog.||) '_no_arrays'))";

/// The paths of `collection` that lead an index. Read with the storage owner's rights: which
/// indexes exist is how docstore plans, not something row-level security should hide from it
/// (it hides `docstore.indexes` rows of other collections from a restricted role).
pub fn indexed_paths(collection: &str) -> Vec<Path> {
    indexed(collection).leading
}

/// Every path of `collection`'s indexes: none of them holds an array in the collection (each
/// index's no-arrays rule sees to it).
pub fn array_free_paths(collection: &str) -> Vec<Path> {
    indexed(collection).all
}

#[derive(Clone, Default)]
struct Indexed {
    leading: Vec<Path>,
    all: Vec<Path>,
}

fn indexed(collection: &str) -> Indexed {
    if let Some(paths) =
        INDEXED.with(|c| c.borrow().as_ref().and_then(|m| m.get(collection).cloned()))
    {
        return paths;
    }
    let rows: Vec<JsonB> = crate::store::as_role(crate::store::documents_owner(), || {
        Spi::connect(|client| {
            client
                .select(
                    // Only indexes that exist with their no-arrays rule: pg_dump restores the catalog
                    // rows but not indexes on the extension's table (docstore_rebuild_indexes does).
                    &format!(
                        "SELECT i.keys FROM docstore.indexes AS i
                      WHERE i.collection OPERATOR(pg_catalog.=) $1 AND {HAS_INDEX} AND {HAS_RULE}
                      ORDER BY i.name"
                    ),
                    None,
                    &[collection.into()],
                )?
                .map(|row| row.get::<JsonB>(1).map(|k| k.expect("keys are NOT NULL")))
                .collect::<Result<Vec<_>, _>>()
        })
    })
    .unwrap_or_else(|e| panic!("reading docstore.indexes failed: {e}"));
    let specs: Vec<_> = rows
        .iter()
        .filter_map(|keys| indexes::parse(&keys.0, &serde_json::json!({})).ok())
        .collect();
    let paths = Indexed {
        leading: specs
            .iter()
            .filter_map(|spec| spec.keys.first().map(|(path, _)| path.clone()))
            .collect(),
        all: specs
            .iter()
            .flat_map(|spec| spec.keys.iter().map(|(path, _)| path.clone()))
            .collect(),
    };
    INDEXED.with(|c| {
        c.borrow_mut()
            .get_or_insert_with(HashMap::new)
            .insert(collection.to_string(), paths.clone());
    });
    paths
}

/// `docstore_create_index(collection text, keys jsonb, options jsonb DEFAULT '{}') RETURNS text`
#[pg_extern(volatile, parallel_unsafe)]
fn docstore_create_index(
    collection: Option<&str>,
    keys: Option<crate::jsonb::Json>,
    options: default!(Option<crate::jsonb::Json>, "'{}'"),
) -> String {
    const NAME: &str = "docstore_create_index";
    let collection = args::collection(collection).or_raise(NAME);
    let keys = args::required("keys", keys).or_raise(NAME);
    let options = options.map_or_else(|| serde_json::json!({}), |o| o.0);
    let spec = indexes::parse(&keys.0, &options).or_raise(NAME);
    require_owner(NAME);
    let name = indexes::name(collection, &spec);
    let stored_keys: Vec<serde_json::Value> = spec
        .keys
        .iter()
        .map(|(path, direction)| {
            let direction = if *direction == Direction::Descending {
                -1
            } else {
                1
            };
            serde_json::json!({ path.dotted(): direction })
        })
        .collect();
    let exists = Spi::get_one_with_args::<bool>(
        "SELECT true FROM docstore.indexes WHERE name OPERATOR(pg_catalog.=) $1",
        &[name.as_str().into()],
    );
    if let Ok(Some(true)) = exists {
        let collection = collection.to_string();
        crate::error::raise(
            docstore_core::Error::DuplicateIndex { collection, name },
            NAME,
        );
    }
    Spi::connect_mut(|client| -> Result<(), pgrx::spi::Error> {
        client.update(
            "INSERT INTO docstore.indexes (name, collection, keys, options) VALUES ($1, $2, $3, $4)",
            None,
            &[
                name.as_str().into(),
                collection.into(),
                JsonB(serde_json::Value::Array(stored_keys)).into(),
                JsonB(serde_json::json!({ "unique": spec.unique })).into(),
            ],
        )?;
        make(client, &name, collection, &spec)
    })
    .unwrap_or_else(|e| panic!("docstore_create_index failed: {e}"));
    name
}

/// 42501 unless the caller owns docstore's storage (per-path indexes are the owner's to make).
fn require_owner(function: &'static str) {
    let documents = crate::store::relation(c"documents").expect("docstore.documents exists");
    // SAFETY: an existing relation's oid and the current user.
    if !unsafe { pg_sys::pg_class_ownercheck(documents, pg_sys::GetUserId()) } {
        ereport!(
            ERROR,
            PgSqlErrorCode::ERRCODE_INSUFFICIENT_PRIVILEGE,
            format!("{function}: must be owner of table documents"),
            "per-path indexes are made by the role that owns docstore's storage (who created the extension)"
        );
    }
}

/// Makes the index and its no-arrays rule. The rule is added as the caller (the table's owner);
/// the index as the owner of schema docstore, since PostgreSQL creates an index in its table's
/// schema and asks for CREATE there, which no role but that superuser has (README, "Security
/// model"). The statement is docstore's own (`docstore_core::indexes::create_sql`: a generated
/// name, the collection as a quoted literal, pg_catalog's operators); the index is built with
/// the table owner's rights, as PostgreSQL always builds indexes.
fn make(
    client: &mut pgrx::spi::SpiClient<'_>,
    name: &str,
    collection: &str,
    spec: &indexes::IndexSpec,
) -> Result<(), pgrx::spi::Error> {
    let [rule, index] = indexes::create_sql(name, collection, spec);
    client.update(rule.as_str(), None, &[])?;
    let schema_owner = client
        .select(
            "SELECT nspowner FROM pg_catalog.pg_namespace WHERE nspname OPERATOR(pg_catalog.=) 'docstore'",
            None,
            &[],
        )?
        .first()
        .get::<pg_sys::Oid>(1)?
        .expect("schema docstore has an owner");
    crate::store::as_role(schema_owner, || client.update(index.as_str(), None, &[]))?;
    Ok(())
}

/// `docstore_drop_index(collection text, name text) RETURNS boolean`: true if the collection had
/// that index.
#[pg_extern(volatile, parallel_unsafe)]
fn docstore_drop_index(collection: Option<&str>, name: Option<&str>) -> bool {
    const NAME: &str = "docstore_drop_index";
    let collection = args::collection(collection).or_raise(NAME);
    let name = args::required("name", name).or_raise(NAME);
    Spi::connect_mut(|client| -> Result<bool, pgrx::spi::Error> {
        let deleted = client.update(
            "DELETE FROM docstore.indexes
              WHERE collection OPERATOR(pg_catalog.=) $1 AND name OPERATOR(pg_catalog.=) $2 RETURNING name",
            None,
            &[collection.into(), name.into()],
        )?;
        if deleted.is_empty() || !indexes::is_index_name(name) {
            return Ok(false);
        }
        for statement in indexes::drop_sql(name) {
            client.update(statement.as_str(), None, &[])?;
        }
        Ok(true)
    })
    .unwrap_or_else(|e| panic!("docstore_drop_index failed: {e}"))
}

/// `docstore_rebuild_indexes() RETURNS integer`: re-creates the indexes of `docstore.indexes`
/// that do not exist (after `pg_restore`, which restores the catalog but not indexes on the
/// extension's table); returns how many it made.
#[pg_extern(volatile, parallel_unsafe)]
fn docstore_rebuild_indexes() -> i32 {
    require_owner("docstore_rebuild_indexes");
    Spi::connect_mut(|client| -> Result<i32, pgrx::spi::Error> {
        let missing: Vec<(String, String, JsonB, JsonB, bool)> = client
            .update(
                &format!(
                    "SELECT * FROM (
                       SELECT i.name, i.collection, i.keys, i.options,
                              {HAS_INDEX} AS has_index, {HAS_RULE} AS has_rule
                         FROM docstore.indexes AS i) AS s
                      WHERE NOT (has_index AND has_rule)
                      ORDER BY name"
                ),
                None,
                &[],
            )?
            .map(|row| {
                let has_index = row.get::<bool>(5)?.unwrap_or(false);
                let has_rule = row.get::<bool>(6)?.unwrap_or(false);
                Ok((
                    row.get::<String>(1)?.expect("name"),
                    row.get::<String>(2)?.expect("collection"),
                    row.get::<JsonB>(3)?.expect("keys"),
                    row.get::<JsonB>(4)?.expect("options"),
                    has_index || has_rule,
                ))
            })
            .collect::<Result<_, pgrx::spi::Error>>()?;
        let mut made = 0;
        for (name, collection, keys, options, partly_there) in missing {
            let Ok(spec) = indexes::parse(&keys.0, &options.0) else {
                continue;
            };
            if !indexes::is_index_name(&name) {
                continue;
            }
            // Whichever half survived goes first, then both are made.
            if partly_there {
                for statement in indexes::drop_sql(&name) {
                    client.update(statement.as_str(), None, &[])?;
                }
            }
            make(client, &name, &collection, &spec)?;
            made += 1;
        }
        Ok(made)
    })
    .unwrap_or_else(|e| panic!("docstore_rebuild_indexes failed: {e}"))
}
