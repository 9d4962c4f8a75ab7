//! Calls 16–19: OAuth grant codes, their exchange for a token, and the user's consents.

use serde::{Deserialize, Serialize, Serializer};

use super::client::Client;
use super::error::ApiError;
use super::lenient;
use super::route::Route;
use super::token::Token;

/// How the user proves who they are when asking for a grant code; gives `grant_type`.
#[derive(Clone, PartialEq, Eq)]
pub enum Grant {
    /// `grant_type` `email`, with `userName` (the email) and `password`.
    Email {
        /// The email address.
        user_name: String,
        /// The password.
        password: String,
    },
    /// `grant_type` `phone`, with `userName` (the phone) and `password`.
    Phone {
        /// The phone number.
        user_name: String,
        /// The password.
        password: String,
    },
    /// `grant_type` `account`, with `userName` and `password`.
    Account {
        /// The user name.
        user_name: String,
        /// The password.
        password: String,
    },
    /// `grant_type` `unionid`, with `unionId` and `platform`.
    UnionId {
        /// The third-party id.
        union_id: String,
        /// Its platform.
        platform: String,
    },
}

impl Grant {
    /// The `grant_type` sent for this grant.
    pub fn grant_type(&self) -> &'static str {
        match self {
            Grant::Email { .. } => "email",
            Grant::Phone { .. } => "phone",
            Grant::Account { .. } => "account",
            Grant::UnionId { .. } => "unionid",
        }
    }
}

/// Request of `GrantCode`: `{"grant_type", "scopes", "redirect_uri", "userName"?, "password"?,
/// "unionId"?, "platform"?, "expireInDays"?}` (the credentials of [`Grant`] decide which).
#[derive(Clone, PartialEq, Eq)]
pub struct GrantCodeRequest {
    /// Who the user is and how they prove it.
    pub grant: Grant,
    /// Space-separated scopes.
    pub scopes: String,
    /// Where the browser goes with `?code=...` after consent (D8).
    pub redirect_uri: String,
    /// How many days the consent lasts, 1..=99 (the server's default is 1).
    pub expire_in_days: Option<u8>,
    /// The PKCE challenge of the app that asked (RFC 7636, `S256`: see
    /// [`pkce::code_challenge`](super::pkce::code_challenge)), sent as `code_challenge` with
    /// `code_challenge_method: "S256"`; the code is then exchanged only with its verifier.
    pub code_challenge: Option<String>,
}

impl Serialize for GrantCodeRequest {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        /// The body on the wire.
        #[derive(Serialize)]
        struct Wire<'a> {
            grant_type: &'a str,
            scopes: &'a str,
            redirect_uri: &'a str,
            #[serde(rename = "userName", skip_serializing_if = "Option::is_none")]
            user_name: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            password: Option<&'a str>,
            #[serde(rename = "unionId", skip_serializing_if = "Option::is_none")]
            union_id: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            platform: Option<&'a str>,
            #[serde(rename = "expireInDays", skip_serializing_if = "Option::is_none")]
            expire_in_days: Option<u8>,
            #[serde(skip_serializing_if = "Option::is_none")]
            code_challenge: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            code_challenge_method: Option<&'a str>,
        }
        let mut wire = Wire {
            grant_type: self.grant.grant_type(),
            scopes: &self.scopes,
            redirect_uri: &self.redirect_uri,
            user_name: None,
            password: None,
            union_id: None,
            platform: None,
            expire_in_days: self.expire_in_days,
            code_challenge: self.code_challenge.as_deref(),
            code_challenge_method: self.code_challenge.as_ref().map(|_| "S256"),
        };
        match &self.grant {
            Grant::Email {
                user_name,
                password,
            }
            | Grant::Phone {
                user_name,
                password,
            }
            | Grant::Account {
                user_name,
                password,
            } => {
                wire.user_name = Some(user_name);
                wire.password = Some(password);
            }
            Grant::UnionId { union_id, platform } => {
                wire.union_id = Some(union_id);
                wire.platform = Some(platform);
            }
        }
        wire.serialize(s)
    }
}

/// The answer of `GrantCode`: `{"code": "e663f9...", "expires_in": 120}`. Its `Debug` leaves
/// the code out.
#[derive(Clone, PartialEq, Eq, Deserialize)]
pub struct GrantCode {
    /// The grant code, to hand to the `redirect_uri`.
    pub code: String,
    /// Seconds the code stays valid, if the server said.
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    pub expires_in: Option<i64>,
}

impl std::fmt::Debug for GrantCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GrantCode")
            .field("code", &super::REDACTED)
            .field("expires_in", &self.expires_in)
            .finish()
    }
}

/// One consent the user gave (an answer item of `Consents`). Tolerates `null` fields.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Consent {
    /// The consent's id, used by [`Client::delete_consent`] (a number or a numeric string).
    #[serde(deserialize_with = "consent_id")]
    pub id: i64,
    /// When it was given, `YYYY-MM-DD HH:MM:SS`.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub create_date: Option<String>,
    /// When it last changed.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub last_update: Option<String>,
    /// How the user was identified: `email`, `phone`, `unionid` or `account`.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub grant_type: Option<String>,
    /// Where the grant code was sent.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub redirect_uri: Option<String>,
    /// A note.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub remark: Option<String>,
    /// Space-separated scopes granted.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub scopes: Option<String>,
}

/// A consent's id: a number or a numeric string (required: a consent without one is useless).
fn consent_id<'de, D: serde::Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    lenient::int_of(&value).ok_or_else(|| {
        serde::de::Error::custom(format!("a consent id must be a number, not {value}"))
    })
}

impl Client {
    /// Call 16, `POST /api/OAuth/:appId/GrantCode?scheme=app`: asks for a grant code.
    pub async fn grant_code(&self, req: &GrantCodeRequest) -> Result<GrantCode, ApiError> {
        self.send_json(Route::GrantCode, req).await
    }

    /// Call 17, `POST /api/OAuth/:appId/Authorize?scheme=app&code=...`: exchanges a grant code
    /// for a token.
    pub async fn authorize(&self, code: &str) -> Result<Token, ApiError> {
        self.authorize_pkce(code, None).await
    }

    /// Call 17 for a code granted with a PKCE challenge: sends its `code_verifier` too
    /// (`None`: as [`Client::authorize`]).
    pub async fn authorize_pkce(
        &self,
        code: &str,
        code_verifier: Option<&str>,
    ) -> Result<Token, ApiError> {
        self.send_empty(Route::Authorize {
            code,
            code_verifier,
        })
        .await
    }

    /// Call 18, `GET /api/OAuth/:appId/Consents` (Bearer): the consents the user gave.
    /// Items that are not consents are skipped.
    pub async fn consents(&self) -> Result<Vec<Consent>, ApiError> {
        let list: ConsentList = self.send_empty(Route::Consents).await?;
        Ok(list.0)
    }

    /// Call 19, `DELETE /api/OAuth/:appId/Consents/:id` (Bearer): withdraws a consent; `true`
    /// when done.
    pub async fn delete_consent(&self, id: i64) -> Result<bool, ApiError> {
        self.send_empty(Route::DeleteConsent { id }).await
    }
}

/// The `data` of `Consents`: a list (`null` reads as empty; items that are not consents are
/// skipped).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(transparent)]
pub struct ConsentList(#[serde(deserialize_with = "lenient::list")] pub Vec<Consent>);
