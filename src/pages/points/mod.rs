//! The points page: the log (PointLog, call 22) as a table with a filter and pages, and the
//! recharge form (RechargePoints, call 23).

mod page;
mod pager;
mod recharge;

pub use page::PointsPage;
pub use pager::Pager;
