//! The token store: the signed-in token, its absolute expiry, kept under a key scoped to the
//! server and the application.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::claims::Claims;
use crate::api::{normalize_server_url, Client, Token};
use crate::clock::{Clock, SystemClock};
use crate::storage::{FallbackBackend, StorageBackend};

/// The prefix of every key the store writes (the one scheme of [`crate::storage::keys`]); the
/// version changes if the stored format does.
pub const KEY_PREFIX: &str = crate::storage::keys::PREFIX;

/// The lifetime assumed when the server gives neither `expires_in` nor a JWT `exp`: one day,
/// the vendor's.
pub const DEFAULT_LIFETIME_SECS: i64 = 86_400;

/// A token as the store keeps it: `{"access_token", "token_type", "expires_at"}`, with
/// `expires_at` in milliseconds since the epoch. Its `Debug` leaves the access token out.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredToken {
    /// The access token (a JWT).
    pub access_token: String,
    /// The token type, `Bearer`.
    pub token_type: String,
    /// When it expires, in milliseconds since the epoch.
    pub expires_at: i64,
}

impl std::fmt::Debug for StoredToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoredToken")
            .field("access_token", &crate::api::REDACTED)
            .field("token_type", &self.token_type)
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

impl StoredToken {
    /// The token `token`, received at `now_ms`: it expires `expires_in` seconds later, or at
    /// the JWT's `exp` when the server gave no `expires_in`, or after
    /// [`DEFAULT_LIFETIME_SECS`].
    pub fn from_token(token: &Token, now_ms: i64) -> Self {
        let expires_at = match token.expires_in {
            Some(secs) => now_ms.saturating_add(secs.saturating_mul(1000)),
            None => match Claims::from_jwt(&token.access_token).and_then(|c| c.exp) {
                Some(exp) => exp.saturating_mul(1000),
                None => now_ms.saturating_add(DEFAULT_LIFETIME_SECS * 1000),
            },
        };
        StoredToken {
            access_token: token.access_token.clone(),
            token_type: token.token_type.clone(),
            expires_at,
        }
    }

    /// True when the token has expired at `now_ms`.
    pub fn is_expired_at(&self, now_ms: i64) -> bool {
        now_ms >= self.expires_at
    }

    /// The JWT's claims, for display only (see [`Claims`]).
    pub fn claims(&self) -> Option<Claims> {
        Claims::from_jwt(&self.access_token)
    }

    /// `client` with this token as its bearer token.
    pub fn authorize(&self, client: &Client) -> Client {
        client.with_token(self.access_token.clone())
    }

    /// Whether this is a usable stored token (not blank).
    fn is_well_formed(&self) -> bool {
        !self.access_token.trim().is_empty()
    }
}

/// The store of one server's and one application's token.
///
/// Reads drop an expired or garbled entry. [`TokenStore::browser`] keeps the token in
/// localStorage and in memory when localStorage is missing or throws.
#[derive(Clone)]
pub struct TokenStore {
    key: String,
    backend: Rc<dyn StorageBackend>,
    clock: Rc<dyn Clock>,
}

impl TokenStore {
    /// The storage key of `server_url` (normalized like [`Client::new`]) and `app_id`:
    /// `oauthapp-login:v1:<serverUrl>:<appId>`.
    pub fn key_for(server_url: &str, app_id: u64) -> String {
        format!("{KEY_PREFIX}{}:{app_id}", normalize_server_url(server_url))
    }

    /// The store of the browser: localStorage, falling back to the page's memory, with the
    /// browser's clock.
    pub fn browser(server_url: &str, app_id: u64) -> Self {
        Self::with_backend(
            server_url,
            app_id,
            FallbackBackend::local_or_memory(),
            SystemClock,
        )
    }

    /// The browser store of `client`'s server and application.
    pub fn for_client(client: &Client) -> Self {
        Self::browser(client.server_url(), client.app_id())
    }

    /// A store on any backend and clock (tests use memory and a fixed clock).
    pub fn with_backend(
        server_url: &str,
        app_id: u64,
        backend: impl StorageBackend + 'static,
        clock: impl Clock + 'static,
    ) -> Self {
        TokenStore {
            key: Self::key_for(server_url, app_id),
            backend: Rc::new(backend),
            clock: Rc::new(clock),
        }
    }

    /// The storage key of this store.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The store's current time, in milliseconds since the epoch.
    pub fn now_ms(&self) -> i64 {
        self.clock.now_ms()
    }

    /// Stores `token`, received now, and gives what was stored. A write that fails even after
    /// the fallback is ignored: the caller still has the token for this page.
    pub fn save(&self, token: &Token) -> StoredToken {
        let stored = StoredToken::from_token(token, self.now_ms());
        if let Ok(json) = serde_json::to_string(&stored) {
            let _ = self.backend.set(&self.key, &json);
        }
        stored
    }

    /// The stored token, if there is one that is well formed and not expired; an expired or
    /// garbled entry is removed.
    pub fn load(&self) -> Option<StoredToken> {
        let text = self.backend.get(&self.key).ok()??;
        // The one JSON path of the widget (api::decode): one reader type in the wasm.
        let token = crate::api::decode::from_slice::<StoredToken>(text.as_bytes())
            .filter(StoredToken::is_well_formed)
            .filter(|t| !t.is_expired_at(self.now_ms()));
        if token.is_none() {
            self.clear();
        }
        token
    }

    /// Removes the stored token.
    pub fn clear(&self) {
        let _ = self.backend.remove(&self.key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::tests::Broken;
    use crate::storage::MemoryBackend;
    use std::cell::Cell;

    /// A clock the test moves by hand.
    #[derive(Clone, Default)]
    struct FakeClock(Rc<Cell<i64>>);
    impl Clock for FakeClock {
        fn now_ms(&self) -> i64 {
            self.0.get()
        }
    }

    fn token(access: &str, expires_in: Option<i64>) -> Token {
        Token {
            access_token: access.to_owned(),
            token_type: "Bearer".to_owned(),
            expires_in,
        }
    }

    fn store(memory: &MemoryBackend, clock: &FakeClock, app: u64) -> TokenStore {
        TokenStore::with_backend("https://s.test/", app, memory.clone(), clock.clone())
    }

    #[test]
    fn debug_leaves_the_token_out() {
        let t = StoredToken {
            access_token: "eyJsecret.payload.sig".into(),
            token_type: "Bearer".into(),
            expires_at: 5,
        };
        let shown = format!("{t:?}");
        assert!(!shown.contains("secret"), "{shown}");
        assert!(shown.contains("Bearer"), "{shown}");
    }

    #[test]
    fn key_is_scoped_to_normalized_server_and_app() {
        assert_eq!(
            TokenStore::key_for("https://www.oauthapp.com/", 2),
            "oauthapp-login:v1:https://www.oauthapp.com:2"
        );
        assert_eq!(
            TokenStore::key_for(" https://www.oauthapp.com ", 2),
            TokenStore::key_for("https://www.oauthapp.com//", 2)
        );
    }

    #[test]
    fn save_then_load_gives_the_token_back_with_its_absolute_expiry() {
        let (memory, clock) = (MemoryBackend::new(), FakeClock::default());
        clock.0.set(1_000_000);
        let s = store(&memory, &clock, 2);
        let saved = s.save(&token("a.b.c", Some(60)));
        assert_eq!(saved.expires_at, 1_060_000);
        assert_eq!(s.load(), Some(saved.clone()));
        let raw = memory.get(s.key()).unwrap().unwrap();
        let json: serde_json::Value = serde_json::from_str(&raw).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"access_token": "a.b.c", "token_type": "Bearer", "expires_at": 1_060_000})
        );
    }

    #[test]
    fn expired_token_is_dropped_on_read() {
        let (memory, clock) = (MemoryBackend::new(), FakeClock::default());
        let s = store(&memory, &clock, 2);
        s.save(&token("a.b.c", Some(60)));
        clock.0.set(59_999);
        assert!(s.load().is_some());
        clock.0.set(60_000);
        assert_eq!(s.load(), None);
        assert_eq!(memory.get(s.key()).unwrap(), None, "the entry is removed");
    }

    #[test]
    fn tokens_are_scoped_per_app_and_server() {
        let (memory, clock) = (MemoryBackend::new(), FakeClock::default());
        let app2 = store(&memory, &clock, 2);
        let app3 = store(&memory, &clock, 3);
        let other_server =
            TokenStore::with_backend("https://other.test", 2, memory.clone(), clock.clone());
        app2.save(&token("two", Some(60)));
        assert_eq!(app3.load(), None);
        assert_eq!(other_server.load(), None);
        app3.save(&token("three", Some(60)));
        app3.clear();
        assert_eq!(app2.load().map(|t| t.access_token), Some("two".to_owned()));
    }

    #[test]
    fn garbled_entries_are_dropped() {
        let (memory, clock) = (MemoryBackend::new(), FakeClock::default());
        let s = store(&memory, &clock, 2);
        for garbage in [
            "",
            "not json",
            "null",
            "[]",
            r#"{"access_token": "a"}"#,
            r#"{"access_token": 5, "token_type": "Bearer", "expires_at": 99999}"#,
            r#"{"access_token": " ", "token_type": "Bearer", "expires_at": 99999}"#,
            r#"{"access_token": "a", "token_type": "Bearer", "expires_at": "soon"}"#,
        ] {
            memory.set(s.key(), garbage).unwrap();
            assert_eq!(s.load(), None, "{garbage}");
            assert_eq!(memory.get(s.key()).unwrap(), None, "{garbage} is removed");
        }
    }

    #[test]
    fn expiry_falls_back_to_the_jwt_exp_then_to_one_day() {
        // payload {"exp": 2000} → expires at 2_000_000 ms.
        let jwt = "e30.eyJleHAiOjIwMDB9.s";
        assert_eq!(
            StoredToken::from_token(&token(jwt, None), 5).expires_at,
            2_000_000
        );
        let plain = StoredToken::from_token(&token("opaque", None), 5);
        assert_eq!(plain.expires_at, 5 + DEFAULT_LIFETIME_SECS * 1000);
        let huge = StoredToken::from_token(&token("x", Some(i64::MAX)), 5);
        assert_eq!(huge.expires_at, i64::MAX);
        let negative = StoredToken::from_token(&token("x", Some(-1)), 5_000);
        assert!(negative.is_expired_at(5_000));
    }

    #[test]
    fn a_broken_storage_falls_back_to_memory() {
        let clock = FakeClock::default();
        let backend = FallbackBackend::new(Broken::default(), MemoryBackend::new());
        let s = TokenStore::with_backend("https://s.test", 2, backend, clock);
        assert_eq!(s.load(), None);
        s.save(&token("kept", Some(60)));
        assert_eq!(s.load().map(|t| t.access_token), Some("kept".to_owned()));
        s.clear();
        assert_eq!(s.load(), None);
    }

    #[test]
    fn stored_token_gives_claims_and_an_authorized_client() {
        let t = StoredToken::from_token(&token("e30.eyJleHAiOjIwMDB9.s", Some(1)), 0);
        assert_eq!(t.claims().and_then(|c| c.exp), Some(2000));
        assert!(t.authorize(&Client::new("https://s.test", 2)).has_token());
    }
}
