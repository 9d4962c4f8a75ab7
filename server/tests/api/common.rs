//! Test harness: the real router on a real socket, and a small JSON client.

use oauthapp_server::{start, AppConfig, Config, Server};
use reqwest::{header::HeaderMap, Method, StatusCode};
use serde_json::{json, Value};

/// The secret tests configure, so they can forge and inspect tokens.
pub const SECRET: &str = "test-secret-0123456789";

/// App ids of the test configuration.
pub const APP: i64 = 2;
/// An app with the default 60 s resend window.
pub const APP_DEFAULT_WINDOW: i64 = 3;
/// An app with 1 s lifetimes (codes, QR keys, OAuth codes) and a 1 s resend window.
pub const APP_SHORT: i64 = 4;
/// An app that requires phone verification and has a redirect allow-list.
pub const APP_STRICT: i64 = 5;

/// The test configuration: a fresh store of the suite's engine (`crate::store_db`: an
/// in-memory SQLite database, or an empty PostgreSQL schema), outbox on, light argon2,
/// several apps.
pub fn config() -> Config {
    let base = AppConfig {
        code_resend_secs: 0,
        ..AppConfig::default()
    };
    Config {
        db: crate::store_db(),
        outbox: true,
        secret: Some(SECRET.into()),
        argon2_memory_kib: 256,
        argon2_iterations: 1,
        apps: vec![
            base.clone(),
            AppConfig {
                id: APP_DEFAULT_WINDOW,
                name: "Default window".into(),
                ..AppConfig::default()
            },
            AppConfig {
                id: APP_SHORT,
                name: "Short".into(),
                code_lifetime_secs: 1,
                code_resend_secs: 1,
                qr_lifetime_secs: 1,
                oauth_code_lifetime_secs: 1,
                ..base.clone()
            },
            AppConfig {
                id: APP_STRICT,
                name: "Strict".into(),
                require_phone: true,
                redirect_uris: vec!["https://client.example/cb".into()],
                ..base
            },
        ],
        ..Config::default()
    }
}

/// A running test server and a client for it.
pub struct Srv {
    /// The server (stopped on drop of the test).
    pub server: Server,
    /// The base URL.
    pub base: String,
    client: reqwest::Client,
}

/// An answer: HTTP status and parsed JSON body (Null when not JSON).
#[derive(Debug)]
pub struct Ans {
    pub status: StatusCode,
    pub body: Value,
}

impl Ans {
    /// The envelope's code.
    pub fn code(&self) -> i64 {
        self.body["code"].as_i64().unwrap_or(-1)
    }
    /// The envelope's data.
    pub fn data(&self) -> &Value {
        &self.body["data"]
    }
    /// The envelope's err.
    pub fn err(&self) -> &str {
        self.body["err"].as_str().unwrap_or("")
    }
    /// Asserts a refusal: envelope code, HTTP status (equal for HTTP errors), err not
    /// empty, data null.
    #[track_caller]
    pub fn refused(&self, code: i64) -> &Self {
        assert_eq!(self.code(), code, "body: {}", self.body);
        assert_eq!(
            self.status.as_u16() as i64,
            code,
            "status for body {}",
            self.body
        );
        assert!(!self.err().is_empty(), "err must explain: {}", self.body);
        assert!(self.data().is_null());
        self
    }
    /// Asserts success and returns data.
    #[track_caller]
    pub fn ok(&self) -> &Value {
        assert_eq!(self.status, StatusCode::OK, "body: {}", self.body);
        assert_eq!(self.code(), 200, "body: {}", self.body);
        assert_eq!(self.err(), "");
        self.data()
    }
    /// The access token of a token answer.
    #[track_caller]
    pub fn token(&self) -> String {
        let d = self.ok();
        assert_eq!(d["token_type"], "Bearer");
        assert!(d["expires_in"].as_u64().unwrap_or(0) > 0);
        d["access_token"]
            .as_str()
            .expect("access_token")
            .to_string()
    }
}

impl Srv {
    /// Starts a server with the test configuration.
    pub async fn new() -> Srv {
        Srv::with(config()).await
    }

    /// Starts a server with `config`.
    pub async fn with(config: Config) -> Srv {
        let server = start(&config, "127.0.0.1:0").await.expect("server starts");
        let base = server.url();
        Srv {
            server,
            base,
            client: reqwest::Client::new(),
        }
    }

    /// Sends a raw request.
    pub async fn raw(
        &self,
        method: Method,
        path: &str,
        body: Option<Vec<u8>>,
        headers: &[(&str, &str)],
    ) -> Ans {
        let mut req = self
            .client
            .request(method, format!("{}{}", self.base, path));
        let mut h = HeaderMap::new();
        for (k, v) in headers {
            h.insert(
                reqwest::header::HeaderName::from_bytes(k.as_bytes()).expect("name"),
                v.parse().expect("value"),
            );
        }
        req = req.headers(h);
        if let Some(b) = body {
            req = req.header("Content-Type", "application/json").body(b);
        }
        let res = req.send().await.expect("request");
        let status = res.status();
        let bytes = res.bytes().await.expect("body");
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Ans { status, body }
    }

    /// POSTs JSON.
    pub async fn post(&self, path: &str, body: Value) -> Ans {
        self.raw(Method::POST, path, Some(body.to_string().into_bytes()), &[])
            .await
    }

    /// POSTs JSON with a Bearer token.
    pub async fn post_auth(&self, path: &str, token: &str, body: Value) -> Ans {
        let auth = format!("Bearer {token}");
        self.raw(
            Method::POST,
            path,
            Some(body.to_string().into_bytes()),
            &[("Authorization", &auth)],
        )
        .await
    }

    /// PUTs JSON with a Bearer token.
    pub async fn put_auth(&self, path: &str, token: &str, body: Value) -> Ans {
        let auth = format!("Bearer {token}");
        self.raw(
            Method::PUT,
            path,
            Some(body.to_string().into_bytes()),
            &[("Authorization", &auth)],
        )
        .await
    }

    /// GETs with a Bearer token.
    pub async fn get_auth(&self, path: &str, token: &str) -> Ans {
        let auth = format!("Bearer {token}");
        self.raw(Method::GET, path, None, &[("Authorization", &auth)])
            .await
    }

    /// DELETEs with a Bearer token.
    pub async fn delete_auth(&self, path: &str, token: &str) -> Ans {
        let auth = format!("Bearer {token}");
        self.raw(Method::DELETE, path, None, &[("Authorization", &auth)])
            .await
    }

    /// GETs without a token.
    pub async fn get(&self, path: &str) -> Ans {
        self.raw(Method::GET, path, None, &[]).await
    }

    /// The newest outbox code for `to`.
    pub async fn last_code(&self, to: &str) -> String {
        let a = self.get(&format!("/dev/outbox?to={}", urlenc(to))).await;
        a.ok()[0]["code"]
            .as_str()
            .expect("a code in the outbox")
            .to_string()
    }

    /// Sends a code to a phone (`sms`) or email and returns it from the outbox.
    pub async fn code(&self, app: i64, to: &str, kind: &str) -> String {
        let (call, field) = if to.contains('@') {
            ("SendEmailCode", "email")
        } else {
            ("SendSMSCode", "phone")
        };
        self.post(
            &format!("/api/AppUsers/{app}/{call}"),
            json!({ field: to, "type": kind }),
        )
        .await
        .ok();
        self.last_code(to).await
    }

    /// Signs up an account and returns its token.
    pub async fn account(&self, app: i64, name: &str, pwd: &str) -> String {
        self.post(
            &format!("/api/AppUsers/{app}/SignUp"),
            json!({ "userName": name, "pwd": pwd, "nickName": "Nick" }),
        )
        .await
        .token()
    }

    /// The profile behind a token.
    pub async fn profile(&self, app: i64, token: &str) -> Value {
        self.get_auth(&format!("/api/AppUsers/{app}/Profile"), token)
            .await
            .ok()
            .clone()
    }
}

/// Percent-encodes a query value.
pub fn urlenc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The claims of a token, checked with the test secret for `app`.
pub fn claims(token: &str, app: i64) -> Value {
    let mut v = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::HS256);
    v.set_audience(&[app.to_string()]);
    jsonwebtoken::decode::<Value>(
        token,
        &jsonwebtoken::DecodingKey::from_secret(SECRET.as_bytes()),
        &v,
    )
    .expect("token verifies with the configured secret")
    .claims
}

/// Waits until just after the wall clock's next whole second. Lifetimes are stored in whole
/// seconds, so a 1 s lifetime begun late in a second ends at once; tests that create and use
/// such a thing start here to get the full second, whatever the store's latency.
pub async fn next_second() {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let wait = 1_000_000_000 - u64::from(now.subsec_nanos()) + 5_000_000;
    tokio::time::sleep(std::time::Duration::from_nanos(wait)).await;
}
