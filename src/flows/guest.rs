//! Guest (third-party id) sign-in: a device id as the unionID on platform `web`.

use leptos::prelude::*;

use crate::api::{ApiError, Token, UnionIdSignInRequest, UnionIdSignUpRequest};
use crate::flows::context::use_login;
use crate::flows::device_id::{device_id, random_id};
use crate::i18n::{use_i18n, Key, Message};
use crate::storage::PageStorage;
use crate::ui::FormError;

/// Signs in with the device id; signs up first when the server does not know it (404).
async fn guest_sign_in(client: crate::api::Client, platform: String) -> Result<Token, ApiError> {
    let union_id = device_id(&PageStorage, random_id);
    let sign_in = UnionIdSignInRequest {
        platform: platform.clone(),
        union_id: union_id.clone(),
    };
    match client.union_id_sign_in(&sign_in).await {
        Err(e) if e.is_not_found() => {
            // D6: no password is sent on purpose; the reference server stores none.
            let sign_up = UnionIdSignUpRequest {
                union_id,
                platform,
                ..Default::default()
            };
            client.union_id_sign_up(&sign_up).await
        }
        other => other,
    }
}

/// The "continue as guest" button, with its error under it.
#[component]
pub fn GuestButton() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_login();
    let error = RwSignal::new(None::<Message>);
    let action = Action::new_local(move |_: &()| {
        let client = ctx.client();
        let platform = ctx.config().guest_platform;
        async move {
            match guest_sign_in(client, platform).await {
                Ok(token) => ctx.signed_in(token),
                Err(e) => ctx.failed(error, &e),
            }
        }
    });
    let busy = action.pending();
    let on_click = move |_| {
        if busy.get_untracked() {
            return;
        }
        error.set(None);
        ctx.announce(Key::GuestBusy);
        action.dispatch_local(());
    };
    view! {
        <div class="oa-guest">
            <button
                type="button"
                class="oa-button oa-button--secondary oa-guest__button"
                disabled=move || busy.get()
                aria-busy=move || if busy.get() { "true" } else { "false" }
                on:click=on_click
            >
                {move || i18n.t(if busy.get() { Key::GuestBusy } else { Key::GuestButton })}
            </button>
            <FormError error=error />
        </div>
    }
}
