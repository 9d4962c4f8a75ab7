//! The "get code" button of a phone or e-mail field: sends the code, then counts down.

use std::time::Duration;

use leptos::prelude::*;

use super::channel::Channel;
use super::countdown::{whole_seconds, CountdownStore};
use crate::api::CodePurpose;
use crate::clock::SystemClock;
use crate::flows::context::use_login;
use crate::i18n::{message_for_error, Key, Message};
use crate::storage::PageStorage;
use crate::ui::{use_page_visible, CountdownButton, Shown};

/// The countdown store of the page with the widget's length.
fn store(seconds: u32) -> CountdownStore<PageStorage, SystemClock> {
    CountdownStore::new(PageStorage, SystemClock, seconds)
}

/// Sends a code for `purpose` over `channel`. Before sending it asks `check` for the cleaned
/// recipient (which shows the field's error and returns `None` when it is wrong). While the
/// request is out it is busy and disabled; then it counts down (per recipient and purpose,
/// surviving re-mounts and reloads). Results go to the live region; failures to `on_error`.
///
/// It wakes only while a countdown runs and its panel and page are shown, once per second;
/// with no countdown, or while hidden, it sets no timer at all (and reads the store again
/// when shown).
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
    let ctx = use_login();
    let seconds = ctx.config().countdown_secs;
    let remaining = RwSignal::new(0u32);
    // Bumped by the timer to read the storage again.
    let tick = RwSignal::new(0u32);
    // Asleep while its panel is hidden or the page is in the background.
    let shown = use_context::<Shown>().map_or_else(|| Signal::stored(true), |s| s.0);
    let page_visible = use_page_visible();
    Effect::new(move |_| {
        tick.track();
        let awake = shown.get() && page_visible.get();
        let left_ms = store(seconds).remaining_ms(purpose.as_str(), &recipient.get());
        let left = whole_seconds(left_ms);
        if remaining.try_get_untracked() != Some(left) {
            remaining.try_set(left);
        }
        if left_ms > 0 && awake {
            // Wake when the shown second changes (a few ms late, never early).
            let wait = (left_ms - 1) % 1000 + 5;
            let wait = Duration::from_millis(u64::try_from(wait).unwrap_or(1000));
            if let Ok(handle) = set_timeout_with_handle(move || tick.update(|n| *n += 1), wait) {
                on_cleanup(move || handle.clear());
            }
        }
    });

    let send = Action::new_local(move |to: &String| {
        let to = to.clone();
        let client = ctx.client();
        async move {
            match channel.send_code(&client, to.clone(), purpose).await {
                Ok(_) => {
                    store(seconds).start(purpose.as_str(), &to);
                    tick.try_update(|n| *n += 1);
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
                    // A countdown started elsewhere (another tab) shows from now on.
                    tick.try_update(|n| *n += 1);
                }
            }
        }
    });
    let busy = send.pending();

    let on_press = Callback::new(move |()| {
        let Some(to) = check.run(()) else {
            return;
        };
        on_error.run(None);
        ctx.announce(Key::CodeSending);
        send.dispatch_local(to);
    });
    view! {
        <CountdownButton
            label=Key::CodeSend
            busy_label=Key::CodeSending
            busy=busy
            remaining=remaining
            on_press=on_press
        />
    }
}
