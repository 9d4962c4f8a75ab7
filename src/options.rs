//! The widget's options: [`LoginOptions`], every choice a host makes, with its default; and
//! [`LoginConfig`], the part of them the forms follow.
//!
//! Each way of using the widget reads its options into a [`LoginOptions`] in one place: the
//! [`LoginWidget`](crate::flows::LoginWidget) component from its props, the drop-in from its
//! attributes and its `mount()` options (both through
//! [`EmbedOptions::set`](crate::embed::EmbedOptions::set)).

use std::time::Duration;

use crate::api::Client;
use crate::flows::code::countdown::DEFAULT_COUNTDOWN_SECS;
use crate::flows::qr::{DEFAULT_QR_SCOPES, DEFAULT_QR_TEMPLATE};
use crate::i18n::{Lang, Overrides};
use crate::pages::AccountPage;
use crate::ui::LoginTab;
use crate::validate::DEFAULT_MIN_PWD;

/// The platform the guest (unionID) sign-in sends unless the host says otherwise.
pub const DEFAULT_GUEST_PLATFORM: &str = "web";

/// A forced colour theme (otherwise the widget follows `prefers-color-scheme`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// The classes of the widget's root element: `oa-widget`, plus the forced theme if any
    /// (otherwise the CSS follows `prefers-color-scheme`).
    pub fn root_class(theme: Option<Theme>) -> &'static str {
        match theme {
            None => "oa-widget",
            Some(Theme::Light) => "oa-widget oa-theme--light",
            Some(Theme::Dark) => "oa-widget oa-theme--dark",
        }
    }
}

/// Every option of one sign-in widget. `Default` is what a widget given nothing gets; each
/// field says its default.
#[derive(Clone, Debug, PartialEq)]
pub struct LoginOptions {
    /// The API server, e.g. `https://www.oauthapp.com`. Default: empty, the page's own origin.
    pub server_url: String,
    /// The application id. Default: none, and the drop-in then says so instead of a form.
    pub app_id: Option<u64>,
    /// The sign-in methods shown as tabs, in order. Default: none given, every method
    /// ([`LoginTab::ALL`]). Read through [`LoginOptions::tabs`].
    pub tabs: Option<Vec<LoginTab>>,
    /// The tab open first. Default: the first tab. Read through [`LoginOptions::first_tab`].
    pub initial_tab: Option<LoginTab>,
    /// The language. Default: none, the browser's (`navigator.languages`).
    pub lang: Option<Lang>,
    /// A forced theme. Default: none, the system's (`prefers-color-scheme`).
    pub theme: Option<Theme>,
    /// Replacements for any string (see [`Overrides`]). Default: none.
    pub strings: Overrides,
    /// Seconds before a code may be asked for again. Default: 60.
    pub countdown_secs: u32,
    /// The shortest password accepted at sign-up and reset. Default: 6.
    pub min_pwd: usize,
    /// Whether `+<country><number>` phone numbers are accepted. Default: no.
    pub allow_international: bool,
    /// Whether sign-up also asks for a phone and its code. Default: no.
    pub verify_phone: bool,
    /// Whether sign-up also asks for an e-mail and its code. Default: no.
    pub verify_email: bool,
    /// Whether the guest (unionID) button is shown. Default: no.
    pub show_guest: bool,
    /// The platform the guest sign-in sends. Default: [`DEFAULT_GUEST_PLATFORM`].
    pub guest_platform: String,
    /// The time after which a call is abandoned. Default: [`Client::DEFAULT_TIMEOUT`] (15 s).
    pub timeout: Duration,
    /// What the QR tab's code encodes (D5). Default: [`DEFAULT_QR_TEMPLATE`].
    pub qr_template: String,
    /// The scopes the QR sign-in asks for. Default: [`DEFAULT_QR_SCOPES`].
    pub qr_scopes: String,
    /// Whether the signed-in view offers the apps, profile and points pages. Default: no.
    pub account_pages: bool,
    /// The signed-in page shown first. Default: none, the profile.
    pub account_page: Option<AccountPage>,
}

impl Default for LoginOptions {
    fn default() -> Self {
        let forms = LoginConfig::default();
        LoginOptions {
            server_url: String::new(),
            app_id: None,
            tabs: None,
            initial_tab: None,
            lang: None,
            theme: None,
            strings: Overrides::new(),
            countdown_secs: forms.countdown_secs,
            min_pwd: forms.min_pwd,
            allow_international: forms.allow_international,
            verify_phone: forms.verify_phone,
            verify_email: forms.verify_email,
            show_guest: false,
            guest_platform: forms.guest_platform,
            timeout: Client::DEFAULT_TIMEOUT,
            qr_template: DEFAULT_QR_TEMPLATE.to_owned(),
            qr_scopes: DEFAULT_QR_SCOPES.to_owned(),
            account_pages: false,
            account_page: None,
        }
    }
}

impl LoginOptions {
    /// The tabs shown: those given, each once, in the order of its first mention; every
    /// method when none (or an empty list) was given.
    pub fn tabs(&self) -> Vec<LoginTab> {
        let mut tabs: Vec<LoginTab> = Vec::new();
        for tab in self.tabs.iter().flatten() {
            if !tabs.contains(tab) {
                tabs.push(*tab);
            }
        }
        if tabs.is_empty() {
            tabs = LoginTab::ALL.to_vec();
        }
        tabs
    }

    /// The tab open first: [`initial_tab`](Self::initial_tab) when it is one of the tabs
    /// shown, else the first tab shown.
    pub fn first_tab(&self) -> LoginTab {
        let tabs = self.tabs();
        self.initial_tab
            .filter(|t| tabs.contains(t))
            .or_else(|| tabs.first().copied())
            .unwrap_or(LoginTab::Account)
    }

    /// The client of the server and app, with the timeout (app 0 when no app id is set).
    pub fn client(&self) -> Client {
        Client::new(&self.server_url, self.app_id.unwrap_or(0)).with_timeout(self.timeout)
    }

    /// The part of the options the forms follow.
    pub fn forms(&self) -> LoginConfig {
        LoginConfig {
            countdown_secs: self.countdown_secs,
            min_pwd: self.min_pwd,
            allow_international: self.allow_international,
            verify_phone: self.verify_phone,
            verify_email: self.verify_email,
            guest_platform: self.guest_platform.clone(),
        }
    }
}

/// The host's choices that the forms follow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoginConfig {
    /// Seconds before a "get code" button may be pressed again (60 by default).
    pub countdown_secs: u32,
    /// The shortest password accepted (6 by default; the host may raise it).
    pub min_pwd: usize,
    /// Whether `+<country><number>` phone numbers are accepted besides mainland ones.
    pub allow_international: bool,
    /// Whether the app verifies phones: sign-up forms then also ask for a phone and its code.
    pub verify_phone: bool,
    /// Whether the app verifies emails: sign-up forms then also ask for an email and its code.
    pub verify_email: bool,
    /// The platform sent by the guest (unionID) sign-in, `web` by default.
    pub guest_platform: String,
}

impl Default for LoginConfig {
    fn default() -> Self {
        LoginConfig {
            countdown_secs: DEFAULT_COUNTDOWN_SECS,
            min_pwd: DEFAULT_MIN_PWD,
            allow_international: false,
            verify_phone: false,
            verify_email: false,
            guest_platform: DEFAULT_GUEST_PLATFORM.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_are_unique_in_order_of_first_mention() {
        let o = LoginOptions {
            tabs: Some(vec![LoginTab::Account, LoginTab::Phone, LoginTab::Account]),
            ..LoginOptions::default()
        };
        assert_eq!(o.tabs(), vec![LoginTab::Account, LoginTab::Phone]);
        let none = LoginOptions {
            tabs: Some(vec![]),
            ..LoginOptions::default()
        };
        assert_eq!(none.tabs(), LoginTab::ALL.to_vec());
        assert_eq!(LoginOptions::default().tabs(), LoginTab::ALL.to_vec());
    }

    #[test]
    fn the_first_tab_is_the_initial_one_only_when_shown() {
        let mut o = LoginOptions {
            tabs: Some(vec![LoginTab::Phone, LoginTab::Email]),
            initial_tab: Some(LoginTab::Email),
            ..LoginOptions::default()
        };
        assert_eq!(o.first_tab(), LoginTab::Email);
        o.initial_tab = Some(LoginTab::Qr);
        assert_eq!(o.first_tab(), LoginTab::Phone);
        assert_eq!(LoginOptions::default().first_tab(), LoginTab::Account);
    }

    #[test]
    fn the_forms_follow_the_options() {
        let o = LoginOptions {
            min_pwd: 9,
            guest_platform: "kiosk".into(),
            verify_email: true,
            ..LoginOptions::default()
        };
        let forms = o.forms();
        assert_eq!(forms.min_pwd, 9);
        assert_eq!(forms.guest_platform, "kiosk");
        assert!(forms.verify_email);
        assert_eq!(LoginOptions::default().forms(), LoginConfig::default());
    }
}
