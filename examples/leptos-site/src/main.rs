//! A small Leptos site using the `oauthapp-login` components: a header that follows the
//! session, and the sign-in widget configured through its props.

use leptos::prelude::*;
use oauthapp_login::api::{Client, Token};
use oauthapp_login::components::{LoginTab, LoginWidget};
use oauthapp_login::i18n::Lang;
use oauthapp_login::session::{provide_session, Claims, TokenStore};

/// The API server: empty means this page's own origin (Trunk proxies `/api` to it).
const SERVER_URL: &str = "";
/// The application id (the reference server's built-in app).
const APP_ID: u64 = 2;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(Site);
}

/// The site: the header knows who is signed in because it shares the widget's session.
#[component]
fn Site() -> impl IntoView {
    // Provided above the widget, so the widget and the header use the same session.
    let session = provide_session(TokenStore::for_client(&Client::new(SERVER_URL, APP_ID)));
    let greeting = move || {
        session
            .claims()
            .get()
            .and_then(|c| c.display_name().map(str::to_owned))
            .map(|name| format!("Hello, {name}"))
            .unwrap_or_else(|| "Not signed in".to_owned())
    };
    let last_event = RwSignal::new(String::new());
    let on_login = Callback::new(move |(_token, claims): (Token, Claims)| {
        let how = claims.grant_type.unwrap_or_default();
        last_event.set(format!("Signed in ({how})"));
    });
    let on_logout = Callback::new(move |()| last_event.set("Signed out".to_owned()));

    view! {
        <header class="site__header">
            <strong>"My Leptos site"</strong>
            <span class="site__who">{greeting}</span>
        </header>
        <main class="site__main">
            <LoginWidget
                server_url=SERVER_URL
                app_id=APP_ID
                tabs=vec![LoginTab::Account, LoginTab::Phone, LoginTab::Email]
                lang=Lang::En
                countdown_secs=60
                show_guest=true
                on_login=on_login
                on_logout=on_logout
            />
            <p class="site__event" aria-live="polite">{move || last_event.get()}</p>
        </main>
    }
}
