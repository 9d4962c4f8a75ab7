//! The consents and oauth_codes tables: one consent per user, app and redirect URI, and the
//! short-lived single-use codes granted under it.

use serde_json::{json, Value};

use crate::{
    db::Tx,
    error::ApiError,
    params,
    time::{now_date, now_millis},
};

/// A consent about to be recorded (or updated).
pub struct NewConsent<'a> {
    /// The app.
    pub app: i64,
    /// The user.
    pub user: i64,
    /// How the user authenticated.
    pub grant_type: &'a str,
    /// The redirect URI (part of the consent's key).
    pub redirect_uri: &'a str,
    /// Scopes.
    pub scopes: &'a str,
    /// Remark (kept when the update has none).
    pub remark: Option<&'a str>,
    /// Lifetime in days of the tokens the consent gives.
    pub expire_days: i64,
}

/// Records the consent (updating and moving it to the top if it exists); returns its id.
pub fn upsert(tx: &Tx<'_>, c: &NewConsent<'_>) -> Result<i64, ApiError> {
    tx.execute(
        "INSERT INTO consents (app_id, user_id, grant_type, redirect_uri, scopes, remark,
            expire_days, create_date, last_update, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)
         ON CONFLICT(app_id, user_id, redirect_uri) DO UPDATE SET
            grant_type = excluded.grant_type, scopes = excluded.scopes,
            remark = COALESCE(excluded.remark, consents.remark), expire_days = excluded.expire_days,
            last_update = excluded.last_update, updated_at = excluded.updated_at",
        params![
            c.app,
            c.user,
            c.grant_type,
            c.redirect_uri,
            c.scopes,
            c.remark,
            c.expire_days,
            now_date(),
            now_millis()
        ],
    )?;
    Ok(tx.query_one(
        "SELECT id FROM consents WHERE app_id = ?1 AND user_id = ?2 AND redirect_uri = ?3",
        params![c.app, c.user, c.redirect_uri],
        |r| r.get(0),
    )?)
}

/// The consent's token lifetime in days, if it still exists.
pub fn expire_days(tx: &Tx<'_>, consent: i64) -> Result<Option<i64>, ApiError> {
    Ok(tx.query_opt(
        "SELECT expire_days FROM consents WHERE id = ?1",
        params![consent],
        |r| r.get(0),
    )?)
}

/// Whether the consent still exists for this user.
pub fn exists(tx: &Tx<'_>, app: i64, user: i64, id: i64) -> Result<bool, ApiError> {
    Ok(tx
        .query_opt(
            "SELECT 1 FROM consents WHERE id = ?1 AND app_id = ?2 AND user_id = ?3",
            params![id, app, user],
            |_| Ok(()),
        )?
        .is_some())
}

/// The user's consents in this app as the Consents answer, newest first.
pub fn list(tx: &Tx<'_>, app: i64, user: i64) -> Result<Vec<Value>, ApiError> {
    let sql = "SELECT id, create_date, last_update, grant_type, redirect_uri, remark, scopes
         FROM consents WHERE app_id = ?1 AND user_id = ?2
         ORDER BY updated_at DESC, id DESC";
    let rows = tx.query_all(sql, params![app, user], |r| {
        Ok(json!({
            "id": r.get::<i64>(0)?,
            "createDate": r.get::<String>(1)?,
            "lastUpdate": r.get::<String>(2)?,
            "grantType": r.get::<String>(3)?,
            "redirectUri": r.get::<String>(4)?,
            "remark": r.get::<Option<String>>(5)?,
            "scopes": r.get::<String>(6)?,
        }))
    })?;
    Ok(rows)
}

/// Deletes one of the user's consents and its unused codes; false when there is none.
pub fn delete(tx: &Tx<'_>, app: i64, user: i64, id: i64) -> Result<bool, ApiError> {
    let n = tx.execute(
        "DELETE FROM consents WHERE id = ?1 AND app_id = ?2 AND user_id = ?3",
        params![id, app, user],
    )?;
    if n == 0 {
        return Ok(false);
    }
    tx.execute("DELETE FROM oauth_codes WHERE consent_id = ?1", params![id])?;
    Ok(true)
}

/// A stored authorization code.
pub struct Code {
    /// The user it was granted by.
    pub user_id: i64,
    /// The consent it was granted under.
    pub consent_id: i64,
    /// Expiry (unix seconds).
    pub expires_at: i64,
    /// Whether it was exchanged already.
    pub used: bool,
    /// The redirect URI it was granted for (its consent's).
    pub redirect_uri: Option<String>,
    /// The PKCE S256 challenge given at the grant, if any.
    pub code_challenge: Option<String>,
}

/// Records a granted code.
pub fn add_code(
    tx: &Tx<'_>,
    code: &str,
    app: i64,
    user: i64,
    consent: i64,
    expires_at: i64,
    code_challenge: Option<&str>,
) -> Result<(), ApiError> {
    tx.execute(
        "INSERT INTO oauth_codes (code, app_id, user_id, consent_id, expires_at, code_challenge)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![code, app, user, consent, expires_at, code_challenge],
    )?;
    Ok(())
}

/// The code of this app, if any; on PostgreSQL its row stays locked until the transaction
/// ends, so one exchange at a time reads and marks it (it is spent once).
pub fn find_code(tx: &Tx<'_>, app: i64, code: &str) -> Result<Option<Code>, ApiError> {
    let lock = if tx.for_update().is_empty() {
        ""
    } else {
        " FOR UPDATE OF o"
    };
    Ok(tx.query_opt(
        &format!(
            "SELECT o.user_id, o.consent_id, o.expires_at, o.used, c.redirect_uri,
                o.code_challenge
             FROM oauth_codes o LEFT JOIN consents c ON c.id = o.consent_id
             WHERE o.code = ?1 AND o.app_id = ?2{lock}"
        ),
        params![code, app],
        |r| {
            Ok(Code {
                user_id: r.get(0)?,
                consent_id: r.get(1)?,
                expires_at: r.get(2)?,
                used: r.get(3)?,
                redirect_uri: r.get(4)?,
                code_challenge: r.get(5)?,
            })
        },
    )?)
}

/// Marks a code used.
pub fn use_code(tx: &Tx<'_>, code: &str) -> Result<(), ApiError> {
    tx.execute(
        "UPDATE oauth_codes SET used = 1 WHERE code = ?1",
        params![code],
    )?;
    Ok(())
}
