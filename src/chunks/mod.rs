//! Views loaded on demand: what a person does not need to type a user name.
//!
//! The drop-in (`scripts/bundle.sh`) builds the crate with `--cfg oauthapp_split` and splits
//! the module with `wasm-split-cli` (the `wasm_split_cli_support` crate, what `cargo leptos
//! --split` runs). Each split point of `chunks/views.rs` then becomes a chunk of its own, fetched from
//! next to the wasm-bindgen glue the first time it is shown, or ahead of time once the page is
//! idle ([`prefetch_when_idle`]):
//!
//! | chunk | what |
//! |---|---|
//! | [`QR`] | the QR sign-in and its encoder (the `qrcode` crate) |
//! | [`RESET`] | the password reset |
//! | [`PAGES`] | the signed-in pages: apps, profile, points |
//! | [`CONSENT`] | the OAuth consent screen |
//!
//! Every other build (Trunk's demo, a Leptos site using the crate, the tests) has no split
//! step: there the same functions are plain ones and every chunk is ready at once.
//!
//! A chunk that cannot be fetched is not a dead widget: [`on_demand`] says so in the person's
//! language and offers to try again (a failed fetch is never cached, neither by the split
//! loader's JavaScript nor by `wasm_split_helpers`).

mod chunk;
mod on_demand;
mod prefetch;
pub(crate) mod views;

pub use chunk::{Chunk, ChunkError, CONSENT, PAGES, QR, RESET, SPLIT};
pub use on_demand::on_demand;
pub use prefetch::prefetch_when_idle;
