//! The live region that announces busy and result states.

use leptos::prelude::*;

use crate::i18n::{use_i18n, Message};

/// The widget's status sentence (busy and result announcements), shared through context for
/// the [`LiveRegion`] to say.
#[derive(Clone, Copy, Debug)]
pub struct StatusLine(pub RwSignal<Option<Message>>);

/// A polite live region saying `message`, or else the [`StatusLine`] provided above (nothing
/// when there is none).
#[component]
pub fn LiveRegion(
    /// The sentence to say, if any (the status line above unless given).
    #[prop(optional, into)]
    message: Option<Signal<Option<Message>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let message = message
        .or_else(|| use_context::<StatusLine>().map(|line| line.0.into()))
        .unwrap_or_else(|| Signal::stored(None));
    view! {
        <p class="oa-status" role="status" aria-live="polite" aria-atomic="true">
            {move || message.with(|m| m.as_ref().map(|m| i18n.render(m)).unwrap_or_default())}
        </p>
    }
}

/// A form's error sentence (announced at once through `role="alert"`), hidden when none.
#[component]
pub fn FormError(
    /// The error to show, if any.
    #[prop(into)]
    error: Signal<Option<Message>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="oa-form__error" role="alert" hidden=move || error.with(Option::is_none)>
            {move || error.with(|m| m.as_ref().map(|m| i18n.render(m)).unwrap_or_default())}
        </p>
    }
}
