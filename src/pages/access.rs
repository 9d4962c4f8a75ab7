//! What every signed-in page needs: a client carrying the session's token, and the way out
//! when the server says the token is no longer good (401).

use leptos::prelude::*;

use crate::api::{ApiError, Client};
use crate::flows::context::LoginCtx;
use crate::i18n::{message_for_error, Key, Message};
use crate::session::{try_use_session, Session};

/// The signed-in pages' access to the server: the widget's client and session (from context).
/// Cheap to copy.
#[derive(Clone, Copy, Debug)]
pub struct Access {
    /// The widget's context (client, live region), if provided.
    login: Option<LoginCtx>,
    /// The session holding the token: the widget's, or one provided alone.
    session: Option<Session>,
}

impl Access {
    /// The access of the widget above this component (`LoginWidget`, or a host's
    /// `provide_login` + `provide_session`).
    pub fn from_context() -> Self {
        let login = use_context::<LoginCtx>();
        Access {
            login,
            session: login.map(|l| l.session()).or_else(try_use_session),
        }
    }

    /// The widget's client with the session's current token (no token when signed out).
    pub fn client(&self) -> Client {
        let client = self
            .login
            .map(|l| l.client())
            .unwrap_or_else(|| Client::new("", 0));
        match self.session {
            Some(s) => s.authorize(&client),
            None => client,
        }
    }

    /// The sentence for a failed call. A 401 (expired or revoked token) also signs out — the
    /// widget then shows sign-in again — and says why in the widget's live region.
    pub fn fail(&self, error: &ApiError) -> Message {
        if error.is_unauthorized() {
            if let Some(s) = self.session {
                s.sign_out();
            }
            if let Some(l) = self.login {
                l.announce(Key::AccountExpired);
            }
            return Message::Key(Key::AccountExpired);
        }
        message_for_error(error)
    }
}

/// The state of something read from the server.
#[derive(Clone, Debug, PartialEq)]
pub enum Load<T> {
    /// The answer has not arrived yet.
    Loading,
    /// The answer.
    Ready(T),
    /// The call failed; the sentence to show.
    Failed(Message),
}
