//! The phone side of the QR sign-in, playing the mini-program's part (for the demo and tests):
//! opened at the URL the QR code encodes, it scans the key, shows the application card, and
//! confirms for the unionID/openid and nickname typed in.

use std::time::Duration;

use leptos::prelude::*;

use super::app_card::AppCardView;
use super::params::{app_id_from_text, key_from_text, query_param};
use crate::api::{AppCard, Client, QrSignUpRequest, SignInKey, Token};
use crate::i18n::{message_for_error, provide_i18n, Key, Lang, Message, Overrides};
use crate::ui::FormError;
use crate::ui::SubmitButton;
use crate::ui::{focus_first_invalid, Field, FieldState};
use crate::validate::{nickname, Checked};

/// The longest unionID the reference server accepts.
pub const MAX_UNION_ID: usize = 128;

/// A unionID/openid: required, at most [`MAX_UNION_ID`] characters, no control characters;
/// spaces around it are removed.
pub fn union_id(input: &str) -> Checked {
    let value = input.trim();
    if value.is_empty() {
        Err(Message::Key(Key::ValidateRequired))
    } else if value.chars().count() > MAX_UNION_ID || value.chars().any(char::is_control) {
        Err(Message::with_n(
            Key::QrPhoneUnionIdLong,
            MAX_UNION_ID as u64,
        ))
    } else {
        Ok(value.to_owned())
    }
}

/// What the page shows.
#[derive(Clone, Debug, PartialEq)]
enum Stage {
    /// The address lacks `appId` or `signInKey`.
    Missing,
    /// `QRCodeScan` is under way.
    Loading,
    /// `QRCodeScan` failed (expired or unknown key, network…).
    ScanFailed(Message),
    /// The card, and the form to confirm.
    Card(AppCard),
    /// Confirmed for this name.
    Done(String),
}

/// The page's query string (`location.search`), empty outside a browser.
fn page_search() -> String {
    crate::browser::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The phone page of a QR sign-in. `appId` and `signInKey` come from the props or else from
/// the address (`?view=phone&appId=2&signInKey=19`, the default QR template). It calls
/// `QRCodeScan` at once (the web side then shows "confirm on your phone"), shows the card,
/// and `QRCodeSignUp` confirms for the unionID/openid typed in (creating the user if new).
///
/// ```no_run
/// use leptos::prelude::*;
/// use oauthapp_login::components::QrPhonePage;
/// # fn demo() -> impl IntoView {
/// view! { <QrPhonePage /> } // reads ?appId=…&signInKey=… and calls the page's own origin
/// # }
/// ```
#[component]
pub fn QrPhonePage(
    /// The server (empty: the page's own origin, which is where the default template points).
    #[prop(into, optional)]
    server_url: String,
    /// The application id (the address's `appId` unless said).
    #[prop(optional)]
    app_id: Option<u64>,
    /// The key shown by the web side (the address's `signInKey` unless said).
    #[prop(into, optional)]
    sign_in_key: Option<String>,
    /// The language (from `navigator.languages` unless said); a signal is followed in place.
    #[prop(optional, into)]
    lang: MaybeProp<Lang>,
    /// Replacements for any string.
    #[prop(optional)]
    strings: Overrides,
    /// The time after which a call is abandoned (the client's 15 s unless said).
    #[prop(optional)]
    timeout: Option<Duration>,
    /// Called with the token the phone side gets once it has confirmed.
    #[prop(optional)]
    on_confirmed: Option<Callback<Token>>,
) -> impl IntoView {
    let i18n = provide_i18n(lang.get_untracked(), strings);
    i18n.follow(lang);
    let search = page_search();
    let app_id =
        app_id.or_else(|| query_param(&search, "appId").and_then(|a| app_id_from_text(&a)));
    let key = sign_in_key
        .or_else(|| query_param(&search, "signInKey"))
        .and_then(|k| key_from_text(&k));
    let target: Option<(Client, SignInKey)> = app_id.zip(key).map(|(id, key)| {
        let client = Client::new(&server_url, id);
        let client = match timeout {
            Some(t) => client.with_timeout(t),
            None => client,
        };
        (client, key)
    });
    let stage = RwSignal::new(match target {
        Some(_) => Stage::Loading,
        None => Stage::Missing,
    });
    let target = StoredValue::new(target);

    let scan = Action::new_local(move |_: &()| {
        let target = target.get_value();
        async move {
            let Some((client, key)) = target else {
                return;
            };
            let next = match i18n.localize(&client).qr_scan(&key).await {
                Ok(card) => Stage::Card(card),
                Err(e) => Stage::ScanFailed(message_for_error(&e)),
            };
            stage.try_set(next);
        }
    });
    if target.with_value(Option::is_some) {
        scan.dispatch_local(());
    }

    let union = FieldState::new();
    let nick = FieldState::new();
    let error = RwSignal::new(None::<Message>);
    let confirm = Action::new_local(move |req: &QrSignUpRequest| {
        let req = req.clone();
        let client = target.get_value().map(|(c, _)| i18n.localize(&c));
        async move {
            let Some(client) = client else {
                return;
            };
            let shown = req
                .nick_name
                .clone()
                .unwrap_or_else(|| req.union_id.clone());
            match client.qr_sign_up(&req).await {
                Ok(token) => {
                    stage.try_set(Stage::Done(shown));
                    if let Some(cb) = on_confirmed {
                        cb.run(token);
                    }
                }
                Err(e) => {
                    error.try_set(Some(message_for_error(&e)));
                }
            }
        }
    });
    let busy = confirm.pending();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        error.set(None);
        let id = union.check(union_id);
        let name = nick.check(nickname);
        let (Some(id), Some(name), Some((_, key))) = (id, name, target.get_value()) else {
            focus_first_invalid(&[union, nick]);
            return;
        };
        let mut req = QrSignUpRequest::new(id, key);
        req.nick_name = Some(name).filter(|n| !n.is_empty());
        confirm.dispatch_local(req);
    };
    let retry = move |_| {
        stage.set(Stage::Loading);
        scan.dispatch_local(());
    };

    let body = move || {
        match stage.get() {
        Stage::Missing => view! {
            <p class="oa-form__error" role="alert">{i18n.text(Key::QrPhoneMissing)}</p>
        }
        .into_any(),
        Stage::Loading => view! {
            <p class="oa-qr-phone__loading" role="status">{i18n.text(Key::QrPhoneLoading)}</p>
        }
        .into_any(),
        Stage::ScanFailed(message) => view! {
            <p class="oa-form__error" role="alert">{i18n.render(&message)}</p>
            <button type="button" class="oa-button oa-button--secondary oa-qr-phone__retry" on:click=retry>
                {i18n.text(Key::QrPhoneRetry)}
            </button>
        }
        .into_any(),
        Stage::Card(card) => view! {
            <AppCardView card=card />
            <form class="oa-form oa-qr-phone__form" novalidate on:submit=on_submit>
                <Field state=union name="unionId" label=Key::QrPhoneUnionId disabled=busy />
                <Field state=nick name="nickName" label=Key::FieldNickname autocomplete="nickname" disabled=busy />
                <FormError error=error />
                <SubmitButton label=Signal::derive(move || if busy.get() { Key::QrPhoneConfirming } else { Key::QrPhoneConfirm }) busy=busy class="oa-submit oa-qr-phone__confirm" />
            </form>
        }
        .into_any(),
        Stage::Done(name) => view! {
            <p class="oa-qr-phone__done" role="status">
                {move || i18n.render(&Message::with_name(Key::QrPhoneDone, name.clone()))}
            </p>
        }
        .into_any(),
    }
    };

    view! {
        <section class="oa-widget oa-qr-phone" lang=move || i18n.lang().tag()>
            <h1 class="oa-form__title oa-qr-phone__title">{i18n.text(Key::QrPhoneTitle)}</h1>
            {body}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn union_ids_are_required_and_bounded() {
        assert_eq!(union_id("  oXyz-123 "), Ok("oXyz-123".to_owned()));
        assert_eq!(union_id(" "), Err(Message::Key(Key::ValidateRequired)));
        let long = "x".repeat(MAX_UNION_ID + 1);
        assert_eq!(
            union_id(&long),
            Err(Message::with_n(Key::QrPhoneUnionIdLong, 128))
        );
        assert!(union_id(&"x".repeat(MAX_UNION_ID)).is_ok());
        assert!(union_id("a\u{7}b").is_err());
    }
}
