//! The claims of a JWT access token, decoded for display only: the whole payload as JSON
//! ([`jwt_payload`]), and the claims the widget reads ([`Claims`]).

use serde::Deserialize;
use serde_json::Value;

use super::base64url;
use crate::api::lenient;

/// The claims the OAuthApp token carries (see API.md), decoded **without verifying the
/// signature**: show them, never trust them for a decision. Every field is optional and
/// tolerant (a number where text was expected, or the other way round).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Claims {
    /// The user's id.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub nameid: Option<String>,
    /// The user's unique name.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub unique_name: Option<String>,
    /// The third-party id the user signed in with.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub unionid: Option<String>,
    /// The platform of that id.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub platform: Option<String>,
    /// How the user signed in (`unionid`, `account`, `phone`, `email`…).
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub grant_type: Option<String>,
    /// Expiry, in seconds since the epoch.
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    pub exp: Option<i64>,
    /// Not valid before, in seconds since the epoch.
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    pub nbf: Option<i64>,
    /// Issued at, in seconds since the epoch.
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    pub iat: Option<i64>,
    /// Email address.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub email: Option<String>,
    /// Phone number.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub mobile: Option<String>,
    /// Role (several roles come as JSON text).
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub role: Option<String>,
    /// Avatar URL.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub picture: Option<String>,
    /// Given (display) name.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub given_name: Option<String>,
    /// The application id.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub appid: Option<String>,
    /// The tenant's id.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub tenant_id: Option<String>,
    /// The tenant's name.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub tenant_name: Option<String>,
    /// The token's id.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub jti: Option<String>,
    /// Issuer.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub iss: Option<String>,
    /// Audience.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub aud: Option<String>,
}

/// The payload (second segment) of the JWT `token` as a JSON object, with every claim the
/// server put there, decoded **without verifying the signature**; `None` when `token` is not a
/// JWT (three segments) whose payload is a base64url-encoded JSON object. Never panics.
pub fn jwt_payload(token: &str) -> Option<Value> {
    let mut parts = token.trim().split('.');
    let (_header, payload, _signature) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let json = base64url::decode(payload)?;
    let value: Value = serde_json::from_slice(&json).ok()?;
    value.is_object().then_some(value)
}

/// Every claim of the JWT `token`'s payload as `(name, text)`, sorted by name (strings as
/// they are, other values as JSON), decoded like [`jwt_payload`]: for display only, nothing
/// here is trusted. `None` when `token` is not such a JWT.
pub fn claim_list(token: &str) -> Option<Vec<(String, String)>> {
    let Value::Object(claims) = jwt_payload(token)? else {
        return None;
    };
    let mut list: Vec<(String, String)> = claims
        .into_iter()
        .map(|(name, value)| {
            let text = match value {
                Value::String(s) => s,
                other => other.to_string(),
            };
            (name, text)
        })
        .collect();
    list.sort();
    Some(list)
}

impl Claims {
    /// Decodes the claims of the JWT `token` (see [`jwt_payload`]); `None` when `token` is not a
    /// JWT whose payload is base64url-encoded JSON object. Never panics.
    pub fn from_jwt(token: &str) -> Option<Claims> {
        crate::api::decode::from_value(jwt_payload(token)?).ok()
    }

    /// The best name to show for the user: `given_name`, then `unique_name`, `email`,
    /// `mobile`, then the user id; blank values are skipped.
    pub fn display_name(&self) -> Option<&str> {
        [
            &self.given_name,
            &self.unique_name,
            &self.email,
            &self.mobile,
            &self.nameid,
        ]
        .into_iter()
        .filter_map(|field| field.as_deref())
        .find(|text| !text.trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The token of the vendor page's sample answer.
    const VENDOR_TOKEN: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJqdGkiOiI2MzgxMjY3NDkxOTg4MzA0MTMiLCJ0ZW5hbnRfaWQiOiI0IiwidGVuYW50X25hbWUiOiJ3d3cub2F1dGhhcHAuY29tIiwiYXBwaWQiOiIyIiwibmFtZWlkIjoiMzYiLCJ1bmlxdWVfbmFtZSI6IjZhZDE4YmFlMzQwOGQ0ZDFiNjU1YjVjMTU5MjJmZmFkIiwicm9sZSI6IiIsInBpY3R1cmUiOiIiLCJlbWFpbCI6IiIsIm1vYmlsZSI6IiIsInVuaW9uaWQiOiI2YWQxOGJhZTM0MDhkNGQxYjY1NWI1YzE1OTIyZmZhZCIsInBsYXRmb3JtIjoid2ViIiwiZ3JhbnRfdHlwZSI6InVuaW9uaWQiLCJnaXZlbl9uYW1lIjoiIiwiZ3JvdXBzaWQiOiJhcHAiLCJwZXJtaXNzaW9uIjoiIiwibmJmIjoxNjc3MDQ5MzE5LCJleHAiOjE2NzcxMzU3MTksImlhdCI6MTY3NzA0OTMxOSwiaXNzIjoiaHR0cHM6Ly93d3cub2F1dGhhcHAuY29tLyIsImF1ZCI6Imh0dHBzOi8vd3d3Lm9hdXRoYXBwLmNvbS8ifQ.680xn17uYLJUMP2-aalsICxouVasVB-9DsUlLtCKMF8";

    #[test]
    fn every_claim_is_listed_by_name() {
        let list = claim_list(VENDOR_TOKEN).unwrap();
        assert!(list.windows(2).all(|w| w[0].0 <= w[1].0));
        assert!(list.contains(&("nameid".into(), "36".into())));
        assert!(list.contains(&("exp".into(), "1677135719".into())));
        assert_eq!(claim_list("not.a-jwt"), None);
        assert_eq!(claim_list(""), None);
    }

    #[test]
    fn decodes_the_vendor_sample_token() {
        let c = Claims::from_jwt(VENDOR_TOKEN).unwrap();
        assert_eq!(c.nameid.as_deref(), Some("36"));
        assert_eq!(
            c.unique_name.as_deref(),
            Some("6ad18bae3408d4d1b655b5c15922ffad")
        );
        assert_eq!(
            c.unionid.as_deref(),
            Some("6ad18bae3408d4d1b655b5c15922ffad")
        );
        assert_eq!(c.platform.as_deref(), Some("web"));
        assert_eq!(c.grant_type.as_deref(), Some("unionid"));
        assert_eq!(c.exp, Some(1_677_135_719));
        assert_eq!(c.nbf, Some(1_677_049_319));
        assert_eq!(c.iat, Some(1_677_049_319));
        assert_eq!(c.appid.as_deref(), Some("2"));
        assert_eq!(c.tenant_name.as_deref(), Some("www.oauthapp.com"));
        assert_eq!(c.email.as_deref(), Some(""));
        assert_eq!(c.iss.as_deref(), Some("https://www.oauthapp.com/"));
        // given_name is blank, so the unique name is shown.
        assert_eq!(c.display_name(), Some("6ad18bae3408d4d1b655b5c15922ffad"));
    }

    /// A JWT with `payload` as its (unsigned) payload.
    fn jwt(payload: &str) -> String {
        format!("eyJhbGciOiJub25lIn0.{}.sig", encode(payload.as_bytes()))
    }

    /// A plain base64url encoder for the tests.
    fn encode(bytes: &[u8]) -> String {
        const ALPHABET: &[u8; 64] =
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let mut acc = 0u32;
            for (i, b) in chunk.iter().enumerate() {
                acc |= u32::from(*b) << (16 - 8 * i);
            }
            for i in 0..=chunk.len() {
                out.push(char::from(ALPHABET[((acc >> (18 - 6 * i)) & 63) as usize]));
            }
        }
        out
    }

    #[test]
    fn numbers_and_strings_are_both_accepted() {
        let c = Claims::from_jwt(&jwt(
            r#"{"nameid": 36, "exp": "1700000000", "role": ["a","b"]}"#,
        ))
        .unwrap();
        assert_eq!(c.nameid.as_deref(), Some("36"));
        assert_eq!(c.exp, Some(1_700_000_000));
        assert_eq!(c.role.as_deref(), Some(r#"["a","b"]"#));
        let c = Claims::from_jwt(&jwt(r#"{"exp": "soon", "nameid": null}"#)).unwrap();
        assert_eq!((c.exp, c.nameid), (None, None));
        assert_eq!(Claims::from_jwt(&jwt("{}")), Some(Claims::default()));
    }

    #[test]
    fn garbled_tokens_give_none() {
        let cases = [
            String::new(),
            "not a token".to_owned(),
            "a.b".to_owned(),
            "a.b.c.d".to_owned(),
            "x.!!!.y".to_owned(),
            jwt("[1,2]"),
            jwt("\"text\""),
            jwt("{\"nameid\": "),
            format!("h.{}.s", encode(&[0xff, 0xfe, 0x00])),
        ];
        for token in cases {
            assert_eq!(Claims::from_jwt(&token), None, "{token}");
        }
    }

    #[test]
    fn payload_keeps_every_claim_including_non_ascii() {
        // {"nameid":"7","unique_name":"张三","email":"a@b.c","exp":1700000000}
        let payload = "eyJuYW1laWQiOiI3IiwidW5pcXVlX25hbWUiOiLlvKDkuIkiLCJlbWFpbCI6ImFAYi5jIiwiZXhwIjoxNzAwMDAwMDAwfQ";
        let v = jwt_payload(&format!("eyJhbGciOiJIUzI1NiJ9.{payload}.sig")).unwrap_or_default();
        assert_eq!(v["nameid"], "7");
        assert_eq!(v["unique_name"], "张三");
        assert_eq!(v["email"], "a@b.c");
        assert_eq!(v["exp"], 1_700_000_000);
        // Claims the widget does not read are kept too.
        let vendor = jwt_payload(VENDOR_TOKEN).unwrap_or_default();
        assert_eq!(vendor["groupsid"], "app");
    }

    #[test]
    fn payload_refuses_what_is_not_a_jwt() {
        assert_eq!(jwt_payload("nodots"), None);
        assert_eq!(jwt_payload("a.!!!.c"), None);
        // "[1]" is JSON but not an object
        assert_eq!(jwt_payload("a.WzFd.c"), None);
    }

    #[test]
    fn display_name_prefers_given_name() {
        let c = Claims {
            given_name: Some("Alice".into()),
            nameid: Some("36".into()),
            ..Claims::default()
        };
        assert_eq!(c.display_name(), Some("Alice"));
        assert_eq!(Claims::default().display_name(), None);
    }
}
