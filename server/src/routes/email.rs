//! Email calls: EmailSignUp, EmailSignIn, SendEmailCode (calls 8–10).

use axum::extract::State;

use super::{
    common::Params,
    contact::{self, Kind},
};
use crate::{body::Body, error::ApiResult, state::AppState};

/// The fields EmailSignUp takes (`password` as a synonym of `pwd`, D1).
const SIGN_UP: &[&str] = &[
    "email",
    "emailCode",
    "pwd",
    "password",
    "phone",
    "phoneCode",
    "nickName",
    "avatar",
    "data",
];

/// `POST /api/AppUsers/:appId/EmailSignUp`.
pub async fn sign_up(State(state): State<AppState>, p: Params, body: Body) -> ApiResult {
    let app = state.app(p.app())?;
    let f = body.accept(SIGN_UP)?;
    contact::sign_up_contact(&state, app, Kind::Email, &f, "emailCode").await
}

/// The fields EmailSignIn takes (D2: the code as `verifyCode` or `emailCode`).
const SIGN_IN: &[&str] = &["email", "verifyCode", "emailCode", "code"];

/// `POST /api/AppUsers/:appId/EmailSignIn`: `email`, `verifyCode` or `emailCode` (D2).
pub async fn sign_in(State(state): State<AppState>, p: Params, body: Body) -> ApiResult {
    let app = state.app(p.app())?;
    let f = body.accept(SIGN_IN)?;
    contact::sign_in(
        &state,
        app,
        Kind::Email,
        &f,
        &["verifyCode", "emailCode", "code"],
    )
    .await
}

/// The fields SendEmailCode takes.
const SEND_CODE: &[&str] = &["email", "type"];

/// `POST /api/AppUsers/:appId/SendEmailCode`.
pub async fn send_code(State(state): State<AppState>, p: Params, body: Body) -> ApiResult {
    let app = state.app(p.app())?;
    let f = body.accept(SEND_CODE)?;
    contact::send_code(&state, app, Kind::Email, &f).await
}
