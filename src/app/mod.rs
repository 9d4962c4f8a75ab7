//! The demo page (`trunk serve`): every view of the widget against the reference server,
//! with a language and theme switch and the codes the server "sent". Not part of the
//! library's API surface that hosts use; it shows every view working end to end.
//!
//! Views, by the URL's `view` query: none (the sign-in widget, then the signed-in pages),
//! `phone` (the QR code's phone side), `consent` (the OAuth consent screen) and `thirdparty`
//! (a third-party app that runs the OAuth code flow).

mod frame;
mod outbox;
mod query;
mod third_party;
mod toolbar;

use leptos::prelude::*;

use crate::api::Client;
use crate::flows::code::countdown::DEFAULT_COUNTDOWN_SECS;
use crate::flows::{AuthRequest, ConsentScreen, LoginWidget, QrPhonePage};
use crate::i18n::Lang;
use frame::Framed;
use outbox::OutboxPanel;
use query::DemoQuery;
use toolbar::{DemoTheme, Toolbar};

pub use third_party::{ThirdPartyDemo, STATE_KEY};

/// The application id the demo uses (built into the reference server).
pub const DEMO_APP_ID: u64 = 2;

/// The demo page. The API is on the page's own origin: `trunk serve` proxies `/api` and
/// `/dev` to the reference server, and the server's `--static` serves the built page.
#[component]
pub fn DemoApp() -> impl IntoView {
    let query = DemoQuery::from_page();
    let lang = RwSignal::new(query.lang.unwrap_or_else(Lang::detect));
    let countdown = query.countdown.unwrap_or(DEFAULT_COUNTDOWN_SECS);
    let theme = RwSignal::new(DemoTheme::System);
    let server_url = page_origin();
    let view_name = query.view.unwrap_or_default();

    // Every view follows the toolbar's language and theme in place: what was typed stays.
    let forced = Signal::derive(move || theme.get().forced());
    // The views ask the server for the language shown at each call.
    let client = Client::new(&server_url, DEMO_APP_ID);
    let content = match view_name.as_str() {
        "phone" => view! { <QrPhonePage server_url=server_url lang=lang /> }.into_any(),
        "consent" => view! {
            <Framed lang=lang theme=forced>
                <ConsentScreen request=AuthRequest::from_query() client=client />
            </Framed>
        }
        .into_any(),
        "thirdparty" => view! {
            <Framed lang=lang theme=forced>
                <ThirdPartyDemo client=client />
            </Framed>
        }
        .into_any(),
        _ => view! {
            <LoginWidget server_url=server_url app_id=DEMO_APP_ID lang=lang theme=forced
                countdown_secs=countdown show_guest=true allow_international=true
                account_pages=true />
        }
        .into_any(),
    };

    view! {
        <div class="oa-demo" data-oa-ready="true">
            <header class="oa-demo__header">
                <h1 class="oa-demo__title">"OAuthApp Login"</h1>
                <nav class="oa-demo__nav" aria-label="Demo views · 演示页面">
                    <a href="./">"Sign-in widget · 登录组件"</a>
                    <a href="./?view=thirdparty">"Third-party app (OAuth) · 第三方应用"</a>
                </nav>
                <Toolbar lang=lang theme=theme />
            </header>
            <main class="oa-demo__main">{content}</main>
            <OutboxPanel />
        </div>
    }
}

/// The page's origin (`http://127.0.0.1:8080`), or "" outside a browser.
fn page_origin() -> String {
    crate::browser::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}
