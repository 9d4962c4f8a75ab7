//! Where the widget keeps small strings: the browser's localStorage, memory, or localStorage
//! falling back to memory when it is missing, throws or is full.
//!
//! - [`StorageBackend`] is a key–value store of strings, like the Web Storage API, whose
//!   failures are [`StorageError`] values.
//! - [`LocalStorageBackend`] is `window.localStorage`; [`MemoryBackend`] keeps values in memory.
//! - [`FallbackBackend`] uses a primary backend and, once it fails, a fallback for good; the
//!   token store uses [`FallbackBackend::local_or_memory`].
//! - [`PageStorage`] is one such fallback store shared by the whole page, for the widget's
//!   countdowns and the guest's device id; [`TabStorage`] is the tab's sessionStorage.
//! - [`keys`]: the one scheme of every key the widget writes.

mod backend;
pub mod keys;
mod page;

pub use backend::{
    FallbackBackend, LocalStorageBackend, MemoryBackend, SessionStorageBackend, StorageBackend,
    StorageError,
};
pub use page::{PageStorage, TabStorage};

#[cfg(test)]
pub(crate) use backend::tests;
