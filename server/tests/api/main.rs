//! Integration tests of the reference server over HTTP on an ephemeral port, on SQLite
//! (`tests/api_pg.rs` runs the same modules on PostgreSQL).

mod common;

mod account;
mod basics;
mod codes;
mod fields;
mod hardening;
mod oauth;
mod persistence;
mod points;
mod profile;
mod qr;
mod samples;
mod static_files;
mod tokens;
mod unionid;

/// The store each test server gets: a private in-memory SQLite database.
pub fn store_db() -> String {
    ":memory:".into()
}
