//! The route table: every call of API.md plus the `/dev` additions.

pub mod account;
pub mod common;
pub mod contact;
pub mod dev;
pub mod oauth;
pub mod password;
pub mod points;
pub mod profile;
pub mod qr;
pub mod unionid;

use axum::{
    routing::{any, delete, get, post},
    Router,
};

use self::{
    common::Params,
    contact::{
        handler, send_code_call, sign_in_call, sign_up_call,
        Kind::{Email, Phone},
    },
};
use crate::{
    body::Body,
    error::ApiError,
    state::{AppState, ClientAddr},
};

/// Paths are matched case-insensitively (as ASP.NET does): routes are registered in lower
/// case and [`crate::lowercase_api_path`] lower-cases incoming `/api` and `/dev` paths.
fn p(path: &str) -> String {
    path.to_ascii_lowercase()
}

/// The API routes with their state; unknown `/api` paths are 404 envelopes.
pub fn api(state: AppState) -> Router {
    let u = "/api/AppUsers/{app}";
    Router::new()
        .route(&p(&format!("{u}/UnionIDSignIn")), post(unionid::sign_in))
        .route(
            &p(&format!("{u}/UnionIDSignUp")),
            post(unionid::sign_up_union),
        )
        .route(&p(&format!("{u}/SignIn")), post(account::sign_in))
        .route(&p(&format!("{u}/SignUp")), post(account::sign_up_account))
        .route(
            &p(&format!("{u}/PhoneSignUp")),
            post(handler!(sign_up_call, Phone)),
        )
        .route(
            &p(&format!("{u}/PhoneSignIn")),
            post(handler!(sign_in_call, Phone)),
        )
        .route(
            &p(&format!("{u}/SendSMSCode")),
            post(handler!(send_code_call, Phone)),
        )
        .route(
            &p(&format!("{u}/EmailSignUp")),
            post(handler!(sign_up_call, Email)),
        )
        .route(
            &p(&format!("{u}/EmailSignIn")),
            post(handler!(sign_in_call, Email)),
        )
        .route(
            &p(&format!("{u}/SendEmailCode")),
            post(handler!(send_code_call, Email)),
        )
        .route(&p(&format!("{u}/ResetPwd")), post(password::reset))
        .route(&p(&format!("{u}/QRCodePreSignIn")), post(qr::pre_sign_in))
        .route(&p(&format!("{u}/QRCodeSignIn")), post(qr::sign_in))
        .route(&p(&format!("{u}/QRCodeScan")), post(qr::scan))
        .route(&p(&format!("{u}/QRCodeSignUp")), post(qr::sign_up))
        .route(
            &p(&format!("{u}/Profile")),
            get(profile::get).put(profile::put),
        )
        .route(&p(&format!("{u}/PointLog")), get(points::log))
        .route(&p(&format!("{u}/RechargePoints")), post(points::recharge))
        .route(&p("/api/OAuth/{app}/GrantCode"), post(oauth::grant_code))
        .route(&p("/api/OAuth/{app}/Authorize"), post(oauth::authorize))
        .route(&p("/api/OAuth/{app}/Consents"), get(oauth::consents))
        .route(
            &p("/api/OAuth/{app}/Consents/{id}"),
            delete(oauth::delete_consent),
        )
        .route("/api/{*rest}", any(not_found))
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state)
}

/// The `/dev` routes (they answer 404 unless the outbox is on); unknown `/dev` paths are
/// 404 envelopes.
pub fn dev(state: AppState) -> Router {
    Router::new()
        .route("/dev/outbox", get(dev::outbox))
        .route(&p("/dev/SpendPoints/{app}"), post(dev::spend))
        .route("/dev/{*rest}", any(not_found))
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state)
}

/// The 404 envelope.
pub async fn not_found() -> ApiError {
    ApiError::NotFound
}

/// The 405 envelope.
pub async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}
