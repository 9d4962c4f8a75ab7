//! Who is signed in, with a sign-out button.

use leptos::prelude::*;

use crate::i18n::{use_i18n, Key, Message};
use crate::ui::unique_id;

/// Shows the signed-in person's name (and id and platform when known) and a sign-out button.
/// All values are shown as text, never as markup.
#[component]
pub fn SignedIn(
    /// The display name (from the token's `unique_name`, else its id).
    #[prop(into)]
    name: Signal<String>,
    /// The user id (the token's `nameid`), if known.
    #[prop(into, optional)]
    user_id: Signal<Option<String>>,
    /// The platform of a third-party sign-in, if any.
    #[prop(into, optional)]
    platform: Signal<Option<String>>,
    /// Called when the person signs out.
    on_sign_out: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let row = move |key: Key, value: Signal<Option<String>>| {
        view! {
            <Show when=move || value.with(Option::is_some)>
                <div class="oa-signed-in__row">
                    <dt class="oa-signed-in__term">{move || i18n.t(key)}</dt>
                    <dd class="oa-signed-in__value">{move || value.get().unwrap_or_default()}</dd>
                </div>
            </Show>
        }
    };
    // A region named by its heading ("Signed in"), which screen readers list among the page's
    // landmarks.
    let title_id = unique_id("signed-in");
    let labelled_by = title_id.clone();
    view! {
        <section class="oa-signed-in" aria-labelledby=labelled_by>
            <h2 class="oa-signed-in__title" id=title_id>{i18n.text(Key::SignedTitle)}</h2>
            <p class="oa-signed-in__who">
                {move || i18n.render(&Message::with_name(Key::SignedAs, name.get()))}
            </p>
            <dl class="oa-signed-in__details">
                {row(Key::SignedUserId, user_id)}
                {row(Key::SignedPlatform, platform)}
            </dl>
            <button
                type="button"
                class="oa-button oa-button--secondary oa-sign-out"
                on:click=move |_| on_sign_out.run(())
            >
                {i18n.text(Key::SignedSignOut)}
            </button>
        </section>
    }
}
