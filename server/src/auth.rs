//! Access tokens: HS256 JWTs with the vendor sample's claims, issued and verified per app.

use axum::http::{header::AUTHORIZATION, HeaderMap};
use jsonwebtoken::{errors::ErrorKind, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::{error::ApiError, time::now_secs, users::User};

/// The issuer written into every token.
pub const ISSUER: &str = "oauthapp-server";

/// The claims of an access token (names as in the vendor's sample).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    /// Token id.
    pub jti: String,
    /// App id the token is valid for.
    pub appid: String,
    /// User id.
    pub nameid: String,
    /// User name.
    pub unique_name: String,
    /// Third-party id.
    pub unionid: String,
    /// Third-party platform.
    pub platform: String,
    /// How the user signed in (account, phone, email, unionid, qrcode, authorization_code).
    pub grant_type: String,
    /// Email.
    pub email: String,
    /// Phone.
    pub mobile: String,
    /// Role.
    pub role: String,
    /// Avatar URL.
    pub picture: String,
    /// Nickname.
    pub given_name: String,
    /// Issuer.
    pub iss: String,
    /// Audience (the app id).
    pub aud: String,
    /// Issued at (unix seconds).
    pub iat: u64,
    /// Not before (unix seconds).
    pub nbf: u64,
    /// Expiry (unix seconds).
    pub exp: u64,
    /// The user's token version when issued; a password reset bumps it, ending the token.
    #[serde(default)]
    pub ver: i64,
    /// The consent a token from Authorize was issued under; deleting it ends the token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cid: Option<i64>,
}

/// What a verified token says about who may call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenRef {
    /// User id.
    pub user_id: i64,
    /// The user's token version at issue.
    pub version: i64,
    /// The consent, for tokens from Authorize.
    pub consent: Option<i64>,
}

/// Signs and checks tokens with one secret.
pub struct Tokens {
    enc: EncodingKey,
    dec: DecodingKey,
    lifetime: u64,
}

impl Tokens {
    /// Tokens signed with `secret`, valid `lifetime` seconds by default.
    pub fn new(secret: &[u8], lifetime: u64) -> Tokens {
        Tokens {
            enc: EncodingKey::from_secret(secret),
            dec: DecodingKey::from_secret(secret),
            lifetime,
        }
    }

    /// The token answer (`access_token`, `token_type`, `expires_in`) for `user` in `app`.
    pub fn answer(&self, app: i64, user: &User, grant_type: &str) -> Result<Value, ApiError> {
        self.answer_for(app, user, grant_type, self.lifetime, None)
    }

    /// Like [`Tokens::answer`] with an explicit lifetime in seconds and the consent the
    /// token is issued under (if any).
    pub fn answer_for(
        &self,
        app: i64,
        user: &User,
        grant_type: &str,
        lifetime: u64,
        consent: Option<i64>,
    ) -> Result<Value, ApiError> {
        let now = now_secs();
        let claims = Claims {
            jti: crate::codes::random_hex(16),
            appid: app.to_string(),
            nameid: user.id.to_string(),
            unique_name: user.user_name.clone(),
            unionid: user.union_id.clone().unwrap_or_default(),
            platform: user.platform.clone().unwrap_or_default(),
            grant_type: grant_type.to_string(),
            email: user.email.clone().unwrap_or_default(),
            mobile: user.phone.clone().unwrap_or_default(),
            role: user.role.clone(),
            picture: user.avatar.clone().unwrap_or_default(),
            given_name: user.nick_name.clone().unwrap_or_default(),
            iss: ISSUER.to_string(),
            aud: app.to_string(),
            iat: now,
            nbf: now,
            exp: now.saturating_add(lifetime),
            ver: user.token_version,
            cid: consent,
        };
        let token = jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.enc)
            .map_err(|_| ApiError::Internal)?;
        Ok(json!({ "access_token": token, "token_type": "Bearer", "expires_in": lifetime }))
    }

    /// Checks a token for `app`: signature, issuer, audience, expiry. Returns who it is for;
    /// whether it was revoked since is for the caller to check against the database.
    pub fn verify(&self, token: &str, app: i64) -> Result<TokenRef, ApiError> {
        let mut v = Validation::new(Algorithm::HS256);
        v.leeway = 0;
        v.set_issuer(&[ISSUER]);
        v.set_audience(&[app.to_string()]);
        v.validate_nbf = true;
        let data =
            jsonwebtoken::decode::<Claims>(token, &self.dec, &v).map_err(|e| match e.kind() {
                ErrorKind::ExpiredSignature => ApiError::ExpiredToken,
                _ => ApiError::BadToken,
            })?;
        if data.claims.appid != app.to_string() {
            return Err(ApiError::BadToken);
        }
        let user_id = data
            .claims
            .nameid
            .parse::<i64>()
            .map_err(|_| ApiError::BadToken)?;
        Ok(TokenRef {
            user_id,
            version: data.claims.ver,
            consent: data.claims.cid,
        })
    }

    /// Reads `Authorization: Bearer <token>` and verifies it for `app`.
    pub fn from_headers(&self, headers: &HeaderMap, app: i64) -> Result<TokenRef, ApiError> {
        let value = headers.get(AUTHORIZATION).ok_or(ApiError::NoToken)?;
        let value = value.to_str().map_err(|_| ApiError::BadToken)?.trim();
        let (scheme, token) = value.split_once(' ').ok_or(ApiError::BadToken)?;
        if !scheme.eq_ignore_ascii_case("bearer") {
            return Err(ApiError::BadToken);
        }
        let token = token.trim();
        if token.is_empty() {
            return Err(ApiError::NoToken);
        }
        self.verify(token, app)
    }
}
