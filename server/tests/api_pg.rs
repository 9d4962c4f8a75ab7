//! The HTTP suite of `tests/api/` against the PostgreSQL store: the same modules, each
//! test server on a fresh schema of a throw-away cluster (`support/pg.rs`) that this test
//! process starts (and that stops once it has ended).

#[path = "support/pg.rs"]
mod pg;

#[path = "api/account.rs"]
mod account;
#[path = "api/basics.rs"]
mod basics;
#[path = "api/codes.rs"]
mod codes;
#[path = "api/common.rs"]
mod common;
#[path = "api/fields.rs"]
mod fields;
#[path = "api/hardening.rs"]
mod hardening;
#[path = "api/oauth.rs"]
mod oauth;
#[path = "api/persistence.rs"]
mod persistence;
#[path = "api/points.rs"]
mod points;
#[path = "api/profile.rs"]
mod profile;
#[path = "api/qr.rs"]
mod qr;
#[path = "api/samples.rs"]
mod samples;
#[path = "api/static_files.rs"]
mod static_files;
#[path = "api/tokens.rs"]
mod tokens;
#[path = "api/unionid.rs"]
mod unionid;

/// The store each test server gets: an empty schema of the test cluster.
pub fn store_db() -> String {
    pg::cluster().fresh_url()
}

/// The suite really runs on PostgreSQL: a sign-up lands in the test's own schema.
#[tokio::test]
async fn the_store_is_postgres() {
    let config = common::config();
    assert!(config.db.starts_with("postgres://"), "{}", config.db);
    let s = common::Srv::with(config.clone()).await;
    s.account(common::APP, "pg-check", "pg-check-pwd1").await;
    let n = pg::query(
        &config.db,
        "SELECT count(*) FROM users WHERE user_name = 'pg-check'",
    );
    assert_eq!(n, "1");
}
