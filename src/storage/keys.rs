//! The one scheme of every key the widget writes: `oauthapp-login:v1:` and then what it is.
//!
//! | what | key | where |
//! |---|---|---|
//! | the session's token | `oauthapp-login:v1:<server>:<app id>` | localStorage |
//! | a send-code countdown | `oauthapp-login:v1:countdown:<purpose>:<recipient>` | localStorage |
//! | the guest's device id | `oauthapp-login:v1:device-id` | localStorage |
//! | the demo third-party app's `state` | `oauthapp-login:v1:thirdparty-state` | sessionStorage |
//! | its PKCE verifier | `oauthapp-login:v1:thirdparty-verifier` | sessionStorage |
//!
//! Before this scheme the countdowns, the device id and the demo's `state` had keys of their
//! own ([`LEGACY_COUNTDOWN_PREFIX`], [`LEGACY_DEVICE_ID`], [`LEGACY_THIRDPARTY_STATE`]);
//! [`read_migrating`] moves such a value to its new key the first time it is read, so a
//! running countdown or a guest's id survives the upgrade.

use super::backend::{StorageBackend, StorageError};

/// The prefix of every key; the version changes if a stored format does.
pub const PREFIX: &str = "oauthapp-login:v1:";

/// The prefix of the send-code countdowns.
pub const COUNTDOWN_PREFIX: &str = "oauthapp-login:v1:countdown:";

/// The guest's device id.
pub const DEVICE_ID: &str = "oauthapp-login:v1:device-id";

/// The demo third-party app's `state` of the request in flight.
pub const THIRDPARTY_STATE: &str = "oauthapp-login:v1:thirdparty-state";

/// The demo third-party app's PKCE verifier of the request in flight.
pub const THIRDPARTY_VERIFIER: &str = "oauthapp-login:v1:thirdparty-verifier";

/// The countdowns' prefix before the one scheme.
pub const LEGACY_COUNTDOWN_PREFIX: &str = "oauthapp-login.countdown.";

/// The device id's key before the one scheme.
pub const LEGACY_DEVICE_ID: &str = "oauthapp-login.device-id";

/// The demo's `state` key before the one scheme.
pub const LEGACY_THIRDPARTY_STATE: &str = "oa-thirdparty-state";

/// The value under `key`, or else the one under `legacy`, which is then moved to `key` (best
/// effort: when the write fails the legacy value is still returned and kept).
pub fn read_migrating(
    storage: &impl StorageBackend,
    key: &str,
    legacy: &str,
) -> Result<Option<String>, StorageError> {
    if let Some(value) = storage.get(key)? {
        return Ok(Some(value));
    }
    let Some(old) = storage.get(legacy)? else {
        return Ok(None);
    };
    if storage.set(key, &old).is_ok() {
        let _ = storage.remove(legacy);
    }
    Ok(Some(old))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryBackend;

    #[test]
    fn a_legacy_value_moves_to_its_new_key_once() {
        let kv = MemoryBackend::new();
        kv.set(LEGACY_DEVICE_ID, "abc").unwrap();
        assert_eq!(
            read_migrating(&kv, DEVICE_ID, LEGACY_DEVICE_ID),
            Ok(Some("abc".into()))
        );
        assert_eq!(kv.get(LEGACY_DEVICE_ID), Ok(None));
        assert_eq!(kv.get(DEVICE_ID), Ok(Some("abc".into())));
    }

    #[test]
    fn the_new_key_wins_and_nothing_is_made_up() {
        let kv = MemoryBackend::new();
        assert_eq!(read_migrating(&kv, DEVICE_ID, LEGACY_DEVICE_ID), Ok(None));
        kv.set(DEVICE_ID, "new").unwrap();
        kv.set(LEGACY_DEVICE_ID, "old").unwrap();
        assert_eq!(
            read_migrating(&kv, DEVICE_ID, LEGACY_DEVICE_ID),
            Ok(Some("new".into()))
        );
    }

    #[test]
    fn every_key_has_the_one_prefix() {
        for key in [
            COUNTDOWN_PREFIX,
            DEVICE_ID,
            THIRDPARTY_STATE,
            THIRDPARTY_VERIFIER,
        ] {
            assert!(key.starts_with(PREFIX), "{key}");
        }
    }
}
