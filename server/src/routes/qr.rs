//! QR sign-in (calls 12–15, D4, D7): the web side asks for a key and polls it; the phone
//! side scans it and confirms with QRCodeSignUp.

use axum::extract::State;
use rand::Rng;
use rusqlite::{params, OptionalExtension, Transaction};
use serde_json::json;

use super::common::{read_extras, sign_up_then, Params};
use crate::{
    body::Body,
    config::AppConfig,
    error::{ok, ApiError, ApiResult},
    state::AppState,
    time::now_i64,
    users::{self, NewUser},
    validate::{MAX_REMARK, MAX_SCOPES, MAX_UNION_ID},
};

/// The platform recorded for users created by the phone side (the vendor's mini program).
pub const QR_PLATFORM: &str = "wxminip";

/// States of a key.
const NEW: i64 = 0;
const SCANNED: i64 = 1;
const CONFIRMED: i64 = 2;
const SPENT: i64 = 3;

/// A stored key.
struct Key {
    scheme: String,
    scopes: String,
    remark: Option<String>,
    expires_at: i64,
    state: i64,
    user_id: Option<i64>,
}

fn load(tx: &Transaction<'_>, app: i64, key: i64) -> Result<Key, ApiError> {
    tx.query_row(
        "SELECT scheme, scopes, remark, expires_at, state, user_id FROM qr_keys
         WHERE id = ?1 AND app_id = ?2",
        params![key, app],
        |r| {
            Ok(Key {
                scheme: r.get(0)?,
                scopes: r.get(1)?,
                remark: r.get(2)?,
                expires_at: r.get(3)?,
                state: r.get(4)?,
                user_id: r.get(5)?,
            })
        },
    )
    .optional()?
    .ok_or(ApiError::QrUnknown)
}

/// A key the phone side may still act on (not expired, not confirmed or spent).
fn load_open(tx: &Transaction<'_>, app: i64, key: i64) -> Result<Key, ApiError> {
    let k = load(tx, app, key)?;
    if k.state >= CONFIRMED {
        return Err(ApiError::QrUsed);
    }
    if now_i64() >= k.expires_at {
        return Err(ApiError::QrExpired);
    }
    Ok(k)
}

fn set_state(
    tx: &Transaction<'_>,
    key: i64,
    state: i64,
    user: Option<i64>,
) -> Result<(), ApiError> {
    tx.execute(
        "UPDATE qr_keys SET state = ?1, user_id = COALESCE(?2, user_id) WHERE id = ?3",
        params![state, user, key],
    )?;
    Ok(())
}

/// The fields QRCodePreSignIn takes.
const PRE_SIGN_IN: &[&str] = &["scheme", "scopes", "remark"];

/// The fields QRCodeSignIn and QRCodeScan take.
const KEY_ONLY: &[&str] = &["signInKey"];

/// `POST /api/AppUsers/:appId/QRCodePreSignIn`: `scheme`, `scopes`, `remark`? → a numeric key.
pub async fn pre_sign_in(State(state): State<AppState>, p: Params, body: Body) -> ApiResult {
    let app = state.app(p.app())?;
    let f = body.accept(PRE_SIGN_IN)?;
    let scheme = f.opt_str(&["scheme"], 16)?.unwrap_or_else(|| "app".into());
    let scopes = f
        .opt_str(&["scopes"], MAX_SCOPES)?
        .unwrap_or_else(|| app.scopes.clone());
    let remark = f.opt_str(&["remark"], MAX_REMARK)?;
    let expires = now_i64().saturating_add(i64::try_from(app.qr_lifetime_secs).unwrap_or(0));
    let key = state.db.tx(|tx| {
        // Random keys below 2^53 so they survive JavaScript numbers; retry on a collision.
        for _ in 0..8 {
            let key = rand::thread_rng().gen_range(1_000_000_000i64..(1i64 << 53));
            let n = tx.execute(
                "INSERT OR IGNORE INTO qr_keys (id, app_id, scheme, scopes, remark, expires_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![key, app.id, scheme, scopes, remark, expires],
            )?;
            if n == 1 {
                return Ok(key);
            }
        }
        Err(ApiError::Internal)
    })?;
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
pub async fn sign_up(State(state): State<AppState>, p: Params, body: Body) -> ApiResult {
    let app = state.app(p.app())?;
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
    sign_up_then(&state, app, base, extras, "qrcode", |tx, user| {
        load_open(tx, app.id, key)?;
        set_state(tx, key, CONFIRMED, Some(user.id))
    })
    .await
}
