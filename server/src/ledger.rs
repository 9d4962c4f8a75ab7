//! The points table: one row per recharge (`used` > 0) or spend (`used` < 0).

use serde_json::{json, Value};

use crate::{db::Tx, error::ApiError, params, time::now_date};

/// Which rows a PointLog lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filter {
    /// Every row.
    All,
    /// Recharges.
    Recharges,
    /// Spends.
    Spends,
}

impl Filter {
    fn sql(self) -> &'static str {
        match self {
            Filter::All => "",
            Filter::Recharges => "AND used > 0",
            Filter::Spends => "AND used < 0",
        }
    }
}

/// Adds a row (`used` > 0 recharge, < 0 spend).
pub fn add(
    tx: &Tx<'_>,
    app: i64,
    user: i64,
    used: i64,
    remark: Option<&str>,
) -> Result<(), ApiError> {
    tx.execute(
        "INSERT INTO points (app_id, user_id, used, remark, create_date) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![app, user, used, remark, now_date()],
    )?;
    Ok(())
}

/// The user's balance. Holds the user's points lock until the transaction ends, so a spend
/// that checks the balance and then writes cannot interleave with another (on any instance).
pub fn balance(tx: &Tx<'_>, app: i64, user: i64) -> Result<i64, ApiError> {
    tx.lock(&format!("points:{app}:{user}"))?;
    Ok(tx.query_one(
        "SELECT CAST(COALESCE(SUM(used), 0) AS BIGINT) FROM points WHERE app_id = ?1 AND user_id = ?2",
        params![app, user],
        |r| r.get(0),
    )?)
}

/// The number of filtered rows and one page of them (PointLog shape), newest first.
pub fn page(
    tx: &Tx<'_>,
    app: i64,
    user: i64,
    filter: Filter,
    skip: i64,
    take: i64,
) -> Result<(i64, Vec<Value>), ApiError> {
    let filter = filter.sql();
    let total: i64 = tx.query_one(
        &format!("SELECT COUNT(*) FROM points WHERE app_id = ?1 AND user_id = ?2 {filter}"),
        params![app, user],
        |r| r.get(0),
    )?;
    let sql = format!(
        "SELECT id, user_id, used, remark, create_date FROM points
         WHERE app_id = ?1 AND user_id = ?2 {filter} ORDER BY id DESC LIMIT ?3 OFFSET ?4"
    );
    let rows = tx.query_all(&sql, params![app, user, take, skip], |r| {
        Ok(json!({
            "id": r.get::<i64>(0)?,
            "userID": r.get::<i64>(1)?,
            "used": r.get::<i64>(2)?,
            "remark": r.get::<Option<String>>(3)?,
            "createDate": r.get::<String>(4)?,
        }))
    })?;
    Ok((total, rows))
}
