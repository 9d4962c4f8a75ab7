//! How many calls of this page's clients are under way, so that work that can wait (fetching
//! parts of the widget ahead of time) does not slow an answer a person is waiting for.

use std::cell::Cell;

thread_local! {
    /// Calls started and not yet ended, on this (the browser's one) thread.
    static IN_FLIGHT: Cell<u32> = const { Cell::new(0) };
}

/// How many calls are under way now.
pub fn calls_in_flight() -> u32 {
    IN_FLIGHT.with(Cell::get)
}

/// One call under way, counted from its creation until it is dropped (answered, failed, timed
/// out or abandoned).
pub(crate) struct CallInFlight(());

impl CallInFlight {
    /// Counts one more call.
    pub(crate) fn start() -> Self {
        IN_FLIGHT.with(|n| n.set(n.get().saturating_add(1)));
        CallInFlight(())
    }
}

impl Drop for CallInFlight {
    fn drop(&mut self) {
        IN_FLIGHT.with(|n| n.set(n.get().saturating_sub(1)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_call_counts_until_it_is_dropped() {
        let before = calls_in_flight();
        let a = CallInFlight::start();
        let b = CallInFlight::start();
        assert_eq!(calls_in_flight(), before + 2);
        drop(a);
        assert_eq!(calls_in_flight(), before + 1);
        drop(b);
        assert_eq!(calls_in_flight(), before);
    }
}
