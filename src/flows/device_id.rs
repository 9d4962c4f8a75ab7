//! The guest's device id: a random id kept in localStorage, used as the unionID.

use crate::storage::keys::{read_migrating, LEGACY_DEVICE_ID};
use crate::storage::StorageBackend;

/// The storage key of the device id.
pub const DEVICE_ID_KEY: &str = crate::storage::keys::DEVICE_ID;

/// The device id in `storage`, created (random, 32 hex digits or a UUID) when there is none
/// or the stored one is not a plausible id (or the storage cannot be read). Storing it is best
/// effort.
pub fn device_id(storage: &impl StorageBackend, random: impl FnOnce() -> String) -> String {
    // Read under the key it had before the one key scheme, too.
    if let Some(id) = read_migrating(storage, DEVICE_ID_KEY, LEGACY_DEVICE_ID)
        .ok()
        .flatten()
        .filter(|id| plausible(id))
    {
        return id;
    }
    let id = random();
    let _ = storage.set(DEVICE_ID_KEY, &id);
    id
}

/// 16 to 64 characters of hex digits and dashes.
fn plausible(id: &str) -> bool {
    (16..=64).contains(&id.len()) && id.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
}

/// A fresh random id: `crypto.randomUUID()` when the browser has it, else 32 hex digits from
/// `Math.random()` (only where no secure context exists).
pub fn random_id() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let uuid = crate::browser::window()
            .and_then(|w| js_sys::Reflect::get(&w, &"crypto".into()).ok())
            .and_then(|crypto| {
                let f = js_sys::Reflect::get(&crypto, &"randomUUID".into()).ok()?;
                let f = f.dyn_into::<js_sys::Function>().ok()?;
                f.call0(&crypto).ok()?.as_string()
            });
        if let Some(uuid) = uuid {
            return uuid;
        }
        (0..4)
            .map(|_| format!("{:08x}", (js_sys::Math::random() * 4_294_967_296.0) as u32))
            .collect()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::collections::hash_map::RandomState;
        use std::hash::{BuildHasher, Hasher};
        (0..2)
            .map(|_| format!("{:016x}", RandomState::new().build_hasher().finish()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryBackend;

    #[test]
    fn created_once_then_kept() {
        let kv = MemoryBackend::new();
        let a = device_id(&kv, || "0123456789abcdef0123".into());
        let b = device_id(&kv, || "ffffffffffffffffffff".into());
        assert_eq!(a, "0123456789abcdef0123");
        assert_eq!(b, a);
    }

    #[test]
    fn replaces_garbage() {
        let kv = MemoryBackend::new();
        kv.set(DEVICE_ID_KEY, "<script>").unwrap();
        assert_eq!(
            device_id(&kv, || "0123456789abcdef".into()),
            "0123456789abcdef"
        );
    }

    #[test]
    fn random_ids_are_plausible_and_differ() {
        let a = random_id();
        assert!(plausible(&a), "{a}");
        assert_ne!(a, random_id());
    }
}
