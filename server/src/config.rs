//! Server configuration: the apps, lifetimes, token secret and password-hashing cost.

use std::{collections::BTreeMap, path::Path};

use serde::{Deserialize, Serialize};

/// Everything the server needs besides where to listen.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// SQLite database path, or `:memory:`; or a `postgres://` URL (a database several
    /// instances share).
    pub db: String,
    /// Whether `GET /dev/outbox` (and the other `/dev` routes) are switched on.
    pub outbox: bool,
    /// A folder to serve as static files (with `index.html` as the fallback).
    pub static_dir: Option<String>,
    /// HS256 signing secret; when absent one is generated and kept beside an SQLite database
    /// (required with PostgreSQL: every instance must sign with the same one).
    pub secret: Option<String>,
    /// Lifetime of access tokens in seconds.
    pub token_lifetime_secs: u64,
    /// argon2 memory cost in KiB.
    pub argon2_memory_kib: u32,
    /// argon2 iterations.
    pub argon2_iterations: u32,
    /// The apps, in addition to (or replacing, by id) the built-in app `2`.
    pub apps: Vec<AppConfig>,
    /// Origins (besides the server's own) whose pages may read `/dev/*` across origins.
    pub dev_origins: Vec<String>,
    /// Behind a reverse proxy: the request header carrying the client's address (e.g.
    /// `X-Forwarded-For`; its last entry is used). Set it only if every request comes
    /// through that proxy, or clients can pick their own address.
    pub client_ip_header: Option<String>,
    /// The abuse limits (see server/README.md, "Security model").
    pub limits: Limits,
}

/// The server's abuse limits. Every field has a default a real person never reaches.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// Password hashes (argon2) computed at once; 0 means one per CPU core.
    pub hash_concurrency: usize,
    /// Requests that may wait for a hashing slot; past it: 503 with `Retry-After`.
    pub hash_queue: usize,
    /// Longest wait for a hashing slot in seconds; past it: 503 with `Retry-After`.
    pub hash_wait_secs: u64,
    /// Consecutive wrong passwords for one account from one client address before the
    /// back-off starts (it doubles from `backoff_secs` after each further failure).
    pub login_free_failures: u32,
    /// The first back-off in seconds.
    pub backoff_secs: u64,
    /// The longest back-off in seconds (a lock never lasts longer than this).
    pub backoff_max_secs: u64,
    /// Consecutive wrong passwords for one account from all addresses together before the
    /// same back-off applies to everyone (bounds guessing from many addresses).
    pub account_free_failures: u32,
    /// Failed guesses one client address may make per `address_window_secs`, all accounts
    /// together: wrong passwords, wrong codes, taken names at sign-up; past it: 429 until the
    /// window ends.
    pub address_failures: u32,
    /// The window of `address_failures`, in seconds.
    pub address_window_secs: u64,
    /// Codes (SMS and email) one client address may have sent per `send_window_secs`.
    pub sends_per_address: u32,
    /// The window of `sends_per_address`, in seconds.
    pub send_window_secs: u64,
    /// Requests one client address may make per `creation_window_secs` that create something
    /// (any sign-up, QRCodePreSignIn, QRCodeSignUp, GrantCode), answered or refused; past it:
    /// 429 until the window ends.
    pub creations_per_address: u32,
    /// The window of `creations_per_address`, in seconds.
    pub creation_window_secs: u64,
    /// How often expired codes, QR keys and OAuth codes are deleted, in seconds.
    pub purge_every_secs: u64,
    /// How long after their expiry they are kept (an expired code is still told apart from a
    /// code never sent), in seconds. Keep it above the apps' `code_resend_secs`: the resend
    /// window looks at the last code sent.
    pub purge_after_secs: u64,
    /// Seconds a client has to send a request's headers (also the keep-alive idle limit).
    pub header_timeout_secs: u64,
    /// Seconds a client has to send a request's body (408 past it).
    pub body_timeout_secs: u64,
    /// Open connections at most; further ones wait in the listen queue.
    pub max_connections: usize,
    /// Open connections one client address may have (0: no limit); further ones are answered
    /// 429 and closed. Not applied behind a configured `client_ip_header` proxy.
    pub connections_per_address: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            hash_concurrency: 0,
            hash_queue: 64,
            hash_wait_secs: 10,
            login_free_failures: 5,
            backoff_secs: 1,
            backoff_max_secs: 900,
            account_free_failures: 50,
            address_failures: 100,
            address_window_secs: 900,
            sends_per_address: 20,
            send_window_secs: 600,
            creations_per_address: 120,
            creation_window_secs: 900,
            purge_every_secs: 3600,
            purge_after_secs: 86_400,
            header_timeout_secs: 10,
            body_timeout_secs: 10,
            max_connections: 1024,
            connections_per_address: 64,
        }
    }
}

impl Limits {
    /// Sets one limit from `name=value` (the `--limit` flag); unknown names are refused.
    pub fn set(&mut self, assignment: &str) -> Result<(), String> {
        let (name, value) = assignment
            .split_once('=')
            .ok_or_else(|| format!("--limit {assignment}: expected NAME=NUMBER"))?;
        let value: u64 = value
            .trim()
            .parse()
            .map_err(|_| format!("--limit {assignment}: not a number"))?;
        let mut map = serde_json::to_value(&*self).map_err(|e| e.to_string())?;
        let slot = map
            .get_mut(name.trim())
            .ok_or_else(|| format!("--limit {assignment}: no limit named {name}"))?;
        *slot = value.into();
        *self = serde_json::from_value(map).map_err(|e| format!("--limit {assignment}: {e}"))?;
        Ok(())
    }

    /// The number of concurrent hashes (`hash_concurrency`, or the core count).
    pub fn hash_slots(&self) -> usize {
        if self.hash_concurrency > 0 {
            self.hash_concurrency
        } else {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(2)
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            db: "oauthapp.db".into(),
            outbox: false,
            static_dir: None,
            secret: None,
            token_lifetime_secs: 86_400,
            argon2_memory_kib: 19_456,
            argon2_iterations: 2,
            apps: Vec::new(),
            dev_origins: Vec::new(),
            client_ip_header: None,
            limits: Limits::default(),
        }
    }
}

/// One app: its public card and its rules.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AppConfig {
    /// The numeric app id used in every path.
    pub id: i64,
    /// Display name.
    pub name: String,
    /// Logo URL.
    pub logo: Option<String>,
    /// Website URL.
    pub website: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Tags.
    pub tags: Option<String>,
    /// Scopes the app offers (space separated).
    pub scopes: String,
    /// Sign-up must verify a phone (`phone` + `phoneCode` required).
    pub require_phone: bool,
    /// Sign-up must verify an email (`email` + `emailCode` required).
    pub require_email: bool,
    /// OAuth redirect-URI allow-list (exact match). Empty allows only URIs on the origin of
    /// `website` (and, with the outbox on, loopback and reserved test hosts).
    pub redirect_uris: Vec<String>,
    /// Validity of a 6-digit code in seconds.
    pub code_lifetime_secs: u64,
    /// Minimum seconds between two codes to the same recipient.
    pub code_resend_secs: u64,
    /// Wrong tries that burn a code.
    pub code_max_tries: u32,
    /// Lifetime of a QR sign-in key in seconds.
    pub qr_lifetime_secs: u64,
    /// Lifetime of an OAuth authorization code in seconds.
    pub oauth_code_lifetime_secs: u64,
    /// Codes (SMS and email) the app may send per `send_limit_window_secs`, all addresses
    /// together; past it: 429.
    pub send_limit: u32,
    /// The window of `send_limit`, in seconds.
    pub send_limit_window_secs: u64,
}

impl Default for AppConfig {
    fn default() -> Self {
        AppConfig {
            id: 2,
            name: "开发文档".into(),
            logo: Some("https://blob.oauthapp.com/4/tenant/2/API.png".into()),
            website: Some("https://web.oauthapp.com/4/docs".into()),
            description: None,
            tags: None,
            scopes: "openid profile role promission".into(),
            require_phone: false,
            require_email: false,
            redirect_uris: Vec::new(),
            code_lifetime_secs: 300,
            code_resend_secs: 60,
            code_max_tries: 5,
            qr_lifetime_secs: 300,
            oauth_code_lifetime_secs: 120,
            send_limit: 1000,
            send_limit_window_secs: 3600,
        }
    }
}

impl Config {
    /// Reads a config file: TOML when the name ends in `.toml`, JSON otherwise.
    pub fn from_file(path: &Path) -> Result<Config, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let is_toml = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
        if is_toml {
            toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
        } else {
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
        }
    }

    /// The apps by id: the built-in app 2, then the configured ones (same id replaces).
    pub fn app_map(&self) -> BTreeMap<i64, AppConfig> {
        let mut map = BTreeMap::new();
        map.insert(2, AppConfig::default());
        for app in &self.apps {
            map.insert(app.id, app.clone());
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_json_and_toml_and_refuses_typos() {
        let dir = std::env::temp_dir().join(format!("oauthapp-cfg-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let json = dir.join("c.json");
        std::fs::write(
            &json,
            r#"{"outbox":true,"apps":[{"id":2,"require_phone":true},{"id":7,"name":"Seven",
               "redirect_uris":["https://x.example/cb"],"code_resend_secs":5}]}"#,
        )
        .unwrap();
        let c = Config::from_file(&json).unwrap();
        let apps = c.app_map();
        assert!(c.outbox);
        assert!(apps[&2].require_phone);
        assert_eq!(apps[&7].name, "Seven");
        assert_eq!(apps[&7].code_resend_secs, 5);
        assert_eq!(apps[&7].code_lifetime_secs, 300);
        let toml = dir.join("c.toml");
        std::fs::write(
            &toml,
            "token_lifetime_secs = 60\n[[apps]]\nid = 9\nname = \"Nine\"\nqr_lifetime_secs = 30\n",
        )
        .unwrap();
        let c = Config::from_file(&toml).unwrap();
        assert_eq!(c.token_lifetime_secs, 60);
        assert_eq!(c.app_map()[&9].qr_lifetime_secs, 30);
        assert_eq!(c.app_map()[&2].name, "开发文档");
        std::fs::write(&json, r#"{"limits":{"sends_per_address":3}}"#).unwrap();
        let c = Config::from_file(&json).unwrap();
        assert_eq!(c.limits.sends_per_address, 3);
        assert_eq!(c.limits.hash_queue, Limits::default().hash_queue);
        std::fs::write(&json, r#"{"outbx":true}"#).unwrap();
        assert!(Config::from_file(&json).is_err());
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn limit_flag_sets_one_limit() {
        let mut l = Limits::default();
        l.set("sends_per_address=500").unwrap();
        assert_eq!(l.sends_per_address, 500);
        assert!(l.set("sends_per_adress=5").is_err());
        assert!(l.set("sends_per_address=-1").is_err());
        assert!(l.set("sends_per_address").is_err());
    }
}
