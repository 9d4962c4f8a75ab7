//! The profile (call 20), shown and edited (call 21): nickname, avatar URL with a preview, and
//! the custom data, checked as JSON when it looks like JSON.

mod edit;
mod page;
mod view;

pub use page::ProfilePage;
