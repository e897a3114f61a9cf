//! `docstore_find` options: sort, limit, skip, fields (projection) and keyset paging.

use serde_json::{Map, Value};

use crate::filter::Path;
use crate::Error;

/// Sort direction of one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ascending,
    Descending,
}

/// Which parts of a document `data` holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Projection {
    /// Only these paths (`{"name": 1, "address.city": 1}`).
    Include(Vec<Path>),
    /// Everything but these paths (`{"bio": 0}`).
    Exclude(Vec<Path>),
}

/// Parsed options. Defaults: creation order, no limit, no skip, the whole document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FindOptions {
    pub sort: Vec<(Path, Direction)>,
    pub limit: Option<i64>,
    pub skip: i64,
    pub fields: Option<Projection>,
    /// The id of the last row of the previous page: the page starts after it.
    pub after: Option<String>,
}

const OPTIONS: &str = "sort, limit, skip, fields and after";

fn bad(option: &'static str, expected: &'static str) -> Error {
    Error::BadOption { option, expected }
}

fn path(key: &str) -> Result<Path, Error> {
    Path::parse(key)
}

fn count(value: &Value, option: &'static str) -> Result<i64, Error> {
    value
        .as_u64()
        .and_then(|n| i64::try_from(n).ok())
        .ok_or_else(|| bad(option, "a non-negative integer"))
}

/// Parses the options object.
pub fn parse_options(options: &Value) -> Result<FindOptions, Error> {
    let Value::Object(map) = options else {
        return Err(bad("options", "a JSON object"));
    };
    let mut out = FindOptions::default();
    for (key, value) in map {
        match key.as_str() {
            "sort" => out.sort = sort(value)?,
            "limit" if value.is_null() => {}
            "limit" => out.limit = Some(count(value, "limit")?),
            "skip" => out.skip = count(value, "skip")?,
            "fields" => out.fields = Some(fields(value)?),
            "after" if value.is_null() => {}
            "after" => match value.as_str() {
                Some(id) if is_uuid(id) => out.after = Some(id.to_string()),
                _ => {
                    return Err(bad(
                        "after",
                        "the id (a uuid) of the last document of the previous page",
                    ))
                }
            },
            other => {
                return Err(Error::UnknownOption {
                    option: other.to_string(),
                    allowed: OPTIONS,
                })
            }
        }
    }
    Ok(out)
}

/// `{"age": -1}`, or for several keys an array `[{"age": -1}, {"name": 1}]`: jsonb does not
/// keep the order of an object's keys (it orders them by length, then bytes), so an object with
/// several keys would sort in an order the caller did not write, and is refused.
fn sort(value: &Value) -> Result<Vec<(Path, Direction)>, Error> {
    const SHAPE: &str = "{\"path\": 1 or -1}, or an array of them for several keys: \
                         [{\"age\": -1}, {\"name\": 1}] (jsonb does not keep the order of an object's keys)";
    let keys: Vec<(&String, &Value)> = match value {
        Value::Object(map) if map.len() == 1 => map.iter().collect(),
        Value::Array(items) if !items.is_empty() => items
            .iter()
            .map(|item| match item {
                Value::Object(map) if map.len() == 1 => Ok(map.iter().next().expect("one key")),
                _ => Err(bad("sort", SHAPE)),
            })
            .collect::<Result<_, _>>()?,
        _ => return Err(bad("sort", SHAPE)),
    };
    keys.into_iter()
        .map(|(key, direction)| {
            let direction = match direction.as_i64() {
                Some(1) => Direction::Ascending,
                Some(-1) => Direction::Descending,
                _ => return Err(bad("sort", "directions 1 (ascending) or -1 (descending)")),
            };
            Ok((path(key)?, direction))
        })
        .collect()
}

fn fields(value: &Value) -> Result<Projection, Error> {
    let Value::Object(map) = value else {
        return Err(bad(
            "fields",
            "an object of paths, each 1 (include) or 0 (exclude)",
        ));
    };
    if map.is_empty() {
        return Err(bad("fields", "at least one path"));
    }
    let include = |v: &Value| match v {
        Value::Bool(b) => Some(*b),
        Value::Number(n) if n.as_i64() == Some(1) => Some(true),
        Value::Number(n) if n.as_i64() == Some(0) => Some(false),
        _ => None,
    };
    let mut modes = map.values().map(include);
    let first = modes
        .next()
        .flatten()
        .ok_or_else(|| bad("fields", "1 or 0 for every path"))?;
    if !modes.all(|m| m == Some(first)) {
        return Err(bad(
            "fields",
            "all paths included (1) or all excluded (0), not a mix",
        ));
    }
    let paths = map.keys().map(|k| path(k)).collect::<Result<Vec<_>, _>>()?;
    Ok(if first {
        Projection::Include(paths)
    } else {
        Projection::Exclude(paths)
    })
}

fn is_uuid(text: &str) -> bool {
    let hex: String = text.chars().filter(|c| *c != '-').collect();
    hex.len() == 32 && hex.chars().all(|c| c.is_ascii_hexdigit())
}

/// Applies a projection to a document. Paths go through arrays as filters do: `"items.price"`
/// keeps (or drops) `price` in every object element of `items`.
pub fn project(doc: &Value, projection: &Projection) -> Value {
    match projection {
        Projection::Include(paths) => {
            let mut out = Value::Object(Map::new());
            for path in paths {
                include(doc, &path.0, &mut out);
            }
            out
        }
        Projection::Exclude(paths) => {
            let mut out = doc.clone();
            for path in paths {
                exclude(&mut out, &path.0);
            }
            out
        }
    }
}

/// Copies what `doc` has at `keys` into `out`, creating the objects (and arrays) on the way.
fn include(doc: &Value, keys: &[String], out: &mut Value) {
    let Some((key, rest)) = keys.split_first() else {
        return;
    };
    let (Value::Object(map), Value::Object(target)) = (doc, out) else {
        return;
    };
    let Some(value) = map.get(key) else { return };
    if rest.is_empty() {
        target.insert(key.clone(), value.clone());
        return;
    }
    let slot = target.entry(key.clone()).or_insert_with(|| match value {
        Value::Array(items) => Value::Array(vec![Value::Object(Map::new()); items.len()]),
        _ => Value::Object(Map::new()),
    });
    match (value, slot) {
        (Value::Array(items), Value::Array(slots)) => {
            for (item, slot) in items.iter().zip(slots.iter_mut()) {
                if item.is_object() {
                    include(item, rest, slot);
                }
            }
        }
        (value, slot) => include(value, rest, slot),
    }
}

fn exclude(doc: &mut Value, keys: &[String]) {
    let Some((key, rest)) = keys.split_first() else {
        return;
    };
    match doc {
        Value::Object(map) if rest.is_empty() => {
            map.remove(key);
        }
        Value::Object(map) => {
            if let Some(value) = map.get_mut(key) {
                match value {
                    Value::Array(items) => items.iter_mut().for_each(|item| exclude(item, rest)),
                    value => exclude(value, rest),
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn p(s: &str) -> Path {
        path(s).unwrap()
    }

    #[test]
    fn options_parse_with_defaults() {
        assert_eq!(parse_options(&json!({})).unwrap(), FindOptions::default());
        let o = parse_options(&json!({"sort": [{"age": -1}, {"name": 1}], "limit": 5, "skip": 2,
                                      "fields": {"name": 1}, "after": "01a220c1-12b9-7139-98be-7bd71160d937"}))
            .unwrap();
        assert_eq!(
            o.sort,
            vec![
                (p("age"), Direction::Descending),
                (p("name"), Direction::Ascending)
            ]
        );
        assert_eq!((o.limit, o.skip), (Some(5), 2));
        assert_eq!(o.fields, Some(Projection::Include(vec![p("name")])));
        assert!(o.after.is_some());
    }

    #[test]
    fn bad_options_are_named() {
        let err = |v: Value| parse_options(&v).unwrap_err().to_string();
        assert_eq!(
            err(json!({"limt": 1})),
            "unknown option \"limt\" (options: sort, limit, skip, fields and after)"
        );
        assert_eq!(
            err(json!({"limit": -1})),
            "option limit expects a non-negative integer"
        );
        assert_eq!(
            err(json!({"skip": 1.5})),
            "option skip expects a non-negative integer"
        );
        assert_eq!(
            err(json!({"sort": {"a": 2}})),
            "option sort expects directions 1 (ascending) or -1 (descending)"
        );
        assert_eq!(
            err(json!({"fields": {"a": 1, "b": 0}})),
            "option fields expects all paths included (1) or all excluded (0), not a mix"
        );
        assert_eq!(
            err(json!({"after": "x"})),
            "option after expects the id (a uuid) of the last document of the previous page"
        );
        assert_eq!(err(json!([])), "option options expects a JSON object");
    }

    #[test]
    fn projection_includes_and_excludes_paths_through_arrays() {
        let doc = json!({"name": "Ann", "bio": "x", "address": {"city": "Oslo", "zip": "1"},
                         "items": [{"p": 1, "q": 2}, {"p": 3}, 7]});
        let inc = Projection::Include(vec![
            p("name"),
            p("address.city"),
            p("items.p"),
            p("missing"),
        ]);
        assert_eq!(
            project(&doc, &inc),
            json!({"name": "Ann", "address": {"city": "Oslo"}, "items": [{"p": 1}, {"p": 3}, {}]})
        );
        let exc = Projection::Exclude(vec![p("bio"), p("address.zip"), p("items.q")]);
        assert_eq!(
            project(&doc, &exc),
            json!({"name": "Ann", "address": {"city": "Oslo"}, "items": [{"p": 1}, {"p": 3}, 7]})
        );
    }
}

pub use crate::sql::Param;
use crate::sql::Params;

/// The path expression of `docstore_distinct`'s path: the values there, an array's elements one
/// by one (`$."a"."b"[*]`, lax).
pub fn distinct_path(dotted: &str) -> Result<String, Error> {
    let path = path(dotted)?;
    Ok(format!("{}[*]", crate::filter::accessor("$", &path.0)))
}

/// The distinct statement: `$1` is the collection, `condition` the compiled filter (or none),
/// this function's placeholders start at `$first`.
pub fn distinct_sql(condition: Option<&str>, values: String, first: usize) -> (String, Vec<Param>) {
    let filter = condition.map(|c| format!(" AND {c}")).unwrap_or_default();
    let mut params = Params::starting_at(first);
    let path = params.bind(Param::JsonPath(values));
    let sql = format!(
        "SELECT v FROM (SELECT DISTINCT q.v FROM docstore.documents AS d, \
         pg_catalog.jsonb_path_query(d.data, {path}) AS q(v) \
         WHERE d.collection OPERATOR(pg_catalog.=) $1{filter}) AS s \
         ORDER BY docstore.sort_rank(v), docstore.sort_number(v), \
         docstore.sort_text(v) COLLATE pg_catalog.\"C\", docstore.sort_other(v)"
    );
    (sql, params.into_values())
}

/// The find statement. `$1` is the collection; `condition` is the compiled filter (over
/// `data`, with placeholders below `$first`), or `None`; this function's own placeholders start
/// at `$first`. Rows come in the sort order with ties broken by id (creation order), so results
/// are deterministic and `after` (keyset paging) is exact.
///
/// `array_free` are the paths known to hold no array in the collection (those of its
/// `docstore_create_index` indexes, whose rule sees to it): a sort on one of them is stated on
/// the value there, in the index's own expressions, so the index can serve it. A sort on any
/// other path follows MongoDB's rules for arrays, through `docstore.sort_keys` (see
/// [`sort_keys`]), computed once per row.
pub fn find_sql(
    condition: Option<&str>,
    options: &FindOptions,
    first: usize,
    array_free: &[Path],
) -> (String, Vec<Param>) {
    let mut params = Params::starting_at(first);
    let mut bind = |param: Param| params.bind(param);

    let data = match &options.fields {
        None => "d.data".to_string(),
        Some(projection) => {
            let spec = match projection {
                Projection::Include(paths) | Projection::Exclude(paths) => {
                    let value = Value::from(matches!(projection, Projection::Include(_)));
                    Value::Object(paths.iter().map(|p| (p.dotted(), value.clone())).collect())
                }
            };
            format!("docstore.project(d.data, {})", bind(Param::Jsonb(spec)))
        }
    };

    // (row expression, cursor expression, descending) for every sort key, then the id.
    let mut keys: Vec<(String, String, bool)> = Vec::new();
    // docstore.sort_keys of the row and of the cursor row, for paths that may hold arrays: one
    // call for the paths that begin with the same key (MongoDB pairs their values per element
    // of an array they share), in the order their first keys come.
    let mut row_keys: Vec<String> = Vec::new();
    let mut cursor_keys: Vec<String> = Vec::new();
    let mut groups: Vec<(String, Vec<Vec<String>>, Vec<bool>)> = Vec::new();
    for (path, direction) in &options.sort {
        if array_free.contains(path) {
            continue;
        }
        let descending = *direction == Direction::Descending;
        match groups.iter_mut().find(|(first, _, _)| *first == path.0[0]) {
            Some((_, rests, directions)) => {
                rests.push(path.0[1..].to_vec());
                directions.push(descending);
            }
            None => groups.push((
                path.0[0].clone(),
                vec![path.0[1..].to_vec()],
                vec![descending],
            )),
        }
    }
    for (n, (first_key, rests, directions)) in groups.iter().enumerate() {
        let rests = bind(Param::Jsonb(Value::from(rests.clone())));
        let directions = bind(Param::Jsonb(Value::from(directions.clone())));
        for (column, out, prefix) in [
            ("d.data", &mut row_keys, ""),
            ("c.data", &mut cursor_keys, "c_"),
        ] {
            out.push(format!(
                "docstore.sort_keys({}, {rests}::pg_catalog.jsonb, {directions}::pg_catalog.jsonb) AS {prefix}g{n}",
                crate::sql::path_value(column, std::slice::from_ref(first_key)),
            ));
        }
    }
    if options.sort.is_empty() {
        // Creation order, stated as the collection index's order so that no plan walks the
        // primary key (all collections, in id order) instead.
        keys.push(("d.collection".into(), "cur.c_collection".into(), false));
        keys.push(("d.id".into(), "cur.c_id".into(), false));
    } else {
        // Paths are written as constants (quoted as PostgreSQL quotes literals) so that the
        // ORDER BY is exactly the expressions of an index made by docstore_create_index.
        let mut taken: Vec<usize> = vec![0; groups.len()];
        for (path, direction) in &options.sort {
            let descending = *direction == Direction::Descending;
            if array_free.contains(path) {
                let row = crate::sql::path_value("d.data", &path.0);
                let cursor = crate::sql::path_value("cur.c_data", &path.0);
                for (row, cursor) in index_sort_keys(&row, &cursor) {
                    keys.push((row, cursor, descending));
                }
                continue;
            }
            // This path's part of its group's key.
            let g = groups
                .iter()
                .position(|(first, _, _)| *first == path.0[0])
                .expect("grouped above");
            let j = taken[g];
            taken[g] += 1;
            let (row, cursor) = (
                format!("(sk.g{g} OPERATOR(pg_catalog.->) {j})"),
                format!("(cur.c_g{g} OPERATOR(pg_catalog.->) {j})"),
            );
            for (row, cursor) in picked_sort_keys(&row)
                .into_iter()
                .zip(picked_sort_keys(&cursor))
            {
                keys.push((row, cursor, descending));
            }
        }
        // Ties by id, in the last key's direction: one ascending index then serves both
        // directions (scanned backwards for descending).
        let last_descending = options
            .sort
            .last()
            .is_some_and(|(_, d)| *d == Direction::Descending);
        keys.push(("d.id".into(), "cur.c_id".into(), last_descending));
    }

    let mut from = "docstore.documents AS d".to_string();
    if !row_keys.is_empty() {
        // OFFSET 0 keeps the subquery whole: each key is computed once per row, not once per
        // expression that uses it.
        from.push_str(&format!(
            " CROSS JOIN LATERAL (SELECT {} OFFSET 0) AS sk",
            row_keys.join(", ")
        ));
    }
    let cursor_columns: String = cursor_keys.iter().map(|k| format!(", {k}")).collect();
    let mut conditions = vec!["d.collection OPERATOR(pg_catalog.=) $1".to_string()];
    if let Some(condition) = condition {
        conditions.push(condition.to_string());
    }
    if let Some(after) = &options.after {
        let id = bind(Param::Uuid(after.clone()));
        from.push_str(&format!(
            ", (SELECT c.data AS c_data, c.id AS c_id, c.collection AS c_collection{cursor_columns} \
             FROM docstore.documents AS c \
             WHERE c.collection OPERATOR(pg_catalog.=) $1 AND c.id OPERATOR(pg_catalog.=) {id}) AS cur"
        ));
        conditions.push(after_condition(&keys));
    }

    let order: Vec<String> = keys
        .iter()
        .map(|(row, _, descending)| format!("{row}{}", if *descending { " DESC" } else { "" }))
        .collect();
    let limit = bind(Param::Count(options.limit.unwrap_or(i64::MAX)));
    let skip = bind(Param::Count(options.skip));
    let sql = format!(
        "SELECT d.id, d.collection, {data}, d.created_at, d.updated_at, d.version FROM {from} \
         WHERE {} ORDER BY {} LIMIT {limit} OFFSET {skip}",
        conditions.join(" AND "),
        order.join(", ")
    );
    (sql, params.into_values())
}

/// The expressions a value sorts by, MongoDB's order: missing and null, then numbers (by value),
/// strings (by code point), objects, arrays, booleans (the last three in jsonb's order). Indexes
/// made by `docstore_create_index` are on exactly these expressions.
pub fn sort_key_expressions(value: &str) -> [String; 4] {
    [
        format!("docstore.sort_rank({value})"),
        format!("docstore.sort_number({value})"),
        format!("docstore.sort_text({value}) COLLATE pg_catalog.\"C\""),
        format!("docstore.sort_other({value})"),
    ]
}

/// The expressions a path's part of a [`sort_keys`] result sorts by: as [`sort_key_expressions`] on the picked
/// value, with an empty array below everything (rank 0).
fn picked_sort_keys(key: &str) -> [String; 4] {
    let value = format!("({key} OPERATOR(pg_catalog.->) 0)");
    [
        format!("docstore.sort_key_rank({key})"),
        format!("docstore.sort_number({value})"),
        format!("docstore.sort_text({value}) COLLATE pg_catalog.\"C\""),
        format!("docstore.sort_other({value})"),
    ]
}

/// One candidate for a document's sort key on a path.
#[derive(Clone, Copy, Debug)]
enum SortCandidate<'a> {
    /// An empty array at the end of the path: below null and missing in both directions'
    /// order (first ascending, last descending).
    Empty,
    /// Missing, or the path runs into an empty array, a scalar or null on the way.
    Missing,
    Value(&'a Value),
}

/// A document's sort key on several paths that begin with the same key, MongoDB's rule: the
/// candidate keys are built as a compound multikey index builds its entries — an array on the
/// way is expanded once for all the paths that go through it (each element gives one entry, its
/// values paired), an array at a path's end counts by its elements (an empty one is below null
/// and missing), an array on the way by its object elements (other elements count as null), an
/// array position by that element (whole, at the end) — and the best entry in the sort's order
/// (each path ascending or descending) is the key. Two arrays expanded side by side (parallel
/// arrays) are an error, as MongoDB's. `value` is the value at the first key (`None`: missing),
/// `rests` the keys after it for each path. The result is a JSON array with, for each path,
/// `[v]` (v null for missing) or `[]` for the empty array: what `docstore.sort_keys` returns.
pub fn sort_keys(
    value: Option<&Value>,
    rests: &[Vec<String>],
    descending: &[bool],
) -> Result<Value, Error> {
    use std::cmp::Ordering;
    let rests: Vec<&[String]> = rests.iter().map(Vec::as_slice).collect();
    let entries = sort_entries(value, &rests)?;
    fn rank<'v>(c: &SortCandidate<'v>) -> Option<&'v Value> {
        const NULL: &Value = &Value::Null;
        match c {
            SortCandidate::Empty => None,
            SortCandidate::Missing => Some(NULL),
            SortCandidate::Value(v) => Some(v),
        }
    }
    let order = |a: &SortCandidate, b: &SortCandidate| -> Ordering {
        match (rank(a), rank(b)) {
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Less,
            (Some(_), None) => Ordering::Greater,
            (Some(x), Some(y)) => crate::order::compare_values(x, y),
        }
    };
    let best = entries.iter().min_by(|x, y| {
        for (i, (a, b)) in x.iter().zip(y.iter()).enumerate() {
            let o = order(a, b);
            let o = if descending.get(i) == Some(&true) {
                o.reverse()
            } else {
                o
            };
            if o.is_ne() {
                return o;
            }
        }
        Ordering::Equal
    });
    let parts = match best {
        Some(entry) => entry
            .iter()
            .map(|c| match c {
                SortCandidate::Empty => Value::Array(Vec::new()),
                SortCandidate::Missing => Value::Array(vec![Value::Null]),
                SortCandidate::Value(v) => Value::Array(vec![(*v).clone()]),
            })
            .collect(),
        None => vec![Value::Array(vec![Value::Null]); rests.len()],
    };
    Ok(Value::Array(parts))
}

type SortEntry<'a> = Vec<SortCandidate<'a>>;

fn parallel_arrays() -> Error {
    bad(
        "sort",
        "paths that do not run through two arrays of one document side by side (MongoDB refuses to sort on parallel arrays)",
    )
}

/// Every combination of `parts` (each a list of partial entries for some of the paths, at the
/// positions `slots`), assembled into entries of `n` candidates. More than one part with several
/// entries is parallel arrays.
fn combine<'a>(
    n: usize,
    parts: Vec<(Vec<usize>, Vec<SortEntry<'a>>)>,
) -> Result<Vec<SortEntry<'a>>, Error> {
    if parts
        .iter()
        .filter(|(_, entries)| entries.len() > 1)
        .count()
        > 1
    {
        return Err(parallel_arrays());
    }
    let mut out: Vec<SortEntry<'a>> = vec![vec![SortCandidate::Missing; n]];
    for (slots, entries) in parts {
        let mut next = Vec::with_capacity(out.len() * entries.len().max(1));
        for base in &out {
            for entry in &entries {
                let mut e = base.clone();
                for (slot, candidate) in slots.iter().zip(entry) {
                    e[*slot] = *candidate;
                }
                next.push(e);
            }
        }
        out = next;
    }
    Ok(out)
}

/// The candidate entries of the paths `rests` (relative to `value`), as [`sort_keys`] says.
fn sort_entries<'a>(
    value: Option<&'a Value>,
    rests: &[&[String]],
) -> Result<Vec<SortEntry<'a>>, Error> {
    use crate::filter::eval::array_position;
    let n = rests.len();
    let Some(value) = value else {
        return Ok(vec![vec![SortCandidate::Missing; n]]);
    };
    let positional = |r: &[String]| r.first().and_then(|k| array_position(k));
    match value {
        Value::Array(items) if rests.iter().any(|r| positional(r).is_none()) => {
            // Expanded for the paths that end here or go through it by a key; the paths with a
            // position next take that element, the same for every entry.
            let through: Vec<usize> = (0..n)
                .filter(|&i| !rests[i].is_empty() && positional(rests[i]).is_none())
                .collect();
            let at_position: Vec<usize> =
                (0..n).filter(|&i| positional(rests[i]).is_some()).collect();
            let positioned = positions(items, rests, &at_position)?;
            if items.is_empty() {
                let entry = (0..n)
                    .map(|i| {
                        if rests[i].is_empty() {
                            SortCandidate::Empty
                        } else {
                            SortCandidate::Missing
                        }
                    })
                    .collect();
                return Ok(vec![entry]);
            }
            let mut out = Vec::new();
            for item in items {
                let leaf: Vec<usize> = (0..n).filter(|&i| rests[i].is_empty()).collect();
                let leaf_entry = vec![vec![SortCandidate::Value(item); leaf.len()]];
                let through_entries = match item {
                    Value::Object(_) if !through.is_empty() => {
                        let sub: Vec<&[String]> = through.iter().map(|&i| rests[i]).collect();
                        sort_entries(Some(item), &sub)?
                    }
                    _ => vec![vec![SortCandidate::Missing; through.len()]],
                };
                out.extend(combine(
                    n,
                    vec![
                        (leaf.clone(), leaf_entry),
                        (through.clone(), through_entries),
                        (at_position.clone(), positioned.clone()),
                    ],
                )?);
            }
            Ok(out)
        }
        Value::Array(items) => {
            let all: Vec<usize> = (0..n).collect();
            let entries = positions(items, rests, &all)?;
            combine(n, vec![(all, entries)])
        }
        Value::Object(map) => {
            let mut parts = Vec::new();
            let leaf: Vec<usize> = (0..n).filter(|&i| rests[i].is_empty()).collect();
            if !leaf.is_empty() {
                parts.push((
                    leaf.clone(),
                    vec![vec![SortCandidate::Value(value); leaf.len()]],
                ));
            }
            let mut keys: Vec<&String> = Vec::new();
            for r in rests.iter().filter(|r| !r.is_empty()) {
                if !keys.contains(&&r[0]) {
                    keys.push(&r[0]);
                }
            }
            for key in keys {
                let slots: Vec<usize> = (0..n).filter(|&i| rests[i].first() == Some(key)).collect();
                let sub: Vec<&[String]> = slots.iter().map(|&i| &rests[i][1..]).collect();
                parts.push((slots, sort_entries(map.get(key), &sub)?));
            }
            combine(n, parts)
        }
        scalar => Ok(vec![rests
            .iter()
            .map(|r| {
                if r.is_empty() {
                    SortCandidate::Value(scalar)
                } else {
                    SortCandidate::Missing
                }
            })
            .collect()]),
    }
}

/// The partial entries, for the paths at `slots` (each with an array position next), of the
/// elements at those positions of `items`: a position at a path's end takes the element whole.
fn positions<'a>(
    items: &'a [Value],
    rests: &[&[String]],
    slots: &[usize],
) -> Result<Vec<SortEntry<'a>>, Error> {
    use crate::filter::eval::array_position;
    if slots.is_empty() {
        return Ok(vec![Vec::new()]);
    }
    let mut parts = Vec::new();
    let mut indices: Vec<usize> = Vec::new();
    for &slot in slots {
        let i = array_position(&rests[slot][0]).expect("a position");
        if !indices.contains(&i) {
            indices.push(i);
        }
    }
    for i in indices {
        let local: Vec<usize> = (0..slots.len())
            .filter(|&s| array_position(&rests[slots[s]][0]) == Some(i))
            .collect();
        let sub: Vec<&[String]> = local.iter().map(|&s| &rests[slots[s]][1..]).collect();
        let entries = match items.get(i) {
            None => vec![vec![SortCandidate::Missing; sub.len()]],
            Some(item) => {
                // A position at the end takes its element whole; a longer path goes on.
                let ends: Vec<usize> = (0..sub.len()).filter(|&k| sub[k].is_empty()).collect();
                let goes: Vec<usize> = (0..sub.len()).filter(|&k| !sub[k].is_empty()).collect();
                let deeper: Vec<&[String]> = goes.iter().map(|&k| sub[k]).collect();
                let deeper_entries = if goes.is_empty() {
                    vec![Vec::new()]
                } else {
                    sort_entries(Some(item), &deeper)?
                };
                combine(
                    sub.len(),
                    vec![
                        (
                            ends.clone(),
                            vec![vec![SortCandidate::Value(item); ends.len()]],
                        ),
                        (goes, deeper_entries),
                    ],
                )?
            }
        };
        parts.push((local, entries));
    }
    combine(slots.len(), parts)
}

fn index_sort_keys(row: &str, cursor: &str) -> Vec<(String, String)> {
    sort_key_expressions(row)
        .into_iter()
        .zip(sort_key_expressions(cursor))
        .collect()
}

/// Rows after the cursor row in the order of `keys`, NULL-safe. (`IS NOT DISTINCT FROM` would
/// look `=` up through the search_path: it is written out with pg_catalog's `=`.)
fn after_condition(keys: &[(String, String, bool)]) -> String {
    let mut condition = String::new();
    for (row, cursor, descending) in keys.iter().rev() {
        let op = if *descending { "<" } else { ">" };
        let beyond = format!("coalesce({row} OPERATOR(pg_catalog.{op}) {cursor}, false)");
        condition = if condition.is_empty() {
            beyond
        } else {
            let same = format!(
                "coalesce({row} OPERATOR(pg_catalog.=) {cursor}, {row} IS NULL AND {cursor} IS NULL)"
            );
            format!("({beyond} OR ({same} AND {condition}))")
        };
    }
    condition
}

#[cfg(test)]
mod sql_tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn creation_order_without_sort() {
        let (sql, params) = find_sql(None, &FindOptions::default(), 2, &[]);
        assert_eq!(
            sql,
            "SELECT d.id, d.collection, d.data, d.created_at, d.updated_at, d.version FROM docstore.documents AS d \
             WHERE d.collection OPERATOR(pg_catalog.=) $1 ORDER BY d.collection, d.id LIMIT $2 OFFSET $3"
        );
        assert_eq!(params, vec![Param::Count(i64::MAX), Param::Count(0)]);
    }

    #[test]
    fn sort_projection_and_after_are_bound() {
        let options = parse_options(&json!({"sort": {"age": -1}, "fields": {"name": 1},
                                            "after": "01a220c1-12b9-7139-98be-7bd71160d937", "limit": 3})).unwrap();
        let (sql, params) = find_sql(Some("data @@ $2"), &options, 3, &[Path(vec!["age".into()])]);
        assert!(sql.contains("docstore.project(d.data, $3)"), "{sql}");
        assert!(sql.contains("WHERE d.collection OPERATOR(pg_catalog.=) $1 AND data @@ $2 AND (coalesce(docstore.sort_rank((d.data OPERATOR(pg_catalog.->) 'age')) OPERATOR(pg_catalog.<) docstore.sort_rank((cur.c_data OPERATOR(pg_catalog.->) 'age')), false) OR"), "{sql}");
        assert!(sql.contains("ORDER BY docstore.sort_rank((d.data OPERATOR(pg_catalog.->) 'age')) DESC, docstore.sort_number((d.data OPERATOR(pg_catalog.->) 'age')) DESC, docstore.sort_text((d.data OPERATOR(pg_catalog.->) 'age')) COLLATE pg_catalog.\"C\" DESC, docstore.sort_other((d.data OPERATOR(pg_catalog.->) 'age')) DESC, d.id DESC LIMIT $5 OFFSET $6"), "{sql}");
        assert_eq!(params[0], Param::Jsonb(json!({"name": true})));
        assert_eq!(
            params[1],
            Param::Uuid("01a220c1-12b9-7139-98be-7bd71160d937".into())
        );
        assert_eq!(params[2], Param::Count(3));
    }
}

#[cfg(test)]
mod sort_key_tests {
    use super::sort_keys;
    use crate::order::compare_values;
    use serde_json::{json, Value};
    use std::cmp::Ordering;

    /// The `_id`s of `docs` sorted on `spec` (paths with one first key `a`, directions), ties by
    /// `_id` ascending — as MongoDB's tests sort.
    fn order(docs: &Value, spec: &[(&str, bool)]) -> Vec<i64> {
        let rests: Vec<Vec<String>> = spec
            .iter()
            .map(|(p, _)| p.split('.').skip(1).map(str::to_string).collect())
            .collect();
        let first = spec[0].0.split('.').next().unwrap();
        let descending: Vec<bool> = spec.iter().map(|(_, d)| *d).collect();
        let mut keyed: Vec<(Vec<Value>, i64)> = docs
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                let Value::Array(parts) = sort_keys(d.get(first), &rests, &descending).unwrap()
                else {
                    unreachable!()
                };
                (parts, d["_id"].as_i64().unwrap())
            })
            .collect();
        let cmp = |a: &Value, b: &Value| match (
            a.as_array().unwrap().first(),
            b.as_array().unwrap().first(),
        ) {
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Less,
            (Some(_), None) => Ordering::Greater,
            (Some(x), Some(y)) => compare_values(x, y),
        };
        keyed.sort_by(|(a, i), (b, j)| {
            for (k, (x, y)) in a.iter().zip(b).enumerate() {
                let o = cmp(x, y);
                let o = if descending[k] { o.reverse() } else { o };
                if o.is_ne() {
                    return o;
                }
            }
            i.cmp(j)
        });
        keyed.into_iter().map(|(_, id)| id).collect()
    }

    #[test]
    fn compound_sorts_pair_the_values_of_one_element_as_mongodb() {
        // jstests/core/query/sort/sort_dotted_paths.js, block E (expected orders copied).
        let e = json!([{"_id":1,"a":[{"b":4,"c":1},{"b":1,"c":2}]},{"_id":2,"a":[{"b":2,"c":1},{"b":4,"c":2}]},
            {"_id":3,"a":[{"b":6,"c":1},{"b":9,"c":2}]},{"_id":4,"a":[{"b":4,"c":1},{"b":5,"c":3}]},
            {"_id":5,"a":[{"b":2,"c":1},{"b":7,"c":3}]},{"_id":6,"a":[{"b":5,"c":1},{"b":3,"c":3}]},
            {"_id":7,"a":[{"b":7,"c":2},{"b":2,"c":3}]},{"_id":8,"a":[{"b":3,"c":2},{"b":8,"c":3}]},
            {"_id":9,"a":[{"b":8,"c":2},{"b":6,"c":3}]}]);
        assert_eq!(
            order(&e, &[("a.c", false), ("a.b", false)]),
            [2, 5, 1, 4, 6, 3, 8, 7, 9]
        );
        assert_eq!(
            order(&e, &[("a.c", false), ("a.b", true)]),
            [3, 6, 1, 4, 2, 5, 9, 7, 8]
        );
        assert_eq!(
            order(&e, &[("a.c", true), ("a.b", false)]),
            [7, 6, 4, 9, 5, 8, 1, 2, 3]
        );
        assert_eq!(
            order(&e, &[("a.c", true), ("a.b", true)]),
            [8, 5, 9, 4, 6, 7, 3, 2, 1]
        );
        assert_eq!(
            order(&e, &[("a.c", false), ("a", false)]),
            [2, 5, 1, 4, 6, 3, 8, 7, 9]
        );
        assert_eq!(
            order(&e, &[("a.c", true), ("a", true)]),
            [8, 5, 9, 4, 6, 7, 3, 2, 1]
        );
        // Block F: arrays at the ends of the paths too.
        let f = json!([{"_id":1,"a":[{"b":[4,1],"c":1},{"b":[1,5],"c":2}]},{"_id":2,"a":[{"b":2,"c":[1,3]},{"b":4,"c":[2,4]}]},
            {"_id":3,"a":[{"b":[6,4],"c":1},{"b":[9,7],"c":2}]},{"_id":4,"a":[{"b":4,"c":[1,2]},{"b":5,"c":[3,2]}]},
            {"_id":5,"a":[{"b":[2,3],"c":1},{"b":[7,6],"c":3}]},{"_id":6,"a":[{"b":5,"c":[]},{"b":3,"c":3}]},
            {"_id":7,"a":[{"b":[],"c":2},{"b":2,"c":3}]},{"_id":8,"a":[{"b":3,"c":[2]},{"b":8,"c":[3]}]},
            {"_id":9,"a":[{"b":[8],"c":2},{"b":[6],"c":3}]}]);
        assert_eq!(
            order(&f, &[("a.c", false), ("a.b", false)]),
            [6, 1, 2, 5, 3, 4, 7, 8, 9]
        );
        assert_eq!(
            order(&f, &[("a.c", false), ("a.b", true)]),
            [6, 3, 1, 4, 5, 2, 9, 8, 7]
        );
        assert_eq!(
            order(&f, &[("a.c", true), ("a.b", false)]),
            [2, 7, 6, 4, 5, 9, 8, 1, 3]
        );
        assert_eq!(
            order(&f, &[("a.c", true), ("a.b", true)]),
            [2, 8, 5, 9, 4, 6, 7, 3, 1]
        );
        assert_eq!(
            order(&f, &[("a.b", false), ("a", false)]),
            [7, 1, 2, 5, 6, 8, 4, 3, 9]
        );
        // Block D: one path.
        let d = json!([{"_id":1,"a":{"b":2}},{"_id":2,"a":{"b":[]}},{"_id":3,"a":{"b":[2,3]}},{"_id":4,"a":{"c":1}},
            {"_id":5,"a":[]},{"_id":6,"a":[{"b":[5]}]},{"_id":7,"a":[{"b":[4,5]},{"b":7}]},
            {"_id":8,"a":[{"b":[1,3]},{"b":[2,5]}]},{"_id":9,"a":[{"b":[]},{"b":[1,3]}]}]);
        assert_eq!(order(&d, &[("a.b", false)]), [2, 9, 4, 5, 8, 1, 3, 7, 6]);
        assert_eq!(order(&d, &[("a.b", true)]), [7, 6, 8, 3, 9, 1, 4, 5, 2]);
    }

    #[test]
    fn parallel_arrays_are_refused_as_mongodb_refuses_them() {
        // sort_dotted_paths_parallel_arrays.js
        let doc = json!({"b": [1, 2], "c": [3, 4]});
        let err = sort_keys(
            Some(&doc),
            &[vec!["b".into()], vec!["c".into()]],
            &[false, false],
        )
        .unwrap_err();
        assert_eq!(err.sqlstate().code(), "22023");
    }
}
