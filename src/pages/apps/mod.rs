//! The authorized apps: the consents the person gave (Consents, call 18), newest first, each
//! revocable after an inline confirmation (DELETE Consent, call 19).

mod list;
mod order;
mod row;

pub use list::AuthorizedApps;
pub use order::{consent_date, newest_first};
