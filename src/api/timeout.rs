//! Racing a future against a timer.

use core::future::Future;
use core::pin::pin;
use core::time::Duration;

use futures::future::{select, Either};

use super::error::ApiError;

/// The longest delay a browser timer honours (2^31 - 1 ms); longer ones fire at once.
const MAX_TIMER_MS: u128 = i32::MAX as u128;

/// Runs `work`, giving [`ApiError::Timeout`] if it has not finished after `timeout`.
///
/// When the timer wins, `work` is dropped before this returns (so whatever it owns, such as
/// an abort guard, is released). Uses the browser's timers: call it in a browser.
pub async fn with_timeout<F: Future>(work: F, timeout: Duration) -> Result<F::Output, ApiError> {
    let millis = timeout.as_millis().min(MAX_TIMER_MS);
    let millis = u32::try_from(millis).unwrap_or(u32::MAX);
    race(work, gloo_timers::future::TimeoutFuture::new(millis)).await
}

/// Runs `work` against `timer`: `work`'s output if it finishes first, else
/// [`ApiError::Timeout`]. Both futures are dropped before this returns.
pub(crate) async fn race<F, T>(work: F, timer: T) -> Result<F::Output, ApiError>
where
    F: Future,
    T: Future,
{
    let work = pin!(work);
    let timer = pin!(timer);
    match select(work, timer).await {
        Either::Left((output, _timer)) => Ok(output),
        Either::Right((_, _work)) => Err(ApiError::Timeout),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::future::{pending, ready};
    use futures::FutureExt;
    use std::cell::Cell;
    use std::rc::Rc;

    /// Sets a flag when dropped, to see that the losing future is released.
    struct DropFlag(Rc<Cell<bool>>);
    impl Drop for DropFlag {
        fn drop(&mut self) {
            self.0.set(true);
        }
    }

    #[test]
    fn work_that_never_ends_times_out_and_is_dropped() {
        let dropped = Rc::new(Cell::new(false));
        let flag = DropFlag(dropped.clone());
        let work = async move {
            let _flag = flag;
            pending::<u8>().await
        };
        let out = race(work, ready(())).now_or_never();
        assert_eq!(out, Some(Err(ApiError::Timeout)));
        assert!(dropped.get());
    }

    #[test]
    fn finished_work_wins_over_a_pending_timer() {
        let out = race(ready(7), pending::<()>()).now_or_never();
        assert_eq!(out, Some(Ok(7)));
    }

    #[test]
    fn nothing_resolves_while_both_are_pending() {
        let out = race(pending::<u8>(), pending::<()>()).now_or_never();
        assert_eq!(out, None);
    }
}
