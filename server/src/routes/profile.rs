//! Profile (calls 20 and 21).

use axum::{extract::State, http::HeaderMap};
use serde_json::json;

use super::common::Params;
use crate::{
    body::Body,
    error::{ok, ApiResult},
    state::AppState,
    users,
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
        users::update_profile(
            tx,
            user.id,
            (avatar.0, avatar.1.as_deref()),
            (nick.0, nick.1.as_deref()),
            (data.0, data.1.as_deref()),
        )
    })?;
    Ok(ok(json!(true)))
}
