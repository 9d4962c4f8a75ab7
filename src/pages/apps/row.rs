//! One authorized app, with its Revoke button and inline confirmation.

use leptos::html::Button;
use leptos::prelude::*;

use super::order::consent_date;
use crate::api::Consent;
use crate::flows::consent::{scope_key, scope_list};
use crate::i18n::{use_i18n, I18n, Key, Message};
use crate::ui::unique_id;
use crate::validate::url::display_host;

/// The host shown for a consent (its `redirect_uri`'s host, else the URI as text, else a
/// placeholder).
pub fn consent_host(i18n: I18n, c: &Consent) -> String {
    let uri = c.redirect_uri.as_deref().unwrap_or("").trim();
    display_host(uri)
        .or_else(|| (!uri.is_empty()).then(|| uri.to_owned()))
        .unwrap_or_else(|| i18n.t(Key::AppsUnknownHost))
}

/// A consent's scopes in words (known ones translated), joined by commas.
fn scopes_text(i18n: I18n, scopes: &str) -> String {
    scope_list(scopes)
        .into_iter()
        .map(|s| match scope_key(&s) {
            Some(k) => i18n.t(k),
            None => s,
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// One consent. Revoke first asks, in place; the answer buttons take the focus, and Cancel
/// gives it back to Revoke.
#[component]
pub fn ConsentRow(
    /// The consent.
    consent: Consent,
    /// Whether this row is asking for confirmation.
    #[prop(into)]
    confirming: Signal<bool>,
    /// Whether a revocation is on its way (buttons disabled).
    #[prop(into)]
    busy: Signal<bool>,
    /// Asks for confirmation (`true`) or drops it (`false`).
    on_ask: Callback<bool>,
    /// Revokes, once confirmed.
    on_revoke: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let question_id = unique_id("revoke-q");
    let revoke_ref = NodeRef::<Button>::new();
    let yes_ref = NodeRef::<Button>::new();
    Effect::new(move || {
        if confirming.get() {
            if let Some(b) = yes_ref.get() {
                let _ = b.focus();
            }
        }
    });
    let host = consent_host(i18n, &consent);
    let date = consent_date(&consent).map(str::to_owned);
    let row = move |key: Key, value: Option<String>| {
        value.filter(|v| !v.trim().is_empty()).map(|v| {
            view! {
                <div class="oa-apps__field">
                    <dt>{move || i18n.t(key)}</dt>
                    <dd>{v}</dd>
                </div>
            }
        })
    };
    let scopes = consent.scopes.clone().unwrap_or_default();
    let scopes_shown = move || scopes_text(i18n, &scopes);
    let host_q = host.clone();
    let question = move || {
        i18n.render(&Message::With(
            Key::AppsConfirm,
            vec![("host", host_q.clone())],
        ))
    };
    view! {
        <li class="oa-apps__item" data-id=consent.id.to_string()>
            <h3 class="oa-apps__host">{host.clone()}</h3>
            <dl class="oa-apps__details">
                {row(Key::AppsDate, date)}
                {row(Key::AppsGrant, consent.grant_type.clone())}
                <div class="oa-apps__field">
                    <dt>{i18n.text(Key::AppsScopes)}</dt>
                    <dd class="oa-apps__scopes">{scopes_shown}</dd>
                </div>
                {row(Key::AppsRemark, consent.remark.clone())}
            </dl>
            <Show
                when=move || confirming.get()
                fallback=move || {
                    view! {
                        <button
                            type="button"
                            class="oa-button oa-button--secondary oa-apps__revoke"
                            node_ref=revoke_ref
                            disabled=move || busy.get()
                            on:click=move |_| on_ask.run(true)
                        >
                            {i18n.text(Key::AppsRevoke)}
                        </button>
                    }
                }
            >
                <div class="oa-apps__confirm" role="group" aria-labelledby=question_id.clone()>
                    <p class="oa-apps__question" id=question_id.clone()>{question.clone()}</p>
                    <div class="oa-apps__confirm-actions">
                        <button
                            type="button"
                            class="oa-button oa-button--danger oa-apps__yes"
                            node_ref=yes_ref
                            disabled=move || busy.get()
                            on:click=move |_| on_revoke.run(())
                        >
                            {i18n.text(Key::AppsConfirmYes)}
                        </button>
                        <button
                            type="button"
                            class="oa-button oa-button--secondary oa-apps__cancel"
                            disabled=move || busy.get()
                            on:click=move |_| {
                                on_ask.run(false);
                                request_animation_frame(move || {
                                    if let Some(b) = revoke_ref.get_untracked() {
                                        let _ = b.focus();
                                    }
                                });
                            }
                            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                if ev.key() == "Escape" {
                                    on_ask.run(false);
                                }
                            }
                        >
                            {i18n.text(Key::AppsCancel)}
                        </button>
                    </div>
                </div>
            </Show>
        </li>
    }
}
