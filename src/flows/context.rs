//! The context shared by the widget's forms: the API client, the host's choices, the live
//! status line and the session the forms sign in to.

use leptos::prelude::*;

use crate::api::{ApiError, Client, Token};
use crate::i18n::{message_for_error, use_i18n, I18n, Key, Message};
use crate::options::LoginConfig;
use crate::session::{provide_session, try_use_session, Session, TokenStore};
use crate::ui::StatusLine;

/// What every form of one widget shares. Cheap to copy.
///
/// It owns the widget's [`Session`]: a form that signs someone in hands the token to
/// [`LoginCtx::signed_in`], which saves it in the session (so a form used alone signs in
/// too); the host's callback only hears of it afterwards.
#[derive(Clone, Copy, Debug)]
pub struct LoginCtx {
    /// The client of the server and app.
    client: StoredValue<Client>,
    /// The host's choices.
    config: StoredValue<LoginConfig>,
    /// The sentence of the live region (busy and result announcements).
    pub status: RwSignal<Option<Message>>,
    /// The session the forms sign in to.
    session: Session,
    /// Told of every token after it is saved in the session (the host's `on_login`).
    on_token: Option<Callback<Token>>,
    /// The strings of this part of the tree, whose language the client asks the server for.
    i18n: I18n,
}

impl LoginCtx {
    /// A context for `client` with `config`. Its session is the one provided above (see
    /// [`provide_session`]), or else a new one for `client`'s server and app, provided to the
    /// components below, as is its status line (for a [`LiveRegion`](crate::ui::LiveRegion)).
    /// `on_token` is told of every token once it is saved. Its requests
    /// ask for the language of the i18n context above (see [`use_i18n`]).
    pub fn new(client: Client, config: LoginConfig, on_token: Option<Callback<Token>>) -> Self {
        let session =
            try_use_session().unwrap_or_else(|| provide_session(TokenStore::for_client(&client)));
        let status = RwSignal::new(None);
        provide_context(StatusLine(status));
        LoginCtx {
            client: StoredValue::new(client),
            config: StoredValue::new(config),
            status,
            session,
            on_token,
            i18n: use_i18n(),
        }
    }

    /// The session the forms sign in to.
    pub fn session(&self) -> Session {
        self.session
    }

    /// The API client, asking for the language shown now.
    pub fn client(&self) -> Client {
        self.i18n.localize(&self.client.get_value())
    }

    /// The host's choices.
    pub fn config(&self) -> LoginConfig {
        self.config.get_value()
    }

    /// Says `message` in the live region.
    pub fn announce(&self, message: impl Into<Message>) {
        self.status.try_set(Some(message.into()));
    }

    /// A sign-in or sign-up succeeded: saves `token` in the session, says so in the live
    /// region and tells the observer.
    pub fn signed_in(&self, token: Token) {
        self.session.sign_in(&token);
        self.announce(Key::SigninDone);
        if let Some(cb) = self.on_token {
            cb.run(token);
        }
    }

    /// A request failed: clears the busy announcement and shows the sentence for `e` in
    /// `error` (the form's error line).
    pub fn failed(&self, error: RwSignal<Option<Message>>, e: &ApiError) {
        self.status.try_set(None);
        error.try_set(Some(message_for_error(e)));
    }
}

/// Provides the forms' context to the children of this part of the tree and returns it.
pub fn provide_login(ctx: LoginCtx) -> LoginCtx {
    provide_context(ctx);
    ctx
}

/// The forms' context above this component. A form used outside a provider gets a client of
/// the page's own origin and app 0 (and that app's session), which the host should not rely
/// on.
pub fn use_login() -> LoginCtx {
    use_context::<LoginCtx>().unwrap_or_else(|| {
        leptos::logging::warn!("oauthapp-login: a form is used outside LoginWidget/provide_login");
        provide_login(LoginCtx::new(
            Client::new("", 0),
            LoginConfig::default(),
            None,
        ))
    })
}
