//! The demo page's root component.

use leptos::prelude::*;

/// The demo page: what the widget is and what is coming.
#[component]
pub fn DemoApp() -> impl IntoView {
    view! {
        <main class="oa-demo" data-oa-ready="true">
            <h1>"OAuthApp Login"</h1>
            <p>"The sign-in widget is being built. This page is its demo."</p>
        </main>
    }
}
