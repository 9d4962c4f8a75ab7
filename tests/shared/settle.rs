//! Waiting in browser tests for the page to settle after an action, shared by the support
//! modules whose fake `fetch` counts its answers still on their way in `window.__oaPending`.

/// Waits `ms`, then as long as a fake `fetch` answer is still on its way (never for one the
/// test made hang), then one more short tick so the widget has handled the last answer.
/// A slow machine thus cannot make a test read the page before the answer it waits for.
pub async fn sleep(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
    let pending = || {
        js_sys::eval("window.__oaPending || 0")
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0)
            > 0.0
    };
    if pending() {
        for _ in 0..150 {
            gloo_timers::future::TimeoutFuture::new(20).await;
            if !pending() {
                break;
            }
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
}
