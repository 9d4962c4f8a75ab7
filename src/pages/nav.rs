//! Navigation among the signed-in pages.

use leptos::prelude::*;

use crate::i18n::{use_i18n, Key};
use crate::pages::apps::AuthorizedApps;
use crate::pages::points::PointsPage;
use crate::pages::profile::ProfilePage;

/// One of the signed-in pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AccountPage {
    /// The profile.
    Profile,
    /// The points log and recharge.
    Points,
    /// The authorized apps.
    Apps,
}

impl AccountPage {
    /// Every page, in the order of the navigation.
    pub const ALL: &'static [AccountPage] =
        &[AccountPage::Profile, AccountPage::Points, AccountPage::Apps];

    /// The stable name (`profile`, `points`, `apps`), used in classes and by hosts.
    pub fn as_str(self) -> &'static str {
        match self {
            AccountPage::Profile => "profile",
            AccountPage::Points => "points",
            AccountPage::Apps => "apps",
        }
    }

    /// The page of a stable name.
    pub fn parse(name: &str) -> Option<AccountPage> {
        AccountPage::ALL
            .iter()
            .copied()
            .find(|p| p.as_str() == name.trim())
    }

    /// The page's title.
    pub fn label(self) -> Key {
        match self {
            AccountPage::Profile => Key::AccountProfile,
            AccountPage::Points => Key::AccountPoints,
            AccountPage::Apps => Key::AccountApps,
        }
    }
}

/// The three signed-in pages behind a navigation bar (the current one marked with
/// `aria-current="page"`). Needs the widget's context and session (inside `LoginWidget`).
#[component]
pub fn AccountPages(
    /// The page shown first (the profile unless said).
    #[prop(optional)]
    initial: Option<AccountPage>,
) -> impl IntoView {
    let i18n = use_i18n();
    let current = RwSignal::new(initial.unwrap_or(AccountPage::Profile));
    let buttons = AccountPage::ALL
        .iter()
        .map(|&page| {
            view! {
                <li class="oa-account__nav-item">
                    <button
                        type="button"
                        class=move || {
                            if current.get() == page {
                                "oa-account__nav-button oa-account__nav-button--current"
                            } else {
                                "oa-account__nav-button"
                            }
                        }
                        data-page=page.as_str()
                        aria-current=move || (current.get() == page).then_some("page")
                        on:click=move |_| current.set(page)
                    >
                        {move || i18n.t(page.label())}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="oa-account">
            <nav class="oa-account__nav" aria-label=i18n.text(Key::AccountNav)>
                <ul class="oa-account__nav-list">{buttons}</ul>
            </nav>
            {move || match current.get() {
                AccountPage::Profile => view! { <ProfilePage /> }.into_any(),
                AccountPage::Points => view! { <PointsPage /> }.into_any(),
                AccountPage::Apps => view! { <AuthorizedApps /> }.into_any(),
            }}
        </div>
    }
}
