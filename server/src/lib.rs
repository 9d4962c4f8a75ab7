//! The OAuthApp reference server: every call of `API.md` over axum, SQLite storage,
//! argon2 passwords, HS256 tokens, and a development outbox for codes.
//!
//! [`start`] builds everything from a [`Config`] and serves on an address; [`router`] gives
//! the bare [`Router`] for embedding.

#![warn(missing_docs)]

pub mod auth;
pub mod body;
pub mod codes;
pub mod config;
pub mod consents;
pub mod db;
pub mod error;
pub mod lang;
pub mod ledger;
pub mod passwords;
pub mod qr_keys;
pub mod routes;
pub mod state;
pub mod time;
pub mod users;
pub mod validate;

use std::{
    net::SocketAddr,
    path::{Path, PathBuf},
    sync::Arc,
};

use axum::{
    extract::Request,
    http::{header, Method, Uri},
    middleware,
    response::{IntoResponse, Response},
    Router,
};
use tower_http::{
    catch_panic::CatchPanicLayer,
    cors::{Any, CorsLayer},
    services::{ServeDir, ServeFile},
};

pub use config::{AppConfig, Config};
pub use state::AppState;

use crate::{auth::Tokens, db::Db, error::ApiError, passwords::Hasher, state::Inner};

/// Opens the database, loads or creates the token secret and builds the shared state.
pub fn build_state(config: &Config) -> Result<AppState, String> {
    let db = Db::open(&config.db)?;
    let secret = match &config.secret {
        Some(s) if !s.is_empty() => s.as_bytes().to_vec(),
        _ => load_or_create_secret(&config.db)?,
    };
    Ok(AppState(Arc::new(Inner {
        db,
        apps: config.app_map(),
        tokens: Tokens::new(&secret, config.token_lifetime_secs),
        hasher: Hasher::new(config.argon2_memory_kib, config.argon2_iterations),
        outbox: config.outbox,
    })))
}

/// The secret kept beside the database (`<db>.secret`), created on first start; a fresh
/// random one for `:memory:`.
fn load_or_create_secret(db: &str) -> Result<Vec<u8>, String> {
    if db == ":memory:" {
        return Ok(codes::random_hex(32).into_bytes());
    }
    let path = PathBuf::from(format!("{db}.secret"));
    if let Ok(s) = std::fs::read_to_string(&path) {
        let s = s.trim();
        if !s.is_empty() {
            return Ok(s.as_bytes().to_vec());
        }
    }
    let secret = codes::random_hex(32);
    std::fs::write(&path, &secret).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600));
    }
    Ok(secret.into_bytes())
}

/// The whole HTTP surface: API routes, optional static folder, CORS, languages, and a
/// panic guard that still answers with the envelope.
pub fn router(state: AppState, static_dir: Option<&Path>) -> Router {
    let api = routes::api(state);
    let inner = match static_dir {
        Some(dir) => api
            .fallback_service(ServeDir::new(dir).fallback(ServeFile::new(dir.join("index.html")))),
        None => api.fallback(routes::not_found),
    };
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::DELETE,
            Method::OPTIONS,
        ])
        .allow_headers([
            header::CONTENT_TYPE,
            header::AUTHORIZATION,
            header::ACCEPT_LANGUAGE,
        ])
        .max_age(std::time::Duration::from_secs(600));
    Router::new()
        .fallback_service(inner)
        .layer(middleware::map_request(lowercase_api_path))
        .layer(middleware::from_fn(lang::middleware))
        .layer(CatchPanicLayer::custom(|_| {
            ApiError::Internal.into_response()
        }))
        .layer(cors)
}

/// Lower-cases the path of `/api` and `/dev` requests so routes match case-insensitively.
pub async fn lowercase_api_path(mut req: Request) -> Request {
    let path = req.uri().path();
    let lower = path.to_ascii_lowercase();
    if lower != path && (lower.starts_with("/api/") || lower.starts_with("/dev/")) {
        let pq = match req.uri().query() {
            Some(q) => format!("{lower}?{q}"),
            None => lower,
        };
        let mut parts = req.uri().clone().into_parts();
        if let Ok(pq) = pq.parse() {
            parts.path_and_query = Some(pq);
            if let Ok(uri) = Uri::from_parts(parts) {
                *req.uri_mut() = uri;
            }
        }
    }
    req
}

/// A running server.
pub struct Server {
    /// The address it listens on (with the real port when started on port 0).
    pub addr: SocketAddr,
    task: tokio::task::JoinHandle<()>,
}

impl Server {
    /// The base URL, e.g. `http://127.0.0.1:8787`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops accepting connections and drops the server.
    pub fn stop(self) {
        self.task.abort();
    }

    /// Waits until the server ends (it runs until stopped or the process ends).
    pub async fn wait(self) {
        let _ = self.task.await;
    }
}

/// Builds the state from `config` and serves on `addr` (use port 0 for an ephemeral port).
pub async fn start(config: &Config, addr: &str) -> Result<Server, String> {
    let state = build_state(config)?;
    let app = router(state, config.static_dir.as_deref().map(Path::new));
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let task = tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, app).await {
            eprintln!("server error: {e}");
        }
    });
    Ok(Server { addr, task })
}

/// Builds a response from an error (handy for embedding).
pub fn error_response(e: ApiError) -> Response {
    e.into_response()
}
