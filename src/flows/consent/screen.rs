//! The OAuth consent screen: who asks, for what, where the answer goes; the person proves who
//! they are and allows (GrantCode, call 16) or denies.

use leptos::prelude::*;

use super::navigate::{browser_navigator, Navigator};
use super::request::{AuthRequest, GrantKind};
use super::scopes::{scope_key, scope_list};
use crate::api::{Client, Grant, GrantCodeRequest};
use crate::flows::context::LoginCtx;
use crate::i18n::{message_for_error, use_i18n, Key, Message};
use crate::options::LoginConfig;
use crate::ui::unique_id;
use crate::ui::FormError;
use crate::ui::{focus_first_invalid, guarded_submit, Field, FieldState};
use crate::ui::{ChoiceGroup, SubmitButton};
use crate::validate::url::{check_redirect_uri, safe_image_url, with_query, UrlRefusal};
use crate::validate::{self, Checked};

/// The consent screen for `request`.
///
/// A `redirect_uri` that is not a well-formed `http(s)` URL is refused on screen and never
/// followed (D8). Otherwise Allow asks for a grant code and sends the browser to
/// `redirect_uri?code=…&state=…`; Deny sends it to `redirect_uri?error=access_denied&state=…`
/// (`state` only when the request had one). Needs the i18n context; the client comes from the
/// prop, else from the sign-in widget's context.
#[component]
pub fn ConsentScreen(
    /// The authorization request (see [`AuthRequest::from_query`]).
    request: AuthRequest,
    /// The client of the server and app (the widget's when not given).
    #[prop(optional)]
    client: Option<Client>,
    /// How the browser leaves the page (`window.location.assign` when not given).
    #[prop(optional)]
    navigate: Option<Navigator>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_context::<LoginCtx>();
    let client = client
        .or_else(|| ctx.map(|c| c.client()))
        .unwrap_or_else(|| Client::new("", 0));
    let config = ctx.map(|c| c.config()).unwrap_or_default();
    let navigate = navigate.unwrap_or_else(browser_navigator);
    let title_id = unique_id("consent-title");

    let app_name = request.app_name.clone();
    let title = move || {
        let name = app_name
            .clone()
            .unwrap_or_else(|| i18n.t(Key::ConsentUnknownApp));
        i18n.render(&Message::with_name(Key::ConsentTitle, name))
    };
    let logo = request.app_logo.as_deref().and_then(safe_image_url);
    let header = view! {
        <header class="oa-consent__app">
            {logo.map(|src| view! { <img class="oa-consent__logo" src=src alt="" width="48" height="48" /> })}
            <h2 class="oa-consent__title" id=title_id.clone()>{title}</h2>
        </header>
        {request.app_description.clone().map(|d| view! { <p class="oa-consent__description">{d}</p> })}
    };

    let body = match check_redirect_uri(&request.redirect_uri) {
        Err(refusal) => {
            let key = match refusal {
                UrlRefusal::Empty => Key::ConsentNoRedirect,
                UrlRefusal::NotHttp | UrlRefusal::Malformed => Key::ConsentBadRedirect,
            };
            view! { <p class="oa-form__error oa-consent__refused" role="alert">{move || i18n.t(key)}</p> }
                .into_any()
        }
        Ok(target) => view! {
            <ConsentForm
                request=request
                href=target.href
                host=target.host
                client=client
                config=config
                navigate=navigate
            />
        }
        .into_any(),
    };

    view! {
        <section class="oa-consent" aria-labelledby=title_id>
            {header}
            {body}
        </section>
    }
}

/// The scopes, the return host and the form of a request whose `redirect_uri` passed.
#[component]
fn ConsentForm(
    request: AuthRequest,
    href: String,
    host: String,
    client: Client,
    config: LoginConfig,
    navigate: Navigator,
) -> impl IntoView {
    let i18n = use_i18n();
    let kinds = request.grant_types.clone();
    let kind = RwSignal::new(kinds.first().copied().unwrap_or(GrantKind::Account));
    let user = FieldState::new();
    let pwd = FieldState::new();
    let union_id = FieldState::new();
    let platform = FieldState::new();
    platform.value.set(config.guest_platform.clone());
    let days = FieldState::new();
    days.value.set("1".to_owned());
    let error = RwSignal::new(None::<Message>);
    let leaving = RwSignal::new(false);
    let state = request.state.clone();
    let scopes = request.scopes.clone();
    let code_challenge = request.code_challenge.clone();

    let go = StoredValue::new((href.clone(), state.clone()));
    let leave = move |pairs: Vec<(&'static str, String)>| {
        let (href, state) = go.get_value();
        let mut params: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        if let Some(s) = &state {
            params.push(("state", s));
        }
        match with_query(&href, &params) {
            Some(url) => {
                leaving.set(true);
                navigate.run(url);
            }
            None => error.set(Some(Message::Key(Key::ConsentBadRedirect))),
        }
    };

    let grant = Action::new_local(move |req: &GrantCodeRequest| {
        let req = req.clone();
        let client = i18n.localize(&client);
        async move {
            match client.grant_code(&req).await {
                Ok(g) => leave(vec![("code", g.code)]),
                Err(e) => {
                    error.try_set(Some(message_for_error(&e)));
                }
            }
        }
    });
    let busy = grant.pending();
    let locked = Signal::derive(move || busy.get() || leaving.get());

    let allow_intl = config.allow_international;
    let on_submit = guarded_submit(locked, error, move || {
        let k = kind.get_untracked();
        let d = days.read(validate::days);
        let g = match k {
            GrantKind::UnionId => {
                let u = union_id.check(validate::required);
                let p = platform.check(validate::required);
                u.zip(p)
                    .map(|(union_id, platform)| Grant::UnionId { union_id, platform })
            }
            _ => {
                let check: fn(&str, bool) -> Checked = match k {
                    GrantKind::Phone => validate::phone,
                    GrantKind::Email => |v, _| validate::email(v),
                    _ => validate::sign_in_name,
                };
                let u = user.check(|v| check(v, allow_intl));
                let p = pwd.check(validate::required_pwd);
                u.zip(p).map(|(user_name, password)| match k {
                    GrantKind::Phone => Grant::Phone {
                        user_name,
                        password,
                    },
                    GrantKind::Email => Grant::Email {
                        user_name,
                        password,
                    },
                    _ => Grant::Account {
                        user_name,
                        password,
                    },
                })
            }
        };
        match (g, d) {
            (Some(grant_), Some(days)) => {
                grant.dispatch_local(GrantCodeRequest {
                    grant: grant_,
                    scopes: scopes.clone(),
                    redirect_uri: href.clone(),
                    expire_in_days: Some(days),
                    code_challenge: code_challenge.clone(),
                });
            }
            _ => {
                focus_first_invalid(&[user, union_id, pwd, platform, days]);
            }
        }
    });
    let on_deny = move |_| {
        if !locked.get_untracked() {
            leave(vec![("error", "access_denied".to_owned())]);
        }
    };

    let scope_items = scope_list(&request.scopes)
        .into_iter()
        .map(|s| match scope_key(&s) {
            Some(key) => view! {
                <li class="oa-consent__scope" data-scope=s.clone()>
                    <span class="oa-consent__scope-text">{move || i18n.t(key)}</span>
                    " "
                    <code class="oa-consent__scope-name">{s.clone()}</code>
                </li>
            }
            .into_any(),
            None => view! {
                <li class="oa-consent__scope oa-consent__scope--unknown" data-scope=s.clone()>
                    <code class="oa-consent__scope-name">{s.clone()}</code>
                </li>
            }
            .into_any(),
        })
        .collect_view();
    let no_scopes = request.scopes.trim().is_empty();
    let host_for_return = host.clone();
    let choices = (kinds.len() > 1).then(|| {
        let choices = kinds.iter().map(|&k| (k, k.as_str(), k.label())).collect();
        view! {
            <ChoiceGroup
                legend=Key::ConsentMethod
                choices=choices
                selected=kind
                on_change=Callback::new(move |_| error.set(None))
                disabled=locked
                class="oa-consent__kinds"
            />
        }
    });
    let credentials = move || match kind.get() {
        GrantKind::UnionId => view! {
            <Field state=union_id name="unionId" label=Key::ConsentUnionId disabled=locked />
            <Field state=platform name="platform" label=Key::ConsentPlatform disabled=locked />
        }
        .into_any(),
        k => {
            let (label, inputmode, autocomplete) = match k {
                GrantKind::Phone => (Key::FieldPhone, Some("tel"), "tel"),
                GrantKind::Email => (Key::FieldEmail, Some("email"), "email"),
                _ => (Key::FieldUserName, None, "username"),
            };
            view! {
                <Field
                    state=user
                    name="userName"
                    label=label
                    autocomplete=autocomplete
                    inputmode=inputmode.unwrap_or("text")
                    disabled=locked
                />
                <Field
                    state=pwd
                    name="password"
                    label=Key::FieldPwd
                    kind="password"
                    autocomplete="current-password"
                    disabled=locked
                />
            }
            .into_any()
        }
    };

    // The list is named by the sentence above it ("It asks to:").
    let scopes_label_id = unique_id("consent-scopes");
    let scopes_labelled_by = scopes_label_id.clone();
    view! {
        <p class="oa-consent__scopes-label" id=scopes_label_id>
            {move || i18n.t(if no_scopes { Key::ConsentNoScopes } else { Key::ConsentScopes })}
        </p>
        // Nothing asked for: the sentence says so, with no empty list after it.
        {(!no_scopes).then(|| view! {
            <ul class="oa-consent__scopes" aria-labelledby=scopes_labelled_by>{scope_items}</ul>
        })}
        <p class="oa-consent__return" data-host=host.clone()>
            {move || i18n.render(&Message::With(Key::ConsentReturnTo, vec![("host", host_for_return.clone())]))}
        </p>
        <form class="oa-form oa-consent__form" novalidate on:submit=on_submit>
            {choices}
            {credentials}
            <Field
                state=days
                name="expireInDays"
                label=Key::ConsentDays
                inputmode="numeric"
                disabled=locked
            />
            <FormError error=error />
            <div class="oa-consent__actions">
                <button
                    type="button"
                    class="oa-button oa-button--secondary oa-consent__deny"
                    disabled=move || locked.get()
                    on:click=on_deny
                >
                    {i18n.text(Key::ConsentDeny)}
                </button>
                <SubmitButton label=Signal::derive(move || if busy.get() { Key::ConsentBusy } else { Key::ConsentAllow }) busy=busy disabled=locked class="oa-consent__allow" />
            </div>
        </form>
        <p class="oa-consent__leaving" role="status" aria-live="polite">
            {move || {
                if leaving.get() {
                    i18n.render(&Message::With(Key::ConsentLeaving, vec![("host", host.clone())]))
                } else {
                    String::new()
                }
            }}
        </p>
    }
}
