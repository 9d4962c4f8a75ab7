//! Browser tests of the forms: the checks made before any request (message under the field,
//! `aria-invalid`, `aria-describedby`, focus on the first wrong field, no request sent), the
//! busy state, error sentences that keep what was typed, and the phone/email flow that asks
//! for a password when the server does not know the number (D6/D9).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use oauthapp_login::api::Client;
use oauthapp_login::components::*;
use oauthapp_login::i18n::{provide_i18n, Lang, Overrides};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod widget_support;
use widget_support::*;
// Named, so it wins over `leptos::prelude::document`.
use widget_support::document;

/// The message under the field labelled `name`, checked to be tied to it by `aria-describedby`.
fn error_of(root: &web_sys::Element, name: &str) -> Option<String> {
    let el = by_label(root, name);
    let invalid = el.get_attribute("aria-invalid").as_deref() == Some("true");
    let described = el.get_attribute("aria-describedby");
    match (invalid, described) {
        (true, Some(id)) => {
            let p = document()
                .get_element_by_id(&id)
                .expect("describedby target exists");
            assert!(!p.has_attribute("hidden"), "error of {name} is hidden");
            Some(p.text_content().unwrap_or_default())
        }
        (false, None) => None,
        other => panic!("{name}: aria-invalid and aria-describedby disagree: {other:?}"),
    }
}

/// The shared context of a test: English, a client of `server`, a short countdown.
fn setup(server: &str, config: LoginConfig) {
    provide_i18n(Some(Lang::En), Overrides::new());
    let client = Client::new(server, 2).with_timeout(std::time::Duration::from_secs(3));
    provide_login(LoginCtx::new(client, config, None));
}

fn short() -> LoginConfig {
    LoginConfig {
        countdown_secs: 2,
        ..LoginConfig::default()
    }
}

// Guards against a sign-in form that sends blank credentials or shows its errors away from
// the fields (or without aria-invalid/aria-describedby).
#[wasm_bindgen_test]
async fn account_sign_in_checks_before_sending() {
    fake_fetch();
    let root = fresh();
    let _h = leptos::mount::mount_to(root.clone(), || {
        setup("http://127.0.0.1:9", short());
        view! { <AccountForm /> }
    });
    sleep(10).await;
    assert_eq!(error_of(&root, "User name"), None);
    click_button(&root, "Sign in");
    sleep(30).await;
    assert_eq!(
        error_of(&root, "User name").as_deref(),
        Some("Please fill this in.")
    );
    assert_eq!(
        error_of(&root, "Password").as_deref(),
        Some("Please fill this in.")
    );
    assert_eq!(
        active_label().as_deref(),
        Some("User name"),
        "focus on the first wrong field"
    );
    type_label(&root, "User name", "  a b  ");
    sleep(10).await;
    assert_eq!(
        error_of(&root, "User name"),
        None,
        "typing clears the message"
    );
    click_button(&root, "Sign in");
    sleep(30).await;
    assert!(error_of(&root, "User name").unwrap().contains("3 to 32"));
    assert_eq!(calls(), 0, "no request for invalid input");
    restore_fetch();
}

// Guards against a password nobody can check on a phone keyboard, and against a toggle that
// loses what was typed or cannot be used without a mouse-free name and state.
#[wasm_bindgen_test]
async fn the_password_can_be_shown_and_hidden_again() {
    let root = fresh();
    let _h = leptos::mount::mount_to(root.clone(), || {
        setup("http://127.0.0.1:9", short());
        view! { <AccountForm /> }
    });
    sleep(10).await;
    type_label(&root, "Password", "s3cret pass");
    let pwd = by_label(&root, "Password");
    assert_eq!(pwd.type_(), "password");
    let toggle = button(&root, "Show password");
    assert_eq!(
        toggle.get_attribute("type").as_deref(),
        Some("button"),
        "not a submit"
    );
    assert_eq!(
        toggle.get_attribute("aria-label").as_deref(),
        Some("Show password")
    );
    assert_eq!(toggle.get_attribute("aria-controls"), Some(pwd.id()));
    assert_eq!(
        toggle.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    let toggles = all_by_role(&root, "button", Some("Show password")).len();
    assert_eq!(toggles, 1, "only the password has one");

    click_button(&root, "Show password");
    sleep(10).await;
    assert_eq!(pwd.type_(), "text");
    assert_eq!(
        toggle.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(pwd.value(), "s3cret pass");

    click_button(&root, "Show password");
    sleep(10).await;
    assert_eq!(pwd.type_(), "password");
    assert_eq!(
        toggle.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert_eq!(pwd.value(), "s3cret pass");
}

// Guards against sign-up accepting a short password, a mismatched confirmation, a bad name,
// or ignoring the host's raised minimum.
#[wasm_bindgen_test]
async fn account_sign_up_checks_each_field() {
    fake_fetch();
    let root = fresh();
    let _h = leptos::mount::mount_to(root.clone(), || {
        setup(
            "http://127.0.0.1:9",
            LoginConfig {
                min_pwd: 8,
                ..short()
            },
        );
        view! { <AccountForm mode=FormMode::SignUp /> }
    });
    sleep(10).await;
    type_label(&root, "User name", "ab");
    type_label(&root, "Password", "1234567");
    type_label(&root, "Confirm password", "7654321");
    click_button(&root, "Sign up");
    sleep(30).await;
    assert!(error_of(&root, "User name").unwrap().contains("3 to 32"));
    assert_eq!(
        error_of(&root, "Password").as_deref(),
        Some("Use at least 8 characters.")
    );
    assert_eq!(
        error_of(&root, "Confirm password").as_deref(),
        Some("The two passwords are not the same.")
    );
    assert_eq!(error_of(&root, "Nickname (optional)"), None);
    assert_eq!(active_label().as_deref(), Some("User name"));
    type_label(&root, "User name", "alice");
    click_button(&root, "Sign up");
    sleep(30).await;
    assert_eq!(
        active_label().as_deref(),
        Some("Password"),
        "focus moves to the next wrong field"
    );
    assert_eq!(calls(), 0);
    restore_fetch();
}

// Guards against the verified-contact fields missing from sign-up when the app verifies phones.
#[wasm_bindgen_test]
async fn account_sign_up_asks_for_verified_phone() {
    fake_fetch();
    let root = fresh();
    let _h = leptos::mount::mount_to(root.clone(), || {
        setup(
            "http://127.0.0.1:9",
            LoginConfig {
                verify_phone: true,
                ..short()
            },
        );
        view! { <AccountForm mode=FormMode::SignUp /> }
    });
    sleep(10).await;
    type_label(&root, "User name", "alice");
    type_label(&root, "Password", "secret1");
    type_label(&root, "Confirm password", "secret1");
    type_label(&root, "Mobile number", "23800138000");
    click_button(&root, "Sign up");
    sleep(30).await;
    assert!(error_of(&root, "Mobile number")
        .unwrap()
        .contains("11-digit"));
    assert_eq!(
        error_of(&root, "SMS code").as_deref(),
        Some("Please fill this in.")
    );
    assert!(!has_label(&root, "Email address"));
    assert_eq!(calls(), 0);
    restore_fetch();
}

// Guards against a "get code" button that sends to a malformed number.
#[wasm_bindgen_test]
async fn phone_form_checks_number_and_code() {
    fake_fetch();
    let root = fresh();
    let _h = leptos::mount::mount_to(root.clone(), || {
        setup("http://127.0.0.1:9", short());
        view! { <PhoneForm /> }
    });
    sleep(10).await;
    type_label(&root, "Mobile number", " 1380013800 ");
    click_button(&root, "Get code");
    sleep(30).await;
    assert!(error_of(&root, "Mobile number")
        .unwrap()
        .contains("11-digit"));
    assert_eq!(active_label().as_deref(), Some("Mobile number"));
    type_label(&root, "SMS code", "12a456");
    click_button(&root, "Sign in");
    sleep(30).await;
    assert_eq!(
        error_of(&root, "SMS code").as_deref(),
        Some("Enter the 6-digit code.")
    );
    assert_eq!(calls(), 0);
    restore_fetch();
}

// Guards against a bad e-mail address reaching the server.
#[wasm_bindgen_test]
async fn email_form_checks_address() {
    fake_fetch();
    let root = fresh();
    let _h = leptos::mount::mount_to(root.clone(), || {
        setup("http://127.0.0.1:9", short());
        view! { <EmailForm /> }
    });
    sleep(10).await;
    type_label(&root, "Email address", "someone@nowhere");
    type_label(&root, "Email code", "123456");
    click_button(&root, "Sign in");
    sleep(30).await;
    assert!(error_of(&root, "Email address")
        .unwrap()
        .contains("email address"));
    assert_eq!(error_of(&root, "Email code"), None);
    assert_eq!(calls(), 0);
    restore_fetch();
}

// Guards against the reset form accepting a mismatched new password.
#[wasm_bindgen_test]
async fn reset_form_checks_new_password() {
    fake_fetch();
    let root = fresh();
    let _h = leptos::mount::mount_to(root.clone(), || {
        setup("http://127.0.0.1:9", short());
        view! { <ResetPasswordForm on_done=Callback::new(|_: String| {}) /> }
    });
    sleep(10).await;
    type_label(&root, "Mobile number", "13800138000");
    type_label(&root, "SMS code", "123456");
    type_label(&root, "New password", "abcdef");
    type_label(&root, "Confirm new password", "abcdeg");
    click_button(&root, "Reset password");
    sleep(30).await;
    assert_eq!(error_of(&root, "Mobile number"), None);
    assert_eq!(
        error_of(&root, "Confirm new password").as_deref(),
        Some("The two passwords are not the same.")
    );
    assert_eq!(active_label().as_deref(), Some("Confirm new password"));
    assert_eq!(calls(), 0);
    restore_fetch();
}

// Guards against double submits and lost input: while the request is out the button is busy
// and disabled, a second press sends nothing, and after the timeout a sentence appears while
// the typed values stay.
#[wasm_bindgen_test]
async fn busy_then_timeout_keeps_values() {
    fake_fetch();
    eval("window.__oaHang = true;");
    let root = fresh();
    let _h = leptos::mount::mount_to(root.clone(), || {
        provide_i18n(Some(Lang::En), Overrides::new());
        let client = Client::new("http://127.0.0.1:9", 2)
            .with_timeout(std::time::Duration::from_millis(800));
        let ctx = LoginCtx::new(client, short(), None);
        let status = ctx.status;
        provide_login(ctx);
        view! { <LiveRegion message=status /> <AccountForm /> }
    });
    sleep(10).await;
    type_label(&root, "User name", "alice");
    type_label(&root, "Password", "secret1");
    click_button(&root, "Sign in");
    sleep(50).await;
    let button = self::button(&root, "Signing in…");
    assert_eq!(button.get_attribute("aria-busy").as_deref(), Some("true"));
    assert!(button.has_attribute("disabled"));
    assert_eq!(button.text_content().as_deref(), Some("Signing in…"));
    assert_eq!(status(&root).text_content().as_deref(), Some("Signing in…"));
    button.click();
    sleep(50).await;
    assert_eq!(calls(), 1, "a second press sends nothing");
    sleep(1200).await;
    assert_eq!(
        alert_text(&root).as_deref(),
        Some("The server took too long to answer. Please try again.")
    );
    let button = self::button(&root, "Sign in");
    assert_eq!(button.get_attribute("aria-busy").as_deref(), Some("false"));
    assert!(!button.has_attribute("disabled"));
    assert_eq!(by_label(&root, "User name").value(), "alice");
    assert_eq!(by_label(&root, "Password").value(), "secret1");
    restore_fetch();
}

// Guards against a network failure being shown as anything but a sentence, or wiping input.
#[wasm_bindgen_test]
async fn unreachable_server_shows_network_sentence() {
    restore_fetch();
    let root = fresh();
    let _h = leptos::mount::mount_to(root.clone(), || {
        setup("http://127.0.0.1:9", short());
        view! { <AccountForm /> }
    });
    sleep(10).await;
    type_label(&root, "User name", "alice");
    type_label(&root, "Password", "secret1");
    click_button(&root, "Sign in");
    let mut text = None;
    for _ in 0..60 {
        sleep(50).await;
        text = alert_text(&root);
        if text.is_some() {
            break;
        }
    }
    assert_eq!(
        text.as_deref(),
        Some("The server cannot be reached. Check your connection and try again.")
    );
    assert_eq!(by_label(&root, "User name").value(), "alice");
    assert_eq!(by_label(&root, "Password").value(), "secret1");
}

// Guards against the D6/D9 flow: a new number signs up with the same code after a password.
#[wasm_bindgen_test]
async fn unknown_phone_asks_for_password_then_signs_up() {
    fake_fetch();
    eval(
        r#"window.__oaRoutes = {
        "PhoneSignIn": { status: 404, body: '{"code":404,"data":null,"err":""}' },
        "PhoneSignUp": { status: 200, body: '{"code":200,"data":{"access_token":"a.b.c","token_type":"Bearer","expires_in":60},"err":""}' }
    };"#,
    );
    let got = RwSignal::new(None::<String>);
    let root = fresh();
    let _h = leptos::mount::mount_to(root.clone(), move || {
        provide_i18n(Some(Lang::En), Overrides::new());
        let on_token =
            Callback::new(move |t: oauthapp_login::api::Token| got.set(Some(t.access_token)));
        provide_login(LoginCtx::new(
            Client::new("http://127.0.0.1:9", 2),
            short(),
            Some(on_token),
        ));
        view! { <PhoneForm /> }
    });
    sleep(10).await;
    assert!(!has_label(&root, "Password"));
    type_label(&root, "Mobile number", "13800138000");
    type_label(&root, "SMS code", "123456");
    click_button(&root, "Sign in");
    sleep(100).await;
    assert!(alert_text(&root)
        .unwrap()
        .contains("no account for 13800138000"));
    assert_eq!(active_label().as_deref(), Some("Password"));
    assert_eq!(
        by_label(&root, "SMS code").value(),
        "123456",
        "the code is kept"
    );
    type_label(&root, "Password", "secret1");
    type_label(&root, "Confirm password", "secret1");
    click_button(&root, "Sign up");
    sleep(100).await;
    assert_eq!(got.get_untracked().as_deref(), Some("a.b.c"));
    let last = eval("JSON.parse(window.__oaCalls[window.__oaCalls.length - 1].body)");
    let body: String = js_sys::JSON::stringify(&last).unwrap().into();
    assert!(body.contains("\"phoneCode\":\"123456\""), "{body}");
    assert!(body.contains("\"pwd\":\"secret1\""), "{body}");
    restore_fetch();
}
