//! The context shared by the widget's forms: the API client, the host's choices, the live
//! status line and what to do with a token.

use leptos::prelude::*;

use crate::api::{ApiError, Client, Token};
use crate::i18n::{message_for_error, use_i18n, I18n, Key, Message};
use crate::options::LoginConfig;

/// What every form of one widget shares. Cheap to copy.
#[derive(Clone, Copy, Debug)]
pub struct LoginCtx {
    /// The client of the server and app.
    client: StoredValue<Client>,
    /// The host's choices.
    config: StoredValue<LoginConfig>,
    /// The sentence of the live region (busy and result announcements).
    pub status: RwSignal<Option<Message>>,
    /// Called with the token of every successful sign-in or sign-up.
    on_token: Option<Callback<Token>>,
    /// The strings of this part of the tree, whose language the client asks the server for.
    i18n: I18n,
}

impl LoginCtx {
    /// A context for `client` with `config`, handing tokens to `on_token`; its requests ask
    /// for the language of the i18n context above (see [`use_i18n`]).
    pub fn new(client: Client, config: LoginConfig, on_token: Option<Callback<Token>>) -> Self {
        LoginCtx {
            client: StoredValue::new(client),
            config: StoredValue::new(config),
            status: RwSignal::new(None),
            on_token,
            i18n: use_i18n(),
        }
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

    /// Hands a fresh token to the widget (which saves it and tells the host).
    pub fn complete(&self, token: Token) {
        if let Some(cb) = self.on_token {
            cb.run(token);
        }
    }

    /// A sign-in or sign-up succeeded: says so in the live region and hands `token` on.
    pub fn signed_in(&self, token: Token) {
        self.announce(Key::SigninDone);
        self.complete(token);
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
/// the page's own origin and app 0, which the host should not rely on.
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
