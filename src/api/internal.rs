//! The helpers docstore's own SQL and generated statements call (schema `docstore`): not part of
//! the contract, each a pure function of its arguments.

use pgrx::prelude::*;

#[pg_schema]
mod docstore {
    use docstore_core::args;
    use pgrx::prelude::*;

    use crate::error::OrRaise;
    use crate::jsonb::Json;

    /// The argument checks of the inlined `docstore_read`: true, or an ERROR. Immutable so that
    /// the planner folds it away for constant arguments; not strict, so that it sees NULLs.
    #[pg_extern(immutable, parallel_safe)]
    fn check_read_args(collection: Option<&str>, id: Option<pgrx::Uuid>) -> bool {
        const NAME: &str = "docstore_read";
        args::collection(collection).or_raise(NAME);
        args::required("id", id).or_raise(NAME);
        true
    }

    /// A document with update operators applied (`docstore_patch`); `now` is what
    /// `$currentDate` stores. Errors (22023) name the operator and the path.
    #[pg_extern(immutable, parallel_safe, strict)]
    fn apply_update(data: Json, update: Json, now: &str) -> Json {
        const NAME: &str = "docstore_patch";
        let update = docstore_core::update::parse(&update.0).or_raise(NAME);
        Json(docstore_core::update::apply(&data.0, &update, now).or_raise(NAME))
    }

    /// MongoDB's order of two values (`docstore_core::order::compare_values`): -1, 0 or 1. The
    /// comparison of `$gt`/`$gte`/`$lt`/`$lte` with an object or array operand.
    #[pg_extern(immutable, parallel_safe, strict)]
    fn compare(a: Json, b: Json) -> i32 {
        docstore_core::order::compare_values(&a.0, &b.0) as i32
    }

    /// Path keys from a JSON array of strings (what the compilers bind); anything else is none.
    fn string_keys(keys: Option<&serde_json::Value>) -> Vec<String> {
        keys.and_then(serde_json::Value::as_array)
            .map(|keys| {
                keys.iter()
                    .filter_map(|k| k.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// What a path reaches as MongoDB finds it, array positions included
    /// (`docstore_core::filter::eval::At`): `value` is the value at the path's first key (NULL:
    /// missing), `rest` the keys after it (a JSON array). `{"values": […], "candidates": […],
    /// "missing": bool}` — the values, what comparisons look at (the values and the elements of
    /// arrays among them, but for an array taken by a position as the last key), and whether the
    /// path runs out. What a filter on a path with array positions (`"items.0.price"`) is
    /// evaluated over. Keys that are not strings are none.
    #[pg_extern(immutable, parallel_safe)]
    fn path_values(value: Option<Json>, rest: Option<Json>) -> Json {
        use docstore_core::filter::eval::At;
        let keys = string_keys(rest.as_ref().map(|r| &r.0));
        let (values, candidates, missing) = match &value {
            None => (Vec::new(), Vec::new(), true),
            Some(value) => {
                let at = At::new(&value.0, &keys);
                (
                    at.values.iter().map(|r| r.value.clone()).collect(),
                    at.candidates().into_iter().cloned().collect(),
                    at.missing,
                )
            }
        };
        Json(serde_json::json!({
            "values": values,
            "candidates": candidates,
            "missing": missing,
        }))
    }

    /// A document's sort key on paths that begin with the same key
    /// (`docstore_core::find::sort_keys`): `value` is the value at that first key, `rests` the
    /// keys after it for each path (a JSON array of arrays), `descending` each path's direction
    /// (a JSON array of booleans); for each path `[v]` with its part of the best entry, or `[]`
    /// for an empty array, which sorts below null and missing. 22023 for parallel arrays.
    #[pg_extern(immutable, parallel_safe)]
    fn sort_keys(value: Option<Json>, rests: Option<Json>, descending: Option<Json>) -> Json {
        let rests: Vec<Vec<String>> = rests
            .as_ref()
            .and_then(|r| r.0.as_array())
            .map(|paths| paths.iter().map(|keys| string_keys(Some(keys))).collect())
            .unwrap_or_default();
        let descending: Vec<bool> = descending
            .as_ref()
            .and_then(|d| d.0.as_array())
            .map(|d| d.iter().map(|b| b.as_bool() == Some(true)).collect())
            .unwrap_or_default();
        Json(
            docstore_core::find::sort_keys(value.as_ref().map(|v| &v.0), &rests, &descending)
                .or_raise("docstore_find"),
        )
    }

    /// A document with update operators applied, with the context of its array-element keys
    /// (`context`: `{"arrayFilters": […], "query": filter}`, what `docstore_update_many` and
    /// `docstore_patch` pass for `$[<identifier>]` and `$`; NULL: none).
    #[pg_extern(immutable, parallel_safe, name = "apply_update")]
    fn apply_update_with(
        data: Option<Json>,
        update: Option<Json>,
        now: Option<&str>,
        context: Option<Json>,
    ) -> Option<Json> {
        const NAME: &str = "docstore_update_many";
        let (data, update, now) = (data?, update?, now?);
        let parsed = docstore_core::update::parse(&update.0).or_raise(NAME);
        let mut apply = docstore_core::update::ApplyContext::default();
        if let Some(context) = context.as_ref().and_then(|c| c.0.as_object()) {
            if let Some(filters) = context.get("arrayFilters") {
                apply.array_filters =
                    docstore_core::update::parse_array_filters(filters).or_raise(NAME);
            }
            if let Some(query) = context.get("query") {
                apply.positional = Some(docstore_core::filter::parse(query).or_raise(NAME));
            }
        }
        Some(Json(
            docstore_core::update::apply_with(&data.0, &parsed, now, &apply).or_raise(NAME),
        ))
    }

    /// `$expr`'s field path through arrays (`docstore_core::filter::expr::path_value`): `value`
    /// is the value at the path's first key (NULL: missing), `rest` the keys after it.
    #[pg_extern(immutable, parallel_safe)]
    fn expr_path(value: Option<Json>, rest: Option<Json>) -> Option<Json> {
        let keys = string_keys(rest.as_ref().map(|r| &r.0));
        docstore_core::filter::expr::path_value(value.as_ref().map(|v| &v.0), &keys).map(Json)
    }

    /// `$expr`'s total order of two values (NULL: missing, below everything): -1, 0 or 1.
    #[pg_extern(immutable, parallel_safe)]
    fn expr_compare(a: Option<Json>, b: Option<Json>) -> i32 {
        docstore_core::filter::expr::compare(a.as_ref().map(|v| &v.0), b.as_ref().map(|v| &v.0))
            as i32
    }

    /// Whether a `$expr` value counts as true (not false, null, missing or zero).
    #[pg_extern(immutable, parallel_safe)]
    fn expr_truthy(value: Option<Json>) -> bool {
        docstore_core::filter::expr::truthy(value.as_ref().map(|v| &v.0))
    }

    /// `$expr`'s arithmetic, `$abs`, `$size` and `$in` on two values (NULL: missing):
    /// `docstore_core::filter::expr::apply_op`. Errors as MongoDB fails the query: 22023 a value
    /// of the wrong type, 22012 division by zero.
    #[pg_extern(immutable, parallel_safe)]
    fn expr_op(op: Option<&str>, a: Option<Json>, b: Option<Json>) -> Option<Json> {
        docstore_core::filter::expr::op_by_name(
            op.unwrap_or_default(),
            a.as_ref().map(|v| &v.0),
            b.as_ref().map(|v| &v.0),
        )
        .or_raise("docstore_query")
        .map(Json)
    }

    /// A document projected by a `fields` spec (`{"path": true, …}` includes, `false` excludes).
    /// Parses the document into Rust: only `docstore_find` with `fields` pays for it.
    #[pg_extern(immutable, parallel_safe, strict)]
    fn project(data: Json, spec: Json) -> Json {
        let Some(spec) = spec.0.as_object() else {
            return data;
        };
        let paths = spec
            .keys()
            .map(|k| docstore_core::filter::Path::parse(k).or_raise("docstore_find"))
            .collect();
        let projection = if spec.values().all(|v| v.as_bool() == Some(false)) {
            docstore_core::find::Projection::Exclude(paths)
        } else {
            docstore_core::find::Projection::Include(paths)
        };
        Json(docstore_core::find::project(&data.0, &projection))
    }

    /// A document id: a UUIDv7 with `counter` (from the sequence `docstore.id_seq`) after the
    /// timestamp, so that ids sort in creation order across sessions (see docstore_core::ids).
    #[pg_extern(volatile, parallel_safe)]
    fn uuid_v7(counter: i64) -> pgrx::Uuid {
        let unix_ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as u64);
        let random = getrandom::u32().unwrap_or(0);
        pgrx::Uuid::from_bytes(docstore_core::ids::uuid_v7(unix_ms, counter as u64, random))
    }
}
