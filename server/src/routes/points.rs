//! Points (calls 22 and 23) and the amount reader the dev spend route shares.

use axum::{extract::State, http::HeaderMap};
use serde_json::json;

use super::common::Params;
use crate::{
    body::{Body, Fields, QueryMap},
    error::{ok, ApiError, ApiResult},
    ledger::{self, Filter},
    state::AppState,
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
        .tx(|tx| ledger::add(tx, app.id, user.id, price, remark.as_deref()))?;
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
        1 => Filter::Recharges,
        2 => Filter::Spends,
        _ => Filter::All,
    };
    let (total, rows) = state
        .db
        .tx(|tx| ledger::page(tx, app.id, user.id, filter, skip, take))?;
    Ok(ok(json!({ "total": total, "data": rows })))
}
