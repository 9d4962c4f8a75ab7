//! Profile (calls 20 and 21).

use axum::{extract::State, http::HeaderMap};
use rusqlite::params;
use serde_json::json;

use super::common::Params;
use crate::{
    body::Body,
    error::{ok, ApiResult},
    state::AppState,
    time::now_date,
    validate::{self, MAX_AVATAR, MAX_DATA, MAX_NICK},
};

/// `GET /api/AppUsers/:appId/Profile` (Bearer).
pub async fn get(State(state): State<AppState>, p: Params, headers: HeaderMap) -> ApiResult {
    let app = state.app(p.app())?;
    Ok(ok(state.user(&headers, app)?.profile()))
}

/// The fields a Profile PUT takes.
const PUT: &[&str] = &["avatar", "nickName", "data"];

/// `PUT /api/AppUsers/:appId/Profile` (Bearer): `avatar`, `nickName`, `data`. A field that is
/// present is set (null or "" clears it); an absent field is left as it was.
pub async fn put(
    State(state): State<AppState>,
    p: Params,
    headers: HeaderMap,
    body: Body,
) -> ApiResult {
    let app = state.app(p.app())?;
    let user = state.user(&headers, app)?;
    let f = body.accept(PUT)?;
    let avatar = f.opt_str(&["avatar"], MAX_AVATAR)?;
    if let Some(a) = &avatar {
        validate::avatar(a)?;
    }
    let nick = f.opt_str(&["nickName"], MAX_NICK)?;
    let data = f.opt_text(&["data"], MAX_DATA, true)?;
    let avatar = (f.has(&["avatar"]), avatar);
    let nick = (f.has(&["nickName"]), nick);
    let data = (f.has(&["data"]), data);
    state.db.tx(|tx| {
        tx.execute(
            "UPDATE users SET
                avatar = CASE WHEN ?1 THEN ?2 ELSE avatar END,
                nick_name = CASE WHEN ?3 THEN ?4 ELSE nick_name END,
                data = CASE WHEN ?5 THEN ?6 ELSE data END,
                last_update = ?7
             WHERE id = ?8",
            params![
                avatar.0,
                avatar.1,
                nick.0,
                nick.1,
                data.0,
                data.1,
                now_date(),
                user.id
            ],
        )?;
        Ok(())
    })?;
    Ok(ok(json!(true)))
}
