//! Calls 20–21: reading and updating the signed-in user's profile.

use serde::{Deserialize, Serialize};

use super::client::Client;
use super::error::ApiError;
use super::lenient;
use super::route::Route;

/// The signed-in user's profile (the answer of `GET Profile`). Every field tolerates `null`,
/// a missing key, and a number where text was expected (or the other way round).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    /// The user's id.
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    pub id: Option<i64>,
    /// The application id (`appID`).
    #[serde(rename = "appID", default, deserialize_with = "lenient::opt_i64")]
    pub app_id: Option<i64>,
    /// The platform the user came from.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub platform: Option<String>,
    /// The third-party id (`unionID`).
    #[serde(rename = "unionID", default, deserialize_with = "lenient::opt_string")]
    pub union_id: Option<String>,
    /// User name.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub user_name: Option<String>,
    /// Display name.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub nick_name: Option<String>,
    /// Avatar URL.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub avatar: Option<String>,
    /// Phone number.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub phone: Option<String>,
    /// Whether the phone was verified.
    #[serde(default, deserialize_with = "lenient::opt_bool")]
    pub phone_is_valid: Option<bool>,
    /// Email address.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub email: Option<String>,
    /// Whether the email was verified.
    #[serde(default, deserialize_with = "lenient::opt_bool")]
    pub email_is_valid: Option<bool>,
    /// The application's custom data.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub data: Option<String>,
    /// Role.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub role: Option<String>,
    /// Created, `YYYY-MM-DD HH:MM:SS`.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub create_date: Option<String>,
    /// Last changed, `YYYY-MM-DD HH:MM:SS`.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub last_update: Option<String>,
}

/// Request of `PUT Profile`: `{"avatar", "nickName", "data"}` (all three are sent; send the
/// current values of those that do not change).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateProfileRequest {
    /// Avatar URL.
    pub avatar: String,
    /// Display name.
    pub nick_name: String,
    /// The application's custom data.
    pub data: String,
}

impl Client {
    /// Call 20, `GET /api/AppUsers/:appId/Profile` (Bearer): the signed-in user's profile.
    pub async fn profile(&self) -> Result<Profile, ApiError> {
        self.send_empty(Route::Profile).await
    }

    /// Call 21, `PUT /api/AppUsers/:appId/Profile` (Bearer): updates the profile; `true` when
    /// done.
    pub async fn update_profile(&self, req: &UpdateProfileRequest) -> Result<bool, ApiError> {
        self.send_json(Route::UpdateProfile, req).await
    }
}
