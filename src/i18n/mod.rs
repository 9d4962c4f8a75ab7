//! The Simplified Chinese and English strings of the widget, and how a language is chosen.
//!
//! - [`Key`]: one variant per sentence, named by feature (`signin.*`, `signup.*`, `code.*`,
//!   `reset.*`, `error.*`, `tabs.*`, `validate.*`, …).
//! - One table per language ([`en`], [`zh_cn`]); a missing text falls back to English, and a
//!   native test fails when any key lacks a translation.
//! - [`Lang::detect`] reads `navigator.languages` unless the host names a language.
//! - [`Overrides`]: the host can replace any string, in every language or in one.
//! - [`message_for_error`]: an API error classified into a sentence.
//! - [`provide_i18n`] / [`use_i18n`]: the reactive context with `t(key)`.

mod context;
pub mod en;
mod errors;
mod keys;
mod lang;
mod message;
mod translator;
pub mod zh_cn;

#[cfg(test)]
mod tables_test;

pub use context::{provide_i18n, use_i18n, I18n};
pub use errors::message_for_error;
pub use keys::Key;
pub use lang::Lang;
pub use message::{fill, Message};
pub use translator::{builtin, Overrides, Translator};
