//! The token answer of every sign-in and sign-up.

use serde::{Deserialize, Serialize};

use super::lenient;

/// The answer of every sign-in and sign-up call (and of `Authorize` and a confirmed QR sign-in):
/// `{"access_token": "eyJ...", "token_type": "Bearer", "expires_in": 86400}`.
/// Its `Debug` leaves the access token out, so a `{:?}` cannot leak it into a log.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// The access token, a JWT. Required: an answer without it is not a token.
    pub access_token: String,
    /// The token type, `Bearer` (also when the server leaves it out).
    #[serde(default = "bearer", deserialize_with = "token_type")]
    pub token_type: String,
    /// Lifetime in seconds from now, if the server said (a number or a numeric string).
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    pub expires_in: Option<i64>,
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Token")
            .field("access_token", &super::REDACTED)
            .field("token_type", &self.token_type)
            .field("expires_in", &self.expires_in)
            .finish()
    }
}

/// The default token type.
fn bearer() -> String {
    "Bearer".to_owned()
}

/// The token type, with `null` or a blank value read as `Bearer`.
fn token_type<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(lenient::opt_string(d)?
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(bearer))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_leaves_the_token_out() {
        let t = Token {
            access_token: "eyJsecret.payload.sig".into(),
            token_type: "Bearer".into(),
            expires_in: Some(60),
        };
        let shown = format!("{t:?}");
        assert!(!shown.contains("secret"), "{shown}");
        assert!(shown.contains("Bearer") && shown.contains("60"), "{shown}");
    }
    use serde_json::json;

    #[test]
    fn missing_or_null_type_and_lifetime_are_tolerated() {
        let t: Token =
            serde_json::from_value(json!({"access_token": "a", "token_type": null})).unwrap();
        assert_eq!(t.token_type, "Bearer");
        assert_eq!(t.expires_in, None);
        let t: Token =
            serde_json::from_value(json!({"access_token": "a", "expires_in": "3600"})).unwrap();
        assert_eq!(t.expires_in, Some(3600));
    }

    #[test]
    fn access_token_is_required() {
        assert!(serde_json::from_value::<Token>(json!({"token_type": "Bearer"})).is_err());
        assert!(serde_json::from_value::<Token>(json!({"access_token": null})).is_err());
    }
}
