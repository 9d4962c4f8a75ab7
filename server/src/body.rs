//! Reading request bodies and queries: size limit, JSON object only, fields matched
//! case-insensitively (as the vendor's ASP.NET server does) against the fields the call
//! declares, typed accessors with limits.

use std::collections::HashMap;

use axum::{
    body::Bytes,
    extract::{FromRequest, FromRequestParts, Request},
    http::request::Parts,
};
use serde_json::{Map, Value};

use crate::error::ApiError;

/// Largest accepted request body in bytes.
pub const MAX_BODY: usize = 64 * 1024;

/// Longest unknown field name quoted back in an error (characters).
const MAX_SHOWN_NAME: usize = 64;

/// A JSON object body whose field names are not checked yet. A handler turns it into
/// [`Fields`] with [`Body::accept`] and the list of fields its call takes, so no call can
/// read a body without declaring its fields.
#[derive(Debug, Default)]
pub struct Body(Map<String, Value>);

impl<S: Send + Sync> FromRequest<S> for Body {
    type Rejection = ApiError;

    async fn from_request(req: Request, _state: &S) -> Result<Self, Self::Rejection> {
        let limit = req
            .extensions()
            .get::<BodyTimeout>()
            .map_or(DEFAULT_BODY_TIMEOUT, |t| t.0);
        let read = axum::body::to_bytes(req.into_body(), MAX_BODY);
        let bytes: Bytes = tokio::time::timeout(limit, read)
            .await
            .map_err(|_| ApiError::BodyTimeout)?
            .map_err(|_| ApiError::BodyTooLarge(MAX_BODY))?;
        Body::parse(&bytes)
    }
}

/// How long a request's body may take to arrive (a request extension set by the router).
#[derive(Clone, Copy, Debug)]
pub struct BodyTimeout(pub std::time::Duration);

/// The body time-out when the router sets none.
const DEFAULT_BODY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

impl Body {
    /// Parses a body: empty, non-JSON and non-object bodies are refused.
    pub fn parse(bytes: &[u8]) -> Result<Body, ApiError> {
        if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(ApiError::EmptyBody);
        }
        let value: Value = serde_json::from_slice(bytes).map_err(|_| ApiError::BadJson)?;
        match value {
            Value::Object(obj) => Ok(Body(obj)),
            _ => Err(ApiError::NotObject),
        }
    }

    /// Checks every field name against `accepted` (case-insensitively); the first one that
    /// is not there is refused with its name as sent.
    pub fn accept(self, accepted: &'static [&'static str]) -> Result<Fields, ApiError> {
        let mut map = HashMap::with_capacity(self.0.len());
        for (name, value) in self.0 {
            let key = name.to_lowercase();
            if !accepted.iter().any(|a| a.to_lowercase() == key) {
                return Err(ApiError::UnknownField(shown(&name)));
            }
            map.insert(key, value);
        }
        Ok(Fields { map, accepted })
    }
}

/// A field name fit to quote in a sentence: at most [`MAX_SHOWN_NAME`] characters,
/// control characters escaped.
fn shown(name: &str) -> String {
    let mut s = String::new();
    for c in name.chars().take(MAX_SHOWN_NAME) {
        if c.is_control() {
            s.extend(c.escape_default());
        } else {
            s.push(c);
        }
    }
    if name.chars().nth(MAX_SHOWN_NAME).is_some() {
        s.push('…');
    }
    s
}

/// The fields of a body that passed [`Body::accept`], keys lower-cased.
#[derive(Debug, Default)]
pub struct Fields {
    map: HashMap<String, Value>,
    accepted: &'static [&'static str],
}

impl Fields {
    /// The map key of a field name. A handler asking for a field its call does not declare
    /// is a bug (the field could never arrive), caught in debug builds.
    fn key(&self, name: &str) -> String {
        debug_assert!(
            self.accepted.iter().any(|a| a.eq_ignore_ascii_case(name)),
            "field `{name}` read but not declared"
        );
        name.to_lowercase()
    }

    /// The raw value of the first present alias that is not null.
    fn raw(&self, names: &[&'static str]) -> Option<(&'static str, &Value)> {
        names.iter().find_map(|n| {
            self.map
                .get(&self.key(n))
                .filter(|v| !v.is_null())
                .map(|v| (*n, v))
        })
    }

    /// Whether any alias is present (even as null or "").
    pub fn has(&self, names: &[&'static str]) -> bool {
        names.iter().any(|n| self.map.contains_key(&self.key(n)))
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

    /// The fields these tests declare.
    const ACCEPTED: &[&str] = &["unionID", "nickName", "n", "pwd", "password"];

    fn fields(body: &[u8]) -> Result<Fields, ApiError> {
        Body::parse(body)?.accept(ACCEPTED)
    }

    #[test]
    fn parses_objects_only() {
        assert_eq!(fields(b"").unwrap_err(), ApiError::EmptyBody);
        assert_eq!(fields(b"{").unwrap_err(), ApiError::BadJson);
        assert_eq!(fields(b"[1]").unwrap_err(), ApiError::NotObject);
        let f = fields(br#"{"UnionId":"x","NICKNAME":"n","n":5}"#).unwrap();
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
    fn refuses_undeclared_fields_by_their_sent_name() {
        assert_eq!(
            fields(br#"{"unionID":"x","Extra":1}"#).unwrap_err(),
            ApiError::UnknownField("Extra".into())
        );
        assert_eq!(
            fields(br#"{"":1}"#).unwrap_err(),
            ApiError::UnknownField(String::new())
        );
        let long = format!(r#"{{"{}\u0001":1}}"#, "x".repeat(70));
        assert_eq!(
            fields(long.as_bytes()).unwrap_err(),
            ApiError::UnknownField(format!("{}…", "x".repeat(64)))
        );
        assert_eq!(
            fields(br#"{"a\u0007b":1}"#).unwrap_err(),
            ApiError::UnknownField("a\\u{7}b".into())
        );
        assert!(fields(br#"{"PASSWORD":"p","Pwd":"q","nickname":null}"#).is_ok());
        assert!(fields(b"{}").is_ok());
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
