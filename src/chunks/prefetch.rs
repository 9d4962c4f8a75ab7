//! Fetching chunks ahead of time, once the page is idle, so that a click does not wait.

use leptos::task::spawn_local;

use super::chunk::{Chunk, SPLIT};
use crate::api::calls_in_flight;

/// Fetches `chunks` one after the other once the page is idle (`requestIdleCallback`, else
/// a short `setTimeout`) and no call to the server is under way: on a slow link a chunk would
/// share it with the answer a person is waiting for (a sign-in sent the moment the wasm took
/// over). A failure is quiet: the view that needs the chunk fetches it again when shown, and
/// says so if that fails too. Does nothing in a build that is not split.
pub fn prefetch_when_idle(chunks: Vec<&'static Chunk>) {
    if !SPLIT || chunks.iter().all(|c| c.is_loaded()) {
        return;
    }
    when_idle(move || {
        spawn_local(async move {
            for chunk in chunks {
                wait_for_quiet().await;
                let _ = chunk.load().await;
            }
        })
    });
}

/// How often [`wait_for_quiet`] looks again while calls are under way.
const QUIET_POLL_MS: u32 = 250;

/// Resolves once no call to the server is under way (at once if none is). Wakes only while
/// one is: an idle widget fires no timer.
async fn wait_for_quiet() {
    while calls_in_flight() > 0 {
        gloo_timers::future::TimeoutFuture::new(QUIET_POLL_MS).await;
    }
}

/// Calls `f` once the browser is idle.
#[cfg(target_arch = "wasm32")]
fn when_idle(f: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    /// How long the browser may keep the prefetch waiting for an idle moment.
    const IDLE_TIMEOUT_MS: u32 = 2_000;
    /// Where `requestIdleCallback` is missing (Safari): wait this long instead.
    const FALLBACK_DELAY_MS: i32 = 300;

    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = Closure::once_into_js(f);
    let idle = js_sys::Reflect::get(&window, &JsValue::from_str("requestIdleCallback"))
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::Function>().ok());
    let scheduled = match idle {
        Some(request) => {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(
                &options,
                &JsValue::from_str("timeout"),
                &JsValue::from(IDLE_TIMEOUT_MS),
            );
            request.call2(&window, &callback, &options).is_ok()
        }
        None => false,
    };
    if !scheduled {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            callback.unchecked_ref(),
            FALLBACK_DELAY_MS,
        );
    }
}

/// Outside a browser there is nothing to wait for.
#[cfg(not(target_arch = "wasm32"))]
fn when_idle(f: impl FnOnce() + 'static) {
    f();
}
