//! Points (calls 22 and 23) and the ledger helpers the dev spend route shares.

use axum::{extract::State, http::HeaderMap};
use rusqlite::{params, Transaction};
use serde_json::{json, Value};

use super::common::Params;
use crate::{
    body::{Body, Fields, QueryMap},
    error::{ok, ApiError, ApiResult},
    state::AppState,
    time::now_date,
    validate::MAX_REMARK,
};

/// Largest amount of one recharge or spend.
pub const MAX_PRICE: i64 = 1_000_000_000;
/// Default page size of PointLog.
pub const DEFAULT_TAKE: i64 = 10;
/// Largest page size of PointLog (larger values are capped).
pub const MAX_TAKE: i64 = 100;

/// The fields RechargePoints (and the dev spend route) take.
pub const AMOUNT: &[&str] = &["price", "remark"];

/// Reads `price` (1..=1e9) and `remark`?.
pub fn read_amount(f: &Fields) -> Result<(i64, Option<String>), ApiError> {
    let price = f.req_int(&["price"])?;
    if !(1..=MAX_PRICE).contains(&price) {
        return Err(ApiError::Invalid("price"));
    }
    Ok((price, f.opt_str(&["remark"], MAX_REMARK)?))
}

/// Adds a ledger row (`used` > 0 recharge, < 0 spend).
pub fn add_row(
    tx: &Transaction<'_>,
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

/// `POST /api/AppUsers/:appId/RechargePoints` (Bearer, D3): `price` ≥ 1, `remark`?.
pub async fn recharge(
    State(state): State<AppState>,
    p: Params,
    headers: HeaderMap,
    body: Body,
) -> ApiResult {
    let app = state.app(p.app())?;
    let user = state.user(&headers, app)?;
    let f = body.accept(AMOUNT)?;
    let (price, remark) = read_amount(&f)?;
    state
        .db
        .tx(|tx| add_row(tx, app.id, user.id, price, remark.as_deref()))?;
    Ok(ok(json!(true)))
}

/// `GET /api/AppUsers/:appId/PointLog?type=&skip=&take=` (Bearer): `type` 0 all,
/// 1 recharges, 2 spends; newest first; `total` counts the whole filtered set.
pub async fn log(
    State(state): State<AppState>,
    p: Params,
    headers: HeaderMap,
    q: QueryMap,
) -> ApiResult {
    let app = state.app(p.app())?;
    let user = state.user(&headers, app)?;
    let kind = q.int("type", 0, 2)?.unwrap_or(0);
    let skip = q.int("skip", 0, i64::from(u32::MAX))?.unwrap_or(0);
    let take = q
        .int("take", 1, i64::MAX)?
        .unwrap_or(DEFAULT_TAKE)
        .min(MAX_TAKE);
    let filter = match kind {
        1 => "AND used > 0",
        2 => "AND used < 0",
        _ => "",
    };
    let (total, rows) = state.db.tx(|tx| {
        let total: i64 = tx.query_row(
            &format!("SELECT COUNT(*) FROM points WHERE app_id = ?1 AND user_id = ?2 {filter}"),
            params![app.id, user.id],
            |r| r.get(0),
        )?;
        let mut stmt = tx.prepare(&format!(
            "SELECT id, user_id, used, remark, create_date FROM points
             WHERE app_id = ?1 AND user_id = ?2 {filter} ORDER BY id DESC LIMIT ?3 OFFSET ?4"
        ))?;
        let rows = stmt.query_map(params![app.id, user.id, take, skip], |r| {
            Ok(json!({
                "id": r.get::<_, i64>(0)?,
                "userID": r.get::<_, i64>(1)?,
                "used": r.get::<_, i64>(2)?,
                "remark": r.get::<_, Option<String>>(3)?,
                "createDate": r.get::<_, String>(4)?,
            }))
        })?;
        Ok((total, rows.collect::<Result<Vec<Value>, _>>()?))
    })?;
    Ok(ok(json!({ "total": total, "data": rows })))
}
