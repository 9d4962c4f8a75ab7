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
//! - [`components`]: the Leptos components of the widget.
//! - [`embed`]: the script-tag drop-in's entry points (`<oauthapp-login>`).
//! - [`app`]: the demo page's root component.

pub mod api;
pub mod app;
pub mod clock;
pub mod components;
pub mod embed;
pub mod i18n;
pub mod session;
pub mod storage;
pub mod validate;
