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
pub mod connections;
pub mod consents;
pub mod db;
pub mod error;
pub mod lang;
pub mod ledger;
pub mod passwords;
pub mod purge;
pub mod qr_keys;
pub mod routes;
pub mod state;
pub mod static_files;
pub mod throttle;
pub mod time;
pub mod users;
pub mod validate;

use std::{
    net::SocketAddr,
    path::{Path, PathBuf},
    sync::Arc,
    time::Duration,
};

use axum::{
    extract::{ConnectInfo, Request},
    http::{header, HeaderName, HeaderValue, Method, Uri},
    middleware,
    response::{IntoResponse, Response},
    Extension, Router,
};
use hyper::server::conn::http1;
use hyper_util::{
    rt::{TokioIo, TokioTimer},
    service::TowerToHyperService,
};
use tokio::sync::Semaphore;
use tower::{service_fn, ServiceExt};
use tower_http::{
    catch_panic::CatchPanicLayer,
    compression::{CompressionLayer, CompressionLevel},
    cors::{AllowOrigin, Any, CorsLayer},
};

pub use config::{AppConfig, Config, Limits};
pub use state::AppState;

use crate::{
    auth::Tokens,
    body::BodyTimeout,
    db::{Db, Engine},
    error::ApiError,
    passwords::Hasher,
    state::{ClientIpHeader, Inner, Throttles},
    static_files::StaticDir,
};

/// Opens the database, loads or creates the token secret and builds the shared state.
///
/// With PostgreSQL the secret must be configured (config file's `secret`, or the
/// `OAUTHAPP_SECRET` environment variable read by the command line): several instances share
/// the database and must sign and check tokens with one key, so none is generated.
pub fn build_state(config: &Config) -> Result<AppState, String> {
    let configured = config.secret.as_deref().filter(|s| !s.is_empty());
    if configured.is_none() && Engine::of(&config.db) == Engine::Postgres {
        return Err(
            "a PostgreSQL database is shared by several instances, which must sign \
             tokens with one secret: set `secret` in the config file or OAUTHAPP_SECRET"
                .into(),
        );
    }
    let db = Db::open(&config.db)?;
    let secret = match configured {
        Some(s) => s.as_bytes().to_vec(),
        None => load_or_create_secret(&config.db)?,
    };
    let apps = config.app_map();
    let limits = &config.limits;
    Ok(AppState(Arc::new(Inner {
        db,
        throttles: Throttles::new(limits, &apps),
        apps,
        tokens: Tokens::new(&secret, config.token_lifetime_secs),
        hasher: Hasher::new(
            config.argon2_memory_kib,
            config.argon2_iterations,
            limits.hash_slots(),
            limits.hash_queue,
            Duration::from_secs(limits.hash_wait_secs.max(1)),
        ),
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
    // Created 0600 from the start (no moment in which others may read it).
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let write = |mut f: std::fs::File| std::io::Write::write_all(&mut f, secret.as_bytes());
    options
        .open(&path)
        .and_then(write)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600));
    }
    Ok(secret.into_bytes())
}

/// The whole HTTP surface: API routes (CORS for any origin), `/dev` routes (CORS only for
/// `dev_origins`), the optional static folder (compressed, with security headers), the body
/// time-out, languages, and a panic guard that still answers with the envelope. API answers
/// are never cached (`Cache-Control: no-store`).
pub fn router(state: AppState, config: &Config) -> Router {
    let api_cors = CorsLayer::new()
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
    let dev_origins: Vec<HeaderValue> = config
        .dev_origins
        .iter()
        .filter_map(|o| HeaderValue::from_str(o.trim_end_matches('/')).ok())
        .collect();
    let dev_cors = CorsLayer::new()
        .allow_origin(AllowOrigin::list(dev_origins))
        .allow_methods([Method::GET, Method::POST, Method::OPTIONS])
        .allow_headers([header::CONTENT_TYPE, header::AUTHORIZATION]);
    let api = routes::api(state.clone())
        .layer(api_cors)
        .merge(routes::dev(state).layer(dev_cors))
        .layer(middleware::map_response(no_store));
    let inner = match config.static_dir.as_deref() {
        Some(dir) => {
            let files = Arc::new(StaticDir::new(Path::new(dir), &config.db));
            let files = Router::new()
                .fallback(static_files::serve)
                .with_state(files)
                // brotli at tower-http's default (quality 4) when accepted, else gzip at
                // level 1 (nginx's default on-the-fly level: fast, even in debug builds).
                .layer(CompressionLayer::new().no_gzip())
                .layer(
                    CompressionLayer::new()
                        .no_br()
                        .quality(CompressionLevel::Fastest),
                )
                // Public files, readable from any origin as before (e.g. a widget bundle
                // loaded by another site).
                .layer(
                    CorsLayer::new()
                        .allow_origin(Any)
                        .allow_methods([Method::GET, Method::HEAD]),
                );
            api.fallback_service(files)
        }
        None => api.fallback(routes::not_found),
    };
    let body_timeout = Duration::from_secs(config.limits.body_timeout_secs.max(1));
    Router::new()
        .fallback_service(inner)
        .layer(middleware::map_request(lowercase_api_path))
        .layer(middleware::from_fn(lang::middleware))
        .layer(Extension(BodyTimeout(body_timeout)))
        .layer(Extension(ClientIpHeader(
            config
                .client_ip_header
                .as_deref()
                .and_then(|h| HeaderName::from_bytes(h.trim().as_bytes()).ok()),
        )))
        .layer(CatchPanicLayer::custom(|_| {
            ApiError::Internal.into_response()
        }))
}

/// Marks an API answer as not to be stored by any cache (tokens, profiles, codes).
async fn no_store(mut res: Response) -> Response {
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res.headers_mut()
        .insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    res
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
    purge: tokio::task::JoinHandle<()>,
}

impl Server {
    /// The base URL, e.g. `http://127.0.0.1:8787`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops accepting connections and drops the server.
    pub fn stop(self) {
        self.task.abort();
        self.purge.abort();
    }

    /// Waits until the server ends (it runs until stopped or the process ends).
    pub async fn wait(self) {
        let _ = self.task.await;
        self.purge.abort();
    }
}

/// Builds the state from `config` and serves on `addr` (use port 0 for an ephemeral port).
pub async fn start(config: &Config, addr: &str) -> Result<Server, String> {
    passwords::return_memory_to_os();
    let state = build_state(config)?;
    let app = router(state.clone(), config);
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let purge = tokio::spawn(purge::run(
        state,
        Duration::from_secs(config.limits.purge_every_secs),
        Duration::from_secs(config.limits.purge_after_secs),
    ));
    let mut limits = config.limits.clone();
    if config.client_ip_header.is_some() {
        // Behind the proxy every connection comes from the proxy: it is the one to cap them.
        limits.connections_per_address = 0;
    }
    let task = tokio::spawn(serve(listener, app, limits));
    Ok(Server { addr, task, purge })
}

/// Serves `app` on `listener` over HTTP/1.1 with the connection limits: at most
/// `max_connections` open at once (more wait in the listen queue), at most
/// `connections_per_address` of them from one client address (more are answered 429 and
/// closed; set it to 0 behind a proxy, as [`start`] does when `client_ip_header` is set),
/// `header_timeout_secs` to send a request's headers (and at most that long idle between
/// requests). Each request carries its peer address as [`ConnectInfo`] for the per-address
/// limits.
pub async fn serve(listener: tokio::net::TcpListener, app: Router, limits: config::Limits) {
    let open = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let per_peer = connections::PeerSlots::new(limits.connections_per_address);
    let header_timeout = Duration::from_secs(limits.header_timeout_secs.max(1));
    loop {
        let Ok(permit) = open.clone().acquire_owned().await else {
            return;
        };
        let (stream, peer) = match listener.accept().await {
            Ok(c) => c,
            Err(_) => {
                // Out of file descriptors or a connection reset before accept: pause briefly.
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let Some(slot) = per_peer.take(throttle::address_key(peer.ip())) else {
            drop(permit);
            tokio::spawn(refuse_connection(stream));
            continue;
        };
        let app = app.clone();
        let service = service_fn(move |mut req: hyper::Request<hyper::body::Incoming>| {
            req.extensions_mut().insert(ConnectInfo(peer));
            app.clone().oneshot(req)
        });
        tokio::spawn(async move {
            let _ = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(header_timeout)
                .serve_connection(TokioIo::new(stream), TowerToHyperService::new(service))
                .with_upgrades()
                .await;
            drop(slot);
            drop(permit);
        });
    }
}

/// Answers a connection past its address's cap with 429 and closes it within a second,
/// whether or not the client reads: the answer, then the end of the sending side, then what
/// the client sent is read and dropped (closing with it unread would reset the connection,
/// and the client would see a reset instead of the 429).
async fn refuse_connection(mut stream: tokio::net::TcpStream) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    const TOO_MANY: &[u8] = b"HTTP/1.1 429 Too Many Requests\r\nRetry-After: 1\r\n\
        Content-Length: 0\r\nConnection: close\r\n\r\n";
    let _ = tokio::time::timeout(Duration::from_secs(1), async {
        stream.write_all(TOO_MANY).await?;
        stream.shutdown().await?;
        let mut sink = [0u8; 1024];
        while stream.read(&mut sink).await? > 0 {}
        Ok::<(), std::io::Error>(())
    })
    .await;
}

/// Builds a response from an error (handy for embedding).
pub fn error_response(e: ApiError) -> Response {
    e.into_response()
}
