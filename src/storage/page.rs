//! The page's one localStorage-or-memory store for the widget's small values.

use super::backend::{FallbackBackend, LocalStorageBackend, MemoryBackend, StorageBackend};
use super::StorageError;

thread_local! {
    /// The store behind every [`PageStorage`], so that they share one fallback state.
    static PAGE: FallbackBackend<LocalStorageBackend, MemoryBackend> =
        FallbackBackend::local_or_memory();
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
