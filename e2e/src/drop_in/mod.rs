//! Helpers of the script-tag drop-in tests (`tests/drop_in.rs`): the host site on another
//! origin with a strict CSP, reaching into the widget's shadow root, and signing up and in.

mod host_site;
mod shadow;
mod steps;

pub use host_site::{api_server, bundle_dir, HostSite};
pub use shadow::wait_in_shadow;
pub use steps::{sign_in_through, sign_up, strict_csp, wait_signed_in};
