//! `docstore.allowed(collection, write)`: the row-level security test of `docstore_grant`'s
//! policies — whether the current role (or a role it is a member of) has a grant on the
//! collection (or on `'*'`), a `write` grant if `write`.
//!
//! PostgreSQL runs a policy's test for every row it looks at; as SQL (docstore 0.3.1: an
//! `EXISTS` over `docstore.grants` with `pg_has_role`) that costs about 10 µs a row, three times
//! what a reader's equality filter costs on the GIN index's candidates. The answer cannot change
//! within one statement (a STABLE function sees the statement's snapshot; grants, roles and the
//! current user change only between commands), so it is computed once per collection, role and
//! command — the scope is the user, the local transaction and the command id — with the same
//! query, every name in it schema-qualified (nothing resolves through the caller's path).

use std::cell::RefCell;
use std::collections::HashMap;

use pgrx::pg_sys;
use pgrx::prelude::*;

/// The answers of one scope: (user, local transaction, command) → (collection, write) → allowed.
#[derive(Default)]
struct Cache {
    scope: (u32, u32, u32),
    answers: HashMap<(Option<String>, bool), bool>,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// The test, as 0.3.1's SQL body states it (a NULL `write` requires a write grant, as there).
const QUERY: &str = "SELECT EXISTS (SELECT 1 FROM docstore.grants AS g
    WHERE (g.collection OPERATOR(pg_catalog.=) $1 OR g.collection OPERATOR(pg_catalog.=) '*'::pg_catalog.text)
      AND (NOT $2 OR g.access OPERATOR(pg_catalog.=) 'write'::pg_catalog.text)
      AND pg_catalog.pg_has_role(g.role::pg_catalog.oid, 'MEMBER'::pg_catalog.text))";

function_info_v1!(pg_finfo_docstore_allowed);
/// `docstore.allowed(collection text, write boolean) RETURNS boolean` (STABLE, not strict).
#[pg_guard]
#[no_mangle]
pub unsafe extern "C-unwind" fn docstore_allowed(
    fcinfo: pg_sys::FunctionCallInfo,
) -> pg_sys::Datum {
    let args = (*fcinfo).args.as_slice(2);
    let collection: Option<String> = if args[0].isnull {
        None
    } else {
        String::from_datum(args[0].value, false)
    };
    let write = args[1].isnull || bool::from_datum(args[1].value, false).unwrap_or(true);
    let scope = (
        u32::from(pg_sys::GetUserId()),
        (*pg_sys::MyProc).lxid,
        pg_sys::GetCurrentCommandId(false),
    );
    let key = (collection, write);
    let known = CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.scope != scope {
            cache.scope = scope;
            cache.answers.clear();
        }
        cache.answers.get(&key).copied()
    });
    let allowed = match known {
        Some(answer) => answer,
        None => {
            let answer =
                Spi::get_one_with_args::<bool>(QUERY, &[key.0.clone().into(), write.into()])
                    .ok()
                    .flatten()
                    .unwrap_or(false);
            CACHE.with(|cache| cache.borrow_mut().answers.insert(key, answer));
            answer
        }
    };
    pg_sys::Datum::from(allowed)
}
