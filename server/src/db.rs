//! SQLite storage: opening, the schema and its migrations, and one transaction per call.

use std::sync::Mutex;

use rusqlite::{Connection, Transaction};

use crate::error::ApiError;

/// The migrations, in order; `PRAGMA user_version` records how many have run.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    app_id INTEGER NOT NULL,
    user_name TEXT NOT NULL,
    pwd_hash TEXT,
    platform TEXT,
    union_id TEXT,
    phone TEXT,
    phone_valid INTEGER NOT NULL DEFAULT 0,
    email TEXT,
    email_valid INTEGER NOT NULL DEFAULT 0,
    nick_name TEXT,
    avatar TEXT,
    data TEXT,
    role TEXT NOT NULL DEFAULT 'user',
    create_date TEXT NOT NULL,
    last_update TEXT NOT NULL
);
CREATE UNIQUE INDEX users_name ON users(app_id, user_name COLLATE NOCASE);
CREATE UNIQUE INDEX users_phone ON users(app_id, phone) WHERE phone IS NOT NULL;
CREATE UNIQUE INDEX users_email ON users(app_id, email COLLATE NOCASE) WHERE email IS NOT NULL;
CREATE UNIQUE INDEX users_union ON users(app_id, platform, union_id) WHERE union_id IS NOT NULL;
CREATE TABLE codes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    app_id INTEGER NOT NULL,
    recipient TEXT NOT NULL,
    channel TEXT NOT NULL,
    purpose TEXT NOT NULL,
    code TEXT NOT NULL,
    sent_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    tries INTEGER NOT NULL DEFAULT 0,
    used INTEGER NOT NULL DEFAULT 0,
    create_date TEXT NOT NULL
);
CREATE INDEX codes_recipient ON codes(app_id, recipient, purpose);
CREATE TABLE qr_keys (
    id INTEGER PRIMARY KEY,
    app_id INTEGER NOT NULL,
    scheme TEXT NOT NULL,
    scopes TEXT NOT NULL,
    remark TEXT,
    expires_at INTEGER NOT NULL,
    state INTEGER NOT NULL DEFAULT 0,
    user_id INTEGER
);
CREATE TABLE consents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    app_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    grant_type TEXT NOT NULL,
    redirect_uri TEXT NOT NULL,
    scopes TEXT NOT NULL,
    remark TEXT,
    expire_days INTEGER NOT NULL,
    create_date TEXT NOT NULL,
    last_update TEXT NOT NULL,
    updated_at INTEGER NOT NULL -- unix milliseconds, for newest-first ordering
);
CREATE UNIQUE INDEX consents_key ON consents(app_id, user_id, redirect_uri);
CREATE TABLE oauth_codes (
    code TEXT PRIMARY KEY,
    app_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    consent_id INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE points (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    app_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    used INTEGER NOT NULL,
    remark TEXT,
    create_date TEXT NOT NULL
);
CREATE INDEX points_user ON points(app_id, user_id);
"#,
    r#"
ALTER TABLE users ADD COLUMN token_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE codes ADD COLUMN delivered INTEGER NOT NULL DEFAULT 1;
CREATE INDEX codes_sent ON codes(app_id, recipient, sent_at);
ALTER TABLE oauth_codes ADD COLUMN code_challenge TEXT;
"#,
];

/// The database behind a mutex; each call runs its work in one transaction.
pub struct Db {
    conn: Mutex<Connection>,
}

impl Db {
    /// Opens (creating if needed) the database at `path` (`:memory:` for a private one)
    /// and brings its schema up to date.
    pub fn open(path: &str) -> Result<Db, String> {
        if path != ":memory:" {
            create_private(path);
        }
        let conn = if path == ":memory:" {
            Connection::open_in_memory()
        } else {
            Connection::open(path)
        }
        .map_err(|e| format!("cannot open database {path}: {e}"))?;
        let db = Db {
            conn: Mutex::new(conn),
        };
        db.migrate()
            .map_err(|e| format!("cannot migrate database {path}: {e}"))?;
        Ok(db)
    }

    fn migrate(&self) -> rusqlite::Result<()> {
        let mut conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let start = usize::try_from(version).unwrap_or(0);
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(start) {
            let tx = conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// Runs `f` in one transaction: committed when it returns `Ok`, rolled back otherwise.
    pub fn tx<T>(
        &self,
        f: impl FnOnce(&Transaction<'_>) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let mut conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        let tx = conn.transaction()?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// Runs `check` in a transaction that is committed even when it refuses (so a wrong try
    /// is counted), then — only if it passed — `work` in a second transaction, all under one
    /// lock so nothing else runs in between.
    pub fn check_then<C, T>(
        &self,
        check: impl FnOnce(&Transaction<'_>) -> Result<C, ApiError>,
        work: impl FnOnce(&Transaction<'_>, C) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let mut conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        let tx = conn.transaction()?;
        let checked = check(&tx);
        tx.commit()?;
        let checked = checked?;
        let tx = conn.transaction()?;
        let out = work(&tx, checked)?;
        tx.commit()?;
        Ok(out)
    }
}

/// Creates the database file readable by its owner only (0600) if it does not exist yet;
/// SQLite gives its journal and WAL files the database file's mode.
fn create_private(path: &str) {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    // An existing file is left as it is; any other failure surfaces when SQLite opens it.
    let _ = options.open(path);
}
