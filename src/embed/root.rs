//! What one drop-in widget renders: the view its options pick, rebuilt when they change.

use leptos::prelude::*;

use super::events::{Notifier, SessionInfo};
use super::options::{EmbedOptions, EmbedView};
use crate::api::Client;
use crate::chunks::{self, on_demand};
use crate::flows::login_widget_view;
use crate::i18n::{provide_i18n, Key, Lang};
use crate::options::{LoginOptions, Theme};
use crate::pages::AccountPage;
use crate::session::{provide_session, Session, TokenStore};

/// The drop-in's root view.
///
/// One [`Session`] per server and application is provided to the views (so a change of
/// `lang` or `view` keeps the person signed in), and mirrored into `session` for the host,
/// which hears `signin` and `signout` through `notifier`. The views follow `lang` and
/// `theme` in place (what the person typed or chose stays); every other change of `options`
/// rebuilds the view, so the host's attribute changes take effect at once.
pub fn embed_root(
    options: ArcRwSignal<EmbedOptions>,
    session: ArcRwSignal<Option<SessionInfo>>,
    notifier: StoredValue<Notifier, LocalStorage>,
) -> impl IntoView {
    let target = {
        let options = options.clone();
        Memo::new(move |_| options.with(|o| (o.login.server_url.clone(), o.login.app_id)))
    };
    let view_name = {
        let options = options.clone();
        move || options.with(|o| o.view.as_str())
    };
    let body = move || {
        let (server_url, app_id) = target.get();
        let Some(app_id) = app_id else {
            return missing_app_id(options.with_untracked(|o| o.login.lang)).into_any();
        };
        let current = provide_session(TokenStore::for_client(&Client::new(&server_url, app_id)));
        mirror_session(current, session.clone(), notifier);
        // `lang` and `theme` are followed in place by the views; every other option rebuilds
        // the view.
        let looks = Looks {
            lang: {
                let options = options.clone();
                Memo::new(move |_| options.with(|o| o.login.lang.unwrap_or_else(Lang::detect)))
                    .into()
            },
            theme: {
                let options = options.clone();
                Memo::new(move |_| options.with(|o| o.login.theme)).into()
            },
        };
        let structure = {
            let options = options.clone();
            Memo::new(move |_| options.with(|o| o.without_looks()))
        };
        (move || {
            let opts = structure.get();
            match opts.view {
                EmbedView::SignIn => sign_in(&opts, None, looks).into_any(),
                EmbedView::Apps => sign_in(&opts, Some(AccountPage::Apps), looks).into_any(),
                EmbedView::Profile => sign_in(&opts, Some(AccountPage::Profile), looks).into_any(),
                EmbedView::Points => sign_in(&opts, Some(AccountPage::Points), looks).into_any(),
                EmbedView::Consent => consent(&opts, looks).into_any(),
            }
        })
        .into_any()
    };
    view! { <div class=FRAME_CLASS data-oa-view=view_name>{body}</div> }
}

/// The class of the frame every drop-in view is shown in.
const FRAME_CLASS: &str = "oa-embed";

/// The sign-in view in its frame with fixed options and no forced theme, as [`embed_root`]
/// first renders it for a signed-out person: what the build-time shell is made of.
pub(super) fn embed_frame(opts: &EmbedOptions) -> impl IntoView {
    let looks = Looks {
        lang: Signal::stored(opts.login.lang.unwrap_or_default()),
        theme: Signal::stored(None),
    };
    let view_name = EmbedView::SignIn.as_str();
    view! { <div class=FRAME_CLASS data-oa-view=view_name>{sign_in(opts, None, looks)}</div> }
}

/// Keeps `out` equal to `session` and tells the host of every sign-in and sign-out after the
/// first reading (a session restored from storage is not a new sign-in).
fn mirror_session(
    session: Session,
    out: ArcRwSignal<Option<SessionInfo>>,
    notifier: StoredValue<Notifier, LocalStorage>,
) {
    let token = session.token();
    Effect::new(move |previous: Option<Option<String>>| {
        let info = token.get().map(SessionInfo::from_token);
        let now = info.as_ref().map(|i| i.token.access_token.clone());
        if let Some(previous) = previous {
            match (&info, previous != now) {
                (Some(info), true) => notifier.with_value(|n| n.emit("signin", &info.to_js())),
                (None, true) => {
                    notifier.with_value(|n| n.emit("signout", &wasm_bindgen::JsValue::NULL))
                }
                (_, false) => {}
            }
        }
        out.set(info);
        now
    });
}

/// The options the views follow without being rebuilt.
#[derive(Clone, Copy)]
struct Looks {
    /// The language shown.
    lang: Signal<Lang>,
    /// The forced theme, if any.
    theme: Signal<Option<Theme>>,
}

/// The sign-in widget with the host's options; with `page`, once signed in it shows the
/// signed-in pages, that one first (the `apps`, `profile` and `points` views).
fn sign_in(opts: &EmbedOptions, page: Option<AccountPage>, looks: Looks) -> impl IntoView {
    let options = LoginOptions {
        account_pages: page.is_some(),
        account_page: page,
        ..opts.login.clone()
    };
    untrack(move || login_widget_view(options, looks.lang.into(), looks.theme.into(), None, None))
}

/// Said when the host gave no application id.
fn missing_app_id(lang: Option<Lang>) -> impl IntoView {
    let text = match lang.unwrap_or_else(Lang::detect) {
        Lang::ZhCn => "未设置应用 ID（app-id）。",
        Lang::En => "No application id (app-id) is set.",
    };
    view! { <p class="oa-embed__notice" role="alert">{text}</p> }
}

/// The OAuth consent screen for the request in the page's URL (`redirect_uri`, `scope`,
/// `state`, …), in the widget's frame and language.
fn consent(opts: &EmbedOptions, looks: Looks) -> impl IntoView {
    let Looks { lang, theme } = looks;
    let i18n = provide_i18n(Some(lang.get_untracked()), opts.login.strings.clone());
    i18n.follow(lang.into());
    // ConsentScreen asks for the language shown at each call.
    let client = opts.login.client();
    let screen = on_demand(&chunks::CONSENT, Signal::stored(true), move || {
        chunks::views::consent_view(client.clone())
    });
    let class = move || Theme::root_class(theme.get());
    view! {
        <section class=class lang=move || i18n.lang().tag() aria-label=i18n.text(Key::WidgetLabel)>
            {screen}
        </section>
    }
}
