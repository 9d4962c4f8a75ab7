//! Where the widget keeps small strings: the browser's localStorage, memory, or localStorage
//! falling back to memory when it is missing, throws or is full.
//!
//! - [`StorageBackend`] is a key–value store of strings, like the Web Storage API, whose
//!   failures are [`StorageError`] values.
//! - [`LocalStorageBackend`] is `window.localStorage`; [`MemoryBackend`] keeps values in memory.
//! - [`FallbackBackend`] uses a primary backend and, once it fails, a fallback for good; the
//!   token store uses [`FallbackBackend::local_or_memory`].
//! - [`PageStorage`] is one such fallback store shared by the whole page, for the widget's
//!   countdowns and the guest's device id.

mod backend;
mod page;

pub use backend::{
    FallbackBackend, LocalStorageBackend, MemoryBackend, StorageBackend, StorageError,
};
pub use page::PageStorage;

#[cfg(test)]
pub(crate) use backend::tests;
