//! The profile (call 20), shown and edited (call 21): nickname, avatar URL with a preview, and
//! the custom data, checked as JSON when it looks like JSON.

mod checks;
mod edit;
mod page;
mod view;

pub use checks::{check_avatar, check_data, MAX_DATA};
pub use page::ProfilePage;
