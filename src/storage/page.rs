//! The page's one localStorage-or-memory store for the widget's small values.

use super::backend::{
    FallbackBackend, LocalStorageBackend, MemoryBackend, SessionStorageBackend, StorageBackend,
};
use super::StorageError;

thread_local! {
    /// The store behind every [`PageStorage`], so that they share one fallback state.
    static PAGE: FallbackBackend<LocalStorageBackend, MemoryBackend> =
        FallbackBackend::local_or_memory();
    /// The store behind every [`TabStorage`].
    static TAB: FallbackBackend<SessionStorageBackend, MemoryBackend> =
        FallbackBackend::new(SessionStorageBackend, MemoryBackend::new());
}

/// localStorage falling back to the page's memory (see [`FallbackBackend::local_or_memory`]),
/// with one fallback state for the whole page: once localStorage has failed, what the widget
/// keeps here (countdown start times, the guest's device id) stays in memory, where every
/// later read finds it, until the page goes.
#[derive(Clone, Copy, Debug, Default)]
pub struct PageStorage;

impl StorageBackend for PageStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        PAGE.with(|store| store.get(key))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        PAGE.with(|store| store.set(key, value))
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        PAGE.with(|store| store.remove(key))
    }
}

/// The tab's sessionStorage falling back to the page's memory, like [`PageStorage`]: for what
/// must not outlive the tab (the demo third-party app's `state` across its redirect).
#[derive(Clone, Copy, Debug, Default)]
pub struct TabStorage;

impl StorageBackend for TabStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        TAB.with(|store| store.get(key))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        TAB.with(|store| store.set(key, value))
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        TAB.with(|store| store.remove(key))
    }
}
