//! QR sign-in (calls 12–15, D4, D7): the web side asks for a key and polls it; the phone
//! side scans it and confirms with QRCodeSignUp.

use axum::extract::State;
use serde_json::json;

use super::common::{read_extras, sign_up_then, Params};
use crate::{
    body::Body,
    config::AppConfig,
    error::{ok, ApiError, ApiResult},
    qr_keys::{self, load, load_open, set_state, Key, CONFIRMED, NEW, SCANNED, SPENT},
    state::{AppState, ClientAddr},
    time::now_i64,
    users::{self, NewUser},
    validate::{MAX_REMARK, MAX_SCOPES, MAX_UNION_ID},
};

/// The platform recorded for users created by the phone side (the vendor's mini program).
pub const QR_PLATFORM: &str = "wxminip";

/// The fields QRCodePreSignIn takes.
const PRE_SIGN_IN: &[&str] = &["scheme", "scopes", "remark"];

/// The fields QRCodeSignIn and QRCodeScan take.
const KEY_ONLY: &[&str] = &["signInKey"];

/// `POST /api/AppUsers/:appId/QRCodePreSignIn`: `scheme`, `scopes`, `remark`? → a numeric key.
pub async fn pre_sign_in(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    p: Params,
    body: Body,
) -> ApiResult {
    let app = state.app(p.app())?;
    state.throttles.admit_creation(&addr)?;
    let f = body.accept(PRE_SIGN_IN)?;
    let scheme = f.opt_str(&["scheme"], 16)?.unwrap_or_else(|| "app".into());
    let scopes = f
        .opt_str(&["scopes"], MAX_SCOPES)?
        .unwrap_or_else(|| app.scopes.clone());
    let remark = f.opt_str(&["remark"], MAX_REMARK)?;
    let expires = now_i64().saturating_add(i64::try_from(app.qr_lifetime_secs).unwrap_or(0));
    let key = state
        .db
        .tx(|tx| qr_keys::create(tx, app.id, &scheme, &scopes, remark.as_deref(), expires))?;
    Ok(ok(json!(key)))
}

/// `POST /api/AppUsers/:appId/QRCodeSignIn`: 201 not scanned, 202 scanned, 200 with the
/// token once confirmed (once; the key is then spent), 410 expired or spent, 404 unknown.
pub async fn sign_in(State(state): State<AppState>, p: Params, body: Body) -> ApiResult {
    let app = state.app(p.app())?;
    let f = body.accept(KEY_ONLY)?;
    let key = f.req_key(&["signInKey"])?;
    let user = state.db.tx(|tx| {
        let k = load(tx, app.id, key)?;
        match k.state {
            SPENT => Err(ApiError::QrUsed),
            // A confirmed key hands out its token even if the poll comes just after expiry.
            CONFIRMED => {
                let uid = k.user_id.ok_or(ApiError::QrUnknown)?;
                let user = users::by_id(tx, app.id, uid)?.ok_or(ApiError::UserNotFound)?;
                set_state(tx, key, SPENT, None)?;
                Ok(user)
            }
            _ if now_i64() >= k.expires_at => Err(ApiError::QrExpired),
            SCANNED => Err(ApiError::QrScanned),
            _ => Err(ApiError::QrWaiting),
        }
    })?;
    Ok(ok(state.tokens.answer(app.id, &user, "qrcode")?))
}

/// `POST /api/AppUsers/:appId/QRCodeScan`: marks the key scanned and returns the app card.
pub async fn scan(State(state): State<AppState>, p: Params, body: Body) -> ApiResult {
    let app = state.app(p.app())?;
    let f = body.accept(KEY_ONLY)?;
    let key = f.req_key(&["signInKey"])?;
    let k = state.db.tx(|tx| {
        let k = load_open(tx, app.id, key)?;
        if k.state == NEW {
            set_state(tx, key, SCANNED, None)?;
        }
        Ok(k)
    })?;
    Ok(ok(card(app, &k)))
}

fn card(app: &AppConfig, k: &Key) -> serde_json::Value {
    json!({
        "appID": app.id,
        "name": app.name,
        "logo": app.logo,
        "website": app.website,
        "description": app.description,
        "tags": app.tags,
        "scopes": k.scopes,
        "remark": k.remark,
        "scheme": k.scheme,
    })
}

/// The fields QRCodeSignUp takes (`password` as a synonym of `pwd`, D1).
const SIGN_UP: &[&str] = &[
    "unionID",
    "signInKey",
    "pwd",
    "password",
    "nickName",
    "avatar",
    "data",
    "phone",
    "phoneCode",
    "email",
    "emailCode",
];

/// `POST /api/AppUsers/:appId/QRCodeSignUp`: `unionID`, `signInKey` and the optional
/// sign-up fields. Signs the phone user in (creating it if new, platform `wxminip`) and
/// completes the web side's sign-in; answers the phone side with a token too.
pub async fn sign_up(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    p: Params,
    body: Body,
) -> ApiResult {
    let app = state.app(p.app())?;
    state.throttles.admit(&addr)?;
    state.throttles.admit_creation(&addr)?;
    let f = body.accept(SIGN_UP)?;
    let union_id = f.req_str(&["unionID"], MAX_UNION_ID)?;
    let key = f.req_key(&["signInKey"])?;
    let extras = read_extras(&f, app, false, false)?;
    let existing = state.db.tx(|tx| {
        load_open(tx, app.id, key)?;
        let user = users::by_union(tx, app.id, QR_PLATFORM, &union_id)?;
        if let Some(u) = &user {
            set_state(tx, key, CONFIRMED, Some(u.id))?;
        }
        Ok(user)
    })?;
    if let Some(user) = existing {
        return Ok(ok(state.tokens.answer(app.id, &user, "qrcode")?));
    }
    let base = NewUser {
        user_name: union_id.clone(),
        platform: Some(QR_PLATFORM.into()),
        union_id: Some(union_id),
        ..NewUser::default()
    };
    let answer = sign_up_then(&state, app, base, extras, "qrcode", |tx, user| {
        load_open(tx, app.id, key)?;
        set_state(tx, key, CONFIRMED, Some(user.id))
    })
    .await;
    state.throttles.count_guess(&addr, answer)
}
