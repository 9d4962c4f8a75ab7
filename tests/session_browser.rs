//! The session in headless Chromium: the real localStorage, expiry, scope per app, the
//! fallback when localStorage throws or is full, and the cross-tab `storage` event.
//! Each test uses its own app id, so the page-wide memory fallback never leaks between tests.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use oauthapp_login::api::Token;
use oauthapp_login::clock::SystemClock;
use oauthapp_login::session::*;
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SERVER: &str = "https://oauthapp.test/";

fn eval(code: &str) -> wasm_bindgen::JsValue {
    js_sys::eval(code).expect("test script runs")
}

fn local_storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("the test browser has localStorage")
}

/// The JSON in the real localStorage under `key`.
fn raw(key: &str) -> Option<Value> {
    let text = local_storage().get_item(key).ok()??;
    serde_json::from_str(&text).ok()
}

fn token(access: &str, expires_in: i64) -> Token {
    Token {
        access_token: access.to_owned(),
        token_type: "Bearer".to_owned(),
        expires_in: Some(expires_in),
    }
}

/// Writes a token into localStorage directly, as another tab would.
fn write_as_other_tab(key: &str, access: &str, expires_at: f64) {
    let value =
        json!({"access_token": access, "token_type": "Bearer", "expires_at": expires_at as i64});
    local_storage()
        .set_item(key, &value.to_string())
        .expect("write");
}

/// Dispatches the `storage` event another tab's change would fire here.
fn dispatch_storage_event(key: Option<&str>) {
    let key = match key {
        Some(k) => serde_json::to_string(k).unwrap_or_default(),
        None => "null".to_owned(),
    };
    eval(&format!(
        "window.dispatchEvent(new StorageEvent('storage', {{ key: {key}, storageArea: window.localStorage }}));"
    ));
}

#[wasm_bindgen_test]
fn save_then_read_back_from_the_real_local_storage() {
    let store = TokenStore::browser(SERVER, 101);
    let now = js_sys::Date::now();
    let saved = store.save(&token("h.p.s", 3600));
    assert_eq!(store.key(), "oauthapp-login:v1:https://oauthapp.test:101");
    let stored = raw(store.key()).expect("written to localStorage");
    assert_eq!(stored["access_token"], "h.p.s");
    assert_eq!(stored["token_type"], "Bearer");
    let expires_at = stored["expires_at"].as_f64().unwrap_or_default();
    assert!(
        (expires_at - (now + 3_600_000.0)).abs() < 5_000.0,
        "{expires_at}"
    );
    // A new store (as after a reload) reads it back.
    let again = TokenStore::browser("https://oauthapp.test", 101);
    assert_eq!(again.load(), Some(saved));
    again.clear();
    assert_eq!(local_storage().get_item(store.key()).ok().flatten(), None);
}

#[wasm_bindgen_test]
fn expired_token_is_dropped_when_read() {
    let store = TokenStore::browser(SERVER, 102);
    write_as_other_tab(store.key(), "old", js_sys::Date::now() - 1.0);
    assert_eq!(store.load(), None);
    assert_eq!(local_storage().get_item(store.key()).ok().flatten(), None);
    let store = TokenStore::browser(SERVER, 102);
    store.save(&token("gone", 0));
    assert_eq!(store.load(), None, "expires_in 0 is already expired");
}

#[wasm_bindgen_test]
fn garbled_entry_is_dropped_when_read() {
    let store = TokenStore::browser(SERVER, 103);
    local_storage()
        .set_item(store.key(), "{not json")
        .expect("write");
    assert_eq!(store.load(), None);
    assert_eq!(local_storage().get_item(store.key()).ok().flatten(), None);
}

#[wasm_bindgen_test]
fn tokens_are_scoped_per_app() {
    let app_a = TokenStore::browser(SERVER, 104);
    let app_b = TokenStore::browser(SERVER, 105);
    app_a.save(&token("for-104", 60));
    assert_eq!(app_b.load(), None);
    app_b.save(&token("for-105", 60));
    assert_eq!(
        app_a.load().map(|t| t.access_token).as_deref(),
        Some("for-104")
    );
    assert_eq!(
        app_b.load().map(|t| t.access_token).as_deref(),
        Some("for-105")
    );
    app_a.clear();
    assert_eq!(
        app_b.load().map(|t| t.access_token).as_deref(),
        Some("for-105")
    );
    app_b.clear();
}

/// Makes `window.localStorage` throw (as in a sandboxed iframe or with storage blocked) while
/// `f` runs, then restores it.
fn with_throwing_local_storage<T>(f: impl FnOnce() -> T) -> T {
    eval(
        "window.__oaLsDescriptor = Object.getOwnPropertyDescriptor(window, 'localStorage');
         Object.defineProperty(window, 'localStorage', { configurable: true,
           get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });",
    );
    let out = f();
    eval("Object.defineProperty(window, 'localStorage', window.__oaLsDescriptor);");
    out
}

#[wasm_bindgen_test]
fn throwing_local_storage_falls_back_to_memory() {
    let key = TokenStore::key_for(SERVER, 106);
    let (backend_error, loaded) = with_throwing_local_storage(|| {
        let backend_error = LocalStorageBackend.get(&key);
        let store = TokenStore::browser(SERVER, 106);
        assert_eq!(store.load(), None);
        store.save(&token("in-memory", 60));
        let loaded = TokenStore::browser(SERVER, 106).load();
        (backend_error, loaded)
    });
    assert!(
        matches!(&backend_error, Err(StorageError::Failed(m)) if m.contains("insecure")),
        "{backend_error:?}"
    );
    assert_eq!(loaded.map(|t| t.access_token).as_deref(), Some("in-memory"));
    // Restored, and the token never reached localStorage.
    assert_eq!(local_storage().get_item(&key).ok().flatten(), None);
}

#[wasm_bindgen_test]
fn missing_local_storage_falls_back_to_memory() {
    eval(
        "window.__oaLsDescriptor = Object.getOwnPropertyDescriptor(window, 'localStorage');
         Object.defineProperty(window, 'localStorage', { configurable: true, get() { return null; } });",
    );
    let key = TokenStore::key_for(SERVER, 107);
    let missing = LocalStorageBackend.get(&key);
    let store = TokenStore::browser(SERVER, 107);
    store.save(&token("kept", 60));
    let loaded = store.load();
    eval("Object.defineProperty(window, 'localStorage', window.__oaLsDescriptor);");
    assert_eq!(missing, Err(StorageError::Missing));
    assert_eq!(loaded.map(|t| t.access_token).as_deref(), Some("kept"));
}

#[wasm_bindgen_test]
fn full_local_storage_falls_back_and_forgets_the_older_token() {
    let store = TokenStore::browser(SERVER, 108);
    store.save(&token("older", 600));
    eval(
        "window.__oaSetItem = Storage.prototype.setItem;
         Storage.prototype.setItem = function () {
           throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
         };",
    );
    let fresh = TokenStore::browser(SERVER, 108);
    fresh.save(&token("newer", 600));
    let loaded = fresh.load();
    eval("Storage.prototype.setItem = window.__oaSetItem;");
    assert_eq!(loaded.map(|t| t.access_token).as_deref(), Some("newer"));
    assert_eq!(
        local_storage().get_item(store.key()).ok().flatten(),
        None,
        "the older token must not come back after a reload"
    );
}

#[wasm_bindgen_test]
fn session_follows_sign_in_and_sign_out_in_another_tab() {
    let owner = Owner::new();
    let store = TokenStore::browser(SERVER, 109);
    let key = store.key().to_owned();
    let session = owner.with(|| Session::new(store));
    let signed_in = session.is_signed_in();
    assert!(!signed_in.get_untracked());

    // Another tab signs in: it writes the key, and this tab gets a `storage` event.
    write_as_other_tab(
        &key,
        "e30.eyJuYW1laWQiOiI0MiJ9.s",
        js_sys::Date::now() + 60_000.0,
    );
    dispatch_storage_event(Some(&key));
    assert!(signed_in.get_untracked());
    let claims = session.claims().get_untracked();
    assert_eq!(claims.and_then(|c| c.nameid).as_deref(), Some("42"));

    // A change of another key is ignored.
    local_storage().remove_item(&key).expect("remove");
    dispatch_storage_event(Some("some-other-key"));
    assert!(signed_in.get_untracked(), "only our key is followed");

    // Another tab signs out (its removal already happened above).
    dispatch_storage_event(Some(&key));
    assert!(!signed_in.get_untracked());

    // `localStorage.clear()` elsewhere fires with a null key.
    write_as_other_tab(&key, "a.b.c", js_sys::Date::now() + 60_000.0);
    dispatch_storage_event(None);
    assert_eq!(
        session
            .token()
            .get_untracked()
            .map(|t| t.access_token)
            .as_deref(),
        Some("a.b.c")
    );
    owner.with(|| session.sign_out());
    owner.cleanup();
}

// Guards against two widgets of one page (a header and a sign-in form, say) that disagree
// about who is signed in until a reload: the `storage` event only reaches other tabs.
#[wasm_bindgen_test]
fn sessions_of_one_page_follow_each_other() {
    let (first_owner, second_owner) = (Owner::new(), Owner::new());
    let first = first_owner.with(|| Session::new(TokenStore::browser(SERVER, 114)));
    let second = second_owner.with(|| Session::new(TokenStore::browser(SERVER, 114)));
    let other_app = first_owner.with(|| Session::new(TokenStore::browser(SERVER, 115)));
    assert!(!second.is_signed_in().get_untracked());

    first.sign_in(&token("shared.p.s", 60)).expect("signed in");
    assert_eq!(
        second
            .token()
            .get_untracked()
            .map(|t| t.access_token)
            .as_deref(),
        Some("shared.p.s"),
        "the other widget of the page follows the sign-in"
    );
    assert!(
        !other_app.is_signed_in().get_untracked(),
        "another app's session is not touched"
    );

    second.sign_out();
    assert!(
        !first.is_signed_in().get_untracked(),
        "and the sign-out made in the other one"
    );

    first_owner.cleanup();
    second_owner.cleanup();
}

#[wasm_bindgen_test]
fn the_page_listener_is_removed_on_cleanup() {
    let backend = CountingReads::default();
    let reads = backend.reads.clone();
    let listening = TokenStore::with_backend(SERVER, 116, backend, SystemClock);
    let (owner, other) = (Owner::new(), Owner::new());
    owner.with(|| Session::new(listening));
    let writer = other.with(|| Session::new(TokenStore::browser(SERVER, 116)));
    let before = reads.get();
    writer.sign_out();
    assert_eq!(reads.get(), before + 1, "the listener re-reads the store");
    owner.cleanup();
    writer.sign_out();
    assert_eq!(reads.get(), before + 1, "no listener is left after cleanup");
    other.cleanup();
}

#[wasm_bindgen_test]
fn sign_in_and_sign_out_update_storage_and_signals() {
    let owner = Owner::new();
    let session = owner.with(|| provide_session(TokenStore::browser(SERVER, 110)));
    let key = TokenStore::key_for(SERVER, 110);
    let stored = session.sign_in(&token("h.p.s", 60)).expect("signed in");
    assert_eq!(
        raw(&key).map(|v| v["access_token"].clone()),
        Some(json!("h.p.s"))
    );
    assert_eq!(session.token().get_untracked(), Some(stored));
    assert!(owner.with(|| use_session().is_signed_in().get_untracked()));
    session.sign_out();
    assert_eq!(local_storage().get_item(&key).ok().flatten(), None);
    assert!(!session.is_signed_in().get_untracked());
    owner.cleanup();
}

/// Guards the loop that once ate a page's memory: the signed-in pages call `authorize`
/// (which re-reads the store) while rendering; if that re-notified the token's readers with
/// an unchanged token, the signed-in view re-rendered, called again, and so on for ever.
#[wasm_bindgen_test]
async fn re_reading_an_unchanged_token_does_not_notify() {
    use std::sync::atomic::{AtomicU32, Ordering};
    use std::sync::{Arc, Mutex};
    let runs = Arc::new(AtomicU32::new(0));
    let counted = runs.clone();
    let session = Arc::new(Mutex::new(None::<Session>));
    let slot = session.clone();
    let host = leptos::tachys::dom::document()
        .create_element("div")
        .expect("a div");
    let _ = leptos::tachys::dom::body().append_child(&host);
    // A view whose part re-renders whenever the session's token or state notifies.
    let mounted = leptos::mount::mount_to(host.unchecked_into(), move || {
        let s = Session::new(TokenStore::browser(SERVER, 113));
        if let Ok(mut slot) = slot.lock() {
            *slot = Some(s);
        }
        let (token, signed_in) = (s.token(), s.is_signed_in());
        view! {
            <p>
                {move || {
                    token.track();
                    signed_in.track();
                    counted.fetch_add(1, Ordering::Relaxed);
                }}
            </p>
        }
    });
    let session = session
        .lock()
        .ok()
        .and_then(|s| *s)
        .expect("the view made its session");
    session.sign_in(&token("h.p.s", 60)).expect("signed in");
    gloo_timers::future::TimeoutFuture::new(20).await;
    let settled = runs.load(Ordering::Relaxed);
    for _ in 0..5 {
        let client = session.authorize(&oauthapp_login::api::Client::new(SERVER, 113));
        assert!(client.has_token());
        session.refresh();
    }
    gloo_timers::future::TimeoutFuture::new(20).await;
    assert_eq!(
        runs.load(Ordering::Relaxed),
        settled,
        "no change, no notification"
    );
    session.sign_out();
    gloo_timers::future::TimeoutFuture::new(20).await;
    assert!(
        runs.load(Ordering::Relaxed) > settled,
        "a real change notifies"
    );
    drop(mounted);
}

/// A memory backend counting its reads, to see whether the listener still runs.
#[derive(Clone, Default)]
struct CountingReads {
    memory: MemoryBackend,
    reads: Rc<Cell<u32>>,
}

impl StorageBackend for CountingReads {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.reads.set(self.reads.get() + 1);
        self.memory.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.memory.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.memory.remove(key)
    }
}

#[wasm_bindgen_test]
fn the_storage_listener_is_removed_on_cleanup() {
    let backend = CountingReads::default();
    let reads = backend.reads.clone();
    let store = TokenStore::with_backend(SERVER, 111, backend, SystemClock);
    let key = store.key().to_owned();
    let owner = Owner::new();
    owner.with(|| Session::new(store));
    let before = reads.get();
    dispatch_storage_event(Some(&key));
    assert_eq!(reads.get(), before + 1, "the listener re-reads the store");
    owner.cleanup();
    dispatch_storage_event(Some(&key));
    assert_eq!(reads.get(), before + 1, "no listener is left after cleanup");
}

#[wasm_bindgen_test]
async fn the_session_signs_out_by_itself_when_the_token_expires() {
    let owner = Owner::new();
    let session = owner.with(|| Session::new(TokenStore::browser(SERVER, 112)));
    session.sign_in(&token("short.lived.token", 1));
    assert!(session.is_signed_in().get_untracked());
    gloo_timers::future::TimeoutFuture::new(1_300).await;
    assert!(
        !session.is_signed_in().get_untracked(),
        "an expired token must not stay shown as signed in"
    );
    let key = TokenStore::key_for(SERVER, 112);
    assert_eq!(local_storage().get_item(&key).ok().flatten(), None);
    owner.cleanup();
}
