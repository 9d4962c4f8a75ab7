//! The reference server's own `/dev` routes, on only with the outbox switched on.

use axum::{extract::State, http::HeaderMap};
use serde_json::{json, Value};

use super::{common::Params, points};
use crate::{
    body::{Body, QueryMap},
    codes,
    error::{ok, ApiError, ApiResult},
    ledger,
    state::AppState,
};

/// Most outbox entries returned.
const OUTBOX_LIMIT: i64 = 100;

/// `GET /dev/outbox?to=`: the codes the server would have sent (to that recipient, or all),
/// newest first, at most 100.
pub async fn outbox(State(state): State<AppState>, q: QueryMap) -> ApiResult {
    if !state.outbox {
        return Err(ApiError::NotFound);
    }
    let to = q
        .get("to")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string);
    let rows = state
        .db
        .tx(|tx| codes::outbox(tx, to.as_deref(), OUTBOX_LIMIT))?;
    Ok(ok(Value::Array(rows)))
}

/// `POST /dev/SpendPoints/:appId` (Bearer): `price` ≥ 1, `remark`?; adds a spend row
/// (negative `used`) when the balance covers it, else 409. For testing PointLog type 2.
pub async fn spend(
    State(state): State<AppState>,
    p: Params,
    headers: HeaderMap,
    body: Body,
) -> ApiResult {
    if !state.outbox {
        return Err(ApiError::NotFound);
    }
    let app = state.app(p.app())?;
    let user = state.user(&headers, app)?;
    let f = body.accept(points::AMOUNT)?;
    let (price, remark) = points::read_amount(&f)?;
    state.db.tx(|tx| {
        if ledger::balance(tx, app.id, user.id)? < price {
            return Err(ApiError::NotEnoughPoints);
        }
        ledger::add(tx, app.id, user.id, -price, remark.as_deref())
    })?;
    Ok(ok(json!(true)))
}
