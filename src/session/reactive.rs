//! The reactive session for Leptos: the signed-in token as a signal, kept in step with the
//! store and with the other tabs of the same site.

use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CustomEvent, CustomEventInit, StorageEvent};

use super::claims::Claims;
use super::store::{StoredToken, TokenStore};
use crate::api::{Client, Token};

/// The window event a [`Session`] dispatches after it signs in or out, its `detail` the
/// storage key: the other widgets of the page (which get no `storage` event) follow it.
pub const SESSION_EVENT: &str = "oauthapp-login:session-changed";

/// The longest delay a browser timer honours (2^31 - 1 ms).
const MAX_TIMER_MS: i64 = i32::MAX as i64;

/// The signed-in state of one server and application, shared through context.
///
/// Cheap to copy. Created by [`Session::new`] (or [`provide_session`]) inside a reactive
/// owner; it follows sign-ins and sign-outs made in other tabs through the window's `storage`
/// event and those of other widgets of the page through [`SESSION_EVENT`], and stops
/// listening when its owner is cleaned up.
#[derive(Debug, Clone, Copy)]
pub struct Session {
    token: RwSignal<Option<StoredToken>>,
    claims: Memo<Option<Claims>>,
    store: StoredValue<TokenStore, LocalStorage>,
    /// Fires when the current token expires; replaced (so cancelled) whenever it changes.
    expiry_timer: StoredValue<Option<Timeout>, LocalStorage>,
}

impl Session {
    /// A session over `store`, starting with the token it holds (if any is still valid),
    /// listening for changes of its key made in other tabs, and signing out by itself when
    /// the token expires.
    pub fn new(store: TokenStore) -> Self {
        let token = RwSignal::new(None);
        let claims = Memo::new(move |_| token.with(|t| t.as_ref().and_then(StoredToken::claims)));
        let key = store.key().to_owned();
        let session = Session {
            token,
            claims,
            store: StoredValue::new_local(store),
            expiry_timer: StoredValue::new_local(None),
        };
        session.refresh();
        // Re-reads the store when `changed` is this session's key, or `None` (for the
        // `storage` event: another tab cleared the whole storage).
        let on_change = move |changed: Option<String>| {
            if changed.is_none_or(|changed| changed == key) {
                session.refresh();
            }
        };
        // Outside a browser (the build-time render of the drop-in's first view) there is no
        // window to listen to.
        if crate::browser::IN_BROWSER {
            let other_tabs = {
                let on_change = on_change.clone();
                window_event_listener(leptos::ev::storage, move |event: StorageEvent| {
                    on_change(event.key())
                })
            };
            // The `storage` event never reaches the page that wrote: other widgets of this page
            // hear of a sign-in or sign-out through `SESSION_EVENT` instead.
            let this_page = window_event_listener_untyped(SESSION_EVENT, move |event| {
                on_change(
                    event
                        .dyn_ref::<CustomEvent>()
                        .and_then(|e| e.detail().as_string()),
                )
            });
            on_cleanup(move || {
                other_tabs.remove();
                this_page.remove();
            });
        }
        session
    }

    /// The current token (tracked), or `None` when signed out.
    pub fn token(&self) -> Signal<Option<StoredToken>> {
        self.token.into()
    }

    /// The current token's claims, for display only (tracked).
    pub fn claims(&self) -> Signal<Option<Claims>> {
        self.claims.into()
    }

    /// Whether someone is signed in (tracked).
    pub fn is_signed_in(&self) -> Signal<bool> {
        let token = self.token;
        Memo::new(move |_| token.with(Option::is_some)).into()
    }

    /// Stores `token` and signs in with it; gives what was stored. The other sessions of
    /// this page with the same key follow.
    pub fn sign_in(&self, token: &Token) -> Option<StoredToken> {
        let stored = self.store.try_with_value(|store| store.save(token))?;
        self.set(Some(stored.clone()));
        self.tell_this_page();
        Some(stored)
    }

    /// Forgets the token, here and in the store; the other sessions of this page with the
    /// same key follow.
    pub fn sign_out(&self) {
        self.store.try_with_value(TokenStore::clear);
        self.set(None);
        self.tell_this_page();
    }

    /// Dispatches [`SESSION_EVENT`] on the window with this session's key (best effort).
    fn tell_this_page(&self) {
        let Some(key) = self.store.try_with_value(|s| s.key().to_owned()) else {
            return;
        };
        let Some(window) = crate::browser::window() else {
            return;
        };
        let init = CustomEventInit::new();
        init.set_detail(&JsValue::from_str(&key));
        if let Ok(event) = CustomEvent::new_with_event_init_dict(SESSION_EVENT, &init) {
            let _ = window.dispatch_event(&event);
        }
    }

    /// Reads the store again (dropping an expired token), e.g. before a call or after a 401.
    pub fn refresh(&self) {
        if let Some(current) = self.store.try_with_value(TokenStore::load) {
            self.set(current);
        }
    }

    /// Sets the current token and arms the timer that re-reads the store when it expires.
    fn set(&self, token: Option<StoredToken>) {
        let timer = match (&token, self.store.try_with_value(TokenStore::now_ms)) {
            (Some(t), Some(now)) => {
                let session = *self;
                // Browsers fire longer delays at once; a far expiry is re-armed on the way.
                let delay = t.expires_at.saturating_sub(now).clamp(0, MAX_TIMER_MS);
                let delay = u32::try_from(delay).unwrap_or(0);
                Some(Timeout::new(delay, move || session.refresh()))
            }
            _ => None,
        };
        // Replacing the old timer drops it, which cancels it.
        self.expiry_timer.try_set_value(timer);
        // Only a real change notifies: `refresh` runs before every call, often from a
        // component's body, and a notification there would re-render the signed-in view,
        // which calls again — a loop that once ate the page's memory.
        if self.token.try_with_untracked(|t| *t != token) == Some(true) {
            self.token.try_set(token);
        }
    }

    /// `client` with the current token as its bearer token (untracked), or `client` as is
    /// when signed out. Reads the store, so an expired token is not sent.
    pub fn authorize(&self, client: &Client) -> Client {
        self.refresh();
        match self.token.try_get_untracked().flatten() {
            Some(token) => token.authorize(client),
            None => client.without_token(),
        }
    }
}

/// Creates a [`Session`] over `store` and provides it to the components below.
pub fn provide_session(store: TokenStore) -> Session {
    let session = Session::new(store);
    provide_context(session);
    session
}

/// The [`Session`] provided above, if any.
pub fn try_use_session() -> Option<Session> {
    use_context::<Session>()
}

/// The [`Session`] provided above by [`provide_session`].
///
/// # Panics
///
/// When no session was provided: a mistake in the page's code, not something a user or a
/// server can cause.
pub fn use_session() -> Session {
    expect_context::<Session>()
}
