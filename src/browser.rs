//! The browser, when there is one: the widget also renders outside a browser (the drop-in's
//! first view is rendered to HTML at build time, and native tests run its logic), where
//! `web_sys` calls would panic.

/// Whether this build runs in a browser (wasm32), where `window` and its APIs exist.
pub const IN_BROWSER: bool = cfg!(target_arch = "wasm32");

/// The page's `window`: `None` outside a browser, or in a worker.
pub fn window() -> Option<web_sys::Window> {
    if IN_BROWSER {
        web_sys::window()
    } else {
        None
    }
}
