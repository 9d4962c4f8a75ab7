//! A labelled input with its error message under it.

use leptos::html::Input;
use leptos::prelude::*;

use super::ids::unique_id;
use crate::i18n::{use_i18n, Key, Message};
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
        match check(&self.value.get_untracked()) {
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
/// `aria-invalid`. Typing clears the error.
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
                    type=kind
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
                {children.map(|c| c())}
            </div>
            <p class="oa-field__error" id=error_id hidden=move || !invalid()>
                {move || error.with(|m| m.as_ref().map(|m| i18n.render(m)).unwrap_or_default())}
            </p>
        </div>
    }
}
