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
//! - [`app`]: the demo page's root component.

pub mod api;
pub mod app;
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
