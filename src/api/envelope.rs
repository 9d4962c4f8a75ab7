//! Decoding the API's answer envelope `{"code": 200, "data": ..., "err": ""}`.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::error::ApiError;

/// The code of a successful envelope.
const OK: i64 = 200;

/// Decodes one answer of the API, given its HTTP status and the raw body bytes.
///
/// - a non-2xx status with a body that is an envelope whose `code` is not 200 → [`ApiError::Api`];
/// - a non-2xx status otherwise (empty, HTML, garbled…) → [`ApiError::Http`];
/// - a 2xx status with a body that is not the envelope → [`ApiError::BadResponse`];
/// - an envelope whose `code` is not 200 → [`ApiError::Api`] with its `code` and `err`;
/// - `code == 200` → `data` decoded as `T`, or [`ApiError::BadResponse`] if it has another shape.
///
/// An envelope is a JSON object whose `code` is an integer; `err` may be missing or `null`
/// (read as ""), and so may `data` (read as `null`). This function never panics.
///
/// ```
/// use oauthapp_login::api::{decode_envelope, ApiError};
/// let ok: bool = decode_envelope(200, br#"{"code":200,"data":true,"err":""}"#).unwrap();
/// assert!(ok);
/// let refused = decode_envelope::<bool>(200, br#"{"code":409,"data":null,"err":"taken"}"#);
/// assert_eq!(refused, Err(ApiError::Api { code: 409, err: "taken".into() }));
/// ```
pub fn decode_envelope<T: DeserializeOwned>(status: u16, body: &[u8]) -> Result<T, ApiError> {
    let envelope = parse_envelope(body);
    let success_status = (200..300).contains(&status);
    match envelope {
        Some(env) if env.code != OK => Err(ApiError::Api {
            code: env.code,
            err: env.err,
        }),
        _ if !success_status => Err(ApiError::Http { status }),
        None => Err(ApiError::BadResponse(describe_non_envelope(body))),
        Some(env) => super::decode::from_value(env.data)
            .map_err(|e| ApiError::BadResponse(format!("unexpected data: {e}"))),
    }
}

/// The parts of a well-formed envelope.
struct Envelope {
    code: i64,
    data: Value,
    err: String,
}

/// Reads `body` as an envelope, or `None` when it is not one.
fn parse_envelope(body: &[u8]) -> Option<Envelope> {
    let Value::Object(mut map) = serde_json::from_slice::<Value>(body).ok()? else {
        return None;
    };
    let code = map.get("code")?.as_i64()?;
    let err = text_of(take(&mut map, "err"));
    let data = take(&mut map, "data");
    Some(Envelope { code, data, err })
}

/// Removes `key` from `map`, giving `null` when it is missing.
fn take(map: &mut Map<String, Value>, key: &str) -> Value {
    map.remove(key).unwrap_or(Value::Null)
}

/// The `err` field as text: a string as is, `null` as "", anything else as compact JSON.
fn text_of(value: Value) -> String {
    match value {
        Value::String(s) => s,
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// A short description of a body that is not the envelope, for [`ApiError::BadResponse`].
fn describe_non_envelope(body: &[u8]) -> String {
    if body.iter().all(u8::is_ascii_whitespace) {
        return "empty answer".to_owned();
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(_) => "JSON that is not the API envelope".to_owned(),
        Err(_) => "an answer that is not JSON".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_err_and_data_are_tolerated() {
        let v: Option<bool> = decode_envelope(200, br#"{"code":200}"#).unwrap();
        assert_eq!(v, None);
        let e = decode_envelope::<bool>(200, br#"{"code":500,"err":null}"#);
        assert_eq!(
            e,
            Err(ApiError::Api {
                code: 500,
                err: String::new()
            })
        );
    }

    #[test]
    fn non_string_err_is_kept_as_json_text() {
        let e = decode_envelope::<bool>(200, br#"{"code":400,"err":{"field":"phone"}}"#);
        assert_eq!(
            e,
            Err(ApiError::Api {
                code: 400,
                err: r#"{"field":"phone"}"#.into()
            })
        );
    }

    #[test]
    fn code_must_be_an_integer() {
        for body in [
            &br#"{"code":"200","data":true}"#[..],
            br#"{"code":200.5,"data":true}"#,
            br#"{"code":null,"data":true}"#,
            br#"{"data":true,"err":""}"#,
        ] {
            assert!(matches!(
                decode_envelope::<bool>(200, body),
                Err(ApiError::BadResponse(_))
            ));
        }
    }

    #[test]
    fn descriptions_name_the_kind_of_body() {
        assert_eq!(describe_non_envelope(b" \n"), "empty answer");
        assert_eq!(
            describe_non_envelope(b"[1]"),
            "JSON that is not the API envelope"
        );
        assert_eq!(
            describe_non_envelope(b"<html>"),
            "an answer that is not JSON"
        );
    }
}
