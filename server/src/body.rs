//! Reading request bodies and queries: size limit, JSON object only, fields matched
//! case-insensitively (as the vendor's ASP.NET server does), typed accessors with limits.

use std::collections::HashMap;

use axum::{
    body::Bytes,
    extract::{FromRequest, FromRequestParts, Request},
    http::request::Parts,
};
use serde_json::Value;

use crate::error::ApiError;

/// Largest accepted request body in bytes.
pub const MAX_BODY: usize = 64 * 1024;

/// A JSON object body with keys lower-cased. Unknown fields are ignored.
#[derive(Debug, Default)]
pub struct Fields {
    map: HashMap<String, Value>,
}

impl<S: Send + Sync> FromRequest<S> for Fields {
    type Rejection = ApiError;

    async fn from_request(req: Request, _state: &S) -> Result<Self, Self::Rejection> {
        let bytes: Bytes = axum::body::to_bytes(req.into_body(), MAX_BODY)
            .await
            .map_err(|_| ApiError::BodyTooLarge(MAX_BODY))?;
        Fields::parse(&bytes)
    }
}

impl Fields {
    /// Parses a body: empty, non-JSON and non-object bodies are refused.
    pub fn parse(bytes: &[u8]) -> Result<Fields, ApiError> {
        if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(ApiError::EmptyBody);
        }
        let value: Value = serde_json::from_slice(bytes).map_err(|_| ApiError::BadJson)?;
        match value {
            Value::Object(obj) => Ok(Fields {
                map: obj
                    .into_iter()
                    .map(|(k, v)| (k.to_lowercase(), v))
                    .collect(),
            }),
            _ => Err(ApiError::NotObject),
        }
    }

    /// The raw value of the first present alias that is not null.
    fn raw(&self, names: &[&'static str]) -> Option<(&'static str, &Value)> {
        names.iter().find_map(|n| {
            self.map
                .get(&n.to_lowercase())
                .filter(|v| !v.is_null())
                .map(|v| (*n, v))
        })
    }

    /// Whether any alias is present (even as null or "").
    pub fn has(&self, names: &[&'static str]) -> bool {
        names
            .iter()
            .any(|n| self.map.contains_key(&n.to_lowercase()))
    }

    /// An optional string: absent, null and "" give `None`. Checks length and control chars.
    pub fn opt_str(&self, names: &[&'static str], max: usize) -> Result<Option<String>, ApiError> {
        self.opt_text(names, max, false)
    }

    /// Like [`Fields::opt_str`] but allows line breaks and tabs (free text such as `data`).
    pub fn opt_text(
        &self,
        names: &[&'static str],
        max: usize,
        multiline: bool,
    ) -> Result<Option<String>, ApiError> {
        let Some((name, v)) = self.raw(names) else {
            return Ok(None);
        };
        let s = v.as_str().ok_or(ApiError::WrongType(name, "string"))?;
        if s.is_empty() {
            return Ok(None);
        }
        check_text(name, s, max, multiline)?;
        Ok(Some(s.to_string()))
    }

    /// A required string (absent, null or "" is refused with the first alias named).
    pub fn req_str(&self, names: &[&'static str], max: usize) -> Result<String, ApiError> {
        self.opt_str(names, max)?
            .ok_or(ApiError::Missing(names.first().copied().unwrap_or("?")))
    }

    /// An optional integer; numeric strings are accepted too (ASP.NET's web defaults).
    pub fn opt_int(&self, names: &[&'static str]) -> Result<Option<i64>, ApiError> {
        let Some((name, v)) = self.raw(names) else {
            return Ok(None);
        };
        match v {
            Value::Number(n) => n
                .as_i64()
                .map(Some)
                .ok_or(ApiError::WrongType(name, "integer")),
            Value::String(s) if s.is_empty() => Ok(None),
            Value::String(s) => s
                .trim()
                .parse::<i64>()
                .map(Some)
                .map_err(|_| ApiError::WrongType(name, "integer")),
            _ => Err(ApiError::WrongType(name, "integer")),
        }
    }

    /// A required integer.
    pub fn req_int(&self, names: &[&'static str]) -> Result<i64, ApiError> {
        self.opt_int(names)?
            .ok_or(ApiError::Missing(names.first().copied().unwrap_or("?")))
    }

    /// A required id that may arrive as a JSON number or a string of digits (D7).
    pub fn req_key(&self, names: &[&'static str]) -> Result<i64, ApiError> {
        let name = names.first().copied().unwrap_or("?");
        let Some((name, v)) = self.raw(names) else {
            return Err(ApiError::Missing(name));
        };
        match v {
            Value::Number(n) => n.as_i64().ok_or(ApiError::Invalid(name)),
            Value::String(s) if s.trim().is_empty() => Err(ApiError::Missing(name)),
            Value::String(s) => s.trim().parse::<i64>().map_err(|_| ApiError::Invalid(name)),
            _ => Err(ApiError::WrongType(name, "number or string")),
        }
    }
}

/// Checks a string's length (in characters) and that it has no control characters
/// (line breaks and tabs allowed when `multiline`).
pub fn check_text(
    name: &'static str,
    s: &str,
    max: usize,
    multiline: bool,
) -> Result<(), ApiError> {
    if s.chars().count() > max {
        return Err(ApiError::TooLong(name, max));
    }
    let bad = |c: char| c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t'));
    if s.chars().any(bad) {
        return Err(ApiError::ControlChars(name));
    }
    Ok(())
}

/// The query string as a map with lower-cased keys (first occurrence wins).
#[derive(Debug, Default)]
pub struct QueryMap(pub HashMap<String, String>);

impl<S: Send + Sync> FromRequestParts<S> for QueryMap {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let mut map = HashMap::new();
        if let Some(q) = parts.uri.query() {
            for (k, v) in form_urlencoded::parse(q.as_bytes()) {
                map.entry(k.to_lowercase())
                    .or_insert_with(|| v.into_owned());
            }
        }
        Ok(QueryMap(map))
    }
}

impl QueryMap {
    /// An optional integer parameter within `min..=max`; empty counts as absent.
    pub fn int(&self, name: &'static str, min: i64, max: i64) -> Result<Option<i64>, ApiError> {
        match self.0.get(name).map(|s| s.trim()) {
            None | Some("") => Ok(None),
            Some(s) => match s.parse::<i64>() {
                Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
                Ok(_) => Err(ApiError::Invalid(name)),
                Err(_) => Err(ApiError::WrongType(name, "integer")),
            },
        }
    }

    /// A string parameter.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(|s| s.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_objects_only() {
        assert_eq!(Fields::parse(b"").unwrap_err(), ApiError::EmptyBody);
        assert_eq!(Fields::parse(b"{").unwrap_err(), ApiError::BadJson);
        assert_eq!(Fields::parse(b"[1]").unwrap_err(), ApiError::NotObject);
        let f = Fields::parse(br#"{"UnionId":"x","NICKNAME":"n","n":5}"#).unwrap();
        assert_eq!(f.req_str(&["unionID"], 10).unwrap(), "x");
        assert_eq!(f.opt_str(&["nickName"], 10).unwrap().as_deref(), Some("n"));
        assert_eq!(
            f.req_str(&["n"], 10).unwrap_err(),
            ApiError::WrongType("n", "string")
        );
        assert_eq!(
            f.req_str(&["pwd", "password"], 10).unwrap_err(),
            ApiError::Missing("pwd")
        );
    }

    #[test]
    fn checks_text() {
        assert_eq!(
            check_text("a", "x\u{0}", 10, true),
            Err(ApiError::ControlChars("a"))
        );
        assert_eq!(
            check_text("a", "x\n", 10, false),
            Err(ApiError::ControlChars("a"))
        );
        assert!(check_text("a", "x\n", 10, true).is_ok());
        assert_eq!(
            check_text("a", "xxx", 2, false),
            Err(ApiError::TooLong("a", 2))
        );
    }
}
