//! What every signed-in page reads from the server, loaded the same way: an effect that runs
//! the call again when what it reads changes, the newest answer shown as a [`Load`] state.
//!
//! Not a Leptos `LocalResource`: that brought its async-derived machinery (an async mutex,
//! event listeners, about 25 KB of raw wasm) into a module whose first problem is its weight,
//! for what one effect and a sequence number do here.

use std::future::Future;

use leptos::prelude::*;

use super::access::{Access, Load};
use crate::api::{ApiError, Client};

/// Something a signed-in page reads: its [`Load`] state and the way to read it again.
/// Cheap to copy.
pub struct Loader<T: Send + Sync + 'static> {
    /// What the page shows (the page may also change it, e.g. to drop a revoked row).
    pub state: RwSignal<Load<T>>,
    /// Bumped to read again.
    again: RwSignal<u64>,
}

impl<T: Send + Sync + 'static> Clone for Loader<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Loader<T> {}

impl<T: Clone + Send + Sync + 'static> Loader<T> {
    /// Reads with `fetch` at once, and again after [`Loader::reload`] or when a signal that
    /// `fetch` reads before its first `.await` changes (a filter, a page number); only the
    /// newest answer is shown. A failure shows the sentence of [`Access::fail`] (a 401 also
    /// signs out). An answer for which `keep` is false is not shown: the page has asked for
    /// another one meanwhile (e.g. it went to the last page that exists).
    pub fn new<F, Fut>(access: Access, fetch: F, keep: impl Fn(&T) -> bool + 'static) -> Self
    where
        F: Fn(Client) -> Fut + 'static,
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        let state = RwSignal::new(Load::Loading);
        let again = RwSignal::new(0u64);
        // The number of the newest call: an answer to an older one is dropped.
        let newest = StoredValue::new(0u64);
        let keep = std::rc::Rc::new(keep);
        Effect::new(move || {
            again.track();
            let answer = fetch(access.client());
            let n = newest.get_value() + 1;
            newest.set_value(n);
            state.set(Load::Loading);
            let keep = keep.clone();
            leptos::task::spawn_local(async move {
                let answer = answer.await;
                if newest.try_get_value() != Some(n) {
                    return;
                }
                let next = match answer {
                    Ok(value) if keep(&value) => Load::Ready(value),
                    Ok(_) => return,
                    Err(e) => Load::Failed(access.fail(&e)),
                };
                state.try_set(next);
            });
        });
        Loader { state, again }
    }

    /// Reads again (the state goes back to loading).
    pub fn reload(&self) {
        self.again.update(|n| *n += 1);
    }
}
