//! Wall-clock time in whole milliseconds since the Unix epoch, behind a trait so tests can
//! fake it. The token store, the send-code countdown and the QR sign-in all read it.

/// A source of the current time.
pub trait Clock {
    /// Milliseconds since the Unix epoch.
    fn now_ms(&self) -> i64;
}

/// The real clock: `Date.now()` in the browser, the system time elsewhere.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_ms(&self) -> i64 {
        #[cfg(target_arch = "wasm32")]
        {
            // `as` saturates (and maps NaN to 0): never panics.
            js_sys::Date::now() as i64
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        }
    }
}

/// Any `Fn() -> i64` is a clock (handy in tests: `|| 1_000`).
impl<F: Fn() -> i64> Clock for F {
    fn now_ms(&self) -> i64 {
        self()
    }
}
