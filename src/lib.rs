//! # oauthapp-login
//!
//! The sign-in widget for [OAuthApp](https://www.oauthapp.com), written with Leptos and
//! compiled to WebAssembly.
//!
//! - [`api`]: the typed client for every call of the OAuthApp user API (no UI).
//! - [`session`]: the token store (localStorage, expiry, claims, cross-tab sync).
//! - [`i18n`]: the Simplified Chinese and English strings, and language choice.
//! - [`validate`]: the checks made on what a person typed, before any request.
//! - [`clock`]: the wall clock the session, the countdowns and the QR sign-in read.
//! - [`options`]: the widget's options ([`options::LoginOptions`]), with their defaults.
//! - [`flows`]: the sign-in flows (account, code, reset, guest, QR, consent) and the whole
//!   [`flows::LoginWidget`].
//! - [`pages`]: the signed-in pages (authorized apps, profile, points).
//! - [`ui`]: the UI kit the flows and pages are made of (field, tabs, live region, …).
//! - [`components`]: the components under their earlier paths (re-exports).
//! - [`embed`]: the script-tag drop-in's entry points (`<oauthapp-login>`).
//! - [`chunks`]: the views the drop-in loads on demand (QR, reset, signed-in pages, consent).
//! - [`app`]: the demo page's root component.
//!
//! ## Quick start
//!
//! Add the crate (`cargo add oauthapp-login`) to a Leptos 0.8 app built for
//! `wasm32-unknown-unknown` (with Trunk, say), link the widget's stylesheets (`style/*.css` in
//! the package, `demo.css` aside), and put the widget on a page:
//!
//! ```no_run
//! use leptos::prelude::*;
//! use oauthapp_login::flows::LoginWidget;
//! use oauthapp_login::ui::LoginTab;
//!
//! #[component]
//! fn SignInPage() -> impl IntoView {
//!     view! {
//!         <LoginWidget
//!             server_url="https://www.oauthapp.com"
//!             app_id=2
//!             tabs=vec![LoginTab::Account, LoginTab::Phone, LoginTab::Email, LoginTab::Qr]
//!             show_guest=true
//!             on_login=Callback::new(|(token, claims)| { let _ = (token, claims); })
//!         />
//!     }
//! }
//!
//! fn main() {
//!     leptos::mount::mount_to_body(SignInPage);
//! }
//! ```
//!
//! Without a UI, the typed client and the session work alone; see [`api::Client`] and
//! [`session::Session`]. Sites that are not written in Rust use the script-tag drop-in
//! `<oauthapp-login>` (an npm package too) built from [`embed`] by the repository's
//! `scripts/bundle.sh`.

#![warn(missing_docs)]

pub mod api;
pub mod app;
pub mod browser;
pub mod chunks;
pub mod clock;
pub mod components;
pub mod embed;
pub mod flows;
pub mod i18n;
pub mod options;
pub mod pages;
pub mod session;
pub mod storage;
pub mod ui;
pub mod validate;
