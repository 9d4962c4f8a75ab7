//! A button that is busy while its request is out, then waits out a countdown.

use leptos::prelude::*;

use crate::i18n::{use_i18n, Key, Message};

/// A secondary button labelled `label` that is disabled and says so while `busy`, and reads
/// "Resend in N s" while `remaining` is above zero. It knows nothing of what it sends: the
/// owner counts down and handles the click.
#[component]
pub fn CountdownButton(
    /// The label when the button may be pressed ("Get code").
    label: Key,
    /// The label while busy ("Sending…").
    busy_label: Key,
    /// Whether the request is out.
    #[prop(into)]
    busy: Signal<bool>,
    /// Whole seconds before it may be pressed again.
    #[prop(into)]
    remaining: Signal<u32>,
    /// Called when pressed while neither busy nor counting down.
    on_press: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || {
        if busy.get() {
            i18n.t(busy_label)
        } else {
            match remaining.get() {
                0 => i18n.t(label),
                n => i18n.render(&Message::with_n(Key::CodeResendIn, u64::from(n))),
            }
        }
    };
    let on_click = move |_| {
        if !busy.get_untracked() && remaining.get_untracked() == 0 {
            on_press.run(());
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
            {text}
        </button>
    }
}
