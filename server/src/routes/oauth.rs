//! OAuth (calls 16–19): authorization codes, their exchange for a token, and consents.

use axum::{extract::State, http::HeaderMap};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use url::{Host, Url};

use super::{account::check_password, common::Params};
use crate::{
    body::{Body, QueryMap},
    codes::random_hex,
    consents::{self, NewConsent},
    error::{ok, ApiError, ApiResult},
    state::{AppState, ClientAddr},
    time::now_i64,
    users,
    validate::{self, *},
};

/// The fields GrantCode takes: `scheme` (the vendor's table lists it; it is also accepted,
/// unchecked, in the query), `remark` (kept on the consent), the password as `password` or
/// `pwd`.
const GRANT_CODE: &[&str] = &[
    "grant_type",
    "scopes",
    "redirect_uri",
    "userName",
    "password",
    "pwd",
    "unionId",
    "platform",
    "expireInDays",
    "scheme",
    "remark",
    "code_challenge",
    "code_challenge_method",
];

/// `POST /api/OAuth/:appId/GrantCode?scheme=app`: authenticates the user, records the
/// consent (one per user, app and redirect URI) and returns a short-lived single-use code.
pub async fn grant_code(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    p: Params,
    body: Body,
) -> ApiResult {
    let app = state.app(p.app())?;
    state.throttles.admit_creation(&addr)?;
    let f = body.accept(GRANT_CODE)?;
    let grant = f.req_str(&["grant_type"], 16)?.to_ascii_lowercase();
    let scopes = f
        .opt_str(&["scopes"], MAX_SCOPES)?
        .unwrap_or_else(|| app.scopes.clone());
    let redirect = f.req_str(&["redirect_uri"], MAX_URI)?;
    validate::http_url("redirect_uri", &redirect)?;
    redirect_allowed(app, &redirect, state.outbox)?;
    let challenge = f.opt_str(&["code_challenge"], 128)?;
    let method = f.opt_str(&["code_challenge_method"], 16)?;
    if let Some(c) = &challenge {
        if c.len() != 43
            || !c
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err(ApiError::Invalid("code_challenge"));
        }
    }
    match (method.as_deref(), &challenge) {
        (None, _) | (Some("S256"), Some(_)) => {}
        (Some(_), _) => return Err(ApiError::Invalid("code_challenge_method")),
    }
    let days = f.opt_int(&["expireInDays"])?.unwrap_or(1);
    if !(1..=99).contains(&days) {
        return Err(ApiError::Invalid("expireInDays"));
    }
    let remark = f.opt_str(&["remark"], MAX_REMARK)?;
    let user = match grant.as_str() {
        "unionid" => {
            let union_id = f.req_str(&["unionId"], MAX_UNION_ID)?;
            let platform = f.req_str(&["platform"], MAX_PLATFORM)?;
            state
                .db
                .tx(|tx| users::by_union(tx, app.id, &platform, &union_id))?
                .ok_or(ApiError::UserNotFound)?
        }
        "account" | "phone" | "email" => {
            let login = f.req_str(&["userName"], MAX_CONTACT)?;
            let pwd = f.req_str(&["password", "pwd"], MAX_PWD)?;
            let login = login.trim();
            let user = state.db.tx(|tx| match grant.as_str() {
                "phone" => users::by_phone(tx, app.id, login),
                "email" => users::by_email(tx, app.id, &login.to_lowercase()),
                _ => users::by_login(tx, app.id, login),
            })?;
            check_password(&state, app, &addr, login, user, pwd).await?
        }
        _ => return Err(ApiError::Invalid("grant_type")),
    };
    let code = random_hex(16);
    let lifetime = app.oauth_code_lifetime_secs;
    state.db.tx(|tx| {
        let consent = consents::upsert(
            tx,
            &NewConsent {
                app: app.id,
                user: user.id,
                grant_type: &grant,
                redirect_uri: &redirect,
                scopes: &scopes,
                remark: remark.as_deref(),
                expire_days: days,
            },
        )?;
        let expires = now_i64().saturating_add(i64::try_from(lifetime).unwrap_or(0));
        consents::add_code(
            tx,
            &code,
            app.id,
            user.id,
            consent,
            expires,
            challenge.as_deref(),
        )
    })?;
    Ok(ok(json!({ "code": code, "expires_in": lifetime })))
}

/// `POST /api/OAuth/:appId/Authorize?scheme=app&code=...&redirect_uri=...&code_verifier=...`:
/// exchanges a code (once) for a token valid `expireInDays` days. Unknown code 401, used or
/// expired 410; a `redirect_uri` other than the grant's 400; a code granted with a PKCE
/// `code_challenge` needs the `code_verifier` whose S256 hash it is (400 otherwise).
pub async fn authorize(State(state): State<AppState>, p: Params, q: QueryMap) -> ApiResult {
    let app = state.app(p.app())?;
    let code = q.get("code").map(str::trim).unwrap_or("");
    if code.is_empty() {
        return Err(ApiError::Missing("code"));
    }
    let redirect = q
        .get("redirect_uri")
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let verifier = q
        .get("code_verifier")
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let (user, days, consent) = state.db.tx(|tx| {
        let c = consents::find_code(tx, app.id, code)?.ok_or(ApiError::OAuthCodeInvalid)?;
        if c.used {
            return Err(ApiError::OAuthCodeUsed);
        }
        if now_i64() >= c.expires_at {
            return Err(ApiError::OAuthCodeExpired);
        }
        if redirect.is_some_and(|r| Some(r) != c.redirect_uri.as_deref()) {
            return Err(ApiError::RedirectMismatch);
        }
        if let Some(challenge) = &c.code_challenge {
            let verifier = verifier.ok_or(ApiError::Missing("code_verifier"))?;
            if !pkce_s256_matches(verifier, challenge) {
                return Err(ApiError::Invalid("code_verifier"));
            }
        }
        consents::use_code(tx, code)?;
        let days = consents::expire_days(tx, c.consent_id)?.ok_or(ApiError::OAuthCodeInvalid)?;
        let user = users::by_id(tx, app.id, c.user_id)?.ok_or(ApiError::OAuthCodeInvalid)?;
        Ok((user, days, c.consent_id))
    })?;
    let lifetime = u64::try_from(days).unwrap_or(1).saturating_mul(86_400);
    Ok(ok(state.tokens.answer_for(
        app.id,
        &user,
        "authorization_code",
        lifetime,
        Some(consent),
    )?))
}

/// `GET /api/OAuth/:appId/Consents` (Bearer): the user's consents, newest first.
pub async fn consents(State(state): State<AppState>, p: Params, headers: HeaderMap) -> ApiResult {
    let app = state.app(p.app())?;
    let user = state.user(&headers, app)?;
    let list = state.db.tx(|tx| consents::list(tx, app.id, user.id))?;
    Ok(ok(Value::Array(list)))
}

/// `DELETE /api/OAuth/:appId/Consents/:id` (Bearer): revokes one of the user's consents
/// (and its unused codes); anything else is a 404.
pub async fn delete_consent(
    State(state): State<AppState>,
    p: Params,
    headers: HeaderMap,
) -> ApiResult {
    let app = state.app(p.app())?;
    let user = state.user(&headers, app)?;
    let id: i64 = p
        .second()
        .trim()
        .parse()
        .map_err(|_| ApiError::ConsentNotFound)?;
    state.db.tx(|tx| {
        if consents::delete(tx, app.id, user.id, id)? {
            Ok(())
        } else {
            Err(ApiError::ConsentNotFound)
        }
    })?;
    Ok(ok(json!(true)))
}

/// Whether `verifier` (RFC 7636: 43–128 of `[A-Za-z0-9-._~]`) hashes to `challenge` (S256).
fn pkce_s256_matches(verifier: &str, challenge: &str) -> bool {
    let well_formed = (43..=128).contains(&verifier.len())
        && verifier
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'));
    well_formed && URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes())) == challenge
}

/// The redirect rule (#6). A URI with user info (`https://a@b/`) or a fragment is refused.
/// An app with an allow-list takes exactly its entries. An app without one takes URIs on its
/// `website`'s origin, and — only in development mode (outbox on) — loopback addresses and
/// the names reserved for tests and documentation (RFC 2606/6761: `localhost`, `*.test`,
/// `*.example`, `*.invalid`, `example.com/.net/.org`), none of which can reach a third party.
pub fn redirect_allowed(
    app: &crate::config::AppConfig,
    uri: &str,
    dev: bool,
) -> Result<(), ApiError> {
    let url = Url::parse(uri).map_err(|_| ApiError::Invalid("redirect_uri"))?;
    if url.fragment().is_some() {
        return Err(ApiError::Invalid("redirect_uri"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(ApiError::RedirectNotAllowed);
    }
    if !app.redirect_uris.is_empty() {
        return if app.redirect_uris.iter().any(|r| r == uri) {
            Ok(())
        } else {
            Err(ApiError::RedirectNotAllowed)
        };
    }
    let site = app.website.as_deref().and_then(|w| Url::parse(w).ok());
    if site.is_some_and(|s| s.origin() == url.origin()) {
        return Ok(());
    }
    if dev && url.host().is_some_and(|h| dev_host(&h)) {
        return Ok(());
    }
    Err(ApiError::RedirectNotAllowed)
}

/// Loopback or a name reserved for testing (see [`redirect_allowed`]).
fn dev_host(host: &Host<&str>) -> bool {
    match host {
        Host::Ipv4(ip) => ip.is_loopback(),
        Host::Ipv6(ip) => ip.is_loopback(),
        Host::Domain(d) => {
            let d = d.trim_end_matches('.').to_ascii_lowercase();
            let tld = d.rsplit('.').next().unwrap_or("");
            matches!(tld, "localhost" | "test" | "example" | "invalid")
                || ["example.com", "example.net", "example.org"]
                    .iter()
                    .any(|r| d == *r || d.ends_with(&format!(".{r}")))
        }
    }
}
