//! Email calls: EmailSignUp, EmailSignIn, SendEmailCode (calls 8–10).

use axum::extract::State;

use super::{
    common::Params,
    contact::{self, Kind},
};
use crate::{body::Fields, error::ApiResult, state::AppState};

/// `POST /api/AppUsers/:appId/EmailSignUp`.
pub async fn sign_up(State(state): State<AppState>, p: Params, f: Fields) -> ApiResult {
    let app = state.app(p.app())?;
    contact::sign_up_contact(&state, app, Kind::Email, &f, "emailCode").await
}

/// `POST /api/AppUsers/:appId/EmailSignIn`: `email`, `verifyCode` or `emailCode` (D2).
pub async fn sign_in(State(state): State<AppState>, p: Params, f: Fields) -> ApiResult {
    let app = state.app(p.app())?;
    contact::sign_in(
        &state,
        app,
        Kind::Email,
        &f,
        &["verifyCode", "emailCode", "code"],
    )
    .await
}

/// `POST /api/AppUsers/:appId/SendEmailCode`.
pub async fn send_code(State(state): State<AppState>, p: Params, f: Fields) -> ApiResult {
    let app = state.app(p.app())?;
    contact::send_code(&state, app, Kind::Email, &f).await
}
