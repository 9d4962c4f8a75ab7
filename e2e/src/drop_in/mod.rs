//! Helpers of the script-tag drop-in tests (`tests/drop_in.rs`): the host site on another
//! origin with a strict CSP, and reaching into the widget's shadow root.

mod host_site;
mod shadow;

pub use host_site::{api_server, bundle_dir, HostSite};
pub use shadow::wait_in_shadow;
