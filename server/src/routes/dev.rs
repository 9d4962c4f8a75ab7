//! The reference server's own `/dev` routes, on only with the outbox switched on.

use axum::{extract::State, http::HeaderMap};
use rusqlite::params;
use serde_json::{json, Value};

use super::{common::Params, points};
use crate::{
    body::{Body, QueryMap},
    error::{ok, ApiError, ApiResult},
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
    let rows = state.db.tx(|tx| {
        let mut stmt = tx.prepare(
            "SELECT recipient, channel, purpose, code, create_date, app_id FROM codes
             WHERE (?1 IS NULL OR recipient = ?1 COLLATE NOCASE) ORDER BY id DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![to, OUTBOX_LIMIT], |r| {
            Ok(json!({
                "to": r.get::<_, String>(0)?,
                "channel": r.get::<_, String>(1)?,
                "type": r.get::<_, String>(2)?,
                "code": r.get::<_, String>(3)?,
                "createDate": r.get::<_, String>(4)?,
                "appID": r.get::<_, i64>(5)?,
            }))
        })?;
        Ok(rows.collect::<Result<Vec<Value>, _>>()?)
    })?;
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
        let balance: i64 = tx.query_row(
            "SELECT COALESCE(SUM(used), 0) FROM points WHERE app_id = ?1 AND user_id = ?2",
            params![app.id, user.id],
            |r| r.get(0),
        )?;
        if balance < price {
            return Err(ApiError::NotEnoughPoints);
        }
        points::add_row(tx, app.id, user.id, -price, remark.as_deref())
    })?;
    Ok(ok(json!(true)))
}
