//! Calls 5–7: sign-up and sign-in by phone, and sending an SMS code.

use serde::Serialize;

use super::client::Client;
use super::error::ApiError;
use super::purpose::CodePurpose;
use super::route::Route;
use super::token::Token;

/// Request of `PhoneSignUp`. Optional fields are left out of the JSON when `None`.
#[derive(Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneSignUpRequest {
    /// Phone number (becomes the user name, D10).
    pub phone: String,
    /// The code sent to `phone`.
    pub phone_code: String,
    /// Password.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pwd: Option<String>,
    /// Email address (required when the app verifies emails).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The code sent to `email`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_code: Option<String>,
    /// Display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nick_name: Option<String>,
    /// Avatar URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
    /// The application's custom data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
}

/// Request of `PhoneSignIn`: `{"phone", "verifyCode"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneSignInRequest {
    /// Phone number.
    pub phone: String,
    /// The code sent to `phone` (a `signup` code, D9).
    pub verify_code: String,
}

/// Request of `SendSMSCode`: `{"phone", "type"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SendSmsCodeRequest {
    /// Phone number.
    pub phone: String,
    /// What the code is for.
    #[serde(rename = "type")]
    pub purpose: CodePurpose,
}

impl Client {
    /// Call 5, `POST /api/AppUsers/:appId/PhoneSignUp`: creates an account by phone and code.
    pub async fn phone_sign_up(&self, req: &PhoneSignUpRequest) -> Result<Token, ApiError> {
        self.send_json(Route::PhoneSignUp, req).await
    }

    /// Call 6, `POST /api/AppUsers/:appId/PhoneSignIn`: signs in by phone and code.
    pub async fn phone_sign_in(&self, req: &PhoneSignInRequest) -> Result<Token, ApiError> {
        self.send_json(Route::PhoneSignIn, req).await
    }

    /// Call 7, `POST /api/AppUsers/:appId/SendSMSCode`: sends a code by SMS; `true` when sent.
    pub async fn send_sms_code(&self, req: &SendSmsCodeRequest) -> Result<bool, ApiError> {
        self.send_json(Route::SendSmsCode, req).await
    }
}
