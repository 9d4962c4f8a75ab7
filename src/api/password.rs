//! Call 11: resetting a forgotten password with a `forgetpwd` code.

use serde::Serialize;

use super::client::Client;
use super::error::ApiError;
use super::route::Route;

/// Where the reset code was sent: exactly one of `phone` or `email` goes in the request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ResetTarget {
    /// Sent as `"phone": "..."`.
    Phone(String),
    /// Sent as `"email": "..."`.
    Email(String),
}

/// Request of `ResetPwd`: `{"phone" or "email", "code", "pwd"}`.
#[derive(Clone, PartialEq, Eq, Serialize)]
pub struct ResetPwdRequest {
    /// The phone or email the code was sent to.
    #[serde(flatten)]
    pub target: ResetTarget,
    /// The `forgetpwd` code.
    pub code: String,
    /// The new password.
    pub pwd: String,
}

impl Client {
    /// Call 11, `POST /api/AppUsers/:appId/ResetPwd`: sets a new password; `true` when done.
    pub async fn reset_pwd(&self, req: &ResetPwdRequest) -> Result<bool, ApiError> {
        self.send_json(Route::ResetPwd, req).await
    }
}
