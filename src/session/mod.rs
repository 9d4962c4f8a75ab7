//! The session: the token store and the signed-in state.
//!
//! - [`TokenStore`] keeps `access_token`, `token_type` and the absolute expiry in localStorage
//!   under `oauthapp-login:v1:<serverUrl>:<appId>`, drops an expired or garbled token when
//!   read, and keeps working in memory when localStorage is missing or throws
//!   ([`FallbackBackend`]).
//! - [`Claims`] decodes the JWT's claims for display, without trusting them; [`jwt_payload`]
//!   gives the whole payload as JSON.
//! - [`Session`] exposes the signed-in state to Leptos as signals and follows sign-ins and
//!   sign-outs made in other tabs (the `storage` event); [`provide_session`] and
//!   [`use_session`] share it through context.

mod base64url;
mod claims;
mod reactive;
mod store;

pub use crate::storage::{
    FallbackBackend, LocalStorageBackend, MemoryBackend, StorageBackend, StorageError,
};
pub use claims::{claim_list, jwt_payload, Claims};
pub use reactive::{provide_session, try_use_session, use_session, Session, SESSION_EVENT};
pub use store::{StoredToken, TokenStore, DEFAULT_LIFETIME_SECS, KEY_PREFIX};
