//! Harness for the end-to-end tests: the real reference server binary serving the built
//! widget (`dist/`), and a headless Chromium driven over WebDriver (chromedriver).
//!
//! Each test starts its own [`Server`] (fresh database in a temporary folder, outbox on)
//! and its own [`Browser`], so tests share nothing.

mod a11y;
mod browser;
pub mod demo;
pub mod drop_in;
mod paths;
mod server;

pub use a11y::Screen;
pub use browser::{Browser, CHROMIUM_SWITCHES};
pub use paths::{dist_dir, workspace_root};
pub use server::{Server, ServerOptions};

/// What every harness call returns on failure: a sentence saying what went wrong.
pub type HarnessResult<T> = Result<T, String>;
