//! The script-tag drop-in: the entry points that `bundle/oauthapp-login.js` (the
//! `<oauthapp-login>` custom element) calls once `scripts/bundle.sh` has built the module
//! with `wasm-bindgen --target web`.
//!
//! - [`mount`] puts one widget into an element or shadow root and returns a
//!   [`WidgetHandle`] (`setOption`, `session`, `unmount`).
//! - [`EmbedOptions`] reads the options leniently, from attributes (`app-id="2"`) or a JS
//!   object (`{appId: 2}`).
//! - [`first_view`] is the sign-in view the loader shows as ready HTML until the wasm takes
//!   over (rendered at build time by `oauthapp-prerender` for each [`ShellVariant`]).
//! - The host hears what happened through its `onEvent(type, detail)` callback
//!   ([`Notifier`]): `signin` with [`SessionInfo`], `signout`, `error` with `{message}`.

mod events;
mod handle;
mod js_options;
mod options;
mod root;
mod shell;

pub use events::{json_to_js, Notifier, SessionInfo};
pub use handle::{mount, WidgetHandle};
pub use js_options::{option_value, read_options, ON_EVENT};
pub use options::{Applied, EmbedOptions, EmbedView, OptionError, OptionValue, ATTRIBUTES};
pub use root::embed_root;
pub use shell::{first_view, shell_strings, theme_classes, ShellVariant, SHELL_TAB_LISTS};
