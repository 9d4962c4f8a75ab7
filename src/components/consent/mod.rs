//! The OAuth consent screen (issue 6) and a demo third-party app that uses it.
//!
//! - [`ConsentScreen`]: answers an [`AuthRequest`] (from the page's query with
//!   [`AuthRequest::from_query`], or from the host's props).
//! - [`ThirdPartyDemo`]: starts a request, receives the code, exchanges it and shows the
//!   token's claims.

mod navigate;
mod request;
mod scopes;
mod screen;
mod third_party;

pub use navigate::{browser_navigator, Navigator};
pub use request::{AuthRequest, GrantKind};
pub use scopes::{scope_key, scope_list};
pub use screen::{parse_days, ConsentScreen, DAYS};
pub use third_party::ThirdPartyDemo;
