//! Calls 3–4: sign-in and sign-up by user name and password.

use serde::{Serialize, Serializer};

use super::client::Client;
use super::error::ApiError;
use super::route::Route;
use super::token::Token;

/// Request of `SignIn`. Serialized with the password under both `pwd` and `password` (D1):
/// `{"userName", "pwd", "password"}`.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct SignInRequest {
    /// User name (the server also finds a user by phone or email, D10).
    pub user_name: String,
    /// Password.
    pub password: String,
}

impl SignInRequest {
    /// A sign-in request for `user_name` with `password`.
    pub fn new(user_name: impl Into<String>, password: impl Into<String>) -> Self {
        SignInRequest {
            user_name: user_name.into(),
            password: password.into(),
        }
    }
}

impl Serialize for SignInRequest {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        /// The body on the wire.
        #[derive(Serialize)]
        struct Wire<'a> {
            #[serde(rename = "userName")]
            user_name: &'a str,
            pwd: &'a str,
            password: &'a str,
        }
        Wire {
            user_name: &self.user_name,
            pwd: &self.password,
            password: &self.password,
        }
        .serialize(s)
    }
}

/// Request of `SignUp`. Optional fields are left out of the JSON when `None`.
#[derive(Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SignUpRequest {
    /// User name.
    pub user_name: String,
    /// Password.
    pub pwd: String,
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
    /// Call 3, `POST /api/AppUsers/:appId/SignIn`: signs in by user name and password.
    pub async fn sign_in(&self, req: &SignInRequest) -> Result<Token, ApiError> {
        self.send_json(Route::SignIn, req).await
    }

    /// Call 4, `POST /api/AppUsers/:appId/SignUp`: creates an account with a user name.
    pub async fn sign_up(&self, req: &SignUpRequest) -> Result<Token, ApiError> {
        self.send_json(Route::SignUp, req).await
    }
}
