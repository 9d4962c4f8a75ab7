//! Phone calls: PhoneSignUp, PhoneSignIn, SendSMSCode (calls 5–7).

use axum::extract::State;

use super::{
    common::Params,
    contact::{self, Kind},
};
use crate::{body::Body, error::ApiResult, state::AppState};

/// The fields PhoneSignUp takes (`password` as a synonym of `pwd`, D1).
const SIGN_UP: &[&str] = &[
    "phone",
    "phoneCode",
    "pwd",
    "password",
    "email",
    "emailCode",
    "nickName",
    "avatar",
    "data",
];

/// `POST /api/AppUsers/:appId/PhoneSignUp`.
pub async fn sign_up(State(state): State<AppState>, p: Params, body: Body) -> ApiResult {
    let app = state.app(p.app())?;
    let f = body.accept(SIGN_UP)?;
    contact::sign_up_contact(&state, app, Kind::Phone, &f, "phoneCode").await
}

/// The fields PhoneSignIn takes.
const SIGN_IN: &[&str] = &["phone", "verifyCode", "phoneCode", "code"];

/// `POST /api/AppUsers/:appId/PhoneSignIn`: `phone`, `verifyCode` (also `phoneCode`, `code`).
pub async fn sign_in(State(state): State<AppState>, p: Params, body: Body) -> ApiResult {
    let app = state.app(p.app())?;
    let f = body.accept(SIGN_IN)?;
    contact::sign_in(
        &state,
        app,
        Kind::Phone,
        &f,
        &["verifyCode", "phoneCode", "code"],
    )
    .await
}

/// The fields SendSMSCode takes.
const SEND_CODE: &[&str] = &["phone", "type"];

/// `POST /api/AppUsers/:appId/SendSMSCode`.
pub async fn send_code(State(state): State<AppState>, p: Params, body: Body) -> ApiResult {
    let app = state.app(p.app())?;
    let f = body.accept(SEND_CODE)?;
    contact::send_code(&state, app, Kind::Phone, &f).await
}
