//! A group of radio buttons under a legend.

use leptos::prelude::*;

use crate::i18n::{use_i18n, Key};
use crate::ui::unique_id;

/// A `<fieldset>` of radio buttons, one per choice `(value, name, label)`, the one equal to
/// `selected` checked. Choosing one sets `selected` and then calls `on_change` with it.
#[component]
pub fn ChoiceGroup<T>(
    /// The legend's key (what the group chooses).
    legend: Key,
    /// The choices: the value, its stable name (the input's `value`), its label's key.
    choices: Vec<(T, &'static str, Key)>,
    /// The chosen value.
    selected: RwSignal<T>,
    /// Called after the choice changed.
    #[prop(optional)]
    on_change: Option<Callback<T>>,
    /// Disables every choice while true.
    #[prop(optional, into)]
    disabled: Option<Signal<bool>>,
    /// Classes besides `oa-choices`.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let group = unique_id("choice");
    let items = choices
        .into_iter()
        .map(|(value, name, label)| {
            let group = group.clone();
            view! {
                <label class="oa-choice">
                    <input
                        class="oa-choice__input"
                        type="radio"
                        name=group
                        value=name
                        prop:checked=move || selected.get() == value
                        disabled=move || disabled.is_some_and(|d| d.get())
                        on:change=move |_| {
                            selected.set(value);
                            if let Some(cb) = on_change {
                                cb.run(value);
                            }
                        }
                    />
                    <span class="oa-choice__label">{move || i18n.t(label)}</span>
                </label>
            }
        })
        .collect_view();
    let class = if class.is_empty() {
        "oa-choices".to_owned()
    } else {
        format!("oa-choices {class}")
    };
    view! {
        <fieldset class=class>
            <legend class="oa-choices__legend">{i18n.text(legend)}</legend>
            {items}
        </fieldset>
    }
}
