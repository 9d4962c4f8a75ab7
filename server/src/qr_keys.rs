//! The qr_keys table: QR sign-in keys and their states.

use rand::Rng;

use crate::{db::Tx, error::ApiError, params, time::now_i64};

/// Not scanned yet.
pub const NEW: i64 = 0;
/// Scanned, waiting for the phone to confirm.
pub const SCANNED: i64 = 1;
/// Confirmed; the web side may collect its token.
pub const CONFIRMED: i64 = 2;
/// The token was collected.
pub const SPENT: i64 = 3;

/// A stored key.
pub struct Key {
    /// Scheme asked for at PreSignIn.
    pub scheme: String,
    /// Scopes.
    pub scopes: String,
    /// Remark.
    pub remark: Option<String>,
    /// Expiry (unix seconds).
    pub expires_at: i64,
    /// One of [`NEW`], [`SCANNED`], [`CONFIRMED`], [`SPENT`].
    pub state: i64,
    /// The confirming user.
    pub user_id: Option<i64>,
}

/// Stores a new key with a random id below 2^53 (safe in JavaScript); retries on collision.
pub fn create(
    tx: &Tx<'_>,
    app: i64,
    scheme: &str,
    scopes: &str,
    remark: Option<&str>,
    expires_at: i64,
) -> Result<i64, ApiError> {
    for _ in 0..8 {
        let key = rand::thread_rng().gen_range(1_000_000_000i64..(1i64 << 53));
        let n = tx.execute(
            "INSERT INTO qr_keys (id, app_id, scheme, scopes, remark, expires_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING",
            params![key, app, scheme, scopes, remark, expires_at],
        )?;
        if n == 1 {
            return Ok(key);
        }
    }
    Err(ApiError::Internal)
}

/// The key of this app (404 envelope when unknown). On PostgreSQL its row stays locked
/// until the transaction ends, so a state change read here is decided once across instances.
pub fn load(tx: &Tx<'_>, app: i64, key: i64) -> Result<Key, ApiError> {
    tx.query_opt(
        &format!(
            "SELECT scheme, scopes, remark, expires_at, state, user_id FROM qr_keys
             WHERE id = ?1 AND app_id = ?2{}",
            tx.for_update()
        ),
        params![key, app],
        |r| {
            Ok(Key {
                scheme: r.get(0)?,
                scopes: r.get(1)?,
                remark: r.get(2)?,
                expires_at: r.get(3)?,
                state: r.get(4)?,
                user_id: r.get(5)?,
            })
        },
    )?
    .ok_or(ApiError::QrUnknown)
}

/// A key the phone side may still act on (not expired, not confirmed or spent).
pub fn load_open(tx: &Tx<'_>, app: i64, key: i64) -> Result<Key, ApiError> {
    let k = load(tx, app, key)?;
    if k.state >= CONFIRMED {
        return Err(ApiError::QrUsed);
    }
    if now_i64() >= k.expires_at {
        return Err(ApiError::QrExpired);
    }
    Ok(k)
}

/// Moves a key to `state` (recording the user when given).
pub fn set_state(tx: &Tx<'_>, key: i64, state: i64, user: Option<i64>) -> Result<(), ApiError> {
    tx.execute(
        "UPDATE qr_keys SET state = ?1, user_id = COALESCE(?2, user_id) WHERE id = ?3",
        params![state, user, key],
    )?;
    Ok(())
}
