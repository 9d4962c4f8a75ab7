//! Calls 8–10: sign-up and sign-in by email, and sending an email code.

use serde::{Serialize, Serializer};

use super::client::Client;
use super::error::ApiError;
use super::purpose::CodePurpose;
use super::route::Route;
use super::token::Token;

/// Request of `EmailSignUp`. Optional fields are left out of the JSON when `None`.
#[derive(Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EmailSignUpRequest {
    /// Email address (becomes the user name, D10).
    pub email: String,
    /// The code sent to `email`.
    pub email_code: String,
    /// Password.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pwd: Option<String>,
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
}

/// Request of `EmailSignIn`. Serialized with the code under both `emailCode` and `verifyCode`
/// (D2): `{"email", "emailCode", "verifyCode"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmailSignInRequest {
    /// Email address.
    pub email: String,
    /// The code sent to `email` (a `signup` code, D9).
    pub code: String,
}

impl Serialize for EmailSignInRequest {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        /// The body on the wire.
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Wire<'a> {
            email: &'a str,
            email_code: &'a str,
            verify_code: &'a str,
        }
        Wire {
            email: &self.email,
            email_code: &self.code,
            verify_code: &self.code,
        }
        .serialize(s)
    }
}

/// Request of `SendEmailCode`: `{"email", "type"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SendEmailCodeRequest {
    /// Email address.
    pub email: String,
    /// What the code is for.
    #[serde(rename = "type")]
    pub purpose: CodePurpose,
}

impl Client {
    /// Call 8, `POST /api/AppUsers/:appId/EmailSignUp`: creates an account by email and code.
    pub async fn email_sign_up(&self, req: &EmailSignUpRequest) -> Result<Token, ApiError> {
        self.send_json(Route::EmailSignUp, req).await
    }

    /// Call 9, `POST /api/AppUsers/:appId/EmailSignIn`: signs in by email and code.
    pub async fn email_sign_in(&self, req: &EmailSignInRequest) -> Result<Token, ApiError> {
        self.send_json(Route::EmailSignIn, req).await
    }

    /// Call 10, `POST /api/AppUsers/:appId/SendEmailCode`: sends a code by email; `true` when
    /// sent.
    pub async fn send_email_code(&self, req: &SendEmailCodeRequest) -> Result<bool, ApiError> {
        self.send_json(Route::SendEmailCode, req).await
    }
}
