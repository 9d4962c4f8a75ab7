//! OAuth (calls 16–19): authorization codes, their exchange for a token, and consents.

use axum::{extract::State, http::HeaderMap};
use serde_json::{json, Value};

use super::{account::check_password, common::Params};
use crate::{
    body::{Body, QueryMap},
    codes::random_hex,
    consents::{self, NewConsent},
    error::{ok, ApiError, ApiResult},
    state::AppState,
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
];

/// `POST /api/OAuth/:appId/GrantCode?scheme=app`: authenticates the user, records the
/// consent (one per user, app and redirect URI) and returns a short-lived single-use code.
pub async fn grant_code(State(state): State<AppState>, p: Params, body: Body) -> ApiResult {
    let app = state.app(p.app())?;
    let f = body.accept(GRANT_CODE)?;
    let grant = f.req_str(&["grant_type"], 16)?.to_ascii_lowercase();
    let scopes = f
        .opt_str(&["scopes"], MAX_SCOPES)?
        .unwrap_or_else(|| app.scopes.clone());
    let redirect = f.req_str(&["redirect_uri"], MAX_URI)?;
    validate::http_url("redirect_uri", &redirect)?;
    if !app.redirect_uris.is_empty() && !app.redirect_uris.contains(&redirect) {
        return Err(ApiError::RedirectNotAllowed);
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
                "email" => users::by_email(tx, app.id, login),
                _ => users::by_login(tx, app.id, login),
            })?;
            check_password(&state, user, pwd).await?
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
        consents::add_code(tx, &code, app.id, user.id, consent, expires)
    })?;
    Ok(ok(json!({ "code": code, "expires_in": lifetime })))
}

/// `POST /api/OAuth/:appId/Authorize?scheme=app&code=...`: exchanges a code (once) for a
/// token valid `expireInDays` days. Unknown code 401, used or expired 410.
pub async fn authorize(State(state): State<AppState>, p: Params, q: QueryMap) -> ApiResult {
    let app = state.app(p.app())?;
    let code = q.get("code").map(str::trim).unwrap_or("");
    if code.is_empty() {
        return Err(ApiError::Missing("code"));
    }
    let (user, days) = state.db.tx(|tx| {
        let c = consents::find_code(tx, app.id, code)?.ok_or(ApiError::OAuthCodeInvalid)?;
        if c.used {
            return Err(ApiError::OAuthCodeUsed);
        }
        if now_i64() >= c.expires_at {
            return Err(ApiError::OAuthCodeExpired);
        }
        consents::use_code(tx, code)?;
        let days = consents::expire_days(tx, c.consent_id)?.ok_or(ApiError::OAuthCodeInvalid)?;
        let user = users::by_id(tx, app.id, c.user_id)?.ok_or(ApiError::OAuthCodeInvalid)?;
        Ok((user, days))
    })?;
    let lifetime = u64::try_from(days).unwrap_or(1).saturating_mul(86_400);
    Ok(ok(state.tokens.answer_for(
        app.id,
        &user,
        "authorization_code",
        lifetime,
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
