//! Browser tests of the "get code" countdown: it starts after a successful send, shows the
//! seconds left on the disabled button, survives an unmount and re-mount (its start time is in
//! localStorage), is per recipient, ends on time, and the server's "too soon" refusal shows
//! the time left.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use oauthapp_login::api::{Client, CodePurpose};
use oauthapp_login::clock::SystemClock;
use oauthapp_login::components::countdown::{CountdownStore, COUNTDOWN_PREFIX};
use oauthapp_login::components::*;
use oauthapp_login::i18n::{provide_i18n, Key, Lang, Message, Overrides};
use oauthapp_login::storage::PageStorage;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod widget_support;
use widget_support::*;

/// Mounts a phone field with its "get code" button (a `secs` countdown) into a fresh element.
fn mount_phone(error: RwSignal<Option<Message>>, secs: u32) -> (web_sys::HtmlElement, impl Drop) {
    let root = fresh();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_i18n(Some(Lang::En), Overrides::new());
        let config = LoginConfig {
            countdown_secs: secs,
            ..LoginConfig::default()
        };
        provide_login(LoginCtx::new(
            Client::new("http://127.0.0.1:9", 2),
            config,
            None,
        ));
        let fields = ContactFields::new();
        view! {
            <ContactInputs
                channel=Channel::Phone
                purpose=CodePurpose::SignUp
                fields=fields
                on_error=Callback::new(move |m| error.set(m))
            />
        }
    });
    (root, handle)
}

/// The "get code" button, whatever it says now ("Get code", "Sending…", "Resend in n s").
fn send_code(root: &web_sys::Element) -> web_sys::HtmlElement {
    let mut found: Vec<_> = all_by_role(root, "button", None)
        .into_iter()
        .filter(|b| {
            let name = name_of(b);
            name == "Get code" || name == "Sending…" || name.starts_with("Resend in ")
        })
        .collect();
    assert_eq!(found.len(), 1, "one get-code button");
    found.pop().unwrap().unchecked_into()
}

/// The "get code" button's (text, disabled).
fn button(root: &web_sys::Element) -> (String, bool) {
    let b = send_code(root);
    (
        b.text_content().unwrap_or_default(),
        b.has_attribute("disabled"),
    )
}

fn clear_countdowns() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let n = storage.length().unwrap();
    let keys: Vec<String> = (0..n)
        .filter_map(|i| storage.key(i).ok().flatten())
        .collect();
    for k in keys.iter().filter(|k| k.starts_with(COUNTDOWN_PREFIX)) {
        storage.remove_item(k).unwrap();
    }
}

// Guards against a countdown that is lost on re-mount, is shared between recipients, or never
// ends. The countdown starts when the (fake) server has answered, a little after the click;
// each label is read near the middle of a second of a 3 s countdown, so a slow machine
// (hundreds of ms late) still reads the same label. The exact arithmetic is unit-tested with
// a fake clock (components::countdown).
#[wasm_bindgen_test]
async fn countdown_after_send_survives_remount_and_ends() {
    clear_countdowns();
    fake_fetch();
    let error = RwSignal::new(None);
    let (root, handle) = mount_phone(error, 3);
    sleep(10).await;
    assert_eq!(button(&root), ("Get code".to_owned(), false));
    type_label(&root, "Mobile number", "13800138000");
    send_code(&root).click();
    sleep(300).await;
    assert_eq!(calls(), 1);
    // About 0.3 s in: 2.7 s left.
    assert_eq!(button(&root), ("Resend in 3 s".to_owned(), true));
    // Another recipient has no countdown.
    type_label(&root, "Mobile number", "13900139000");
    sleep(300).await;
    assert_eq!(button(&root), ("Get code".to_owned(), false));
    type_label(&root, "Mobile number", "13800138000");
    sleep(300).await;
    assert!(button(&root).1, "back to the first number: still counting");
    // Unmount and mount again (a tab switch or a reload rebuilds the button).
    drop(handle);
    root.remove();
    let (root, _handle) = mount_phone(error, 3);
    type_label(&root, "Mobile number", "13800138000");
    sleep(600).await;
    // About 1.5 s in: 1.5 s left.
    let (label, disabled) = button(&root);
    assert!(disabled, "the countdown survives a re-mount");
    assert_eq!(label, "Resend in 2 s");
    // About 4 s in: over.
    sleep(2500).await;
    assert_eq!(button(&root), ("Get code".to_owned(), false));
    assert_eq!(error.get_untracked(), None);
    restore_fetch();
    clear_countdowns();
}

// Guards against the "too soon" refusal showing the server's raw text when the widget knows
// the time left.
#[wasm_bindgen_test]
async fn too_soon_shows_time_left_from_the_store() {
    clear_countdowns();
    fake_fetch();
    eval(
        r#"window.__oaRoutes = { "SendSMSCode": { status: 429, body: '{"code":429,"data":null,"err":"too soon"}' } };"#,
    );
    let error = RwSignal::new(None);
    let (root, _handle) = mount_phone(error, 2);
    type_label(&root, "Mobile number", "13800138000");
    sleep(10).await;
    send_code(&root).click();
    sleep(150).await;
    // Nothing stored: the server's sentence is shown as it is.
    assert_eq!(
        error.get_untracked(),
        Some(Message::Text("too soon".into()))
    );
    // A countdown started elsewhere (another tab) just before this press, so the button has
    // not refreshed yet and sends: the refusal now shows the time left from the store.
    CountdownStore::new(PageStorage, SystemClock, 2).start("signup", "13800138000");
    send_code(&root).click();
    sleep(150).await;
    assert_eq!(calls(), 2);
    let shown = error.get_untracked().expect("an error is shown");
    assert_eq!(shown.key(), Some(Key::CodeWait), "{shown:?}");
    assert_eq!(shown, Message::with_n(Key::CodeWait, 2));
    assert!(
        button(&root).1,
        "the stored countdown now disables the button"
    );
    restore_fetch();
    clear_countdowns();
}

/// Counts the timer callbacks that fire from now on with a delay under 2 s (the test's own
/// long sleeps excluded), in `window.__oaFired`.
fn count_fired_timers() {
    eval(
        r#"window.__oaFired = 0;
        if (!window.__oaSetTimeout) { window.__oaSetTimeout = window.setTimeout; }
        window.setTimeout = function (f, ms, ...rest) {
            const counted = (ms || 0) < 2000;
            return window.__oaSetTimeout.call(window, function () {
                if (counted) { window.__oaFired++; }
                return typeof f === "function" ? f.apply(this, arguments) : undefined;
            }, ms, ...rest);
        };"#,
    );
}

fn fired_timers() -> f64 {
    eval("window.__oaFired").as_f64().unwrap_or(-1.0)
}

fn stop_counting_timers() {
    eval("if (window.__oaSetTimeout) { window.setTimeout = window.__oaSetTimeout; }");
}

// Guards against a countdown that keeps waking while nobody can see it (issue 12: hidden
// panels cost nothing): hidden, it fires no timer; shown again, it shows the time left at
// once and wakes about once a second.
#[wasm_bindgen_test]
async fn a_hidden_countdown_sleeps_and_catches_up_when_shown() {
    clear_countdowns();
    fake_fetch();
    let shown = RwSignal::new(true);
    let root = fresh();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_i18n(Some(Lang::En), Overrides::new());
        let config = LoginConfig {
            countdown_secs: 6,
            ..LoginConfig::default()
        };
        provide_login(LoginCtx::new(
            Client::new("http://127.0.0.1:9", 2),
            config,
            None,
        ));
        provide_context(oauthapp_login::ui::Shown(shown.into()));
        let fields = ContactFields::new();
        view! {
            <ContactInputs
                channel=Channel::Phone
                purpose=CodePurpose::SignUp
                fields=fields
                on_error=Callback::new(|_| {})
            />
        }
    });
    type_label(&root, "Mobile number", "13800138111");
    sleep(10).await;
    send_code(&root).click();
    sleep(300).await;
    assert_eq!(button(&root), ("Resend in 6 s".to_owned(), true));

    shown.set(false);
    sleep(50).await;
    count_fired_timers();
    sleep(2500).await;
    let hidden_fired = fired_timers();

    shown.set(true);
    sleep(50).await;
    let (label, disabled) = button(&root);
    assert!(disabled);
    assert!(
        label == "Resend in 3 s" || label == "Resend in 4 s",
        "the time left is read again when shown: {label}"
    );
    count_fired_timers();
    sleep(2500).await;
    let shown_fired = fired_timers();
    stop_counting_timers();
    drop(handle);
    restore_fetch();
    clear_countdowns();
    assert_eq!(hidden_fired, 0.0, "a hidden countdown fires no timer");
    assert!(
        (2.0..=4.0).contains(&shown_fired),
        "a shown countdown wakes about once a second: {shown_fired}"
    );
}
