//! The OAuth consent screen: [`ConsentScreen`] answers an [`AuthRequest`] (from the page's
//! query with [`AuthRequest::from_query`], or from the host's props). The demo's third-party
//! app that starts such a request lives in [`crate::app`].

mod navigate;
mod request;
mod scopes;
mod screen;

pub use navigate::{browser_navigator, Navigator};
pub use request::{AuthRequest, GrantKind};
pub use scopes::{scope_key, scope_list};
pub use screen::ConsentScreen;
