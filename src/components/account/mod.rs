//! The signed-in pages together (authorized apps, profile, points) and what they share:
//! access to the server with the session's token, the 401 path, and the loading/error states.

mod access;
mod pages;
mod status;

pub use access::{Access, Load};
pub use pages::{AccountPage, AccountPages};
pub use status::{LoadFailed, Loading, Notice};
