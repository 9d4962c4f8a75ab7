//! A small key–value store over `localStorage` that never fails: when storage is missing or
//! throws (private browsing, sandboxed iframes, a full quota) it keeps values in memory.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Where the widget keeps small strings (countdown start times, the guest device id).
pub trait KeyValue {
    /// The value under `key`, if any.
    fn get(&self, key: &str) -> Option<String>;
    /// Stores `value` under `key` (best effort).
    fn set(&self, key: &str, value: &str);
    /// Removes `key` (best effort).
    fn remove(&self, key: &str);
}

/// An in-memory store, shared by its clones.
#[derive(Clone, Debug, Default)]
pub struct MemoryKv {
    map: Rc<RefCell<HashMap<String, String>>>,
}

impl KeyValue for MemoryKv {
    fn get(&self, key: &str) -> Option<String> {
        self.map.borrow().get(key).cloned()
    }
    fn set(&self, key: &str, value: &str) {
        self.map
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
    }
    fn remove(&self, key: &str) {
        self.map.borrow_mut().remove(key);
    }
}

thread_local! {
    /// What `localStorage` refused, shared by every [`LocalKv`] of the page.
    static FALLBACK: MemoryKv = MemoryKv::default();
}

/// The page's `localStorage`, falling back to memory (shared by the whole page) for what it
/// refuses.
#[derive(Clone, Copy, Debug, Default)]
pub struct LocalKv;

impl LocalKv {
    /// The store of this page.
    pub fn new() -> Self {
        LocalKv
    }

    /// The browser's `localStorage`, when it exists and may be used.
    #[cfg(target_arch = "wasm32")]
    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }
}

#[cfg(target_arch = "wasm32")]
impl KeyValue for LocalKv {
    fn get(&self, key: &str) -> Option<String> {
        Self::storage()
            .and_then(|s| s.get_item(key).ok().flatten())
            .or_else(|| FALLBACK.with(|f| f.get(key)))
    }
    fn set(&self, key: &str, value: &str) {
        let stored = Self::storage().is_some_and(|s| s.set_item(key, value).is_ok());
        FALLBACK.with(|f| {
            if stored {
                f.remove(key);
            } else {
                f.set(key, value);
            }
        });
    }
    fn remove(&self, key: &str) {
        if let Some(s) = Self::storage() {
            let _ = s.remove_item(key);
        }
        FALLBACK.with(|f| f.remove(key));
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl KeyValue for LocalKv {
    fn get(&self, key: &str) -> Option<String> {
        FALLBACK.with(|f| f.get(key))
    }
    fn set(&self, key: &str, value: &str) {
        FALLBACK.with(|f| f.set(key, value));
    }
    fn remove(&self, key: &str) {
        FALLBACK.with(|f| f.remove(key));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_round_trip_and_shared_clones() {
        let a = MemoryKv::default();
        let b = a.clone();
        a.set("k", "v");
        assert_eq!(b.get("k").as_deref(), Some("v"));
        b.remove("k");
        assert_eq!(a.get("k"), None);
    }
}
