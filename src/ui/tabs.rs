//! A WAI-ARIA tab list: arrow keys, Home and End move the selection and the focus; only the
//! selected tab is in the tab order (roving tabindex).

use leptos::context::Provider;
use leptos::html::Button;
use leptos::prelude::*;

use crate::i18n::{use_i18n, Key};

/// A sign-in method shown as a tab.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LoginTab {
    /// User name and password.
    Account,
    /// Mobile number and SMS code.
    Phone,
    /// Email address and emailed code.
    Email,
    /// A QR code scanned with the app's WeChat mini-program.
    Qr,
}

impl LoginTab {
    /// Every tab in the default order.
    pub const ALL: &'static [LoginTab] = &[
        LoginTab::Account,
        LoginTab::Phone,
        LoginTab::Email,
        LoginTab::Qr,
    ];

    /// The stable name (`account`, `phone`, `email`), used in ids and classes.
    pub fn as_str(self) -> &'static str {
        match self {
            LoginTab::Account => "account",
            LoginTab::Phone => "phone",
            LoginTab::Email => "email",
            LoginTab::Qr => "qr",
        }
    }

    /// The tab's label key.
    pub fn label(self) -> Key {
        match self {
            LoginTab::Account => Key::TabsAccount,
            LoginTab::Phone => Key::TabsPhone,
            LoginTab::Email => Key::TabsEmail,
            LoginTab::Qr => Key::TabsQr,
        }
    }

    /// The tab of a stable name.
    pub fn parse(name: &str) -> Option<LoginTab> {
        LoginTab::ALL
            .iter()
            .copied()
            .find(|t| t.as_str() == name.trim())
    }
}

/// The index the keyboard moves to from `current` among `len` tabs, for `key`
/// (`ArrowRight`/`ArrowDown` next, `ArrowLeft`/`ArrowUp` previous, both wrapping; `Home`, `End`).
pub fn next_index(key: &str, current: usize, len: usize) -> Option<usize> {
    if len == 0 {
        return None;
    }
    match key {
        "ArrowRight" | "ArrowDown" => Some((current + 1) % len),
        "ArrowLeft" | "ArrowUp" => Some((current + len - 1) % len),
        "Home" => Some(0),
        "End" => Some(len - 1),
        _ => None,
    }
}

/// The id of a tab button.
pub fn tab_id(prefix: &str, tab: LoginTab) -> String {
    format!("{prefix}-tab-{}", tab.as_str())
}

/// The id of a tab's panel.
pub fn panel_id(prefix: &str, tab: LoginTab) -> String {
    format!("{prefix}-panel-{}", tab.as_str())
}

/// The tab list. The panels belong to the caller, with ids from [`panel_id`] and
/// `aria-labelledby` from [`tab_id`].
#[component]
pub fn Tabs(
    /// The tabs, in order.
    tabs: Vec<LoginTab>,
    /// The selected tab.
    selected: RwSignal<LoginTab>,
    /// The prefix of the tab and panel ids.
    id_prefix: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let nodes: Vec<NodeRef<Button>> = tabs.iter().map(|_| NodeRef::new()).collect();
    let order = StoredValue::new(tabs.clone());
    let refs = StoredValue::new(nodes.clone());

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let tabs = order.get_value();
        let current = tabs
            .iter()
            .position(|t| *t == selected.get_untracked())
            .unwrap_or(0);
        if let Some(next) = next_index(&ev.key(), current, tabs.len()) {
            ev.prevent_default();
            if let Some(tab) = tabs.get(next) {
                selected.set(*tab);
            }
            if let Some(el) = refs.with_value(|r| r.get(next).and_then(|n| n.get_untracked())) {
                let _ = el.focus();
            }
        }
    };

    let buttons = tabs
        .into_iter()
        .zip(nodes)
        .map(|(tab, node)| {
            let is_selected = move || selected.get() == tab;
            view! {
                <button
                    type="button"
                    role="tab"
                    node_ref=node
                    id=tab_id(&id_prefix, tab)
                    class=move || {
                        if is_selected() { "oa-tabs__tab oa-tabs__tab--selected" } else { "oa-tabs__tab" }
                    }
                    aria-selected=move || if is_selected() { "true" } else { "false" }
                    aria-controls=panel_id(&id_prefix, tab)
                    tabindex=move || if is_selected() { "0" } else { "-1" }
                    on:click=move |_| selected.set(tab)
                >
                    {move || i18n.t(tab.label())}
                </button>
            }
        })
        .collect_view();

    view! {
        <div
            class="oa-tabs"
            role="tablist"
            aria-label=i18n.text(Key::TabsLabel)
            on:keydown=on_keydown
        >
            {buttons}
        </div>
    }
}

/// Whether the part of the widget around a component is on screen (its tab panel is the
/// selected one), provided by [`TabPanel`] to its content: what wakes on a timer sleeps while
/// it is false.
#[derive(Clone, Copy, Debug)]
pub struct Shown(pub Signal<bool>);

/// One tab's panel (`role="tabpanel"`, labelled by its tab), hidden unless `shown`; its
/// content hears whether it is shown through [`Shown`].
#[component]
pub fn TabPanel(
    /// The panel's id (see [`panel_id`]).
    id: String,
    /// The id of its tab (see [`tab_id`]); `None` when there is no tab list (a single
    /// method): the panel is then a plain container, not a `tabpanel` named by a missing tab.
    labelled_by: Option<String>,
    /// Whether it is the selected panel.
    #[prop(into)]
    shown: Signal<bool>,
    /// What it holds.
    children: Children,
) -> impl IntoView {
    // A component has no owner of its own: the Provider gives the content one, so each
    // panel's content sees its own `Shown` (and nothing outside the panel sees any).
    let in_tab_list = labelled_by.is_some();
    view! {
        <div
            class="oa-panel"
            role=in_tab_list.then_some("tabpanel")
            id=id
            aria-labelledby=labelled_by
            tabindex=in_tab_list.then_some("0")
            hidden=move || !shown.get()
        >
            <Provider value=Shown(shown)>{children()}</Provider>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_move_and_wrap() {
        assert_eq!(next_index("ArrowRight", 0, 3), Some(1));
        assert_eq!(next_index("ArrowRight", 2, 3), Some(0));
        assert_eq!(next_index("ArrowLeft", 0, 3), Some(2));
        assert_eq!(next_index("Home", 2, 3), Some(0));
        assert_eq!(next_index("End", 0, 3), Some(2));
        assert_eq!(next_index("Enter", 0, 3), None);
        assert_eq!(next_index("ArrowRight", 0, 0), None);
    }

    #[test]
    fn tab_names_round_trip() {
        for tab in LoginTab::ALL {
            assert_eq!(LoginTab::parse(tab.as_str()), Some(*tab));
        }
        assert_eq!(LoginTab::parse("qr"), Some(LoginTab::Qr));
        assert_eq!(LoginTab::parse("wechat"), None);
    }
}
