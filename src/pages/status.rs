//! The loading and error states every signed-in page shares.

use leptos::prelude::*;

use crate::i18n::{use_i18n, Key, Message};

/// "Loading…", announced politely.
#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="oa-page__loading" role="status" aria-live="polite">
            {i18n.text(Key::AccountLoading)}
        </p>
    }
}

/// A failed read: the sentence (announced at once) and a "Try again" button.
#[component]
pub fn LoadFailed(
    /// Why it failed.
    message: Message,
    /// Called when the person asks to try again.
    on_retry: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="oa-page__failed">
            <p class="oa-form__error" role="alert">{i18n.render(&message)}</p>
            <button
                type="button"
                class="oa-button oa-button--secondary oa-page__retry"
                on:click=move |_| on_retry.run(())
            >
                {i18n.text(Key::AccountRetry)}
            </button>
        </div>
    }
}

/// A sentence confirming that something was done (a polite live region, empty when none).
#[component]
pub fn Notice(
    /// The sentence, if any.
    #[prop(into)]
    message: Signal<Option<Message>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="oa-page__notice" role="status" aria-live="polite">
            {move || message.with(|m| m.as_ref().map(|m| i18n.render(m)).unwrap_or_default())}
        </p>
    }
}
