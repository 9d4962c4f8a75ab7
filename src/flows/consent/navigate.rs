//! Leaving the page: one function, so tests and hosts can intercept it.

use leptos::prelude::*;

/// Where the browser is sent: called with an absolute URL that already passed the checks of
/// [`check_redirect_uri`](crate::validate::url::check_redirect_uri).
pub type Navigator = Callback<String>;

/// The default [`Navigator`]: `window.location.assign(url)`.
pub fn browser_navigator() -> Navigator {
    Callback::new(|url: String| {
        if let Some(window) = crate::browser::window() {
            let _ = window.location().assign(&url);
        }
    })
}
