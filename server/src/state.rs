//! The shared state of every handler.

use std::{
    collections::BTreeMap,
    net::{IpAddr, SocketAddr},
    sync::Arc,
    time::Duration,
};

use axum::{
    extract::{ConnectInfo, FromRequestParts},
    http::{request::Parts, HeaderName},
};

use crate::{
    auth::Tokens,
    config::{AppConfig, Limits},
    db::Db,
    error::ApiError,
    passwords::Hasher,
    throttle::{address_key, Backoff, Counter, Remembered},
};

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
    /// The abuse limits' state.
    pub throttles: Throttles,
}

/// The abuse limits' counters (see [`Limits`]).
pub struct Throttles {
    /// Wrong passwords per account and client address.
    pub login_pair: Backoff,
    /// Wrong passwords per account, all addresses.
    pub login_account: Backoff,
    /// Failed guesses per client address, all accounts: wrong passwords, wrong codes, taken
    /// names at sign-up (see [`Throttles::count_guess`]).
    pub login_address: Counter,
    /// Account and address pairs that signed in lately (30 days): past the account-wide lock.
    pub signed_in_from: Remembered,
    /// Codes sent per client address.
    pub send_address: Counter,
    /// Requests that may create accounts, QR keys or OAuth codes, per client address.
    pub creations: Counter,
    /// Codes sent per app.
    pub send_app: BTreeMap<i64, Counter>,
}

impl Throttles {
    /// The counters for `limits` and the apps' send limits.
    pub fn new(limits: &Limits, apps: &BTreeMap<i64, AppConfig>) -> Throttles {
        let base = Duration::from_secs(limits.backoff_secs);
        let max = Duration::from_secs(limits.backoff_max_secs);
        Throttles {
            login_pair: Backoff::new(limits.login_free_failures, base, max),
            login_account: Backoff::new(limits.account_free_failures, base, max),
            login_address: Counter::new(
                limits.address_failures,
                Duration::from_secs(limits.address_window_secs),
            ),
            signed_in_from: Remembered::new(Duration::from_secs(30 * 24 * 3600)),
            creations: Counter::new(
                limits.creations_per_address,
                Duration::from_secs(limits.creation_window_secs),
            ),
            send_address: Counter::new(
                limits.sends_per_address,
                Duration::from_secs(limits.send_window_secs),
            ),
            send_app: apps
                .iter()
                .map(|(id, app)| {
                    let window = Duration::from_secs(app.send_limit_window_secs);
                    (*id, Counter::new(app.send_limit, window))
                })
                .collect(),
        }
    }
}

impl Throttles {
    /// Refuses a client address past its failed guesses (429 until its window ends).
    pub fn admit(&self, addr: &str) -> Result<(), ApiError> {
        match self.login_address.full(addr) {
            Some(wait) => Err(ApiError::Throttled(wait)),
            None => Ok(()),
        }
    }

    /// Counts a request of the client address that may create something (an account, a QR
    /// key, an OAuth code), answered or refused, refusing it past `creations_per_address`
    /// (429): an anonymous burst cannot fill the disk.
    pub fn admit_creation(&self, addr: &str) -> Result<(), ApiError> {
        self.creations.take(addr).map_err(ApiError::Throttled)
    }

    /// Passes `result` on, counting it against the client address when it is a failed
    /// guess: a wrong, burned or missing code, a taken name. (Wrong passwords are counted by
    /// `check_password` itself.)
    pub fn count_guess<T>(&self, addr: &str, result: Result<T, ApiError>) -> Result<T, ApiError> {
        if let Err(
            ApiError::CodeWrong
            | ApiError::CodeBurned
            | ApiError::CodeNone
            | ApiError::UserExists(_),
        ) = &result
        {
            self.login_address.add(addr);
        }
        result
    }

    /// Passes `result` on, counting it against the client address when the id it looked up
    /// is nobody's: for sign-ins by an id alone (a unionID), where each miss is a guess.
    pub fn count_unknown_id<T>(
        &self,
        addr: &str,
        result: Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        if let Err(ApiError::UserNotFound) = &result {
            self.login_address.add(addr);
        }
        result
    }
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
    /// The signed-in user of a Bearer call: token valid for `app`, the user still there,
    /// the token not revoked (password reset since, or its consent deleted).
    pub fn user(
        &self,
        headers: &axum::http::HeaderMap,
        app: &AppConfig,
    ) -> Result<crate::users::User, ApiError> {
        let t = self.tokens.from_headers(headers, app.id)?;
        self.db.tx(|tx| {
            let user = crate::users::by_id(tx, app.id, t.user_id)?.ok_or(ApiError::BadToken)?;
            if user.token_version != t.version {
                return Err(ApiError::BadToken);
            }
            if let Some(consent) = t.consent {
                if !crate::consents::exists(tx, app.id, user.id, consent)? {
                    return Err(ApiError::BadToken);
                }
            }
            Ok(user)
        })
    }
}

/// The client's address as a throttle key: the last entry of the configured proxy header
/// ([`ClientIpHeader`]) when set and present, else the peer address (`"unknown"` when the
/// server was not started with connection info, e.g. a router embedded elsewhere).
pub struct ClientAddr(pub String);

/// The request extension naming the proxy header that carries the client address.
#[derive(Clone, Debug)]
pub struct ClientIpHeader(pub Option<HeaderName>);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let forwarded = parts
            .extensions
            .get::<ClientIpHeader>()
            .and_then(|h| h.0.as_ref())
            .and_then(|name| parts.headers.get_all(name).iter().next_back())
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(parse_ip);
        let peer = || {
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|ci| ci.0.ip())
        };
        Ok(ClientAddr(
            forwarded
                .or_else(peer)
                .map(address_key)
                .unwrap_or_else(|| "unknown".into()),
        ))
    }
}

/// An address as proxies write it: `1.2.3.4`, `1.2.3.4:567`, `2001:db8::1`, `[2001:db8::1]:8`.
fn parse_ip(s: &str) -> Option<IpAddr> {
    let s = s.trim();
    s.parse::<IpAddr>()
        .ok()
        .or_else(|| s.parse::<SocketAddr>().ok().map(|a| a.ip()))
}
