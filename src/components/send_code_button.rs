//! The "get code" button: busy while the request is out, then a countdown.

use std::time::Duration;

use leptos::prelude::*;

use super::channel::Channel;
use super::context::use_login;
use super::countdown::CountdownStore;
use crate::api::CodePurpose;
use crate::clock::SystemClock;
use crate::i18n::{message_for_error, use_i18n, Key, Message};
use crate::storage::PageStorage;

/// How often the countdown label is refreshed.
const TICK: Duration = Duration::from_millis(250);

/// The countdown store of the page with the widget's length.
fn store(seconds: u32) -> CountdownStore<PageStorage, SystemClock> {
    CountdownStore::new(PageStorage, SystemClock, seconds)
}

/// Sends a code for `purpose` over `channel`. Before sending it asks `check` for the cleaned
/// recipient (which shows the field's error and returns `None` when it is wrong). While the
/// request is out it is busy and disabled; then it counts down (per recipient and purpose,
/// surviving re-mounts and reloads). Results go to the live region; failures to `on_error`.
#[component]
pub fn SendCodeButton(
    /// SMS or e-mail.
    channel: Channel,
    /// `signup` or `forgetpwd`.
    purpose: CodePurpose,
    /// The recipient as typed (for the countdown of that recipient).
    #[prop(into)]
    recipient: Signal<String>,
    /// Validates the recipient; `None` stops the sending.
    check: Callback<(), Option<String>>,
    /// Receives a failure's sentence (cleared with `None` when a send starts).
    on_error: Callback<Option<Message>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_login();
    let seconds = ctx.config().countdown_secs;
    let remaining = RwSignal::new(0u32);
    let refresh = move || {
        let left = store(seconds).remaining(purpose.as_str(), &recipient.get_untracked());
        if remaining.try_get_untracked() != Some(left) {
            remaining.try_set(left);
        }
    };
    Effect::new(move |_| {
        recipient.track();
        refresh();
    });
    if let Ok(handle) = set_interval_with_handle(refresh, TICK) {
        on_cleanup(move || handle.clear());
    }

    let send = Action::new_local(move |to: &String| {
        let to = to.clone();
        let client = ctx.client();
        async move {
            match channel.send_code(&client, to.clone(), purpose).await {
                Ok(_) => {
                    store(seconds).start(purpose.as_str(), &to);
                    refresh();
                    ctx.announce(channel.sent(&to));
                }
                Err(e) => {
                    let left = store(seconds).remaining(purpose.as_str(), &to);
                    let message = if e.is_rate_limited() && left > 0 {
                        Message::with_n(Key::CodeWait, u64::from(left))
                    } else {
                        message_for_error(&e)
                    };
                    ctx.status.try_set(None);
                    on_error.run(Some(message));
                }
            }
        }
    });
    let busy = send.pending();

    let on_click = move |_| {
        if busy.get_untracked() || remaining.get_untracked() > 0 {
            return;
        }
        let Some(to) = check.run(()) else {
            return;
        };
        on_error.run(None);
        ctx.announce(Key::CodeSending);
        send.dispatch_local(to);
    };

    let label = move || {
        if busy.get() {
            i18n.t(Key::CodeSending)
        } else {
            match remaining.get() {
                0 => i18n.t(Key::CodeSend),
                n => i18n.render(&Message::with_n(Key::CodeResendIn, u64::from(n))),
            }
        }
    };
    view! {
        <button
            type="button"
            class="oa-button oa-button--secondary oa-send-code"
            disabled=move || { busy.get() || remaining.get() > 0 }
            aria-busy=move || if busy.get() { "true" } else { "false" }
            on:click=on_click
        >
            {label}
        </button>
    }
}
