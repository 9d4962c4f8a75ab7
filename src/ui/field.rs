//! A labelled input with its error message under it.

use leptos::html::Input;
use leptos::prelude::*;

use crate::i18n::{use_i18n, Key, Message};
use crate::ui::unique_id;
use crate::validate::Checked;

/// The state of one input: its value, its error and its element (to move focus to it).
#[derive(Clone, Copy, Debug)]
pub struct FieldState {
    /// What was typed.
    pub value: RwSignal<String>,
    /// The message under the field, if the last check failed.
    pub error: RwSignal<Option<Message>>,
    /// The input element.
    pub node: NodeRef<Input>,
}

impl Default for FieldState {
    fn default() -> Self {
        FieldState::new()
    }
}

impl FieldState {
    /// An empty field.
    pub fn new() -> Self {
        FieldState {
            value: RwSignal::new(String::new()),
            error: RwSignal::new(None),
            node: NodeRef::new(),
        }
    }

    /// Runs `check` on the value: the cleaned value, or `None` with the message set.
    pub fn check(&self, check: impl FnOnce(&str) -> Checked) -> Option<String> {
        self.read(check)
    }

    /// Runs `parse` on the value: what it read (a number, a choice…), or `None` with the
    /// message set. For checks whose result is not text.
    pub fn read<T>(&self, parse: impl FnOnce(&str) -> Result<T, Message>) -> Option<T> {
        match parse(&self.value.get_untracked()) {
            Ok(v) => {
                self.error.set(None);
                Some(v)
            }
            Err(m) => {
                self.error.set(Some(m));
                None
            }
        }
    }

    /// Moves keyboard focus to the input.
    pub fn focus(&self) {
        if let Some(el) = self.node.get_untracked() {
            let _ = el.focus();
        }
    }
}

/// Moves focus to the first field of `fields` that shows an error; true if there was one.
pub fn focus_first_invalid(fields: &[FieldState]) -> bool {
    match fields.iter().find(|f| f.error.get_untracked().is_some()) {
        Some(f) => {
            f.focus();
            true
        }
        None => false,
    }
}

/// A labelled input; its error (if any) stands under it, tied by `aria-describedby`, and sets
/// `aria-invalid`. Typing clears the error. A password input gets a "show password" toggle
/// button (`aria-pressed`) that shows what was typed as text, for people typing on a phone.
#[component]
pub fn Field(
    /// The field's state.
    state: FieldState,
    /// The input's `name` attribute (stable, for forms and tests: `userName`, `pwd`, …).
    name: &'static str,
    /// The label's key.
    label: Key,
    /// The input's `type` (`text` unless said).
    #[prop(default = "text")]
    kind: &'static str,
    /// The input's `autocomplete` hint.
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// The input's `inputmode` hint (`numeric`, `tel`, `email`).
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// Whether the input is disabled.
    #[prop(into, optional)]
    disabled: Signal<bool>,
    /// Something shown beside the input (a "get code" button).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = unique_id("field");
    let error_id = format!("{id}-error");
    let FieldState { value, error, node } = state;
    let invalid = move || error.with(Option::is_some);
    let is_password = kind == "password";
    let shown = RwSignal::new(false);
    let input_type = move || {
        if is_password && shown.get() {
            "text"
        } else {
            kind
        }
    };
    let reveal = is_password.then(|| {
        let controls = id.clone();
        view! {
            <button
                type="button"
                class="oa-field__reveal"
                aria-controls=controls
                aria-pressed=move || if shown.get() { "true" } else { "false" }
                aria-label=i18n.text(Key::FieldPwdShow)
                title=i18n.text(Key::FieldPwdShow)
                on:click=move |_| shown.update(|s| *s = !*s)
            >
                <RevealIcon shown=shown />
            </button>
        }
    });
    let described = {
        let error_id = error_id.clone();
        move || invalid().then(|| error_id.clone())
    };
    view! {
        <div class=move || if invalid() { "oa-field oa-field--invalid" } else { "oa-field" }>
            <label class="oa-field__label" for=id.clone()>
                {move || i18n.t(label)}
            </label>
            <div class="oa-field__row">
                <input
                    class="oa-field__input"
                    id=id
                    name=name
                    type=input_type
                    autocomplete=autocomplete
                    inputmode=inputmode
                    node_ref=node
                    disabled=move || disabled.get()
                    aria-invalid=move || if invalid() { "true" } else { "false" }
                    aria-describedby=described
                    prop:value=move || value.get()
                    on:input=move |ev| {
                        value.set(event_target_value(&ev));
                        error.set(None);
                    }
                />
                {reveal}
                {children.map(|c| c())}
            </div>
            <p class="oa-field__error" id=error_id hidden=move || !invalid()>
                {move || error.with(|m| m.as_ref().map(|m| i18n.render(m)).unwrap_or_default())}
            </p>
        </div>
    }
}

/// The eye of the "show password" button: open while the password is hidden, struck through
/// while it is shown. Drawn with SVG elements (no markup from strings), hidden from assistive
/// technology (the button has a label and `aria-pressed`).
#[component]
fn RevealIcon(shown: RwSignal<bool>) -> impl IntoView {
    view! {
        <svg
            class="oa-field__reveal-icon"
            xmlns="http://www.w3.org/2000/svg"
            viewBox="0 0 24 24"
            width="20"
            height="20"
            aria-hidden="true"
            focusable="false"
        >
            <path d="M1.5 12S5.5 4.5 12 4.5 22.5 12 22.5 12 18.5 19.5 12 19.5 1.5 12 1.5 12Z" />
            <circle cx="12" cy="12" r="3.5" />
            <line x1="3" y1="21" x2="21" y2="3" hidden=move || !shown.get() />
        </svg>
    }
}
