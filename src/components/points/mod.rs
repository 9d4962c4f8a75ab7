//! The points page: the log (PointLog, call 22) as a table with a filter and pages, and the
//! recharge form (RechargePoints, call 23).

mod checks;
mod page;
mod pager;
mod recharge;

pub use checks::{check_price, check_remark, MAX_PRICE, MAX_REMARK};
pub use page::PointsPage;
pub use pager::Pager;
