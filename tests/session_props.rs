//! Property tests: the session never panics on what storage or a token may hold.
#![cfg(not(target_arch = "wasm32"))]

use oauthapp_login::session::{Claims, MemoryBackend, StorageBackend, TokenStore};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text_as_a_jwt_never_panics(token in ".{0,200}") {
        let _ = Claims::from_jwt(&token);
    }

    #[test]
    fn any_three_base64ish_segments_never_panic(
        a in "[A-Za-z0-9_=+/-]{0,40}",
        b in "[A-Za-z0-9_=+/-]{0,80}",
        c in "[A-Za-z0-9_=+/-]{0,40}",
    ) {
        let _ = Claims::from_jwt(&format!("{a}.{b}.{c}"));
    }

    #[test]
    fn any_stored_text_is_read_or_dropped(text in ".{0,200}", now in any::<i64>()) {
        let memory = MemoryBackend::new();
        let store = TokenStore::with_backend("https://s.test", 2, memory.clone(), move || now);
        memory.set(store.key(), &text).unwrap();
        match store.load() {
            Some(token) => {
                prop_assert!(!token.is_expired_at(now));
                prop_assert_eq!(memory.get(store.key()).unwrap(), Some(text));
            }
            None => prop_assert_eq!(memory.get(store.key()).unwrap(), None),
        }
    }
}
