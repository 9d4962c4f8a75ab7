//! Calls 12–15: sign-in by QR code (web side: pre-sign-in and polling; phone side: scan and
//! confirm), with the opaque [`SignInKey`] (D7) and the polling states of D4.

use core::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use super::client::Client;
use super::envelope::decode_envelope;
use super::error::ApiError;
use super::lenient;
use super::route::Route;
use super::token::Token;

/// The key of one QR sign-in, as `QRCodePreSignIn` gave it: a JSON number or string, kept as
/// it came and sent back unchanged (D7).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct SignInKey(Value);

impl SignInKey {
    /// A key that is a JSON number.
    pub fn from_number(n: i64) -> Self {
        SignInKey(Value::from(n))
    }

    /// A key that is a JSON string.
    pub fn from_text(s: impl Into<String>) -> Self {
        SignInKey(Value::String(s.into()))
    }

    /// The key as JSON, exactly as it came.
    pub fn as_json(&self) -> &Value {
        &self.0
    }
}

impl fmt::Display for SignInKey {
    /// The key as text, for a QR template's `{signInKey}`: a string without quotes, a number
    /// as its digits.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Value::String(s) => f.write_str(s),
            other => write!(f, "{other}"),
        }
    }
}

impl<'de> Deserialize<'de> for SignInKey {
    /// Accepts a JSON number or a non-empty string; anything else is an error.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Value::deserialize(d)? {
            v @ Value::Number(_) => Ok(SignInKey(v)),
            Value::String(s) if !s.trim().is_empty() => Ok(SignInKey(Value::String(s))),
            other => Err(serde::de::Error::custom(format!(
                "a sign-in key must be a number or a non-empty string, not {other}"
            ))),
        }
    }
}

/// Request of `QRCodePreSignIn`. Serialized with the constant `"scheme": "app"`:
/// `{"scheme", "scopes", "remark"?}`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QrPreSignInRequest {
    /// Space-separated scopes, e.g. `openid phone`.
    pub scopes: String,
    /// A note shown on the phone side, if any.
    pub remark: Option<String>,
}

impl Serialize for QrPreSignInRequest {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        /// The body on the wire.
        #[derive(Serialize)]
        struct Wire<'a> {
            scheme: &'a str,
            scopes: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            remark: Option<&'a str>,
        }
        Wire {
            scheme: "app",
            scopes: &self.scopes,
            remark: self.remark.as_deref(),
        }
        .serialize(s)
    }
}

/// The body of `QRCodeSignIn` and `QRCodeScan`: `{"signInKey"}`.
#[derive(Serialize)]
pub(crate) struct KeyBody<'a> {
    /// The key, as it came.
    #[serde(rename = "signInKey")]
    pub(crate) sign_in_key: &'a SignInKey,
}

/// Request of `QRCodeSignUp` (phone side: confirms the web side's sign-in, creating the user if
/// new). Optional fields are left out of the JSON when `None`.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QrSignUpRequest {
    /// The mini-program user's unionId/openid (sent as `unionID`).
    #[serde(rename = "unionID")]
    pub union_id: String,
    /// The key shown by the web side.
    pub sign_in_key: SignInKey,
    /// Password.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pwd: Option<String>,
    /// Display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nick_name: Option<String>,
    /// Avatar URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
    /// The application's custom data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
    /// Phone number (required when the app verifies phones).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The code sent to `phone`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_code: Option<String>,
    /// Email address (required when the app verifies emails).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The code sent to `email`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_code: Option<String>,
}

impl QrSignUpRequest {
    /// A request confirming `sign_in_key` for the user `union_id`, with no optional field.
    pub fn new(union_id: impl Into<String>, sign_in_key: SignInKey) -> Self {
        QrSignUpRequest {
            union_id: union_id.into(),
            sign_in_key,
            pwd: None,
            nick_name: None,
            avatar: None,
            data: None,
            phone: None,
            phone_code: None,
            email: None,
            email_code: None,
        }
    }
}

/// The application card `QRCodeScan` answers, shown on the phone before confirming.
/// Every field tolerates `null` and a missing key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AppCard {
    /// The application id (`appID`).
    #[serde(rename = "appID", default, deserialize_with = "lenient::opt_i64")]
    pub app_id: Option<i64>,
    /// The application's name.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub name: Option<String>,
    /// Logo URL.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub logo: Option<String>,
    /// Website URL.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub website: Option<String>,
    /// Description.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub description: Option<String>,
    /// Tags.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub tags: Option<String>,
    /// Space-separated scopes asked for.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub scopes: Option<String>,
    /// The remark given at pre-sign-in.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub remark: Option<String>,
    /// The scheme, `app`.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub scheme: Option<String>,
}

/// One poll of `QRCodeSignIn` (D4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QrPoll {
    /// Not scanned yet (`code` 201, or any other "not yet" answer).
    Waiting,
    /// Scanned, waiting for the phone to confirm (`code` 202).
    Scanned,
    /// The key has expired (`code` 410): offer a fresh code.
    Expired,
    /// Confirmed (`code` 200 with a token).
    SignedIn(Token),
}

/// Decodes one answer of `QRCodeSignIn` by D4: `code` 200 with a token → signed in, 202 →
/// scanned, 410 → expired, any other envelope → waiting. A network failure, an HTTP error
/// without an envelope, or a success status without one stay errors. Never panics.
pub fn decode_qr_poll(status: u16, body: &[u8]) -> Result<QrPoll, ApiError> {
    match decode_envelope::<Value>(status, body) {
        Ok(data) => Ok(super::decode::from_value::<Token>(data)
            .ok()
            .filter(|t| !t.access_token.trim().is_empty())
            .map_or(QrPoll::Waiting, QrPoll::SignedIn)),
        Err(ApiError::Api { code: 202, .. }) => Ok(QrPoll::Scanned),
        Err(ApiError::Api { code: 410, .. }) => Ok(QrPoll::Expired),
        Err(ApiError::Api { .. }) => Ok(QrPoll::Waiting),
        Err(other) => Err(other),
    }
}

impl Client {
    /// Call 12, `POST /api/AppUsers/:appId/QRCodePreSignIn`: starts a QR sign-in and gives its
    /// key.
    pub async fn qr_pre_sign_in(&self, req: &QrPreSignInRequest) -> Result<SignInKey, ApiError> {
        self.send_json(Route::QrPreSignIn, req).await
    }

    /// Call 13, `POST /api/AppUsers/:appId/QRCodeSignIn`: one poll of a QR sign-in (poll about
    /// every 2 s until [`QrPoll::SignedIn`] or [`QrPoll::Expired`]).
    pub async fn qr_sign_in(&self, key: &SignInKey) -> Result<QrPoll, ApiError> {
        let body = KeyBody { sign_in_key: key };
        let json = serde_json::to_string(&body).map_err(|e| ApiError::Encode(e.to_string()))?;
        let (status, bytes) = self.exchange(Route::QrSignIn, Some(json)).await?;
        decode_qr_poll(status, &bytes)
    }

    /// Call 14, `POST /api/AppUsers/:appId/QRCodeScan` (phone side): tells the server the code
    /// was scanned and gives the application's card.
    pub async fn qr_scan(&self, key: &SignInKey) -> Result<AppCard, ApiError> {
        self.send_json(Route::QrScan, &KeyBody { sign_in_key: key })
            .await
    }

    /// Call 15, `POST /api/AppUsers/:appId/QRCodeSignUp` (phone side): confirms the sign-in,
    /// creating the user if new.
    pub async fn qr_sign_up(&self, req: &QrSignUpRequest) -> Result<Token, ApiError> {
        self.send_json(Route::QrSignUp, req).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn key_body_sends_the_key_as_it_came() {
        let n: SignInKey = serde_json::from_str("19").unwrap();
        let s: SignInKey = serde_json::from_str(r#""k-19""#).unwrap();
        let body = |k| serde_json::to_value(KeyBody { sign_in_key: k }).unwrap();
        assert_eq!(body(&n), json!({"signInKey": 19}));
        assert_eq!(body(&s), json!({"signInKey": "k-19"}));
    }

    #[test]
    fn key_rejects_other_json() {
        for bad in ["null", "true", "\"\"", "[19]", "{}"] {
            assert!(serde_json::from_str::<SignInKey>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn key_displays_without_quotes() {
        assert_eq!(SignInKey::from_number(19).to_string(), "19");
        assert_eq!(SignInKey::from_text("ab").to_string(), "ab");
    }
}
