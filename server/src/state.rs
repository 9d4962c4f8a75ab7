//! The shared state of every handler.

use std::{collections::BTreeMap, sync::Arc};

use crate::{auth::Tokens, config::AppConfig, db::Db, error::ApiError, passwords::Hasher};

/// Cheap-to-clone handle on everything the handlers share.
#[derive(Clone)]
pub struct AppState(pub Arc<Inner>);

/// What [`AppState`] holds.
pub struct Inner {
    /// The database.
    pub db: Db,
    /// The apps by id.
    pub apps: BTreeMap<i64, AppConfig>,
    /// Token signing and checking.
    pub tokens: Tokens,
    /// Password hashing.
    pub hasher: Hasher,
    /// Whether the `/dev` routes are on.
    pub outbox: bool,
}

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl Inner {
    /// The app with this id from the path (404 when unknown or not a number).
    pub fn app(&self, id: &str) -> Result<&AppConfig, ApiError> {
        id.trim()
            .parse::<i64>()
            .ok()
            .and_then(|id| self.apps.get(&id))
            .ok_or(ApiError::UnknownApp)
    }
}

impl Inner {
    /// The signed-in user of a Bearer call: token valid for `app` and the user still there.
    pub fn user(
        &self,
        headers: &axum::http::HeaderMap,
        app: &AppConfig,
    ) -> Result<crate::users::User, ApiError> {
        let id = self.tokens.from_headers(headers, app.id)?;
        self.db
            .tx(|tx| crate::users::by_id(tx, app.id, id))?
            .ok_or(ApiError::BadToken)
    }
}
