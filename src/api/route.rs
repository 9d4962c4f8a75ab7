//! Where each call of the API goes: its HTTP method, path and query, and whether it needs the
//! bearer token. One variant per call of API.md, numbered as there.

use gloo_net::http::Method;

/// One call of the API, with the parts of its URL that vary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Route<'a> {
    /// 1. `POST /api/AppUsers/:appId/UnionIDSignIn`
    UnionIdSignIn,
    /// 2. `POST /api/AppUsers/:appId/UnionIDSignUp`
    UnionIdSignUp,
    /// 3. `POST /api/AppUsers/:appId/SignIn`
    SignIn,
    /// 4. `POST /api/AppUsers/:appId/SignUp`
    SignUp,
    /// 5. `POST /api/AppUsers/:appId/PhoneSignUp`
    PhoneSignUp,
    /// 6. `POST /api/AppUsers/:appId/PhoneSignIn`
    PhoneSignIn,
    /// 7. `POST /api/AppUsers/:appId/SendSMSCode`
    SendSmsCode,
    /// 8. `POST /api/AppUsers/:appId/EmailSignUp`
    EmailSignUp,
    /// 9. `POST /api/AppUsers/:appId/EmailSignIn`
    EmailSignIn,
    /// 10. `POST /api/AppUsers/:appId/SendEmailCode`
    SendEmailCode,
    /// 11. `POST /api/AppUsers/:appId/ResetPwd`
    ResetPwd,
    /// 12. `POST /api/AppUsers/:appId/QRCodePreSignIn`
    QrPreSignIn,
    /// 13. `POST /api/AppUsers/:appId/QRCodeSignIn`
    QrSignIn,
    /// 14. `POST /api/AppUsers/:appId/QRCodeScan`
    QrScan,
    /// 15. `POST /api/AppUsers/:appId/QRCodeSignUp`
    QrSignUp,
    /// 16. `POST /api/OAuth/:appId/GrantCode?scheme=app`
    GrantCode,
    /// 17. `POST /api/OAuth/:appId/Authorize?scheme=app&code=...`
    Authorize {
        /// The grant code, percent-encoded into the query.
        code: &'a str,
        /// The PKCE verifier of a code granted with a challenge.
        code_verifier: Option<&'a str>,
    },
    /// 18. `GET /api/OAuth/:appId/Consents` (Bearer)
    Consents,
    /// 19. `DELETE /api/OAuth/:appId/Consents/:id` (Bearer)
    DeleteConsent {
        /// The consent's id.
        id: i64,
    },
    /// 20. `GET /api/AppUsers/:appId/Profile` (Bearer)
    Profile,
    /// 21. `PUT /api/AppUsers/:appId/Profile` (Bearer)
    UpdateProfile,
    /// 22. `GET /api/AppUsers/:appId/PointLog?type=&skip=&take=` (Bearer)
    PointLog {
        /// 0 all, 1 recharge, 2 spend.
        kind: u8,
        /// Offset.
        skip: u32,
        /// Page size.
        take: u32,
    },
    /// 23. `POST /api/AppUsers/:appId/RechargePoints` (Bearer)
    RechargePoints,
}

impl Route<'_> {
    /// The HTTP method of this call.
    pub(crate) fn method(&self) -> Method {
        match self {
            Route::Consents | Route::Profile | Route::PointLog { .. } => Method::GET,
            Route::DeleteConsent { .. } => Method::DELETE,
            Route::UpdateProfile => Method::PUT,
            _ => Method::POST,
        }
    }

    /// True when this call needs `Authorization: Bearer <access_token>`.
    pub(crate) fn needs_token(&self) -> bool {
        matches!(
            self,
            Route::Consents
                | Route::DeleteConsent { .. }
                | Route::Profile
                | Route::UpdateProfile
                | Route::PointLog { .. }
                | Route::RechargePoints
        )
    }

    /// The path of this call for the application `app_id`, starting with `/api/`, without the
    /// query (see [`Route::query`]).
    pub(crate) fn path(&self, app_id: u64) -> String {
        let users = |name: &str| format!("/api/AppUsers/{app_id}/{name}");
        let oauth = |rest: &str| format!("/api/OAuth/{app_id}/{rest}");
        match self {
            Route::UnionIdSignIn => users("UnionIDSignIn"),
            Route::UnionIdSignUp => users("UnionIDSignUp"),
            Route::SignIn => users("SignIn"),
            Route::SignUp => users("SignUp"),
            Route::PhoneSignUp => users("PhoneSignUp"),
            Route::PhoneSignIn => users("PhoneSignIn"),
            Route::SendSmsCode => users("SendSMSCode"),
            Route::EmailSignUp => users("EmailSignUp"),
            Route::EmailSignIn => users("EmailSignIn"),
            Route::SendEmailCode => users("SendEmailCode"),
            Route::ResetPwd => users("ResetPwd"),
            Route::QrPreSignIn => users("QRCodePreSignIn"),
            Route::QrSignIn => users("QRCodeSignIn"),
            Route::QrScan => users("QRCodeScan"),
            Route::QrSignUp => users("QRCodeSignUp"),
            Route::GrantCode => oauth("GrantCode"),
            Route::Authorize { .. } => oauth("Authorize"),
            Route::Consents => oauth("Consents"),
            Route::DeleteConsent { id } => oauth(&format!("Consents/{id}")),
            Route::Profile | Route::UpdateProfile => users("Profile"),
            Route::PointLog { .. } => users("PointLog"),
            Route::RechargePoints => users("RechargePoints"),
        }
    }

    /// The query parameters of this call, in order (values not yet encoded).
    pub(crate) fn query(&self) -> Vec<(&'static str, String)> {
        match self {
            Route::GrantCode => vec![("scheme", "app".to_owned())],
            Route::Authorize {
                code,
                code_verifier,
            } => {
                let mut query = vec![("scheme", "app".to_owned()), ("code", (*code).to_owned())];
                if let Some(verifier) = code_verifier {
                    query.push(("code_verifier", (*verifier).to_owned()));
                }
                query
            }
            Route::PointLog { kind, skip, take } => vec![
                ("type", kind.to_string()),
                ("skip", skip.to_string()),
                ("take", take.to_string()),
            ],
            _ => Vec::new(),
        }
    }

    /// The path and the encoded query of this call, as they appear in the URL (for tests).
    #[cfg(test)]
    pub(crate) fn path_and_query(&self, app_id: u64) -> String {
        let query: Vec<String> = self
            .query()
            .iter()
            .map(|(name, value)| format!("{name}={}", encode_component(value)))
            .collect();
        match query.is_empty() {
            true => self.path(app_id),
            false => format!("{}?{}", self.path(app_id), query.join("&")),
        }
    }
}

/// Percent-encodes `text` for a URL query value, like JavaScript's `encodeURIComponent`
/// (useful for a QR template's placeholders, D5, and a redirect's `code` and `state`, D8).
///
/// ```
/// assert_eq!(oauthapp_login::api::encode_component("a b&c"), "a%20b%26c");
/// ```
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        let unreserved = byte.is_ascii_alphanumeric()
            || matches!(
                byte,
                b'-' | b'_' | b'.' | b'!' | b'~' | b'*' | b'\'' | b'(' | b')'
            );
        if unreserved {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every call of API.md's table: method, path for app 2, and whether it is Bearer.
    #[test]
    fn every_call_matches_the_table_of_api_md() {
        let table: [(Route, Method, &str, bool); 24] = [
            (
                Route::UnionIdSignIn,
                Method::POST,
                "/api/AppUsers/2/UnionIDSignIn",
                false,
            ),
            (
                Route::UnionIdSignUp,
                Method::POST,
                "/api/AppUsers/2/UnionIDSignUp",
                false,
            ),
            (Route::SignIn, Method::POST, "/api/AppUsers/2/SignIn", false),
            (Route::SignUp, Method::POST, "/api/AppUsers/2/SignUp", false),
            (
                Route::PhoneSignUp,
                Method::POST,
                "/api/AppUsers/2/PhoneSignUp",
                false,
            ),
            (
                Route::PhoneSignIn,
                Method::POST,
                "/api/AppUsers/2/PhoneSignIn",
                false,
            ),
            (
                Route::SendSmsCode,
                Method::POST,
                "/api/AppUsers/2/SendSMSCode",
                false,
            ),
            (
                Route::EmailSignUp,
                Method::POST,
                "/api/AppUsers/2/EmailSignUp",
                false,
            ),
            (
                Route::EmailSignIn,
                Method::POST,
                "/api/AppUsers/2/EmailSignIn",
                false,
            ),
            (
                Route::SendEmailCode,
                Method::POST,
                "/api/AppUsers/2/SendEmailCode",
                false,
            ),
            (
                Route::ResetPwd,
                Method::POST,
                "/api/AppUsers/2/ResetPwd",
                false,
            ),
            (
                Route::QrPreSignIn,
                Method::POST,
                "/api/AppUsers/2/QRCodePreSignIn",
                false,
            ),
            (
                Route::QrSignIn,
                Method::POST,
                "/api/AppUsers/2/QRCodeSignIn",
                false,
            ),
            (
                Route::QrScan,
                Method::POST,
                "/api/AppUsers/2/QRCodeScan",
                false,
            ),
            (
                Route::QrSignUp,
                Method::POST,
                "/api/AppUsers/2/QRCodeSignUp",
                false,
            ),
            (
                Route::GrantCode,
                Method::POST,
                "/api/OAuth/2/GrantCode?scheme=app",
                false,
            ),
            (
                Route::Authorize {
                    code: "e663f9",
                    code_verifier: None,
                },
                Method::POST,
                "/api/OAuth/2/Authorize?scheme=app&code=e663f9",
                false,
            ),
            (
                Route::Authorize {
                    code: "e663f9",
                    code_verifier: Some("v-1_x"),
                },
                Method::POST,
                "/api/OAuth/2/Authorize?scheme=app&code=e663f9&code_verifier=v-1_x",
                false,
            ),
            (Route::Consents, Method::GET, "/api/OAuth/2/Consents", true),
            (
                Route::DeleteConsent { id: 9 },
                Method::DELETE,
                "/api/OAuth/2/Consents/9",
                true,
            ),
            (Route::Profile, Method::GET, "/api/AppUsers/2/Profile", true),
            (
                Route::UpdateProfile,
                Method::PUT,
                "/api/AppUsers/2/Profile",
                true,
            ),
            (
                Route::PointLog {
                    kind: 1,
                    skip: 20,
                    take: 10,
                },
                Method::GET,
                "/api/AppUsers/2/PointLog?type=1&skip=20&take=10",
                true,
            ),
            (
                Route::RechargePoints,
                Method::POST,
                "/api/AppUsers/2/RechargePoints",
                true,
            ),
        ];
        for (route, method, path, bearer) in table {
            assert_eq!(route.method(), method, "{route:?}");
            assert_eq!(route.path_and_query(2), path, "{route:?}");
            assert_eq!(route.needs_token(), bearer, "{route:?}");
        }
    }

    #[test]
    fn authorize_code_is_percent_encoded() {
        let route = Route::Authorize {
            code: "a b&c=d/é",
            code_verifier: None,
        };
        assert_eq!(
            route.path_and_query(7),
            "/api/OAuth/7/Authorize?scheme=app&code=a%20b%26c%3Dd%2F%C3%A9"
        );
    }

    #[test]
    fn only_grant_code_authorize_and_point_log_have_a_query() {
        assert_eq!(Route::SignIn.query(), vec![]);
        assert_eq!(Route::GrantCode.query(), vec![("scheme", "app".to_owned())]);
        assert_eq!(
            Route::Authorize {
                code: "x",
                code_verifier: None
            }
            .path(1),
            "/api/OAuth/1/Authorize"
        );
    }

    #[test]
    fn encode_component_keeps_unreserved_characters() {
        assert_eq!(encode_component("AZaz09-_.!~*'()"), "AZaz09-_.!~*'()");
        assert_eq!(encode_component("?#+%"), "%3F%23%2B%25");
        assert_eq!(encode_component(""), "");
    }
}
