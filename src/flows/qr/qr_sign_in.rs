//! The web side of the QR sign-in: the live QR code and its states.

use leptos::prelude::*;

use super::machine::{QrMachine, QrPhase, QrTiming, DEFAULT_LIFETIME_SECS, POLL_INTERVAL_MS};
use super::poller::Poller;
use super::qr_image::QrImage;
use super::svg::qr_svg;
use super::template::{fill_qr_template, DEFAULT_QR_TEMPLATE};
use crate::api::QrPreSignInRequest;
use crate::clock::{Clock, SystemClock};
use crate::flows::context::use_login;
use crate::i18n::{message_for_error, use_i18n, Key};
use crate::ui::use_page_visible;
use crate::ui::FormError;
use crate::validate::url::is_http_url;

/// The scopes asked for unless the host says otherwise.
pub const DEFAULT_QR_SCOPES: &str = "openid profile";

/// The sentence of a phase.
fn phase_key(phase: QrPhase) -> Key {
    match phase {
        QrPhase::Preparing => Key::QrPreparing,
        QrPhase::Waiting => Key::QrWaiting,
        QrPhase::Scanned => Key::QrScanned,
        QrPhase::SignedIn => Key::QrSignedIn,
        QrPhase::Expired => Key::QrExpired,
        QrPhase::Failed => Key::QrFailed,
    }
}

/// The page's own origin (for a client whose server URL is the page's origin).
fn page_origin() -> String {
    crate::browser::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// Sign-in by QR code (API.md D4, D5): asks `QRCodePreSignIn` for a key, shows its QR code,
/// polls `QRCodeSignIn` about every 2 s and shows each state (preparing, waiting, scanned —
/// confirm on the phone —, signed in, expired with a button for a fresh code). The token goes
/// to the widget like every other sign-in. Use it inside `LoginWidget` / `provide_login`.
///
/// Polling runs only while `active` is true and the page is visible, and resumes with the same
/// key while it is valid; network trouble backs off (2 s, 4 s, 8 s … 30 s) with one request at
/// a time; nothing (timer or request) outlives the component.
///
/// ```no_run
/// use leptos::prelude::*;
/// use oauthapp_login::components::QrSignIn;
/// # fn demo(selected: RwSignal<bool>) -> impl IntoView {
/// view! { <QrSignIn active=selected scopes="openid phone" remark="Sign in to the demo" /> }
/// # }
/// ```
#[component]
pub fn QrSignIn(
    /// Whether the QR code is on screen (the QR tab is selected); polling pauses while false.
    #[prop(into, default = Signal::stored(true))]
    active: Signal<bool>,
    /// Space-separated scopes asked for ([`DEFAULT_QR_SCOPES`] unless said).
    #[prop(into, default = DEFAULT_QR_SCOPES.to_owned())]
    scopes: String,
    /// A note shown on the phone side, if any.
    #[prop(into, optional)]
    remark: Option<String>,
    /// What the QR code encodes, with `{serverUrl}`, `{appId}` and `{signInKey}`
    /// ([`DEFAULT_QR_TEMPLATE`](super::DEFAULT_QR_TEMPLATE), the demo's phone page, unless said).
    #[prop(into, optional)]
    template: Option<String>,
    /// How long a key is used before a fresh code is offered, in seconds (300 unless said; the
    /// server's 410 may end it sooner).
    #[prop(default = DEFAULT_LIFETIME_SECS)]
    lifetime_secs: u32,
    /// Milliseconds between polls and the first backoff step (2000 unless said).
    #[prop(default = POLL_INTERVAL_MS)]
    poll_interval_ms: u32,
) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_login();
    let client = ctx.client();
    let timing = QrTiming {
        poll_ms: poll_interval_ms.max(1),
        lifetime_ms: u64::from(lifetime_secs) * 1000,
        ..QrTiming::default()
    };
    let machine = RwSignal::new(QrMachine::new(timing));
    let phase = Memo::new(move |_| machine.with(QrMachine::phase));
    let key = Memo::new(move |_| machine.with(|m| m.key().cloned()));
    let retrying = Memo::new(move |_| machine.with(QrMachine::is_retrying));
    let failure = Memo::new(move |_| {
        machine.with(|m| match m.phase() {
            QrPhase::Failed => m.error().map(message_for_error),
            _ => None,
        })
    });

    let server_url = match client.server_url() {
        "" => page_origin(),
        url => url.to_owned(),
    };
    let template = template.unwrap_or_else(|| DEFAULT_QR_TEMPLATE.to_owned());
    let app_id = client.app_id();
    let link = Memo::new(move |_| {
        key.get()
            .map(|k| fill_qr_template(&template, &server_url, app_id, &k))
    });

    let request = QrPreSignInRequest {
        scopes,
        remark: remark.filter(|r| !r.trim().is_empty()),
    };
    let poller = Poller::default();
    let launch = {
        let poller = poller.clone();
        move || {
            poller.start(machine, client.clone(), request.clone(), move |token| {
                ctx.signed_in(token)
            });
        }
    };
    let visible = use_page_visible();
    {
        let poller = poller.clone();
        let launch = launch.clone();
        Effect::new(move |_| {
            if active.get() && visible.get() {
                machine.update_untracked(|m| m.resume(SystemClock.now_ms()));
                launch();
            } else {
                poller.stop();
            }
        });
    }
    {
        let poller = poller.clone();
        on_cleanup(move || poller.stop());
    }
    let refresh = Callback::new(move |()| {
        machine.update(QrMachine::restart);
        if active.get_untracked() && visible.get_untracked() {
            launch();
        }
    });

    let image = move || {
        let text = link.get()?;
        let label = i18n.text(Key::QrImageLabel);
        Some(match qr_svg(&text) {
            Some(code) => view! { <QrImage code=code label=label /> }.into_any(),
            None => {
                view! { <p class="oa-qr__cannot">{i18n.text(Key::QrCannotDraw)}</p> }.into_any()
            }
        })
    };
    let link_view = move || {
        let text = link.get()?;
        let target = is_http_url(&text).then(|| text.clone());
        Some(view! {
            <p class="oa-qr__link">
                <span class="oa-qr__link-hint">{i18n.text(Key::QrLinkHint)}</span>
                " "
                {match target {
                    Some(href) => view! {
                        <a class="oa-qr__link-url" href=href target="_blank" rel="noopener noreferrer">
                            {text}
                        </a>
                    }
                    .into_any(),
                    None => view! { <code class="oa-qr__link-url">{text}</code> }.into_any(),
                }}
            </p>
        })
    };

    view! {
        <div class=move || format!("oa-qr oa-qr--{}", phase.get().as_str()) data-state=move || phase.get().as_str()>
            <div class="oa-qr__frame" aria-busy=move || if phase.get() == QrPhase::Preparing { "true" } else { "false" }>
                {image}
            </div>
            <p class="oa-qr__state" role="status" aria-live="polite" aria-atomic="true">
                {move || i18n.t(phase_key(phase.get()))}
            </p>
            <p class="oa-qr__retrying" role="status" hidden=move || !retrying.get()>
                {i18n.text(Key::QrRetrying)}
            </p>
            <FormError error=failure />
            <Show when=move || matches!(phase.get(), QrPhase::Expired | QrPhase::Failed)>
                <button type="button" class="oa-button oa-button--primary oa-qr__refresh" on:click=move |_| refresh.run(())>
                    {i18n.text(Key::QrRefresh)}
                </button>
            </Show>
            {link_view}
        </div>
    }
}
