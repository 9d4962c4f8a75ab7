//! The authorization request a consent screen answers, and how it travels in a URL's query.
//!
//! Query parameters (all optional but `redirect_uri`):
//!
//! | name | meaning |
//! |---|---|
//! | `redirect_uri` | where to send the answer (D8) |
//! | `scope` or `scopes` | space-separated scopes |
//! | `state` | the caller's value, given back unchanged |
//! | `grant_types` | comma- or space-separated subset of `account phone email unionid` (all when absent) |
//! | `app_name`, `app_logo`, `app_description` | who is asking |

use crate::i18n::Key;

/// How the person proves who they are on the consent screen (`grant_type` of `GrantCode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GrantKind {
    /// User name (or phone or email, D10) and password.
    Account,
    /// Mobile number and password.
    Phone,
    /// Email address and password.
    Email,
    /// A third-party id and its platform.
    UnionId,
}

impl GrantKind {
    /// Every kind, in the order offered.
    pub const ALL: &'static [GrantKind] = &[
        GrantKind::Account,
        GrantKind::Phone,
        GrantKind::Email,
        GrantKind::UnionId,
    ];

    /// The `grant_type` name (`account`, `phone`, `email`, `unionid`).
    pub fn as_str(self) -> &'static str {
        match self {
            GrantKind::Account => "account",
            GrantKind::Phone => "phone",
            GrantKind::Email => "email",
            GrantKind::UnionId => "unionid",
        }
    }

    /// The kind of a `grant_type` name (any case).
    pub fn parse(name: &str) -> Option<GrantKind> {
        let name = name.trim();
        GrantKind::ALL
            .iter()
            .copied()
            .find(|k| k.as_str().eq_ignore_ascii_case(name))
    }

    /// The label of the choice.
    pub fn label(self) -> Key {
        match self {
            GrantKind::Account => Key::ConsentByAccount,
            GrantKind::Phone => Key::ConsentByPhone,
            GrantKind::Email => Key::ConsentByEmail,
            GrantKind::UnionId => Key::ConsentByUnionId,
        }
    }

    /// The kinds named in a comma- or space-separated list, in order, without repeats and
    /// unknown names; every kind when none is named.
    pub fn parse_list(list: &str) -> Vec<GrantKind> {
        let mut out = Vec::new();
        for kind in list.split([',', ' ', '+']).filter_map(GrantKind::parse) {
            if !out.contains(&kind) {
                out.push(kind);
            }
        }
        if out.is_empty() {
            GrantKind::ALL.to_vec()
        } else {
            out
        }
    }
}

/// An authorization request: who asks, for what, and where the answer goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuthRequest {
    /// Where the browser goes with `code` (or `error`) and `state` (checked before use, D8).
    pub redirect_uri: String,
    /// Space-separated scopes asked for.
    pub scopes: String,
    /// The caller's value, given back unchanged (absent when the caller sent none).
    pub state: Option<String>,
    /// The ways of proving who one is that are offered (never empty).
    pub grant_types: Vec<GrantKind>,
    /// The requesting app's name.
    pub app_name: Option<String>,
    /// The requesting app's logo URL (shown only if it passes the image check).
    pub app_logo: Option<String>,
    /// The requesting app's description.
    pub app_description: Option<String>,
    /// The app's PKCE `S256` challenge (`code_challenge`), passed on with the grant.
    pub code_challenge: Option<String>,
}

impl Default for AuthRequest {
    fn default() -> Self {
        AuthRequest {
            redirect_uri: String::new(),
            scopes: String::new(),
            state: None,
            grant_types: GrantKind::ALL.to_vec(),
            app_name: None,
            app_logo: None,
            app_description: None,
            code_challenge: None,
        }
    }
}

impl AuthRequest {
    /// The request in the current page's query (`window.location.search`); an empty request
    /// (which the consent screen refuses) when there is none.
    pub fn from_query() -> AuthRequest {
        let search = crate::browser::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        AuthRequest::from_search(&search)
    }

    /// The request in a query string (with or without its leading `?`), decoded by the
    /// browser's `URLSearchParams`. Browser only.
    pub fn from_search(search: &str) -> AuthRequest {
        let Ok(params) = web_sys::UrlSearchParams::new_with_str(search) else {
            return AuthRequest::default();
        };
        let text = |name: &str| params.get(name).filter(|v| !v.trim().is_empty());
        AuthRequest {
            redirect_uri: params.get("redirect_uri").unwrap_or_default(),
            scopes: text("scope").or_else(|| text("scopes")).unwrap_or_default(),
            state: params.get("state"),
            grant_types: GrantKind::parse_list(&text("grant_types").unwrap_or_default()),
            app_name: text("app_name"),
            app_logo: text("app_logo"),
            app_description: text("app_description"),
            code_challenge: text("code_challenge"),
        }
    }

    /// The query string (without `?`) that carries this request, after `view=<view>` when
    /// `view` is given; encoded by the browser's `URLSearchParams`. Browser only.
    pub fn to_search(&self, view: Option<&str>) -> String {
        let Ok(params) = web_sys::UrlSearchParams::new() else {
            return String::new();
        };
        if let Some(view) = view {
            params.append("view", view);
        }
        params.append("redirect_uri", &self.redirect_uri);
        if !self.scopes.is_empty() {
            params.append("scope", &self.scopes);
        }
        if let Some(state) = &self.state {
            params.append("state", state);
        }
        if self.grant_types != GrantKind::ALL {
            let names: Vec<&str> = self.grant_types.iter().map(|k| k.as_str()).collect();
            params.append("grant_types", &names.join(","));
        }
        for (name, value) in [
            ("app_name", &self.app_name),
            ("app_logo", &self.app_logo),
            ("app_description", &self.app_description),
            ("code_challenge", &self.code_challenge),
        ] {
            if let Some(v) = value {
                params.append(name, v);
            }
        }
        String::from(params.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grant_kinds_parse_in_order_without_repeats() {
        assert_eq!(
            GrantKind::parse_list("unionid, Account,unionid bogus"),
            vec![GrantKind::UnionId, GrantKind::Account]
        );
        assert_eq!(GrantKind::parse_list(""), GrantKind::ALL.to_vec());
        assert_eq!(
            GrantKind::parse_list("nothing,known"),
            GrantKind::ALL.to_vec()
        );
        for kind in GrantKind::ALL {
            assert_eq!(GrantKind::parse(kind.as_str()), Some(*kind));
        }
    }
}
