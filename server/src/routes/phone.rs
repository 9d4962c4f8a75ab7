//! Phone calls: PhoneSignUp, PhoneSignIn, SendSMSCode (calls 5–7).

use axum::extract::State;

use super::{
    common::Params,
    contact::{self, Kind},
};
use crate::{body::Fields, error::ApiResult, state::AppState};

/// `POST /api/AppUsers/:appId/PhoneSignUp`.
pub async fn sign_up(State(state): State<AppState>, p: Params, f: Fields) -> ApiResult {
    let app = state.app(p.app())?;
    contact::sign_up_contact(&state, app, Kind::Phone, &f, "phoneCode").await
}

/// `POST /api/AppUsers/:appId/PhoneSignIn`: `phone`, `verifyCode` (also `phoneCode`, `code`).
pub async fn sign_in(State(state): State<AppState>, p: Params, f: Fields) -> ApiResult {
    let app = state.app(p.app())?;
    contact::sign_in(
        &state,
        app,
        Kind::Phone,
        &f,
        &["verifyCode", "phoneCode", "code"],
    )
    .await
}

/// `POST /api/AppUsers/:appId/SendSMSCode`.
pub async fn send_code(State(state): State<AppState>, p: Params, f: Fields) -> ApiResult {
    let app = state.app(p.app())?;
    contact::send_code(&state, app, Kind::Phone, &f).await
}
