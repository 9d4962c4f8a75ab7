//! Where the widget keeps its text: the browser's localStorage, memory, or localStorage
//! falling back to memory when it is missing or throws.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

/// Why a storage backend could not do what it was asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    /// There is no storage here (no window, or `window.localStorage` is null).
    #[error("no storage available")]
    Missing,
    /// The storage threw (access denied in a sandboxed iframe or by privacy settings, quota
    /// exceeded…); carries the browser's message.
    #[error("storage failed: {0}")]
    Failed(String),
}

/// A key–value store of strings, like the Web Storage API.
pub trait StorageBackend {
    /// The value under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Stores `value` under `key`.
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    /// Removes `key`.
    fn remove(&self, key: &str) -> Result<(), StorageError>;
}

/// The browser's `window.localStorage`, looked up on every use (so a storage that appears or
/// disappears is noticed). Every failure is an error value, never a panic.
#[derive(Debug, Clone, Copy, Default)]
pub struct LocalStorageBackend;

impl StorageBackend for LocalStorageBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        web_storage(web_sys::Window::local_storage)?
            .get_item(key)
            .map_err(failed)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        web_storage(web_sys::Window::local_storage)?
            .set_item(key, value)
            .map_err(failed)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        web_storage(web_sys::Window::local_storage)?
            .remove_item(key)
            .map_err(failed)
    }
}

/// The browser's `window.sessionStorage` (this tab's), looked up on every use.
#[derive(Debug, Clone, Copy, Default)]
pub struct SessionStorageBackend;

impl StorageBackend for SessionStorageBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        web_storage(web_sys::Window::session_storage)?
            .get_item(key)
            .map_err(failed)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        web_storage(web_sys::Window::session_storage)?
            .set_item(key, value)
            .map_err(failed)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        web_storage(web_sys::Window::session_storage)?
            .remove_item(key)
            .map_err(failed)
    }
}

/// One of the window's Web Storage areas, or why it cannot be had. Outside a browser (the
/// build-time render, native tests) there is none.
fn web_storage(
    area: fn(&web_sys::Window) -> Result<Option<web_sys::Storage>, wasm_bindgen::JsValue>,
) -> Result<web_sys::Storage, StorageError> {
    let window = crate::browser::window().ok_or(StorageError::Missing)?;
    area(&window).map_err(failed)?.ok_or(StorageError::Missing)
}

/// A JavaScript exception as [`StorageError::Failed`].
fn failed(e: wasm_bindgen::JsValue) -> StorageError {
    let text = js_sys::Reflect::get(&e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the storage threw".to_owned());
    StorageError::Failed(text)
}

/// Storage in memory, shared by its clones; lost when the page goes.
#[derive(Debug, Clone, Default)]
pub struct MemoryBackend(Rc<RefCell<HashMap<String, String>>>);

thread_local! {
    /// The page's one memory store, so that every store falling back shares it.
    static PAGE_MEMORY: MemoryBackend = MemoryBackend::default();
}

impl MemoryBackend {
    /// A new, empty memory store.
    pub fn new() -> Self {
        Self::default()
    }

    /// The memory store shared by the whole page (every [`FallbackBackend::local_or_memory`]
    /// uses it).
    pub fn page() -> Self {
        PAGE_MEMORY.with(Clone::clone)
    }
}

impl StorageBackend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.0.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.0.borrow_mut().insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.0.borrow_mut().remove(key);
        Ok(())
    }
}

/// A primary backend that falls back to a second one (memory) for good once the primary
/// fails: the session keeps working when localStorage is missing, denied or full.
///
/// When a write to the primary fails, the primary's old value for that key is removed if it
/// can be, so that a reload does not bring back an older token.
#[derive(Debug)]
pub struct FallbackBackend<P, F> {
    primary: P,
    fallback: F,
    failed: Cell<bool>,
}

impl FallbackBackend<LocalStorageBackend, MemoryBackend> {
    /// localStorage, falling back to the page's memory.
    pub fn local_or_memory() -> Self {
        Self::new(LocalStorageBackend, MemoryBackend::page())
    }
}

impl<P: StorageBackend, F: StorageBackend> FallbackBackend<P, F> {
    /// `primary`, falling back to `fallback`.
    pub fn new(primary: P, fallback: F) -> Self {
        FallbackBackend {
            primary,
            fallback,
            failed: Cell::new(false),
        }
    }

    /// True once the primary has failed and the fallback is in use.
    pub fn is_falling_back(&self) -> bool {
        self.failed.get()
    }
}

impl<P: StorageBackend, F: StorageBackend> StorageBackend for FallbackBackend<P, F> {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        if !self.failed.get() {
            match self.primary.get(key) {
                Ok(value) => return Ok(value),
                Err(_) => self.failed.set(true),
            }
        }
        self.fallback.get(key)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if !self.failed.get() {
            match self.primary.set(key, value) {
                Ok(()) => return Ok(()),
                Err(_) => {
                    self.failed.set(true);
                    // Best effort: an older value left there would come back after a reload.
                    let _ = self.primary.remove(key);
                }
            }
        }
        self.fallback.set(key, value)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        let primary = self.primary.remove(key);
        if primary.is_err() {
            self.failed.set(true);
        }
        let fallback = self.fallback.remove(key);
        match self.failed.get() {
            true => fallback,
            false => primary,
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A backend that fails every operation (or only writes), counting its calls.
    #[derive(Default)]
    pub(crate) struct Broken {
        pub(crate) reads_work: bool,
        pub(crate) inner: MemoryBackend,
        pub(crate) calls: Cell<u32>,
    }

    impl StorageBackend for Broken {
        fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
            self.calls.set(self.calls.get() + 1);
            match self.reads_work {
                true => self.inner.get(key),
                false => Err(StorageError::Failed("SecurityError".into())),
            }
        }
        fn set(&self, _: &str, _: &str) -> Result<(), StorageError> {
            self.calls.set(self.calls.get() + 1);
            Err(StorageError::Failed("QuotaExceededError".into()))
        }
        fn remove(&self, key: &str) -> Result<(), StorageError> {
            self.calls.set(self.calls.get() + 1);
            match self.reads_work {
                true => self.inner.remove(key),
                false => Err(StorageError::Missing),
            }
        }
    }

    #[test]
    fn memory_round_trip_and_shared_clones() {
        let a = MemoryBackend::new();
        let b = a.clone();
        a.set("k", "v").unwrap();
        assert_eq!(b.get("k").unwrap().as_deref(), Some("v"));
        b.remove("k").unwrap();
        assert_eq!(a.get("k").unwrap(), None);
    }

    #[test]
    fn page_memory_is_shared() {
        MemoryBackend::page().set("page-key", "1").unwrap();
        assert_eq!(
            MemoryBackend::page().get("page-key").unwrap().as_deref(),
            Some("1")
        );
        MemoryBackend::page().remove("page-key").unwrap();
    }

    #[test]
    fn healthy_primary_is_used() {
        let primary = MemoryBackend::new();
        let fallback = MemoryBackend::new();
        let store = FallbackBackend::new(primary.clone(), fallback.clone());
        store.set("k", "v").unwrap();
        assert_eq!(primary.get("k").unwrap().as_deref(), Some("v"));
        assert_eq!(fallback.get("k").unwrap(), None);
        assert!(!store.is_falling_back());
    }

    #[test]
    fn throwing_primary_falls_back_to_memory() {
        let fallback = MemoryBackend::new();
        let store = FallbackBackend::new(Broken::default(), fallback.clone());
        assert_eq!(store.get("k"), Ok(None));
        assert!(store.is_falling_back());
        store.set("k", "v").unwrap();
        assert_eq!(store.get("k").unwrap().as_deref(), Some("v"));
        assert_eq!(fallback.get("k").unwrap().as_deref(), Some("v"));
        store.remove("k").unwrap();
        assert_eq!(store.get("k"), Ok(None));
    }

    #[test]
    fn full_primary_drops_its_old_value_and_uses_memory() {
        let primary = Broken {
            reads_work: true,
            ..Broken::default()
        };
        primary.inner.set("k", "old").unwrap();
        let store = FallbackBackend::new(primary, MemoryBackend::new());
        assert_eq!(store.get("k").unwrap().as_deref(), Some("old"));
        store.set("k", "new").unwrap();
        assert!(store.is_falling_back());
        assert_eq!(store.get("k").unwrap().as_deref(), Some("new"));
        assert_eq!(store.primary.inner.get("k").unwrap(), None);
    }
}
