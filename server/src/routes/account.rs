//! Account sign-in and sign-up (calls 3 and 4).

use axum::extract::State;

use super::common::{read_extras, sign_up, Params};
use crate::{
    body::Body,
    error::{ok, ApiError, ApiResult},
    state::AppState,
    users::{self, NewUser},
    validate::{MAX_CONTACT, MAX_PWD, MAX_USER_NAME},
};

/// The fields SignIn takes: the password as `pwd` or `password` (D1).
const SIGN_IN: &[&str] = &["userName", "pwd", "password"];

/// `POST /api/AppUsers/:appId/SignIn`: `userName` (or a phone or email, D10) and the
/// password as `pwd` or `password` (D1).
pub async fn sign_in(State(state): State<AppState>, p: Params, body: Body) -> ApiResult {
    let app = state.app(p.app())?;
    let f = body.accept(SIGN_IN)?;
    let login = f.req_str(&["userName"], MAX_CONTACT)?;
    let pwd = f.req_str(&["pwd", "password"], MAX_PWD)?;
    let user = state
        .db
        .tx(|tx| users::by_login(tx, app.id, login.trim()))?;
    let user = check_password(&state, user, pwd).await?;
    Ok(ok(state.tokens.answer(app.id, &user, "account")?))
}

/// Verifies `pwd` against the user's hash; a missing user or password is a 401 (D6).
pub async fn check_password(
    state: &AppState,
    user: Option<users::User>,
    pwd: String,
) -> Result<users::User, ApiError> {
    let user = user.ok_or(ApiError::WrongCredentials)?;
    let hash = user.pwd_hash.clone().ok_or(ApiError::WrongCredentials)?;
    if state.hasher.verify(pwd, hash).await {
        Ok(user)
    } else {
        Err(ApiError::WrongCredentials)
    }
}

/// The fields SignUp takes (`password` as a synonym of `pwd`, D1).
const SIGN_UP: &[&str] = &[
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

/// `POST /api/AppUsers/:appId/SignUp`: `userName`, `pwd` and the optional sign-up fields.
pub async fn sign_up_account(State(state): State<AppState>, p: Params, body: Body) -> ApiResult {
    let app = state.app(p.app())?;
    let f = body.accept(SIGN_UP)?;
    let user_name = f.req_str(&["userName"], MAX_USER_NAME)?;
    if user_name.trim() != user_name {
        return Err(ApiError::Invalid("userName"));
    }
    f.req_str(&["pwd", "password"], MAX_PWD)?;
    let extras = read_extras(&f, app, false, false)?;
    let base = NewUser {
        user_name,
        ..NewUser::default()
    };
    sign_up(&state, app, base, extras, "account").await
}
