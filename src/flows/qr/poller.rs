//! Runs a [`QrMachine`] in the browser: one step at a time (so at most one request is in
//! flight), as a task that can be stopped at any point. Stopping drops the task's future,
//! which clears its pending timer and aborts its pending request (the client aborts a fetch
//! whose future is dropped).

use std::sync::{Arc, Mutex};

use futures::future::{abortable, AbortHandle};
use leptos::prelude::*;

use super::machine::{QrMachine, QrStep};
use crate::api::{Client, QrPreSignInRequest, Token};
use crate::clock::{Clock, SystemClock};

/// The one running task of a QR sign-in, if any. Cheap to clone; all clones share the task.
#[derive(Clone, Default)]
pub struct Poller {
    task: Arc<Mutex<Option<AbortHandle>>>,
}

impl Poller {
    /// Stops the running task, if any (its timer is cleared and its request aborted).
    pub fn stop(&self) {
        let handle = match self.task.lock() {
            Ok(mut slot) => slot.take(),
            Err(_) => None,
        };
        if let Some(handle) = handle {
            handle.abort();
        }
    }

    /// Stops any running task and starts a new one driving `machine` with `client`; calls
    /// `on_token` once the phone side confirms.
    pub fn start(
        &self,
        machine: RwSignal<QrMachine>,
        client: Client,
        request: QrPreSignInRequest,
        on_token: impl Fn(Token) + 'static,
    ) {
        self.stop();
        let (task, handle) = abortable(run(machine, client, request, on_token));
        if let Ok(mut slot) = self.task.lock() {
            *slot = Some(handle);
        }
        leptos::task::spawn_local(async move {
            let _ = task.await;
        });
    }
}

/// The loop: ask the machine for a step, do it, report, until it is idle or its owner is gone.
async fn run(
    machine: RwSignal<QrMachine>,
    client: Client,
    request: QrPreSignInRequest,
    on_token: impl Fn(Token),
) {
    let now = || SystemClock.now_ms();
    loop {
        let Some(step) = machine.try_update(|m| m.next_step(now())) else {
            return;
        };
        match step {
            QrStep::Idle => return,
            QrStep::Wait(ms) => gloo_timers::future::TimeoutFuture::new(ms).await,
            QrStep::PreSignIn => {
                let result = client.qr_pre_sign_in(&request).await;
                if machine
                    .try_update(|m| m.key_issued(result, now()))
                    .is_none()
                {
                    return;
                }
            }
            QrStep::Poll(key) => {
                let result = client.qr_sign_in(&key).await;
                match machine.try_update(|m| m.polled(result, now())) {
                    None => return,
                    Some(Some(token)) => {
                        on_token(token);
                        return;
                    }
                    Some(None) => {}
                }
            }
        }
    }
}
