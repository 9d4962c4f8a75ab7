//! Browser tests of the consent screen, the URL checks it stands on, and the demo third-party
//! app: scopes and host shown, a bad `redirect_uri` refused and never followed (D8), Allow and
//! Deny going to the right URL (caught by a test navigator), the grant request on the wire.
#![cfg(target_arch = "wasm32")]

mod pages_support;

use leptos::prelude::*;
use oauthapp_login::api::Client;
use oauthapp_login::app::STATE_KEY;
use oauthapp_login::components::consent::{AuthRequest, ConsentScreen, GrantKind, ThirdPartyDemo};
use oauthapp_login::components::safe_url::{
    check_redirect_uri, safe_image_url, with_query, UrlRefusal,
};
use oauthapp_login::components::{provide_login, LoginConfig, LoginCtx};
use oauthapp_login::i18n::{provide_i18n, Lang, Overrides};
use pages_support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// English, and a widget context whose client talks to `server`.
fn setup(lang: Lang) {
    provide_i18n(Some(lang), Overrides::new());
    let client =
        Client::new("http://127.0.0.1:9", 2).with_timeout(std::time::Duration::from_secs(3));
    provide_login(LoginCtx::new(client, LoginConfig::default(), None));
}

/// A request to `redirect_uri` with the vendor's scopes plus an unknown one.
fn request(redirect_uri: &str) -> AuthRequest {
    AuthRequest {
        redirect_uri: redirect_uri.to_owned(),
        scopes: "openid profile promission x-custom:read".to_owned(),
        state: Some("s t&a=te/ü".to_owned()),
        app_name: Some("<b>Shop</b>".to_owned()),
        app_logo: Some("javascript:alert(1)".to_owned()),
        app_description: Some("A shop".to_owned()),
        ..AuthRequest::default()
    }
}

/// Mounts the consent screen; the returned signal collects every navigation.
fn mount(root: &web_sys::HtmlElement, req: AuthRequest) -> RwSignal<Vec<String>> {
    let went = RwSignal::new(Vec::<String>::new());
    let h = leptos::mount::mount_to(root.clone(), move || {
        setup(Lang::En);
        let navigate = Callback::new(move |url: String| went.update(|v| v.push(url)));
        view! { <ConsentScreen request=req navigate=navigate /> }
    });
    h.forget();
    went
}

/// The value of query parameter `name` in `url`.
/// The label of the validity field.
const DAYS: &str = "Valid for (days, 1–99)";

/// The legend of the radio group of ways to confirm.
const METHOD: &str = "Confirm it is you with";

/// The demo's link that starts a request.
const START: &str = "Sign in with OAuthApp";

/// The group of ways to confirm (`fieldset` named by its legend).
fn methods(root: &web_sys::Element) -> web_sys::HtmlElement {
    by_role(root, "group", METHOD)
}

/// The texts of the scopes listed (the list's items).
fn scopes(root: &web_sys::Element) -> Vec<String> {
    all_by_role(root, "listitem", None)
        .iter()
        .map(text_of)
        .collect()
}

/// The value the demo shows for the claim `name` (the `dd` after the `dt` saying `name`).
fn claim(root: &web_sys::Element, name: &str) -> Option<String> {
    all_by_role(root, "term", None)
        .into_iter()
        .find(|t| text_of(t) == name)
        .and_then(|t| t.next_element_sibling())
        .map(|d| text_of(&d))
}

fn param(url: &str, name: &str) -> Option<String> {
    web_sys::Url::new(url).unwrap().search_params().get(name)
}

// Guards against following a redirect_uri that is not http(s) or is malformed, judged by the
// browser's own URL parser too.
#[wasm_bindgen_test]
fn url_checks_in_the_browser() {
    for bad in [
        "javascript:alert(1)",
        "data:text/html,x",
        "/cb",
        "cb",
        "//x.com/cb",
    ] {
        assert_eq!(check_redirect_uri(bad), Err(UrlRefusal::NotHttp), "{bad}");
    }
    for bad in [
        "https://",
        "http:x.com",
        "https://a b.com/",
        "https://u:p@x.com/",
        "https://x.com:99999/",
    ] {
        assert_eq!(check_redirect_uri(bad), Err(UrlRefusal::Malformed), "{bad}");
    }
    assert_eq!(
        check_redirect_uri("https://app.example.com/cb")
            .unwrap()
            .host,
        "app.example.com"
    );
    assert!(safe_image_url("data:image/png;base64,iVBORw0KGgo=").is_some());
    assert_eq!(safe_image_url("data:text/html,<script>"), None);
    assert_eq!(safe_image_url("javascript:alert(1)"), None);
    let url = with_query(
        "https://x.com/cb?keep=1&code=old",
        &[("code", "a b&c"), ("state", "ü/=?")],
    )
    .unwrap();
    assert_eq!(param(&url, "keep").as_deref(), Some("1"));
    assert_eq!(
        param(&url, "code").as_deref(),
        Some("a b&c"),
        "replaced, encoded"
    );
    assert_eq!(param(&url, "state").as_deref(), Some("ü/=?"));
    assert!(url.starts_with("https://x.com/cb?"));
}

// Guards against losing or mangling the request on its way through the query string.
#[wasm_bindgen_test]
fn request_round_trips_through_the_query() {
    let req = AuthRequest {
        grant_types: vec![GrantKind::UnionId, GrantKind::Account],
        ..request("https://x.com/cb?a=1&b=2")
    };
    let search = req.to_search(Some("consent"));
    assert!(search.starts_with("view=consent&"));
    let back = AuthRequest::from_search(&format!("?{search}"));
    assert_eq!(back, req);
    let plain = AuthRequest::from_search("?redirect_uri=https%3A%2F%2Fx.com&scopes=openid");
    assert_eq!(plain.scopes, "openid");
    assert_eq!(plain.state, None);
    assert_eq!(plain.grant_types, GrantKind::ALL.to_vec());
}

// Guards against a consent screen that hides who asks and for what, or shows untrusted text
// as markup.
#[wasm_bindgen_test]
async fn shows_app_scopes_and_host() {
    let root = fresh();
    let _went = mount(&root, request("https://App.Example.com:8443/cb?x=1"));
    sleep(10).await;
    let title = by_role_partial(&root, "heading", "wants to use your account");
    assert_eq!(text_of(&title), "<b>Shop</b> wants to use your account");
    assert!(!has(&title, "b"), "the name is text, not markup");
    // TODO(a11y): the app's logo is decorative (`alt=""`): no role or name to find it by.
    assert!(
        !has(&root, ".oa-consent__logo"),
        "a javascript: logo is not shown"
    );
    assert_eq!(text_of(&by_text(&root, "A shop")), "A shop");
    // The list is named by the sentence that introduces it.
    let list = by_role(&root, "list", "It asks to:");
    assert_eq!(all_by_role(&list, "listitem", None).len(), 4);
    let scopes: Vec<String> = scopes(&root);
    assert_eq!(scopes.len(), 4);
    assert!(scopes[0].contains("Know who you are"));
    assert!(scopes[1].contains("nickname and avatar"));
    assert!(scopes[2].contains("permissions"), "promission is known");
    assert_eq!(scopes[3], "x-custom:read", "an unknown scope as it is");
    assert!(text_of(&by_text(&root, "You will then go back to")).contains("app.example.com:8443"));
    assert_eq!(by_label(&root, DAYS).value(), "1", "one day by default");
    assert_eq!(all_by_role(&methods(&root), "radio", None).len(), 4);
}

// Guards against an empty list after "Only to know that you are signed in.".
#[wasm_bindgen_test]
async fn a_request_without_scopes_says_so_with_no_list() {
    let root = fresh();
    let req = AuthRequest {
        scopes: " ".to_owned(),
        ..request("https://x.com/cb")
    };
    let _went = mount(&root, req);
    sleep(10).await;
    let said = by_text(&root, "Only to know that you are signed in.");
    assert_eq!(text_of(&said), "Only to know that you are signed in.");
    assert!(all_by_role(&root, "list", None).is_empty());
}

// Guards against the screen in Chinese missing translations of the scopes.
#[wasm_bindgen_test]
async fn scopes_in_chinese() {
    let root = fresh();
    let req = request("https://x.com/cb");
    let h = leptos::mount::mount_to(root.clone(), move || {
        setup(Lang::ZhCn);
        view! { <ConsentScreen request=req navigate=Callback::new(|_: String| {}) /> }
    });
    sleep(10).await;
    assert!(scopes(&root)[0].contains("识别你的身份"));
    assert!(text_of(&by_role_partial(&root, "button", "允许")).contains("允许"));
    drop(h);
}

// Guards against a bad redirect_uri being offered or followed (D8).
#[wasm_bindgen_test]
async fn refuses_a_bad_redirect_uri() {
    for bad in [
        "javascript:alert(document.cookie)",
        "data:text/html,<script>alert(1)</script>",
        "/relative/cb",
        "https://",
    ] {
        fake_fetch();
        let root = fresh();
        let went = mount(&root, request(bad));
        sleep(10).await;
        let refusal = alert(&root).expect("a refusal");
        assert_eq!(refusal.get_attribute("role").as_deref(), Some("alert"));
        assert!(
            refusal
                .text_content()
                .unwrap()
                .contains("not a valid http or https address"),
            "{bad}"
        );
        assert!(!has(&root, "form"), "no form for {bad}");
        assert!(
            !has_role(&root, "button", None),
            "no Allow or Deny for {bad}"
        );
        assert!(went.get_untracked().is_empty());
        assert!(calls().is_empty());
        restore_fetch();
    }
    let root = fresh();
    let _went = mount(&root, request(""));
    sleep(10).await;
    assert!(alert_text(&root).unwrap().contains("no return address"));
}

// Guards against Deny losing the state, calling the server, or going elsewhere.
#[wasm_bindgen_test]
async fn deny_goes_back_with_access_denied_and_the_state() {
    fake_fetch();
    let root = fresh();
    let went = mount(&root, request("https://x.com/cb?keep=1"));
    sleep(10).await;
    click_button(&root, "Deny");
    sleep(10).await;
    let went = went.get_untracked();
    assert_eq!(went.len(), 1);
    let url = &went[0];
    assert!(url.starts_with("https://x.com/cb?"), "{url}");
    assert_eq!(param(url, "error").as_deref(), Some("access_denied"));
    assert_eq!(
        param(url, "state").as_deref(),
        Some("s t&a=te/ü"),
        "state unchanged"
    );
    assert_eq!(param(url, "keep").as_deref(), Some("1"));
    assert_eq!(param(url, "code"), None);
    assert!(calls().is_empty(), "deny asks nothing of the server");
    assert!(text_of(&status(&root)).contains("x.com"));
    restore_fetch();
}

// Guards against Allow sending a wrong GrantCode body or dropping code/state on the way back.
#[wasm_bindgen_test]
async fn allow_asks_for_a_code_and_goes_back_with_it() {
    fake_fetch();
    route("GrantCode", &ok(r#"{"code":"c0de","expires_in":120}"#));
    let root = fresh();
    let went = mount(&root, request("https://x.com/cb"));
    sleep(10).await;
    type_label(&root, "User name", "alice");
    type_label(&root, "Password", "secret1");
    type_label(&root, DAYS, "30");
    click_button(&root, "Allow");
    assert!(
        until(|| !went.get_untracked().is_empty()).await,
        "navigated"
    );
    let url = went.get_untracked()[0].clone();
    assert_eq!(param(&url, "code").as_deref(), Some("c0de"));
    assert_eq!(param(&url, "state").as_deref(), Some("s t&a=te/ü"));
    let calls = calls();
    assert_eq!(calls.len(), 1);
    assert!(calls[0]["url"]
        .as_str()
        .unwrap()
        .contains("/api/OAuth/2/GrantCode"));
    let body: serde_json::Value = serde_json::from_str(calls[0]["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["grant_type"], "account");
    assert_eq!(body["userName"], "alice");
    assert_eq!(body["password"], "secret1");
    assert_eq!(body["redirect_uri"], "https://x.com/cb");
    assert_eq!(body["scopes"], "openid profile promission x-custom:read");
    assert_eq!(body["expireInDays"], 30);
    restore_fetch();
}

// Guards against the third-party-id grant sending the wrong fields.
#[wasm_bindgen_test]
async fn allow_by_union_id() {
    fake_fetch();
    route("GrantCode", &ok(r#"{"code":"u1"}"#));
    let root = fresh();
    let req = AuthRequest {
        grant_types: vec![GrantKind::UnionId],
        state: None,
        ..request("http://localhost:8080/?view=thirdparty")
    };
    let went = mount(&root, req);
    sleep(10).await;
    assert!(
        !has_role(&root, "group", Some(METHOD)),
        "one way only: no choice shown"
    );
    type_label(&root, "Third-party ID (unionID)", "wx-123");
    assert_eq!(by_label(&root, "Platform").value(), "web");
    click_button(&root, "Allow");
    assert!(until(|| !went.get_untracked().is_empty()).await);
    let url = went.get_untracked()[0].clone();
    assert_eq!(param(&url, "view").as_deref(), Some("thirdparty"));
    assert_eq!(param(&url, "code").as_deref(), Some("u1"));
    assert_eq!(param(&url, "state"), None, "no state when none was sent");
    let body: serde_json::Value =
        serde_json::from_str(calls()[0]["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["grant_type"], "unionid");
    assert_eq!(body["unionId"], "wx-123");
    assert_eq!(body["platform"], "web");
    assert_eq!(body["expireInDays"], 1);
    restore_fetch();
}

// Guards against sending a request with a bad validity or missing credentials, and against
// leaving the page when the server refuses.
#[wasm_bindgen_test]
async fn checks_before_sending_and_stays_on_refusal() {
    fake_fetch();
    route("GrantCode", &refused(401, "Wrong user name or password."));
    let root = fresh();
    let went = mount(&root, request("https://x.com/cb"));
    sleep(10).await;
    type_label(&root, DAYS, "100");
    click_button(&root, "Allow");
    sleep(20).await;
    assert_eq!(
        error_under(&root, "User name").as_deref(),
        Some("Please fill this in.")
    );
    assert!(error_under(&root, DAYS).unwrap().contains("1 to 99"));
    assert_eq!(active_label().as_deref(), Some("User name"));
    assert!(calls().is_empty());
    // Phone: the number is checked as a phone.
    by_role(&methods(&root), "radio", "Phone").click();
    sleep(10).await;
    type_label(&root, "Mobile number", "12345");
    type_label(&root, "Password", "secret1");
    type_label(&root, DAYS, "2");
    click_button(&root, "Allow");
    sleep(20).await;
    assert!(
        error_under(&root, "Mobile number").is_some(),
        "not a phone number"
    );
    type_label(&root, "Mobile number", "13800138000");
    click_button(&root, "Allow");
    assert!(until(|| alert(&root).is_some()).await);
    assert_eq!(
        alert_text(&root).as_deref(),
        Some("Wrong user name or password.")
    );
    assert!(
        went.get_untracked().is_empty(),
        "no navigation after a refusal"
    );
    let body: serde_json::Value =
        serde_json::from_str(calls()[0]["body"].as_str().unwrap()).unwrap();
    assert_eq!(body["grant_type"], "phone");
    assert_eq!(
        by_label(&root, "Password").value(),
        "secret1",
        "what was typed stays"
    );
    restore_fetch();
}

/// Mounts the demo app reading `search`.
fn mount_demo(root: &web_sys::HtmlElement, search: &str) {
    let search = search.to_owned();
    let h = leptos::mount::mount_to(root.clone(), move || {
        setup(Lang::En);
        view! { <ThirdPartyDemo search=search /> }
    });
    h.forget();
}

fn session_set(value: &str) {
    let s = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap();
    s.set_item(STATE_KEY, value).unwrap();
}

// Guards against a page upgraded while a request was in flight losing its state: the state
// kept under the key of earlier versions is still accepted, once.
#[wasm_bindgen_test]
async fn demo_reads_a_state_kept_under_the_old_key() {
    fake_fetch();
    let token = jwt(&serde_json::json!({"nameid": "7", "exp": 99}));
    route(
        "Authorize",
        &ok(&serde_json::json!({"access_token": token, "token_type": "Bearer"}).to_string()),
    );
    let s = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap();
    s.remove_item(STATE_KEY).unwrap();
    s.set_item("oa-thirdparty-state", "old8").unwrap();
    let root = fresh();
    mount_demo(&root, "?view=thirdparty&code=c0de&state=old8");
    assert!(until(|| has(&root, ".oa-thirdparty__claims")).await);
    assert_eq!(s.get_item("oa-thirdparty-state").unwrap(), None);
    restore_fetch();
}

// Guards against a demo link that does not lead to the consent view with a fresh state and
// a redirect_uri back to the demo.
#[wasm_bindgen_test]
async fn demo_starts_a_request() {
    let root = fresh();
    mount_demo(&root, "?view=thirdparty");
    sleep(10).await;
    let href = by_role(&root, "link", START).get_attribute("href").unwrap();
    let url = web_sys::Url::new(&href).unwrap();
    let p = url.search_params();
    assert_eq!(p.get("view").as_deref(), Some("consent"));
    let back = p.get("redirect_uri").unwrap();
    assert!(back.ends_with("?view=thirdparty"), "{back}");
    assert!(check_redirect_uri(&back).is_ok());
    let state = p.get("state").unwrap();
    assert_eq!(state.len(), 32);
    assert!(p.get("scope").unwrap().contains("openid"));
    // The link remembers its state when followed; block the navigation itself.
    eval("document.addEventListener('click', e => e.preventDefault(), {once: true});");
    by_role(&root, "link", START).click();
    let stored = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap()
        .get_item(STATE_KEY)
        .unwrap();
    assert_eq!(stored.as_deref(), Some(state.as_str()));
}

// Guards against the demo exchanging a code that answers another request (state mismatch).
#[wasm_bindgen_test]
async fn demo_ignores_a_foreign_state() {
    fake_fetch();
    session_set("expected");
    let root = fresh();
    mount_demo(&root, "?view=thirdparty&code=abc&state=other");
    sleep(20).await;
    assert!(text_of(&status(&root)).contains("state differs"));
    // Said at once, as an error (it used to be only a polite status).
    let said = alert(&root).expect("an alert");
    assert!(text_of(&said).contains("state differs"));
    assert!(calls().is_empty(), "no exchange");
    restore_fetch();
}

// Guards against a refusal being shown as anything but a refusal.
#[wasm_bindgen_test]
async fn demo_shows_a_refusal() {
    session_set("st");
    let root = fresh();
    mount_demo(&root, "?view=thirdparty&error=access_denied&state=st");
    sleep(10).await;
    assert_eq!(text_of(&status(&root)), "You refused access.");
}

// Guards against the demo not exchanging the code (Authorize) or not showing the claims.
#[wasm_bindgen_test]
async fn demo_exchanges_the_code_and_shows_claims() {
    fake_fetch();
    let token = jwt(&serde_json::json!({"nameid": "7", "unique_name": "<i>alice</i>", "exp": 99}));
    route(
        "Authorize",
        &ok(&serde_json::json!({"access_token": token, "token_type": "Bearer", "expires_in": 86400}).to_string()),
    );
    session_set("st8");
    let root = fresh();
    mount_demo(&root, "?view=thirdparty&code=c0de&state=st8");
    assert!(until(|| claim(&root, "unique_name").is_some()).await);
    let calls = calls();
    assert_eq!(calls.len(), 1);
    let url = calls[0]["url"].as_str().unwrap();
    assert!(
        url.contains("/api/OAuth/2/Authorize") && url.contains("code=c0de"),
        "{url}"
    );
    assert_eq!(claim(&root, "unique_name").as_deref(), Some("<i>alice</i>"));
    let values = all_by_role(&root, "definition", None);
    assert!(!values.is_empty());
    assert!(values.iter().all(|v| !has(v, "i")), "claims are text");
    assert_eq!(claim(&root, "nameid").as_deref(), Some("7"));
    assert!(text_of(&by_text(&root, "The token is valid for")).contains("86400"));
    restore_fetch();
}
