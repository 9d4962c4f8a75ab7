//! A demo third-party app: starts an authorization request, receives the answer at its own
//! `redirect_uri`, exchanges the code (Authorize, call 17) and shows the token's claims.
//!
//! URLs (same origin as the demo page): the app lives at `<page>?view=thirdparty`; it links to
//! `<page>?view=consent&redirect_uri=<page>?view=thirdparty&scope=…&state=…&app_name=…`, and
//! the consent screen sends the browser back to `<page>?view=thirdparty&code=…&state=…` (or
//! `&error=access_denied&state=…`).

use leptos::prelude::*;

use crate::api::{pkce, Client, Token};
use crate::flows::consent::AuthRequest;
use crate::flows::context::LoginCtx;
use crate::i18n::{message_for_error, use_i18n, Key, Message};
use crate::session::claim_list;
use crate::storage::keys::{read_migrating, LEGACY_THIRDPARTY_STATE};
use crate::storage::{StorageBackend, TabStorage};

/// The `sessionStorage` key holding the `state` of the request in flight.
pub const STATE_KEY: &str = crate::storage::keys::THIRDPARTY_STATE;

/// The `sessionStorage` key holding the PKCE verifier of the request in flight.
const VERIFIER_KEY: &str = crate::storage::keys::THIRDPARTY_VERIFIER;

/// What the demo shows.
#[derive(Clone, Debug, PartialEq)]
enum Stage {
    /// Nothing asked yet: the start link.
    Start,
    /// A code arrived and is being exchanged.
    Exchanging,
    /// The token arrived: its lifetime and claims.
    Done(Option<i64>, Vec<(String, String)>),
    /// The person refused.
    Denied,
    /// Something went wrong.
    Failed(Message),
}

/// The demo third-party app.
#[component]
pub fn ThirdPartyDemo(
    /// The client of the server and app (the widget's when not given).
    #[prop(optional)]
    client: Option<Client>,
    /// The scopes asked for (`openid profile phone email` unless said).
    #[prop(optional, into)]
    scopes: Option<String>,
    /// The page's query to read the answer from (`window.location.search` unless said).
    #[prop(optional, into)]
    search: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = client
        .or_else(|| use_context::<LoginCtx>().map(|c| c.client()))
        .unwrap_or_else(|| Client::new("", 0));
    let scopes = scopes.unwrap_or_else(|| "openid profile phone email".to_owned());
    let search = search.unwrap_or_else(|| {
        crate::browser::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default()
    });
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
    let get = |name: &str| params.as_ref().and_then(|p| p.get(name));
    let stage = RwSignal::new(Stage::Start);

    let expected = take_state();
    let verifier = take_verifier();
    let state_ok = get("state").is_some() && get("state") == expected;
    if get("error").is_some() {
        stage.set(if state_ok {
            Stage::Denied
        } else {
            Stage::Failed(Message::Key(Key::ThirdStateMismatch))
        });
    } else if let Some(code) = get("code") {
        if state_ok {
            stage.set(Stage::Exchanging);
            let exchange = Action::new_local(move |code: &String| {
                let code = code.clone();
                let client = i18n.localize(&client);
                let verifier = verifier.clone();
                async move {
                    let next = match client.authorize_pkce(&code, verifier.as_deref()).await {
                        Ok(token) => done(&token),
                        Err(e) => Stage::Failed(message_for_error(&e)),
                    };
                    stage.try_set(next);
                }
            });
            exchange.dispatch_local(code);
        } else {
            stage.set(Stage::Failed(Message::Key(Key::ThirdStateMismatch)));
        }
    }

    let app_name = move || i18n.t(Key::ThirdTitle);
    let state_value = StoredValue::new(random_state());
    // PKCE: the verifier stays in this tab; only its challenge goes into the link.
    let verifier_value = StoredValue::new(pkce::verifier_from(&random_bytes::<32>()));
    let start_href = move || {
        let (base, here) = page_urls();
        let request = AuthRequest {
            redirect_uri: here,
            scopes: scopes.clone(),
            state: Some(state_value.get_value()),
            code_challenge: Some(pkce::code_challenge(&verifier_value.get_value())),
            app_name: Some(app_name()),
            app_description: Some(i18n.t(Key::ThirdIntro)),
            ..AuthRequest::default()
        };
        format!("{base}?{}", request.to_search(Some("consent")))
    };
    let remember = move |_| {
        store_state(&state_value.get_value());
        let _ = TabStorage.set(VERIFIER_KEY, &verifier_value.get_value());
    };

    view! {
        <section class="oa-thirdparty" aria-labelledby="oa-thirdparty-title">
            <h2 class="oa-thirdparty__title" id="oa-thirdparty-title">{app_name}</h2>
            <p class="oa-thirdparty__intro">{i18n.text(Key::ThirdIntro)}</p>
            <div class="oa-thirdparty__result" role="status" aria-live="polite">
                {move || match stage.get() {
                    Stage::Start => ().into_any(),
                    Stage::Exchanging => view! {
                        <p class="oa-thirdparty__busy">{i18n.text(Key::ThirdExchanging)}</p>
                    }
                    .into_any(),
                    Stage::Denied => view! {
                        <p class="oa-thirdparty__denied">{i18n.text(Key::ThirdDenied)}</p>
                    }
                    .into_any(),
                    Stage::Failed(m) => view! { <p class="oa-form__error oa-thirdparty__error" role="alert">{i18n.render(&m)}</p> }
                        .into_any(),
                    Stage::Done(expires, claims) => view! {
                        <p class="oa-thirdparty__done">{i18n.text(Key::ThirdDone)}</p>
                        {expires.map(|n| view! {
                            <p class="oa-thirdparty__expires">
                                {move || i18n.render(&Message::With(Key::ThirdExpires, vec![("n", n.to_string())]))}
                            </p>
                        })}
                        <dl class="oa-thirdparty__claims">
                            {claims
                                .into_iter()
                                .map(|(k, v)| {
                                    let name = k.clone();
                                    view! {
                                    <div class="oa-thirdparty__claim" data-claim=name>
                                        <dt>{k}</dt>
                                        <dd>{v}</dd>
                                    </div>
                                    }
                                })
                                .collect_view()}
                        </dl>
                    }
                    .into_any(),
                }}
            </div>
            <a class="oa-button oa-button--primary oa-thirdparty__start" href=start_href on:click=remember>
                {move || i18n.t(if stage.get() == Stage::Start { Key::ThirdStart } else { Key::ThirdAgain })}
            </a>
        </section>
    }
}

/// The demo's stage after a token arrived.
fn done(token: &Token) -> Stage {
    let claims = claim_list(&token.access_token).unwrap_or_default();
    Stage::Done(token.expires_in, claims)
}

/// The page without its query (for the consent view) and the demo's own `redirect_uri`.
fn page_urls() -> (String, String) {
    let location = crate::browser::window().map(|w| w.location());
    let origin = location
        .as_ref()
        .and_then(|l| l.origin().ok())
        .unwrap_or_default();
    let path = location
        .as_ref()
        .and_then(|l| l.pathname().ok())
        .unwrap_or_else(|| "/".to_owned());
    let base = format!("{origin}{path}");
    let here = format!("{base}?view=thirdparty");
    (base, here)
}

/// The PKCE verifier of the request in flight, forgotten once read.
fn take_verifier() -> Option<String> {
    let value = TabStorage.get(VERIFIER_KEY).ok().flatten();
    let _ = TabStorage.remove(VERIFIER_KEY);
    value
}

/// `N` random bytes from `crypto.getRandomValues` (for the `state` and the PKCE verifier).
fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    let filled = crate::browser::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    if !filled {
        // No Web Crypto (not expected in a browser): still differs per request.
        for (i, chunk) in bytes.chunks_mut(8).enumerate() {
            let seed = if i == 0 {
                js_sys::Date::now()
            } else {
                js_sys::Math::random()
            };
            let seed = seed.to_bits().to_le_bytes();
            chunk.copy_from_slice(&seed[..chunk.len()]);
        }
    }
    bytes
}

/// A fresh unguessable `state`: 16 random bytes as hex.
fn random_state() -> String {
    random_bytes::<16>()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Remembers the `state` of the request being started, in this tab.
fn store_state(state: &str) {
    let _ = TabStorage.set(STATE_KEY, state);
}

/// The `state` of the request in flight, forgotten once read (an answer is used once).
fn take_state() -> Option<String> {
    let value = read_migrating(&TabStorage, STATE_KEY, LEGACY_THIRDPARTY_STATE)
        .ok()
        .flatten();
    let _ = TabStorage.remove(STATE_KEY);
    value
}
