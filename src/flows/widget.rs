//! The whole widget: tabs of sign-in methods, sign-up, password reset, guest sign-in, and the
//! signed-in view.

use std::time::Duration;

use leptos::prelude::*;

use crate::api::Token;
use crate::chunks::{self, on_demand, prefetch_when_idle};
use crate::flows::account::{AccountForm, FormMode};
use crate::flows::code::countdown::DEFAULT_COUNTDOWN_SECS;
use crate::flows::code::{EmailForm, PhoneForm};
use crate::flows::context::{provide_login, LoginCtx};
use crate::flows::guest::GuestButton;
use crate::flows::signed_in::SignedIn;
use crate::i18n::{provide_i18n, Key, Lang, Overrides};
use crate::options::{LoginOptions, Theme};
use crate::pages::AccountPage;
use crate::session::Claims;
use crate::ui::unique_id;
use crate::ui::LiveRegion;
use crate::ui::{panel_id, tab_id, LoginTab, TabPanel, Tabs};
use crate::validate::DEFAULT_MIN_PWD;

/// What the widget shows besides the signed-in view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Screen {
    /// The tabs.
    Tabs,
    /// The password reset.
    Reset,
}

/// The sign-in widget. Put it on the host's sign-in page:
///
/// ```no_run
/// use leptos::prelude::*;
/// use oauthapp_login::components::{LoginTab, LoginWidget};
/// # fn demo() -> impl IntoView {
/// view! {
///     <LoginWidget
///         server_url="https://www.oauthapp.com"
///         app_id=2
///         tabs=vec![LoginTab::Account, LoginTab::Phone, LoginTab::Email]
///         show_guest=true
///         on_login=Callback::new(|(token, claims)| { let _ = (token, claims); })
///     />
/// }
/// # }
/// ```
#[component]
pub fn LoginWidget(
    /// The server, e.g. `https://www.oauthapp.com` (empty: the page's own origin).
    #[prop(into)]
    server_url: String,
    /// The application id.
    app_id: u64,
    /// The tabs shown, in order (all of them unless said).
    #[prop(optional)]
    tabs: Option<Vec<LoginTab>>,
    /// The tab open first (the first tab unless said).
    #[prop(optional)]
    initial_tab: Option<LoginTab>,
    /// The language (from `navigator.languages` unless said). May be a signal: the widget
    /// then switches language in place, keeping what was typed.
    #[prop(optional, into)]
    lang: MaybeProp<Lang>,
    /// Replacements for any string (see [`Overrides`]).
    #[prop(optional)]
    strings: Overrides,
    /// Seconds before a code may be asked for again.
    #[prop(default = DEFAULT_COUNTDOWN_SECS)]
    countdown_secs: u32,
    /// The shortest password accepted at sign-up and reset.
    #[prop(default = DEFAULT_MIN_PWD)]
    min_pwd: usize,
    /// Whether `+<country><number>` phone numbers are accepted.
    #[prop(optional)]
    allow_international: bool,
    /// Whether sign-up also asks for a phone and its code (the app verifies phones).
    #[prop(optional)]
    verify_phone: bool,
    /// Whether sign-up also asks for an email and its code (the app verifies emails).
    #[prop(optional)]
    verify_email: bool,
    /// Whether the guest (unionID) button is shown.
    #[prop(optional)]
    show_guest: bool,
    /// The platform the guest sign-in sends (`web` unless said).
    #[prop(optional, into)]
    guest_platform: Option<String>,
    /// A forced theme (follows the system unless said). May be a signal, followed in place.
    #[prop(optional, into)]
    theme: MaybeProp<Theme>,
    /// The time after which a call is abandoned (the client's 15 s unless said).
    #[prop(optional)]
    timeout: Option<Duration>,
    /// Called with the token and its decoded claims after every sign-in or sign-up (the token
    /// is already saved in the session).
    #[prop(optional)]
    on_login: Option<Callback<(Token, Claims)>>,
    /// Called after the person signs out.
    #[prop(optional)]
    on_logout: Option<Callback<()>>,
    /// What the QR tab's code encodes (D5): a template with `{serverUrl}`, `{appId}` and
    /// `{signInKey}` ([`DEFAULT_QR_TEMPLATE`](crate::flows::DEFAULT_QR_TEMPLATE) unless said).
    #[prop(optional, into)]
    qr_template: Option<String>,
    /// The scopes the QR sign-in asks the mini-program user for (`openid profile` unless said).
    #[prop(optional, into)]
    qr_scopes: Option<String>,
    /// Whether the signed-in view also offers the authorized apps, profile and points pages.
    #[prop(optional)]
    account_pages: bool,
    /// The signed-in page shown first when `account_pages` is on (the profile unless said).
    #[prop(optional)]
    account_page: Option<AccountPage>,
) -> impl IntoView {
    // The props, read into the one options type.
    let defaults = LoginOptions::default();
    let options = LoginOptions {
        server_url,
        app_id: Some(app_id),
        tabs,
        initial_tab,
        lang: lang.get_untracked(),
        theme: theme.get_untracked(),
        strings,
        countdown_secs,
        min_pwd,
        allow_international,
        verify_phone,
        verify_email,
        show_guest,
        guest_platform: guest_platform.unwrap_or(defaults.guest_platform),
        timeout: timeout.unwrap_or(defaults.timeout),
        qr_template: qr_template.unwrap_or(defaults.qr_template),
        qr_scopes: qr_scopes.unwrap_or(defaults.qr_scopes),
        account_pages,
        account_page,
    };
    let on_token = on_login.map(|cb| {
        Callback::new(move |token: Token| {
            let claims = Claims::from_jwt(&token.access_token).unwrap_or_default();
            cb.run((token, claims));
        })
    });
    login_widget_view(options, lang, theme, on_token, on_logout)
}

/// The sign-in widget for `options`, following `lang` and `theme` in place when they are
/// signals (else `options.lang` and `options.theme`). Saved tokens are also handed to
/// `on_token`; `on_logout` hears of sign-outs. What [`LoginWidget`] and the drop-in render.
pub fn login_widget_view(
    options: LoginOptions,
    lang: MaybeProp<Lang>,
    theme: MaybeProp<Theme>,
    on_token: Option<Callback<Token>>,
    on_logout: Option<Callback<()>>,
) -> impl IntoView {
    let fixed_lang = options.lang;
    let fixed_theme = options.theme;
    let lang: Signal<Option<Lang>> = Signal::derive(move || lang.get().or(fixed_lang));
    let theme: Signal<Option<Theme>> = Signal::derive(move || theme.get().or(fixed_theme));
    let i18n = provide_i18n(lang.get_untracked(), options.strings.clone());
    i18n.follow(lang.into());
    let tabs = options.tabs();
    let selected = RwSignal::new(options.first_tab());
    let screen = RwSignal::new(Screen::Tabs);
    let prefill = RwSignal::new(String::new());
    let show_guest = options.show_guest;
    let account_pages = options.account_pages;
    let account_page = options.account_page;

    // The session is the context's: the host's if it provided one, else one scoped to this
    // server and app. The forms save tokens in it; `on_token` only hears of them. The
    // context's client() adds the language shown at each call.
    let ctx = provide_login(LoginCtx::new(options.client(), options.forms(), on_token));
    let session = ctx.session();

    let prefix = unique_id("login");
    let user = session.claims();
    let signed_in = session.is_signed_in();
    let sign_out = Callback::new(move |()| {
        session.sign_out();
        screen.set(Screen::Tabs);
        ctx.announce(Key::SignedOut);
        if let Some(cb) = on_logout {
            cb.run(());
        }
    });
    let on_reset = Callback::new(move |to: String| {
        prefill.set(to);
        selected.set(LoginTab::Account);
        screen.set(Screen::Tabs);
    });
    let on_forgot = Callback::new(move |()| {
        ctx.status.set(None);
        screen.set(Screen::Reset);
    });
    let qr_scopes = options.qr_scopes;
    let qr_template = options.qr_template;
    // The views this widget may show that are chunks of their own in the split drop-in
    // (src/chunks/): fetched once the page is idle, so that a click does not wait.
    let mut later = Vec::new();
    if tabs.contains(&LoginTab::Qr) {
        later.push(&chunks::QR);
    }
    if tabs.contains(&LoginTab::Account) {
        later.push(&chunks::RESET);
    }
    if account_pages {
        later.push(&chunks::PAGES);
    }
    prefetch_when_idle(later);

    let class = move || Theme::root_class(theme.get());
    let tabs = StoredValue::new(tabs);
    let prefix = StoredValue::new(prefix);

    let panels = move || {
        let tabs = tabs.get_value();
        let prefix = prefix.get_value();
        let name = prefill.get_untracked();
        let list = tabs.clone();
        let many = list.len() > 1;
        let panels = tabs
            .into_iter()
            .map(|tab| {
                let name = name.clone();
                let qr_scopes = qr_scopes.clone();
                let qr_template = qr_template.clone();
                let shown = Signal::derive(move || selected.get() == tab);
                view! {
                    <TabPanel id=panel_id(&prefix, tab) labelled_by=many.then(|| tab_id(&prefix, tab)) shown=shown>
                        {match tab {
                            LoginTab::Account => view! {
                                <AccountForm mode=FormMode::SignIn user_name=name on_forgot=on_forgot />
                            }
                            .into_any(),
                            LoginTab::Phone => view! { <PhoneForm /> }.into_any(),
                            LoginTab::Email => view! { <EmailForm /> }.into_any(),
                            // Fetched when the tab is first shown (or once the page is idle).
                            LoginTab::Qr => on_demand(&chunks::QR, shown, move || {
                                chunks::views::qr_view(shown, qr_scopes.clone(), qr_template.clone())
                            }),
                        }}
                    </TabPanel>
                }
            })
            .collect_view();
        view! {
            {many.then(|| view! { <Tabs tabs=list selected=selected id_prefix=prefix.clone() /> })}
            {panels}
        }
    };

    view! {
        <section class=class lang=move || i18n.lang().tag() aria-label=i18n.text(Key::WidgetLabel)>
            {move || match (signed_in.get(), screen.get()) {
                (true, _) => {
                    let claims = user.get().unwrap_or_default();
                    let name = claims.display_name().unwrap_or_default().to_owned();
                    view! {
                        <SignedIn
                            name=name
                            user_id=claims.nameid.clone()
                            platform=claims.platform.clone()
                            on_sign_out=sign_out
                        />
                        {account_pages.then(|| on_demand(&chunks::PAGES, Signal::stored(true), move || {
                            chunks::views::pages_view(account_page)
                        }))}
                    }
                    .into_any()
                }
                (false, Screen::Reset) => {
                    let on_back = Callback::new(move |()| screen.set(Screen::Tabs));
                    on_demand(&chunks::RESET, Signal::stored(true), move || {
                        chunks::views::reset_view(on_reset, on_back)
                    })
                }
                (false, Screen::Tabs) => view! {
                    {panels()}
                    <Show when=move || show_guest>
                        <GuestButton />
                    </Show>
                }
                .into_any(),
            }}
            <LiveRegion />
        </section>
    }
}
