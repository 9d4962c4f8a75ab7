//! Whether the page is visible (`document.visibilityState`), as a signal kept up to date by
//! a `visibilitychange` listener that is removed with the owner.

use leptos::prelude::*;

/// True unless the document says it is hidden (also true outside a browser).
pub fn page_visible() -> bool {
    crate::browser::window()
        .and_then(|w| w.document())
        .map(|d| d.visibility_state() != web_sys::VisibilityState::Hidden)
        .unwrap_or(true)
}

/// A signal of [`page_visible`], updated on every `visibilitychange` until the current owner
/// is cleaned up. The event bubbles from the document to the window, where it is heard.
pub fn use_page_visible() -> Signal<bool> {
    let visible = RwSignal::new(page_visible());
    if !crate::browser::IN_BROWSER {
        return visible.into();
    }
    let handle = window_event_listener_untyped("visibilitychange", move |_| {
        let now = page_visible();
        if visible.try_get_untracked() != Some(now) {
            visible.try_set(now);
        }
    });
    on_cleanup(move || handle.remove());
    visible.into()
}
