//! Calls 22–23: the points log and recharging points.

use serde::{Deserialize, Serialize};

use super::client::Client;
use super::error::ApiError;
use super::lenient;
use super::route::Route;

/// Which entries of the points log to list (`type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum PointKind {
    /// `0`: every entry.
    #[default]
    All,
    /// `1`: recharges.
    Recharge,
    /// `2`: spending.
    Spend,
}

impl PointKind {
    /// The number sent as `type`.
    pub fn code(self) -> u8 {
        match self {
            PointKind::All => 0,
            PointKind::Recharge => 1,
            PointKind::Spend => 2,
        }
    }
}

/// The query of `PointLog`: `?type=&skip=&take=` (D3: `skip` is the offset, `take` the page
/// size).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PointLogQuery {
    /// Which entries.
    pub kind: PointKind,
    /// How many entries to skip (offset), default 0.
    pub skip: u32,
    /// How many entries to return (page size), default 10.
    pub take: u32,
}

impl Default for PointLogQuery {
    fn default() -> Self {
        PointLogQuery {
            kind: PointKind::All,
            skip: 0,
            take: 10,
        }
    }
}

/// One page of the points log: `{"total": 2, "data": [...]}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct PointLogPage {
    /// How many entries there are in all, if the server said.
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    pub total: Option<i64>,
    /// The entries of this page (`null` reads as none; items that are not entries are
    /// skipped).
    #[serde(default, deserialize_with = "lenient::list")]
    pub data: Vec<PointEntry>,
}

/// One entry of the points log. Every field tolerates `null` and a missing key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PointEntry {
    /// The entry's id.
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    pub id: Option<i64>,
    /// The user's id (`userID`).
    #[serde(rename = "userID", default, deserialize_with = "lenient::opt_i64")]
    pub user_id: Option<i64>,
    /// The points added or spent.
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    pub used: Option<i64>,
    /// A note.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub remark: Option<String>,
    /// When, `YYYY-MM-DD HH:MM:SS`.
    #[serde(default, deserialize_with = "lenient::opt_string")]
    pub create_date: Option<String>,
}

/// Request of `RechargePoints`: `{"price", "remark"?}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RechargeRequest {
    /// The amount, at least 1.
    pub price: u64,
    /// A note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
}

impl Client {
    /// Call 22, `GET /api/AppUsers/:appId/PointLog?type=&skip=&take=` (Bearer): one page of
    /// the points log.
    pub async fn point_log(&self, query: &PointLogQuery) -> Result<PointLogPage, ApiError> {
        let route = Route::PointLog {
            kind: query.kind.code(),
            skip: query.skip,
            take: query.take,
        };
        self.send_empty(route).await
    }

    /// Call 23, `POST /api/AppUsers/:appId/RechargePoints` (Bearer; POST per D3): adds points;
    /// `true` when done.
    pub async fn recharge_points(&self, req: &RechargeRequest) -> Result<bool, ApiError> {
        self.send_json(Route::RechargePoints, req).await
    }
}
