//! Tolerant field decoders for answers: a server may send `null`, a number where a string was
//! expected, or a numeric string where a number was expected. Used with
//! `#[serde(default, deserialize_with = "...")]`; none of them ever fails on valid JSON.

use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// A string field: strings as they are, numbers and booleans as text, `null` as `None`,
/// arrays and objects as compact JSON text.
pub(crate) fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Null => None,
        Value::String(s) => Some(s),
        other => Some(other.to_string()),
    })
}

/// An integer field: integers, integral floats and numeric strings; anything else is `None`.
pub(crate) fn opt_i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    Ok(int_of(&Value::deserialize(d)?))
}

/// A boolean field: booleans, `0`/`1` and the strings "true"/"false"; anything else is `None`.
pub(crate) fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Bool(b) => Some(b),
        Value::Number(n) => match n.as_i64() {
            Some(0) => Some(false),
            Some(1) => Some(true),
            _ => None,
        },
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        },
        _ => None,
    })
}

/// A list field: an array as is, `null` as an empty list, anything else an error.
/// Items that do not decode as `T` are skipped.
pub(crate) fn list<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    Ok(match Value::deserialize(d)? {
        Value::Array(items) => items
            .into_iter()
            .filter_map(|item| super::decode::from_value(item).ok())
            .collect(),
        Value::Null => Vec::new(),
        other => {
            let msg = format!("expected a list, not {other}");
            return Err(serde::de::Error::custom(msg));
        }
    })
}

/// The integer in `value`, if it holds one (as a number or a numeric string).
pub(crate) fn int_of(value: &Value) -> Option<i64> {
    match value {
        Value::Number(n) => n.as_i64().or_else(|| integral(n.as_f64()?)),
        Value::String(s) => {
            let s = s.trim();
            s.parse::<i64>()
                .ok()
                // serde_json's reader rather than `str::parse::<f64>`, which would add core's
                // float parser and its tables to the wasm; read as a `Value`, the one JSON
                // path (api::decode).
                .or_else(|| {
                    integral(
                        serde_json::from_slice::<Value>(s.as_bytes())
                            .ok()?
                            .as_f64()?,
                    )
                })
        }
        _ => None,
    }
}

/// `f` as an `i64` when it is finite, integral and in range.
fn integral(f: f64) -> Option<i64> {
    // i64::MAX as f64 rounds up to 2^63, so the upper bound is exclusive.
    let in_range = f.is_finite() && f >= i64::MIN as f64 && f < i64::MAX as f64;
    (in_range && f.fract() == 0.0).then_some(f as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn int_of_accepts_numbers_and_numeric_strings_only() {
        assert_eq!(int_of(&json!(19)), Some(19));
        assert_eq!(int_of(&json!(19.0)), Some(19));
        assert_eq!(int_of(&json!(" 42 ")), Some(42));
        assert_eq!(int_of(&json!("1.5e3")), Some(1500));
        assert_eq!(int_of(&json!(1.5)), None);
        assert_eq!(int_of(&json!(1e300)), None);
        assert_eq!(int_of(&json!("NaN")), None);
        assert_eq!(int_of(&json!("abc")), None);
        assert_eq!(int_of(&json!(null)), None);
        assert_eq!(int_of(&json!([1])), None);
    }

    #[derive(Deserialize)]
    struct Probe {
        #[serde(default, deserialize_with = "opt_string")]
        s: Option<String>,
        #[serde(default, deserialize_with = "opt_bool")]
        b: Option<bool>,
        #[serde(default, deserialize_with = "opt_i64")]
        i: Option<i64>,
        #[serde(default, deserialize_with = "list")]
        l: Vec<u8>,
    }

    fn probe(v: Value) -> Probe {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn decoders_tolerate_nulls_and_other_types() {
        let p = probe(json!({"s": 5, "b": "TRUE", "i": "7", "l": [1, "x", 300, 2]}));
        assert_eq!(p.s.as_deref(), Some("5"));
        assert_eq!(p.b, Some(true));
        assert_eq!(p.i, Some(7));
        assert_eq!(p.l, vec![1, 2]);
        let p = probe(json!({"s": null, "b": 3, "i": {}, "l": null}));
        assert_eq!((p.s, p.b, p.i), (None, None, None));
        assert!(p.l.is_empty());
        assert!(serde_json::from_value::<Probe>(json!({"l": "x"})).is_err());
        let p = probe(json!({"s": ["a"], "b": 0}));
        assert_eq!(p.s.as_deref(), Some(r#"["a"]"#));
        assert_eq!(p.b, Some(false));
        let p = probe(json!({}));
        assert_eq!((p.s, p.b, p.i), (None, None, None));
    }
}
