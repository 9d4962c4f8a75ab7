//! The demo page (`trunk serve`): the widget against the reference server, with a language
//! and theme switch and the codes the server "sent". Not part of the library's API surface
//! that hosts use; it shows every view working end to end.

mod outbox;
mod toolbar;

use leptos::prelude::*;

use crate::components::LoginWidget;
use crate::i18n::Lang;
use outbox::OutboxPanel;
use toolbar::{DemoTheme, Toolbar};

/// The application id the demo uses (built into the reference server).
pub const DEMO_APP_ID: u64 = 2;

/// The demo page. The API is on the page's own origin: `trunk serve` proxies `/api` and
/// `/dev` to the reference server, and the server's `--static` serves the built page.
#[component]
pub fn DemoApp() -> impl IntoView {
    let lang = RwSignal::new(Lang::detect());
    let theme = RwSignal::new(DemoTheme::System);
    let server_url = page_origin();

    let widget = move || {
        let url = server_url.clone();
        let lang = lang.get();
        match theme.get().forced() {
            Some(theme) => view! {
                <LoginWidget server_url=url app_id=DEMO_APP_ID lang=lang theme=theme
                    show_guest=true allow_international=true />
            }
            .into_any(),
            None => view! {
                <LoginWidget server_url=url app_id=DEMO_APP_ID lang=lang
                    show_guest=true allow_international=true />
            }
            .into_any(),
        }
    };

    view! {
        <div class="oa-demo" data-oa-ready="true">
            <header class="oa-demo__header">
                <h1 class="oa-demo__title">"OAuthApp Login"</h1>
                <Toolbar lang=lang theme=theme />
            </header>
            <main class="oa-demo__main">{widget}</main>
            <OutboxPanel />
        </div>
    }
}

/// The page's origin (`http://127.0.0.1:8080`), or "" outside a browser.
fn page_origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}
