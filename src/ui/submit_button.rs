//! A form's submit button: disabled and `aria-busy` while its request is out.

use leptos::prelude::*;

use crate::i18n::{use_i18n, Key, Message};

/// The primary submit button of a form, labelled by `label` (which usually says "…ing" while
/// `busy`). Disabled while `busy` or `disabled`; `aria-busy` follows `busy`.
#[component]
pub fn SubmitButton(
    /// The label's key (a signal, so it can change while busy).
    #[prop(into)]
    label: Signal<Key>,
    /// Whether the form's request is out.
    #[prop(into)]
    busy: Signal<bool>,
    /// Disabled besides while busy (e.g. while the page is leaving).
    #[prop(optional, into)]
    disabled: Option<Signal<bool>>,
    /// Classes besides `oa-button oa-button--primary` (e.g. `oa-submit`).
    #[prop(default = "oa-submit")]
    class: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let class = format!("oa-button oa-button--primary {class}");
    let off = move || busy.get() || disabled.is_some_and(|d| d.get());
    view! {
        <button
            type="submit"
            class=class
            disabled=off
            aria-busy=move || if busy.get() { "true" } else { "false" }
        >
            {move || i18n.t(label.get())}
        </button>
    }
}

/// The `on:submit` handler of a form whose request is out while `busy`: it keeps the browser
/// from leaving the page, ignores a submit while busy (no double sends), clears the form's
/// `error`, then runs `submit` (which checks the fields and sends).
pub fn guarded_submit(
    busy: impl Into<Signal<bool>>,
    error: RwSignal<Option<Message>>,
    submit: impl Fn() + 'static,
) -> impl Fn(leptos::ev::SubmitEvent) + 'static {
    let busy = busy.into();
    move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        error.set(None);
        submit();
    }
}
