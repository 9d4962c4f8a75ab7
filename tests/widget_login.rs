//! Browser tests of the whole `LoginWidget`: tab order and panels, a sign-in that ends in the
//! signed-in view and the host's callback with decoded claims, sign-out, the password reset
//! that returns to sign-in with the name filled, and the guest button (sign-up when unknown).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use oauthapp_login::api::Token;
use oauthapp_login::components::*;
use oauthapp_login::i18n::Lang;
use oauthapp_login::session::{Claims, TokenStore, KEY_PREFIX};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod widget_support;
use widget_support::*;

/// A JWT whose payload is {"nameid":"7","unique_name":"alice","platform":"web","exp":1700000000}.
const JWT: &str = "h.eyJuYW1laWQiOiI3IiwidW5pcXVlX25hbWUiOiJhbGljZSIsInBsYXRmb3JtIjoid2ViIiwiZXhwIjoxNzAwMDAwMDAwfQ.s";

/// Forgets every stored session, so each test starts signed out.
fn clear_sessions() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let n = storage.length().unwrap();
    let keys: Vec<String> = (0..n)
        .filter_map(|i| storage.key(i).ok().flatten())
        .collect();
    for k in keys.iter().filter(|k| k.starts_with(KEY_PREFIX)) {
        storage.remove_item(k).unwrap();
    }
}

fn token_route() -> String {
    format!(
        r#"{{ status: 200, body: '{{"code":200,"data":{{"access_token":"{JWT}","token_type":"Bearer","expires_in":3600}},"err":""}}' }}"#
    )
}

/// The open tab panel (the others are hidden).
fn visible_panel(root: &web_sys::Element) -> web_sys::Element {
    let mut panels = all_by_role(root, "tabpanel", None);
    assert_eq!(panels.len(), 1, "one tab panel shown");
    panels.pop().unwrap()
}

/// The tabs, in order.
fn tabs(root: &web_sys::Element) -> Vec<web_sys::Element> {
    all_by_role(root, "tab", None)
}

/// The selected tab.
fn selected_tab(root: &web_sys::Element) -> web_sys::Element {
    let mut selected: Vec<_> = tabs(root)
        .into_iter()
        .filter(|t| t.get_attribute("aria-selected").as_deref() == Some("true"))
        .collect();
    assert_eq!(selected.len(), 1, "one tab selected");
    selected.pop().unwrap()
}

/// The widget's region (the one region shown: the signed-in view has no name).
fn widget(root: &web_sys::Element) -> web_sys::Element {
    let mut regions = all_by_role(root, "region", None);
    assert_eq!(regions.len(), 1, "one region");
    regions.pop().unwrap()
}

/// The sentence of the signed-in view saying who is signed in.
fn who(root: &web_sys::Element) -> String {
    text_of(&by_text(root, "Signed in as"))
}

// Guards against a sign-in that does not reach the host, or a signed-in view that does not
// say who, and against a sign-out that leaves the person signed in.
#[wasm_bindgen_test]
async fn sign_in_shows_who_and_signs_out() {
    clear_sessions();
    fake_fetch();
    eval(&format!(
        "window.__oaRoutes = {{ 'SignIn': {} }};",
        token_route()
    ));
    let got = RwSignal::new(None::<(Token, Claims)>);
    let logged_out = RwSignal::new(false);
    let root = fresh();
    let _h = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <LoginWidget
                server_url="http://127.0.0.1:9"
                app_id=2
                lang=Lang::En
                tabs=vec![LoginTab::Phone, LoginTab::Account]
                initial_tab=LoginTab::Account
                on_login=Callback::new(move |x| got.set(Some(x)))
                on_logout=Callback::new(move |()| logged_out.set(true))
            />
        }
    });
    sleep(20).await;
    assert_eq!(text_of(&tabs(&root)[0]), "Phone");
    assert_eq!(text_of(&selected_tab(&root)), "Account");
    let panel = visible_panel(&root);
    assert!(query_label(&panel, "User name").is_some());
    type_label(&root, "User name", "alice");
    type_label(&root, "Password", "secret1");
    click_button(&panel, "Sign in");
    sleep(150).await;
    let (token, claims) = got.get_untracked().expect("on_login was called");
    assert_eq!(token.access_token, JWT);
    assert_eq!(claims.nameid.as_deref(), Some("7"));
    assert_eq!(claims.unique_name.as_deref(), Some("alice"));
    assert_eq!(who(&root), "Signed in as alice");
    assert!(!has_role(&root, "tablist", None));
    let saved = TokenStore::browser("http://127.0.0.1:9", 2).load();
    assert_eq!(
        saved.map(|t| t.access_token),
        Some(JWT.to_owned()),
        "token saved"
    );
    click_button(&root, "Sign out");
    sleep(30).await;
    assert!(logged_out.get_untracked());
    assert!(!has_role(&root, "heading", Some("Signed in")));
    assert_eq!(text_of(&status(&root)), "You are signed out.");
    assert!(TokenStore::browser("http://127.0.0.1:9", 2)
        .load()
        .is_none());
    restore_fetch();
}

// Guards against losing what was typed when switching tabs.
#[wasm_bindgen_test]
async fn tab_switch_keeps_typed_values() {
    clear_sessions();
    let root = fresh();
    let _h = leptos::mount::mount_to(root.clone(), move || {
        view! { <LoginWidget server_url="http://127.0.0.1:9" app_id=2 lang=Lang::En /> }
    });
    sleep(20).await;
    type_label(&root, "User name", "bob");
    tabs(&root)[1]
        .unchecked_ref::<web_sys::HtmlElement>()
        .click();
    sleep(20).await;
    assert!(query_label(&visible_panel(&root), "Mobile number").is_some());
    tabs(&root)[0]
        .unchecked_ref::<web_sys::HtmlElement>()
        .click();
    sleep(20).await;
    assert_eq!(by_label(&root, "User name").value(), "bob");
}

// Guards against a reset that leaves the person stranded instead of back at sign-in with
// the name filled in.
#[wasm_bindgen_test]
async fn reset_returns_to_sign_in_with_name() {
    clear_sessions();
    fake_fetch();
    let root = fresh();
    let _h = leptos::mount::mount_to(root.clone(), move || {
        view! { <LoginWidget server_url="http://127.0.0.1:9" app_id=2 lang=Lang::En /> }
    });
    sleep(20).await;
    click_button(&root, "Forgot password?");
    sleep(20).await;
    assert_eq!(
        text_of(&heading(&root, "Reset your password")),
        "Reset your password"
    );
    type_label(&root, "Mobile number", "13800138000");
    type_label(&root, "SMS code", "123456");
    type_label(&root, "New password", "newsecret");
    type_label(&root, "Confirm new password", "newsecret");
    click_button(&root, "Reset password");
    sleep(150).await;
    let body: String = eval("window.__oaCalls[0].url + ' ' + window.__oaCalls[0].body")
        .as_string()
        .unwrap_or_default();
    assert!(body.contains("/ResetPwd"), "{body}");
    assert!(body.contains("\"phone\":\"13800138000\""), "{body}");
    assert_eq!(
        text_of(&status(&root)),
        "Your password was changed. Sign in with the new one."
    );
    assert_eq!(by_label(&root, "User name").value(), "13800138000");
    restore_fetch();
}

// Guards against the guest button failing for a new device instead of signing it up, and
// against a device id that changes between visits.
#[wasm_bindgen_test]
async fn guest_signs_up_when_unknown_with_a_kept_device_id() {
    clear_sessions();
    fake_fetch();
    eval(&format!(
        r#"window.__oaRoutes = {{
            'UnionIDSignIn': {{ status: 404, body: '{{"code":404,"data":null,"err":""}}' }},
            'UnionIDSignUp': {}
        }};"#,
        token_route()
    ));
    let got = RwSignal::new(None::<(Token, Claims)>);
    let root = fresh();
    let _h = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <LoginWidget
                server_url="http://127.0.0.1:9"
                app_id=2
                lang=Lang::En
                show_guest=true
                on_login=Callback::new(move |x| got.set(Some(x)))
            />
        }
    });
    sleep(20).await;
    click_button(&root, "Continue as guest");
    sleep(200).await;
    assert!(got.get_untracked().is_some(), "signed in after sign-up");
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let id = storage
        .get_item(oauthapp_login::components::device_id::DEVICE_ID_KEY)
        .unwrap()
        .expect("device id kept");
    let bodies: String = eval("window.__oaCalls.map(c => c.url + ' ' + c.body).join('\\n')")
        .as_string()
        .unwrap_or_default();
    assert!(bodies.contains("UnionIDSignIn"), "{bodies}");
    assert!(bodies.contains("UnionIDSignUp"), "{bodies}");
    assert!(
        bodies.contains(&format!("\"unionID\":\"{id}\"")),
        "{bodies}"
    );
    assert!(bodies.contains("\"platform\":\"web\""), "{bodies}");
    assert!(
        !bodies.contains("\"pwd\""),
        "no password sent by accident: {bodies}"
    );
    restore_fetch();
    clear_sessions();
}

// Guards against a widget that ignores a saved token at load (or shows an expired one as
// signed in).
#[wasm_bindgen_test]
async fn saved_token_at_load_and_expired_one() {
    clear_sessions();
    let store = TokenStore::browser("http://127.0.0.1:9", 2);
    store.save(&Token {
        access_token: JWT.to_owned(),
        token_type: "Bearer".to_owned(),
        expires_in: Some(3600),
    });
    let root = fresh();
    let h = leptos::mount::mount_to(root.clone(), move || {
        view! { <LoginWidget server_url="http://127.0.0.1:9" app_id=2 lang=Lang::En /> }
    });
    sleep(20).await;
    assert_eq!(who(&root), "Signed in as alice");
    drop(h);
    root.remove();

    store.save(&Token {
        access_token: JWT.to_owned(),
        token_type: "Bearer".to_owned(),
        expires_in: Some(-10),
    });
    let root = fresh();
    let _h = leptos::mount::mount_to(root.clone(), move || {
        view! { <LoginWidget server_url="http://127.0.0.1:9" app_id=2 lang=Lang::En /> }
    });
    sleep(20).await;
    assert!(!has_role(&root, "heading", Some("Signed in")));
    assert!(query_label(&root, "User name").is_some());
    clear_sessions();
}

// Guards against a language or theme switch that rebuilds the widget: the host's language
// switcher must not throw away what the person typed, nor the form they were on.
#[wasm_bindgen_test]
async fn lang_and_theme_signals_switch_in_place_and_keep_what_was_typed() {
    clear_sessions();
    let lang = RwSignal::new(Lang::En);
    let theme = RwSignal::new(None::<Theme>);
    let root = fresh();
    let _h = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <LoginWidget
                server_url="http://127.0.0.1:9"
                app_id=2
                lang=lang
                theme=theme
                tabs=vec![LoginTab::Account]
            />
        }
    });
    sleep(20).await;
    // One method: no tab list, and so no tab panel named by a tab that is not there.
    assert!(tabs(&root).is_empty());
    assert!(all_by_role(&root, "tabpanel", None).is_empty());
    assert!(root.query_selector("[aria-labelledby]").unwrap().is_none());
    type_label(&root, "User name", "alice");
    type_label(&root, "Password", "half-typed");
    let before = by_label(&root, "User name");
    assert_eq!(text_of(&button(&root, "Sign in")), "Sign in");

    lang.set(Lang::ZhCn);
    theme.set(Some(Theme::Dark));
    sleep(20).await;
    assert_eq!(text_of(&button(&root, "登录")), "登录");
    let section = widget(&root);
    assert_eq!(section.get_attribute("lang").as_deref(), Some("zh-CN"));
    let class = section.get_attribute("class").unwrap_or_default();
    assert!(class.contains("oa-theme--dark"), "class: {class}");
    let after = by_label(&root, "用户名");
    assert!(before.is_same_node(Some(&after)), "the form was rebuilt");
    assert_eq!(after.value(), "alice");
    assert_eq!(by_label(&root, "密码").value(), "half-typed");

    theme.set(None);
    sleep(20).await;
    let class = widget(&root).get_attribute("class").unwrap_or_default();
    assert!(!class.contains("oa-theme--dark"), "class: {class}");

    // The server is asked for the language shown now, so its own sentences follow too.
    fake_fetch();
    click_button(&root, "登录");
    sleep(30).await;
    let asked = eval("window.__oaCalls.length === 1 ? window.__oaCalls[0].lang : null");
    assert_eq!(asked.as_string().as_deref(), Some("zh-CN"));
    restore_fetch();
}
