//! The array-element keys of update paths: `$[]` (every element), `$[<identifier>]` (the
//! elements its arrayFilters entry matches) and `$` (the element the query matched). Parsing
//! checks where MongoDB allows them; applying turns a path with them into the concrete paths of
//! one document, against the document as it was before the update (MongoDB matches the array
//! filters and the query before it changes anything).

use serde_json::Value;

use super::apply::child;
use super::{bad, Update};
use crate::filter::{self, Cond, Filter};
use crate::{Error, JsonKind};

/// What the array-element keys of an update refer to, beyond the update itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ApplyContext {
    /// The `arrayFilters` option: for each identifier, the filter an element must match, as a
    /// filter on `{"<identifier>": element}` (see [`parse_array_filters`]).
    pub array_filters: Vec<(String, Filter)>,
    /// The query the document was selected by, for `$`.
    pub positional: Option<Filter>,
}

/// One key of an update path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Segment<'a> {
    /// A field name, or an array index.
    Key(&'a str),
    /// `$`: the element the query matched.
    Positional,
    /// `$[]`: every element.
    All,
    /// `$[<identifier>]`: the elements its arrayFilters entry matches.
    Filtered(&'a str),
}

/// What a key of a parsed path is (a key `$[…]` is an array filter whatever is inside it;
/// [`check`] checks the identifier).
pub(super) fn segment(key: &str) -> Segment<'_> {
    if key == "$" {
        Segment::Positional
    } else if key.len() >= 3 && key.starts_with("$[") && key.ends_with(']') {
        match &key[2..key.len() - 1] {
            "" => Segment::All,
            identifier => Segment::Filtered(identifier),
        }
    } else {
        Segment::Key(key)
    }
}

/// Whether a key refers to array elements (`$`, `$[]`, `$[<identifier>]`).
pub(super) fn is_dynamic(key: &str) -> bool {
    !matches!(segment(key), Segment::Key(_))
}

/// MongoDB's array filter identifier: letters and digits, beginning with a lowercase letter.
fn valid_identifier(identifier: &str) -> bool {
    let mut chars = identifier.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase()) && chars.all(|c| c.is_ascii_alphanumeric())
}

/// Checks the array-element keys of a parsed path where MongoDB does (`UpdateObjectNode::
/// parseAndMerge`): not in the first position, at most one `$`, identifiers well formed, and a
/// key beginning with `$[` an array filter.
pub(super) fn check(operator: &str, keys: &[String], path: &str) -> Result<(), Error> {
    let mut positional = 0;
    for (i, key) in keys.iter().enumerate() {
        match segment(key) {
            Segment::Key(k) if k.starts_with("$[") => {
                return Err(bad(
                    operator,
                    path,
                    "$[] or $[<identifier>] for a key beginning with $[",
                ))
            }
            Segment::Key(_) => continue,
            Segment::Filtered(identifier) if !valid_identifier(identifier) => {
                return Err(bad(
                    operator,
                    path,
                    "$[<identifier>] with an identifier of letters and digits beginning with a lowercase letter",
                ))
            }
            Segment::Positional => positional += 1,
            Segment::All | Segment::Filtered(_) => {}
        }
        if i == 0 {
            return Err(bad(
                operator,
                path,
                "$, $[] and $[<identifier>] after an array field, not in the first position",
            ));
        }
    }
    if positional > 1 {
        return Err(bad(operator, path, "at most one positional $"));
    }
    Ok(())
}

/// Whether two paths of one update conflict, by MongoDB's rule (its tree of update nodes): one
/// is a prefix of the other (or the same), or where they part one continues with an array
/// filter (`$[]`, `$[<identifier>]`) and the other with anything else — the node there would
/// have to be an array node and an object node at once. `a.$[i].b` and `a.$[j].b` do not
/// conflict here; if `i` and `j` match the same element, applying finds it.
pub(super) fn conflict(a: &[String], b: &[String]) -> bool {
    let common = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if common == a.len() || common == b.len() {
        return true;
    }
    let filter = |key: &str| matches!(segment(key), Segment::All | Segment::Filtered(_));
    filter(&a[common]) != filter(&b[common])
}

/// Parses the `arrayFilters` option: an array of filters, each one on a single identifier (every
/// top-level field of the filter begins with it: `{"elem": {"$gte": 85}}`, `{"elem.grade": 85,
/// "elem.std": {"$gte": 5}}`, `{"$or": [{"i": 0}, {"i": 3}]}`), no identifier twice. Each is
/// returned as (identifier, filter on `{"<identifier>": element}`).
pub fn parse_array_filters(value: &Value) -> Result<Vec<(String, Filter)>, Error> {
    let Value::Array(entries) = value else {
        return Err(Error::NotAnArray {
            argument: "arrayFilters",
            found: JsonKind::of(value),
        });
    };
    let mut filters: Vec<(String, Filter)> = Vec::with_capacity(entries.len());
    for entry in entries {
        if !entry.is_object() {
            return Err(bad("arrayFilters", "", "an array of filter objects"));
        }
        let parsed = filter::parse(entry)?;
        let identifier = identifier(&parsed)?;
        if !parsed.regexes().is_empty() {
            return Err(Error::Unsupported {
                what: "$regex in arrayFilters".into(),
                path: identifier,
            });
        }
        if filters.iter().any(|(seen, _)| *seen == identifier) {
            return Err(bad(
                "arrayFilters",
                &identifier,
                "one filter per identifier (two name this one)",
            ));
        }
        filters.push((identifier, parsed));
    }
    Ok(filters)
}

/// The identifier of an arrayFilters entry: the first key of every top-level path in it.
fn identifier(filter: &Filter) -> Result<String, Error> {
    let mut found: Option<&str> = None;
    first_keys(filter, &mut found)?;
    let Some(identifier) = found else {
        return Err(bad(
            "arrayFilters",
            "",
            "filters with a top-level field naming their identifier",
        ));
    };
    if !valid_identifier(identifier) {
        return Err(bad(
            "arrayFilters",
            identifier,
            "an identifier of letters and digits beginning with a lowercase letter",
        ));
    }
    Ok(identifier.to_string())
}

fn first_keys<'a>(filter: &'a Filter, found: &mut Option<&'a str>) -> Result<(), Error> {
    match filter {
        Filter::Expr(_) => Err(bad(
            "arrayFilters",
            "$expr",
            "conditions on the identifier's element ($expr is for the query)",
        )),
        Filter::And(parts) | Filter::Or(parts) | Filter::Nor(parts) => {
            parts.iter().try_for_each(|part| first_keys(part, found))
        }
        Filter::Field(path, _) => {
            let key = path.0.first().map(String::as_str).unwrap_or_default();
            match found {
                Some(seen) if *seen != key => Err(bad(
                    "arrayFilters",
                    key,
                    "one identifier per filter (every top-level field begins with the same one)",
                )),
                _ => {
                    *found = Some(key);
                    Ok(())
                }
            }
        }
    }
}

/// Checks that the identifiers of `update` and the arrayFilters entries match one to one, as
/// MongoDB requires before updating anything: every `$[<identifier>]` has its filter, and every
/// filter is used.
pub fn check_array_filters(update: &Update, filters: &[(String, Filter)]) -> Result<(), Error> {
    let mut used: Vec<&str> = Vec::new();
    for (name, keys, _) in &update.0 {
        for key in keys {
            if let Segment::Filtered(identifier) = segment(key) {
                if !filters.iter().any(|(id, _)| id == identifier) {
                    return Err(no_filter(name, &keys.join(".")));
                }
                used.push(identifier);
            }
        }
    }
    match filters.iter().find(|(id, _)| !used.contains(&id.as_str())) {
        Some((unused, _)) => Err(bad(
            "arrayFilters",
            unused,
            "an identifier the update uses as $[<identifier>] (this filter is not used)",
        )),
        None => Ok(()),
    }
}

fn no_filter(operator: &str, path: &str) -> Error {
    bad(
        operator,
        path,
        "an arrayFilters entry for each $[<identifier>] of the path",
    )
}

/// The concrete paths of `keys` in `doc`: `None` when it has no array-element keys (the path
/// itself), else one path per element they select (none when no element matches). Errors name
/// the operator and the path: the array missing or not an array, an identifier without a
/// filter, `$` without a query that matched an element.
pub(super) fn concrete(
    doc: &Value,
    keys: &[String],
    operator: &str,
    context: &ApplyContext,
) -> Result<Option<Vec<Vec<String>>>, Error> {
    if !keys.iter().any(|k| is_dynamic(k)) {
        return Ok(None);
    }
    let walk = Walk {
        root: doc,
        operator,
        path: keys.join("."),
        context,
    };
    let mut out = Vec::new();
    walk.expand(
        Some(doc),
        keys,
        &mut Vec::with_capacity(keys.len()),
        &mut out,
    )?;
    Ok(Some(out))
}

/// One path being made concrete.
struct Walk<'a> {
    root: &'a Value,
    operator: &'a str,
    path: String,
    context: &'a ApplyContext,
}

impl Walk<'_> {
    /// Extends `prefix` (the concrete keys so far, down to `current`) by `rest`.
    fn expand(
        &self,
        current: Option<&Value>,
        rest: &[String],
        prefix: &mut Vec<String>,
        out: &mut Vec<Vec<String>>,
    ) -> Result<(), Error> {
        let Some((key, rest)) = rest.split_first() else {
            out.push(prefix.clone());
            return Ok(());
        };
        if let Segment::Key(k) = segment(key) {
            prefix.push(k.to_string());
            self.expand(current.and_then(|v| child(v, k)), rest, prefix, out)?;
            prefix.pop();
            return Ok(());
        }
        let items = match current {
            Some(Value::Array(items)) => items,
            Some(_) => return Err(bad(
                self.operator,
                &self.path,
                "an array before $, $[] or $[<identifier>] (the document holds another type there)",
            )),
            None => {
                return Err(bad(
                    self.operator,
                    &self.path,
                    "the array before $, $[] or $[<identifier>] to be in the document",
                ))
            }
        };
        for i in self.selected(segment(key), items, prefix)? {
            prefix.push(i.to_string());
            self.expand(items.get(i), rest, prefix, out)?;
            prefix.pop();
        }
        Ok(())
    }

    /// The indexes of `items` (the array at `prefix`) that an array-element key selects.
    fn selected(
        &self,
        key: Segment<'_>,
        items: &[Value],
        prefix: &[String],
    ) -> Result<Vec<usize>, Error> {
        match key {
            Segment::All => Ok((0..items.len()).collect()),
            Segment::Filtered(identifier) => {
                let Some((_, filter)) = self
                    .context
                    .array_filters
                    .iter()
                    .find(|(id, _)| id == identifier)
                else {
                    return Err(no_filter(self.operator, &self.path));
                };
                let mut hits = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    let wrapped = Value::Object(
                        [(identifier.to_string(), item.clone())]
                            .into_iter()
                            .collect(),
                    );
                    match filter::eval::matches(filter, &wrapped) {
                        Some(true) => hits.push(i),
                        Some(false) => {}
                        None => {
                            return Err(Error::Unsupported {
                                what: "$regex in arrayFilters".into(),
                                path: self.path.clone(),
                            })
                        }
                    }
                }
                Ok(hits)
            }
            Segment::Positional => Ok(vec![self.positional(items, prefix)?]),
            Segment::Key(_) => Ok(Vec::new()),
        }
    }

    /// The index `$` stands for in `items`, the array at `prefix`: the first element for which
    /// the query's conditions on this array (see [`on_array`]) hold when the array is read as
    /// holding that element alone. An error when the query says nothing of this array or no
    /// element meets it (MongoDB: "The positional operator did not find the match needed from
    /// the query").
    fn positional(&self, items: &[Value], prefix: &[String]) -> Result<usize, Error> {
        let not_found = || {
            bad(
                self.operator,
                &self.path,
                "a query that matched an element of this array (the positional operator did not find the match needed from the query)",
            )
        };
        let Some(query) = &self.context.positional else {
            return Err(not_found());
        };
        let Some(conditions) = on_array(query, prefix) else {
            return Err(not_found());
        };
        let mut probe = self.root.clone();
        for (i, item) in items.iter().enumerate() {
            let Some(array) = at_mut(&mut probe, prefix) else {
                return Err(not_found());
            };
            *array = Value::Array(vec![item.clone()]);
            match filter::eval::matches(&conditions, &probe) {
                Some(true) => return Ok(i),
                Some(false) => {}
                None => {
                    return Err(Error::Unsupported {
                        what: "$regex in the query of a positional $ update".into(),
                        path: self.path.clone(),
                    })
                }
            }
        }
        Err(not_found())
    }
}

/// The part of `query` that can give `$` its element in the array at `prefix`: the conditions on
/// that path or paths under it, through `$and` and `$or` (the branches that name the array),
/// without negations (`$ne`, `$nin`, `$not`, `$nor`, `$exists: false`), which the manual says
/// cannot ("If the query matches the array using a negation operator ... you cannot use the
/// positional operator"); a negation inside `$elemMatch` stays. `None` when nothing is left.
fn on_array(query: &Filter, prefix: &[String]) -> Option<Filter> {
    let kept = |parts: &[Filter]| -> Option<Vec<Filter>> {
        let kept: Vec<Filter> = parts.iter().filter_map(|p| on_array(p, prefix)).collect();
        (!kept.is_empty()).then_some(kept)
    };
    match query {
        Filter::And(parts) => kept(parts).map(Filter::And),
        Filter::Or(parts) => kept(parts).map(Filter::Or),
        Filter::Nor(_) | Filter::Expr(_) => None,
        // A condition that names a position of this array ("a.0" for the array "a") matches
        // by offset, without traversing the array: MongoDB gives `$` no element from it
        // (update_array_offset_positional.js).
        Filter::Field(path, cond)
            if path.0.starts_with(prefix)
                && path
                    .0
                    .get(prefix.len())
                    .is_none_or(|k| filter::eval::array_position(k).is_none()) =>
        {
            positive(cond).map(|cond| Filter::Field(path.clone(), cond))
        }
        Filter::Field(..) => None,
    }
}

/// A condition without its negations (`None` when it is nothing else).
fn positive(cond: &Cond) -> Option<Cond> {
    match cond {
        Cond::Not(_) | Cond::Exists(false) => None,
        Cond::All(conds) => {
            let kept: Vec<Cond> = conds.iter().filter_map(positive).collect();
            (!kept.is_empty()).then_some(Cond::All(kept))
        }
        other => Some(other.clone()),
    }
}

/// The value at `keys`, to change it (objects and array indexes).
fn at_mut<'a>(doc: &'a mut Value, keys: &[String]) -> Option<&'a mut Value> {
    keys.iter().try_fold(doc, |value, key| match value {
        Value::Object(map) => map.get_mut(key),
        Value::Array(items) => super::apply::index(key).and_then(|i| items.get_mut(i)),
        _ => None,
    })
}

/// Refuses two concrete paths of different operators where one is a prefix of (or the same as)
/// the other: MongoDB's "Update created a conflict at …", found only once array filters and the
/// query have selected elements (`a.$[i].c` and `a.$[j].c` where `i` and `j` match the same
/// element). `targets[n]` holds the concrete paths of `update.0[n]` ([`concrete`]).
pub(super) fn check_concrete(
    update: &Update,
    targets: &[Option<Vec<Vec<String>>>],
) -> Result<(), Error> {
    let mut all: Vec<(&[String], usize)> = Vec::new();
    for (n, ((_, keys, op), paths)) in update.0.iter().zip(targets).enumerate() {
        match paths {
            None => all.push((keys.as_slice(), n)),
            Some(paths) => all.extend(paths.iter().map(|p| (p.as_slice(), n))),
        }
        if let super::Op::Rename(to) = op {
            all.push((to.as_slice(), n));
        }
    }
    // Sorted, a path is followed by the paths it is a prefix of: if one is, the next one is.
    all.sort();
    for pair in all.windows(2) {
        let ((a, i), (b, j)) = (pair[0], pair[1]);
        if i != j && b.starts_with(a) {
            return Err(Error::ConflictingUpdate {
                first: format!("{} {}", update.0[i].0, a.join(".")),
                second: format!("{} {}", update.0[j].0, b.join(".")),
            });
        }
    }
    Ok(())
}
