//! The drop-in's first view as ready HTML: what the loader shows, typed into and submitted,
//! before the wasm has arrived. `oauthapp-prerender` renders [`first_view`] for each
//! [`ShellVariant`] at build time (the same view code the wasm runs, so there is one source
//! of truth for the markup), and `scripts/bundle.sh` puts the result into the loader.

use leptos::prelude::*;

use super::options::{EmbedOptions, EmbedView};
use super::root::embed_frame;
use crate::i18n::{Key, Lang, Translator};
use crate::options::{LoginOptions, Theme};
use crate::ui::LoginTab;

/// The tab lists a shell is rendered for: the default (every tab) and the usual subsets.
/// Another list waits for the wasm (the loader finds no shell for it).
pub const SHELL_TAB_LISTS: &[&[LoginTab]] = &[
    LoginTab::ALL,
    &[LoginTab::Account, LoginTab::Phone, LoginTab::Email],
    &[LoginTab::Account, LoginTab::Phone],
    &[LoginTab::Account],
];

/// The options a shell depends on; everything else (theme, first tab, countdown, …) is either
/// applied by the loader to the ready HTML or does not change the sign-in view's markup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShellVariant {
    /// The language shown.
    pub lang: Lang,
    /// The tabs, in order.
    pub tabs: Vec<LoginTab>,
    /// Whether the guest button is shown.
    pub guest: bool,
}

impl ShellVariant {
    /// Every variant rendered at build time.
    pub fn all() -> Vec<ShellVariant> {
        let mut all = Vec::new();
        for lang in Lang::ALL {
            for tabs in SHELL_TAB_LISTS {
                for guest in [false, true] {
                    all.push(ShellVariant {
                        lang: *lang,
                        tabs: tabs.to_vec(),
                        guest,
                    });
                }
            }
        }
        all
    }

    /// The loader's name for the variant: `<lang>|<tab,tab,…>|<guest or empty>`, e.g.
    /// `zh-CN|account,phone,email,qr|`.
    pub fn key(&self) -> String {
        let tabs: Vec<&str> = self.tabs.iter().map(|t| t.as_str()).collect();
        let guest = if self.guest { "guest" } else { "" };
        format!("{}|{}|{guest}", self.lang.tag(), tabs.join(","))
    }

    /// The drop-in's options this variant stands for (the first tab selected, no theme).
    pub fn options(&self) -> EmbedOptions {
        EmbedOptions {
            view: EmbedView::SignIn,
            login: LoginOptions {
                app_id: Some(1),
                lang: Some(self.lang),
                tabs: Some(self.tabs.clone()),
                show_guest: self.guest,
                ..LoginOptions::default()
            },
        }
    }
}

/// The drop-in's sign-in view for `variant`, as the wasm first renders it (signed out).
pub fn first_view(variant: &ShellVariant) -> impl IntoView {
    embed_frame(&variant.options())
}

/// What the loader says while the shell waits for the wasm, in `lang`: "just a moment" (a
/// submit or click is held until the wasm is ready), the load failure, and the retry button.
pub fn shell_strings(lang: Lang) -> [(&'static str, String); 3] {
    let t = Translator::new(lang, Default::default());
    [
        ("starting", t.text(Key::WidgetStarting)),
        ("failed", t.text(Key::WidgetLoadFailed)),
        ("retry", t.text(Key::WidgetRetry)),
    ]
}

/// The widget's root classes for each forced theme, by the `theme` attribute's values.
pub fn theme_classes() -> [(&'static str, &'static str); 2] {
    [
        ("light", Theme::root_class(Some(Theme::Light))),
        ("dark", Theme::root_class(Some(Theme::Dark))),
    ]
}
