//! The one path from JSON to a typed value: text → [`serde_json::Value`] → `T`.
//!
//! Every answer, stored token and JWT payload is read as a `Value` by serde_json's reader and
//! then decoded here, by a small [`Deserializer`] over the `Value` whose error carries no text.
//! Why not `serde_json::from_value` or `from_slice::<T>`: their errors spell out what was
//! wrong ("invalid type: floating point `1.5`, expected a string"), and that wording links
//! core's float and `Debug` formatting into the wasm (about 20 KB of code) for messages no
//! person reads: what a person reads is the sentence of [`ApiError`](super::ApiError)'s kind.

use core::fmt;

use serde::de::value::{MapAccessDeserializer, MapDeserializer, SeqDeserializer};
use serde::de::{self, DeserializeOwned, IntoDeserializer, Visitor};
use serde::forward_to_deserialize_any;
use serde_json::Value;

/// `value` decoded as `T`, or [`Mismatch`] when it has another shape.
pub(crate) fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, Mismatch> {
    T::deserialize(ValueDe(value))
}

/// `bytes` read as JSON and decoded as `T`; `None` when they are not JSON or not of its shape.
pub(crate) fn from_slice<T: DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    from_value(serde_json::from_slice::<Value>(bytes).ok()?).ok()
}

/// A value that does not have the shape asked for. Says no more, on purpose (see the module).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mismatch;

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the data does not have the expected shape")
    }
}

impl std::error::Error for Mismatch {}

impl de::Error for Mismatch {
    fn custom<T: fmt::Display>(_msg: T) -> Self {
        Mismatch
    }
}

/// A [`Value`] as a [`Deserializer`](de::Deserializer) whose error is [`Mismatch`].
struct ValueDe(Value);

impl<'de> IntoDeserializer<'de, Mismatch> for ValueDe {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

/// The entries of a JSON object, for a map or a struct.
fn entries(map: serde_json::Map<String, Value>) -> impl Iterator<Item = (String, ValueDe)> {
    map.into_iter().map(|(k, v)| (k, ValueDe(v)))
}

impl<'de> de::Deserializer<'de> for ValueDe {
    type Error = Mismatch;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    visitor.visit_u64(u)
                } else if let Some(i) = n.as_i64() {
                    visitor.visit_i64(i)
                } else {
                    visitor.visit_f64(n.as_f64().ok_or(Mismatch)?)
                }
            }
            Value::String(s) => visitor.visit_string(s),
            Value::Array(items) => {
                let mut seq = SeqDeserializer::new(items.into_iter().map(ValueDe));
                let value = visitor.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(value)
            }
            Value::Object(map) => {
                let mut map = MapDeserializer::new(entries(map));
                let value = visitor.visit_map(&mut map)?;
                map.end()?;
                Ok(value)
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            other => visitor.visit_some(ValueDe(other)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Mismatch> {
        visitor.visit_newtype_struct(self)
    }

    /// A unit variant as a string (`"Recharge"`), any variant as a one-entry object
    /// (`{"Recharge": …}`), as serde_json reads them.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Mismatch> {
        match self.0 {
            Value::String(s) => visitor.visit_enum(s.into_deserializer()),
            Value::Object(map) if map.len() == 1 => visitor.visit_enum(MapAccessDeserializer::new(
                MapDeserializer::new(entries(map)),
            )),
            _ => Err(Mismatch),
        }
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Debug, PartialEq, Deserialize)]
    enum Kind {
        A,
        B(u8),
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Probe {
        n: u32,
        i: i64,
        f: f64,
        s: String,
        o: Option<bool>,
        l: Vec<u8>,
        k: Kind,
        #[serde(default)]
        missing: Option<String>,
    }

    #[test]
    fn decodes_every_json_shape_as_serde_json_does() {
        let v = json!({"n": 7, "i": -3, "f": 1.5, "s": "x", "o": null, "l": [1, 2], "k": "A",
                       "extra": {"ignored": [true]}});
        let want = Probe {
            n: 7,
            i: -3,
            f: 1.5,
            s: "x".into(),
            o: None,
            l: vec![1, 2],
            k: Kind::A,
            missing: None,
        };
        assert_eq!(from_value::<Probe>(v.clone()), Ok(want));
        assert_eq!(
            from_value::<Probe>(v.clone()).ok(),
            serde_json::from_value::<Probe>(v).ok()
        );
        assert_eq!(from_value::<Kind>(json!({"B": 4})), Ok(Kind::B(4)));
        assert_eq!(from_slice::<Vec<u8>>(b" [1,2] "), Some(vec![1, 2]));
    }

    #[test]
    fn other_shapes_are_a_mismatch_never_a_panic() {
        for v in [
            json!(null),
            json!([]),
            json!({"n": "7"}),
            json!({"n": -1, "i": 0, "f": 0, "s": "", "o": true, "l": [], "k": "A"}),
            json!({"n": 1, "i": 0.5, "f": 0, "s": "", "o": true, "l": [], "k": "A"}),
            json!({"n": 1, "i": 0, "f": 0, "s": "", "o": true, "l": [300], "k": "A"}),
            json!({"n": 1, "i": 0, "f": 0, "s": "", "o": true, "l": [], "k": "C"}),
            json!({"n": 1, "i": 0, "f": 0, "s": "", "o": true, "l": [], "k": {"A": 1, "B": 2}}),
        ] {
            assert_eq!(from_value::<Probe>(v), Err(Mismatch));
        }
        assert_eq!(from_slice::<u8>(b"{"), None);
        assert_eq!(from_slice::<u8>(b"1.5"), None);
    }
}
