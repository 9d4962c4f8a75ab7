//! The signed-in pages: the authorized apps, the profile and the points, behind one
//! navigation ([`AccountPages`]), and what they share: access to the server with the
//! session's token, the 401 path, and the loading and error states.

mod access;
pub mod apps;
mod load;
mod nav;
pub mod points;
pub mod profile;
mod status;

pub use access::{Access, Load};
pub use apps::AuthorizedApps;
pub use load::Loader;
pub use nav::{AccountPage, AccountPages};
pub use points::PointsPage;
pub use profile::ProfilePage;
pub use status::{LoadFailed, Loading, Notice};
