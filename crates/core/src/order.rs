//! MongoDB's order of values (the comparison order of `$gt`/`$lt` within a type, of `sort`, of
//! `$min`/`$max`, `$push`'s `$sort` and `$expr`): one implementation for every user.

use serde_json::Value;

/// MongoDB's canonical order of the JSON types: null, numbers, strings, objects, arrays,
/// booleans.
pub fn type_rank(value: &Value) -> u8 {
    match value {
        Value::Null => 1,
        Value::Number(_) => 2,
        Value::String(_) => 3,
        Value::Object(_) => 4,
        Value::Array(_) => 5,
        Value::Bool(_) => 6,
    }
}

/// MongoDB's order of two values (the order `sort` and comparisons use): null, numbers (by
/// value), strings (by code point), objects, arrays, booleans (`false` < `true`). Objects
/// compare pair by pair — the value's type, then the key, then the value — and a prefix is
/// less; their pairs are taken in jsonb's key order (shorter keys first, then by bytes), since
/// jsonb keeps no other. Arrays compare element by element (type, then value), a prefix less.
pub fn compare_values(a: &Value, b: &Value) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    fn numbers(a: &serde_json::Number, b: &serde_json::Number) -> Ordering {
        let (x, y) = (a.to_string(), b.to_string());
        if let (Ok(i), Ok(j)) = (x.parse::<i128>(), y.parse::<i128>()) {
            return i.cmp(&j);
        }
        let (f, g) = (
            x.parse::<f64>().unwrap_or(0.0),
            y.parse::<f64>().unwrap_or(0.0),
        );
        f.partial_cmp(&g).unwrap_or(Ordering::Equal)
    }
    fn jsonb_key_order(x: &str, y: &str) -> Ordering {
        x.len()
            .cmp(&y.len())
            .then_with(|| x.as_bytes().cmp(y.as_bytes()))
    }
    fn sorted(m: &serde_json::Map<String, Value>) -> Vec<(&String, &Value)> {
        let mut pairs: Vec<(&String, &Value)> = m.iter().collect();
        pairs.sort_by(|p, q| jsonb_key_order(p.0, q.0));
        pairs
    }
    fn element(a: &Value, b: &Value) -> Ordering {
        type_rank(a)
            .cmp(&type_rank(b))
            .then_with(|| compare_values(a, b))
    }
    type_rank(a).cmp(&type_rank(b)).then_with(|| match (a, b) {
        (Value::Number(x), Value::Number(y)) => numbers(x, y),
        (Value::String(x), Value::String(y)) => x.as_bytes().cmp(y.as_bytes()),
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        (Value::Array(x), Value::Array(y)) => {
            for (v, w) in x.iter().zip(y) {
                let order = element(v, w);
                if order.is_ne() {
                    return order;
                }
            }
            x.len().cmp(&y.len())
        }
        (Value::Object(x), Value::Object(y)) => {
            let (x, y) = (sorted(x), sorted(y));
            for ((k, v), (l, w)) in x.iter().zip(&y) {
                let order = type_rank(v)
                    .cmp(&type_rank(w))
                    .then_with(|| jsonb_key_order(k, l))
                    .then_with(|| compare_values(v, w));
                if order.is_ne() {
                    return order;
                }
            }
            x.len().cmp(&y.len())
        }
        _ => Ordering::Equal,
    })
}

#[cfg(test)]
mod order_tests {
    use super::compare_values;
    use serde_json::json;
    use std::cmp::Ordering::*;

    #[test]
    fn mongodb_order_across_and_within_types() {
        // Types: null < numbers < strings < objects < arrays < booleans.
        let ascending = [
            json!(null),
            json!(-1),
            json!(2.5),
            json!("a"),
            json!({}),
            json!([]),
            json!(false),
            json!(true),
        ];
        for pair in ascending.windows(2) {
            assert_eq!(compare_values(&pair[0], &pair[1]), Less, "{pair:?}");
        }
        assert_eq!(compare_values(&json!(0), &json!(-0.0)), Equal);
        assert_eq!(compare_values(&json!(30), &json!(30.0)), Equal);
        // Arrays element by element, a prefix first; an element's type before its value.
        assert_eq!(compare_values(&json!([1, 2]), &json!([1, 3])), Less);
        assert_eq!(compare_values(&json!([1]), &json!([1, 0])), Less);
        assert_eq!(compare_values(&json!([2]), &json!([1, 5])), Greater);
        assert_eq!(compare_values(&json!([5]), &json!(["a"])), Less);
        // Objects pair by pair: the value's type, the key, the value.
        assert_eq!(compare_values(&json!({"a": 1}), &json!({"a": 2})), Less);
        assert_eq!(compare_values(&json!({"a": 1}), &json!({"b": 0})), Less);
        assert_eq!(compare_values(&json!({"b": 1}), &json!({"a": "x"})), Less);
        assert_eq!(compare_values(&json!({}), &json!({"a": null})), Less);
    }
}
