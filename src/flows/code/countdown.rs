//! The "get code" countdown: per recipient and purpose, its start time kept in storage so it
//! survives a tab switch, a re-render and a page reload.

use crate::clock::Clock;
use crate::storage::StorageBackend;

pub use crate::storage::keys::COUNTDOWN_PREFIX;
use crate::storage::keys::{read_migrating, LEGACY_COUNTDOWN_PREFIX};

/// The default length of a countdown, in seconds.
pub const DEFAULT_COUNTDOWN_SECS: u32 = 60;

/// Milliseconds as the whole seconds a countdown shows, rounded up (1 ms left is "1 s").
pub fn whole_seconds(ms: i64) -> u32 {
    u32::try_from((ms.max(0) + 999) / 1000).unwrap_or(u32::MAX)
}

/// Countdowns of `seconds`, keyed by purpose and recipient, kept in `storage`, timed by `clock`.
#[derive(Clone, Debug)]
pub struct CountdownStore<S, C> {
    storage: S,
    clock: C,
    seconds: u32,
}

impl<S: StorageBackend, C: Clock> CountdownStore<S, C> {
    /// A store of countdowns lasting `seconds`.
    pub fn new(storage: S, clock: C, seconds: u32) -> Self {
        CountdownStore {
            storage,
            clock,
            seconds,
        }
    }

    /// The storage key of a countdown: the prefix, the purpose, `:`, the recipient.
    pub fn key(purpose: &str, recipient: &str) -> String {
        format!("{COUNTDOWN_PREFIX}{purpose}:{}", recipient.trim())
    }

    /// The key the same countdown had before the one key scheme.
    fn legacy_key(purpose: &str, recipient: &str) -> String {
        format!("{LEGACY_COUNTDOWN_PREFIX}{purpose}:{}", recipient.trim())
    }

    /// Starts (or restarts) the countdown of `recipient` for `purpose` now (best effort: a
    /// write the storage refuses is dropped).
    pub fn start(&self, purpose: &str, recipient: &str) {
        // Whole milliseconds, written as an integer.
        let now = self.clock.now_ms();
        let _ = self
            .storage
            .set(&Self::key(purpose, recipient), &now.to_string());
    }

    /// Forgets the countdown of `recipient` for `purpose`.
    pub fn clear(&self, purpose: &str, recipient: &str) {
        let _ = self.storage.remove(&Self::key(purpose, recipient));
    }

    /// Whole seconds left (rounded up: 1 ms left still shows "1 s"), 0 when there is no
    /// running countdown.
    pub fn remaining(&self, purpose: &str, recipient: &str) -> u32 {
        whole_seconds(self.remaining_ms(purpose, recipient))
    }

    /// Milliseconds left, 0 when there is no running countdown. An entry that is over,
    /// unreadable or impossibly far in the future is removed.
    pub fn remaining_ms(&self, purpose: &str, recipient: &str) -> i64 {
        let key = Self::key(purpose, recipient);
        let legacy = Self::legacy_key(purpose, recipient);
        let Ok(Some(raw)) = read_migrating(&self.storage, &key, &legacy) else {
            return 0;
        };
        let total_ms = i64::from(self.seconds) * 1000;
        let now = self.clock.now_ms();
        let start = match raw.trim().parse::<i64>() {
            Ok(start) if start <= now.saturating_add(total_ms) => start,
            _ => {
                let _ = self.storage.remove(&key);
                return 0;
            }
        };
        let left_ms = start
            .saturating_add(total_ms)
            .saturating_sub(now)
            .min(total_ms);
        if left_ms <= 0 {
            let _ = self.storage.remove(&key);
            0
        } else {
            left_ms
        }
    }

    /// The length of a countdown, in seconds.
    pub fn seconds(&self) -> u32 {
        self.seconds
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryBackend;
    use std::cell::Cell;
    use std::rc::Rc;

    /// A clock the test moves by hand.
    #[derive(Clone, Default)]
    struct FakeClock(Rc<Cell<i64>>);

    impl FakeClock {
        fn advance(&self, ms: i64) {
            self.0.set(self.0.get() + ms);
        }
    }

    impl Clock for FakeClock {
        fn now_ms(&self) -> i64 {
            self.0.get()
        }
    }

    fn store(
        kv: &MemoryBackend,
        clock: &FakeClock,
        secs: u32,
    ) -> CountdownStore<MemoryBackend, FakeClock> {
        CountdownStore::new(kv.clone(), clock.clone(), secs)
    }

    #[test]
    fn counts_down_and_ends() {
        let kv = MemoryBackend::new();
        let clock = FakeClock::default();
        clock.advance(1_700_000_000_000);
        let s = store(&kv, &clock, 60);
        assert_eq!(s.remaining("signup", "13800138000"), 0);
        s.start("signup", "13800138000");
        assert_eq!(s.remaining("signup", "13800138000"), 60);
        clock.advance(500);
        assert_eq!(s.remaining("signup", "13800138000"), 60);
        clock.advance(1_000);
        assert_eq!(s.remaining("signup", "13800138000"), 59);
        clock.advance(58_499);
        assert_eq!(s.remaining("signup", "13800138000"), 1);
        clock.advance(1);
        assert_eq!(s.remaining("signup", "13800138000"), 0);
        assert_eq!(
            kv.get(&CountdownStore::<MemoryBackend, FakeClock>::key(
                "signup",
                "13800138000"
            )),
            Ok(None)
        );
    }

    #[test]
    fn per_recipient_and_purpose() {
        let kv = MemoryBackend::new();
        let clock = FakeClock::default();
        let s = store(&kv, &clock, 60);
        s.start("signup", "a@b.cn");
        assert_eq!(s.remaining("signup", " a@b.cn "), 60);
        assert_eq!(s.remaining("forgetpwd", "a@b.cn"), 0);
        assert_eq!(s.remaining("signup", "c@d.cn"), 0);
        s.clear("signup", "a@b.cn");
        assert_eq!(s.remaining("signup", "a@b.cn"), 0);
    }

    #[test]
    fn survives_a_new_store_over_the_same_storage() {
        // A reload builds a new store; the start time must come back from storage.
        let kv = MemoryBackend::new();
        let clock = FakeClock::default();
        store(&kv, &clock, 60).start("signup", "x");
        clock.advance(20_000);
        assert_eq!(store(&kv, &clock, 60).remaining("signup", "x"), 40);
    }

    #[test]
    fn drops_garbage_and_future_entries() {
        let kv = MemoryBackend::new();
        let clock = FakeClock::default();
        clock.advance(1_000_000);
        let s = store(&kv, &clock, 60);
        let key = CountdownStore::<MemoryBackend, FakeClock>::key("signup", "x");
        kv.set(&key, "not a number").unwrap();
        assert_eq!(s.remaining("signup", "x"), 0);
        assert_eq!(kv.get(&key), Ok(None));
        kv.set(&key, "999999999999999").unwrap();
        assert_eq!(s.remaining("signup", "x"), 0);
        assert_eq!(kv.get(&key), Ok(None));
        kv.set(&key, "NaN").unwrap();
        assert_eq!(s.remaining("signup", "x"), 0);
    }

    #[test]
    fn clock_moved_back_a_little_caps_at_full_length() {
        let kv = MemoryBackend::new();
        let clock = FakeClock::default();
        clock.advance(100_000);
        let s = store(&kv, &clock, 60);
        s.start("signup", "x");
        clock.0.set(95_000);
        assert_eq!(s.remaining("signup", "x"), 60);
    }
}
