//! Calls 1–2: sign-in and sign-up by a third-party id (`unionID`).

use serde::Serialize;

use super::client::Client;
use super::error::ApiError;
use super::route::Route;
use super::token::Token;

/// Request of `UnionIDSignIn`: `{"platform", "unionID"}`.
#[derive(Clone, Default, PartialEq, Eq, Serialize)]
pub struct UnionIdSignInRequest {
    /// The platform of the id: `web`, `weibo`, `wexin`, `qq`, `dingtalk` or a custom name.
    pub platform: String,
    /// The user's id on that platform (sent as `unionID`).
    #[serde(rename = "unionID")]
    pub union_id: String,
}

/// Request of `UnionIDSignUp`. Optional fields are left out of the JSON when `None`.
#[derive(Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UnionIdSignUpRequest {
    /// The user's id on the platform (sent as `unionID`).
    #[serde(rename = "unionID")]
    pub union_id: String,
    /// The platform of the id (see [`UnionIdSignInRequest::platform`]).
    pub platform: String,
    /// Password.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pwd: Option<String>,
    /// User name (the server defaults it to the unionID).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
    /// Display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nick_name: Option<String>,
    /// Avatar URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
    /// The application's custom data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
    /// Phone number (required when the app verifies phones).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The code sent to `phone`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_code: Option<String>,
    /// Email address (required when the app verifies emails).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The code sent to `email`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_code: Option<String>,
}

impl Client {
    /// Call 1, `POST /api/AppUsers/:appId/UnionIDSignIn`: signs in by a third-party id.
    pub async fn union_id_sign_in(&self, req: &UnionIdSignInRequest) -> Result<Token, ApiError> {
        self.send_json(Route::UnionIdSignIn, req).await
    }

    /// Call 2, `POST /api/AppUsers/:appId/UnionIDSignUp`: signs up by a third-party id.
    pub async fn union_id_sign_up(&self, req: &UnionIdSignUpRequest) -> Result<Token, ApiError> {
        self.send_json(Route::UnionIdSignUp, req).await
    }
}
