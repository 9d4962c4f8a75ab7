//! Third-party id sign-in and sign-up (calls 1 and 2).

use axum::extract::State;

use super::common::{read_extras, sign_up, Params};
use crate::{
    body::{Body, Fields},
    error::{ok, ApiError, ApiResult},
    state::{AppState, ClientAddr},
    users::{self, NewUser},
    validate::{self, MAX_PLATFORM, MAX_UNION_ID, MAX_USER_NAME},
};

/// Reads and checks `platform` and `unionID`.
fn read_ids(f: &Fields) -> Result<(String, String), ApiError> {
    let platform = f.req_str(&["platform"], MAX_PLATFORM)?;
    validate::platform(&platform)?;
    let union_id = f.req_str(&["unionID"], MAX_UNION_ID)?;
    Ok((platform, union_id))
}

/// The fields UnionIDSignIn takes.
const SIGN_IN: &[&str] = &["platform", "unionID"];

/// `POST /api/AppUsers/:appId/UnionIDSignIn`: `platform`, `unionID`; 404 when unknown. The
/// id is all it takes to sign in, so an unknown one counts as a failed guess of the address.
pub async fn sign_in(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    p: Params,
    body: Body,
) -> ApiResult {
    let app = state.app(p.app())?;
    state.throttles.admit(&addr)?;
    let f = body.accept(SIGN_IN)?;
    let (platform, union_id) = read_ids(&f)?;
    let found = state
        .db
        .tx(|tx| users::by_union(tx, app.id, &platform, &union_id))
        .and_then(|user| user.ok_or(ApiError::UserNotFound));
    let user = state.throttles.count_unknown_id(&addr, found)?;
    Ok(ok(state.tokens.answer(app.id, &user, "unionid")?))
}

/// The fields UnionIDSignUp takes (`password` as a synonym of `pwd`, D1).
const SIGN_UP: &[&str] = &[
    "unionID",
    "platform",
    "userName",
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

/// `POST /api/AppUsers/:appId/UnionIDSignUp`: `unionID`, `platform`, `userName`?
/// (defaults to the unionID) and the optional sign-up fields; 409 when it exists.
pub async fn sign_up_union(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    p: Params,
    body: Body,
) -> ApiResult {
    let app = state.app(p.app())?;
    state.throttles.admit(&addr)?;
    state.throttles.admit_creation(&addr)?;
    let f = body.accept(SIGN_UP)?;
    let (platform, union_id) = read_ids(&f)?;
    let user_name = f
        .opt_str(&["userName"], MAX_USER_NAME)?
        .unwrap_or_else(|| union_id.clone());
    if user_name.chars().count() > MAX_USER_NAME {
        return Err(ApiError::TooLong("userName", MAX_USER_NAME));
    }
    let extras = read_extras(&f, app, false, false)?;
    let base = NewUser {
        user_name,
        platform: Some(platform),
        union_id: Some(union_id),
        ..NewUser::default()
    };
    let answer = sign_up(&state, app, base, extras, "unionid").await;
    state.throttles.count_guess(&addr, answer)
}
