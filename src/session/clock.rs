//! The time the token store reads, injectable for tests.

/// A source of the current time.
pub trait Clock {
    /// Milliseconds since the Unix epoch.
    fn now_ms(&self) -> i64;
}

/// The browser's clock (`Date.now()`).
#[derive(Debug, Clone, Copy, Default)]
pub struct BrowserClock;

impl Clock for BrowserClock {
    fn now_ms(&self) -> i64 {
        // `as` saturates (and maps NaN to 0): never panics.
        js_sys::Date::now() as i64
    }
}

/// Any `Fn() -> i64` is a clock (handy in tests: `|| 1_000`).
impl<F: Fn() -> i64> Clock for F {
    fn now_ms(&self) -> i64 {
        self()
    }
}
