//! Browser tests of `QrSignIn` (the web side of the QR sign-in) against a fake `fetch`: each
//! state on screen, the token handed over once confirmed, expiry (410 and the lifetime) with a
//! fresh code, backoff on network errors with one request at a time, and — the point of most
//! of them — that polling stops when the tab is left, the page is hidden or the component is
//! removed, with no request made afterwards.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use oauthapp_login::api::{Client, Token};
use oauthapp_login::components::*;
use oauthapp_login::i18n::{provide_i18n, Lang, Overrides};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Replaces `window.fetch` by a fake that records every call in `__qrCalls` (URL, body, and
/// whether its signal was aborted), keeps `__qrInflight` / `__qrMaxInflight`, rejects like a
/// network failure while `__qrFail` is set, hangs (until aborted) while `__qrHang` is set,
/// answers after `__qrDelay` ms, and otherwise answers from `__qrRoutes` (the route whose name
/// ends the URL's path).
const FAKE_FETCH: &str = r#"
window.__qrRealFetch = window.__qrRealFetch || window.fetch;
window.__qrCalls = [];
window.__qrInflight = 0;
window.__qrMaxInflight = 0;
window.__qrFail = false;
window.__qrHang = false;
window.__qrDelay = 0;
window.__qrRoutes = {};
window.fetch = function (req) {
  return (async () => {
    const call = { url: req.url, body: await req.text(), aborted: false };
    window.__qrCalls.push(call);
    req.signal.addEventListener('abort', () => { call.aborted = true; });
    window.__qrInflight += 1;
    window.__qrMaxInflight = Math.max(window.__qrMaxInflight, window.__qrInflight);
    try {
      if (window.__qrHang) {
        await new Promise((_, reject) => {
          req.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        });
      }
      if (window.__qrDelay > 0) {
        await new Promise((resolve) => setTimeout(resolve, window.__qrDelay));
      }
      if (window.__qrFail) { throw new TypeError('Failed to fetch'); }
      const name = new URL(req.url).pathname.split('/').pop();
      const a = window.__qrRoutes[name] || { status: 404, body: '' };
      return new Response(a.body, { status: a.status });
    } finally {
      window.__qrInflight -= 1;
    }
  })();
};
"#;

/// A JWT whose payload is {"nameid":"9","unique_name":"wx-user","unionid":"o-1"}.
const JWT: &str = "h.eyJuYW1laWQiOiI5IiwidW5pcXVlX25hbWUiOiJ3eC11c2VyIiwidW5pb25pZCI6Im8tMSJ9.s";

fn eval(code: &str) -> JsValue {
    js_sys::eval(code).unwrap_or(JsValue::UNDEFINED)
}

/// Installs the fake with a key (`19`) for pre-sign-in and "not scanned yet" for polls.
fn fake_fetch() {
    eval(FAKE_FETCH);
    route("QRCodePreSignIn", 200, r#"{"code":200,"data":19,"err":""}"#);
    waiting();
}

fn restore_fetch() {
    eval("if (window.__qrRealFetch) { window.fetch = window.__qrRealFetch; } window.__qrFail = false; window.__qrHang = false; window.__qrDelay = 0;");
}

/// Sets the answer of a route.
fn route(name: &str, status: u16, body: &str) {
    let routes = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__qrRoutes".into()).unwrap();
    let answer = js_sys::Object::new();
    js_sys::Reflect::set(&answer, &"status".into(), &JsValue::from(status)).unwrap();
    js_sys::Reflect::set(&answer, &"body".into(), &body.into()).unwrap();
    js_sys::Reflect::set(&routes, &name.into(), &answer).unwrap();
}

fn waiting() {
    route("QRCodeSignIn", 200, r#"{"code":201,"data":null,"err":""}"#);
}

fn scanned() {
    route("QRCodeSignIn", 200, r#"{"code":202,"data":null,"err":""}"#);
}

fn confirmed() {
    let body = format!(
        r#"{{"code":200,"data":{{"access_token":"{JWT}","token_type":"Bearer","expires_in":86400}},"err":""}}"#
    );
    route("QRCodeSignIn", 200, &body);
}

fn expired() {
    route(
        "QRCodeSignIn",
        410,
        r#"{"code":410,"data":null,"err":"The QR code has expired."}"#,
    );
}

/// Calls made so far to the route `name`.
fn calls(name: &str) -> u32 {
    let code =
        format!("window.__qrCalls.filter(c => new URL(c.url).pathname.endsWith('/{name}')).length");
    eval(&code).as_f64().unwrap_or(-1.0) as u32
}

fn number(expr: &str) -> f64 {
    eval(expr).as_f64().unwrap_or(f64::NAN)
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn fresh() -> web_sys::HtmlElement {
    let el = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

#[allow(dead_code)]
#[path = "shared/dom.rs"]
mod dom;
use dom::{alert_text, all_by_role, click_button, has_role, text_of};

/// The state of the QR machine, from its `data-state` (what the tests wait on; a person
/// hears it as the status sentence, which the tests check too).
fn state(root: &web_sys::Element) -> String {
    root.query_selector("[data-state]")
        .unwrap()
        .and_then(|e| e.get_attribute("data-state"))
        .unwrap_or_default()
}

/// The status sentence (`role=status`).
fn status(root: &web_sys::Element) -> String {
    text_of(&dom::status(root))
}

/// The QR image (`role=img`), if one is shown.
fn qr_image(root: &web_sys::Element) -> Option<web_sys::Element> {
    let mut found = all_by_role(root, "img", None);
    assert!(found.len() < 2, "{} images", found.len());
    found.pop()
}

/// Whether a QR image is in the page at all (shown or not).
fn has_qr_image(root: &web_sys::Element) -> bool {
    has_role(root, "img", None)
}

/// The text of the link to open on the phone.
fn link(root: &web_sys::Element) -> String {
    let found = all_by_role(root, "link", None);
    assert_eq!(found.len(), 1, "one link");
    text_of(&found[0])
}

const REFRESH: &str = "Get a new QR code";

async fn sleep(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
}

/// Waits (up to 3 s) until `root` shows the state `want`.
async fn until_state(root: &web_sys::Element, want: &str) {
    for _ in 0..150 {
        if state(root) == want {
            return;
        }
        sleep(20).await;
    }
    panic!("state is {:?}, not {want:?}", state(root));
}

/// Options of one mounted `QrSignIn`.
struct Mount {
    active: RwSignal<bool>,
    tokens: RwSignal<Vec<Token>>,
    lifetime_secs: u32,
    poll_ms: u32,
}

impl Default for Mount {
    fn default() -> Self {
        Mount {
            active: RwSignal::new(true),
            tokens: RwSignal::new(Vec::new()),
            lifetime_secs: 300,
            poll_ms: 50,
        }
    }
}

/// Mounts a `QrSignIn` in English for app 2 of a (fake) server, handing tokens to `tokens`.
fn mount(root: &web_sys::HtmlElement, m: &Mount) -> leptos::mount::UnmountHandle<impl Mountable> {
    let (active, tokens, lifetime, poll) = (m.active, m.tokens, m.lifetime_secs, m.poll_ms);
    leptos::mount::mount_to(root.clone(), move || {
        provide_i18n(Some(Lang::En), Overrides::new());
        let on_token = Callback::new(move |t: Token| tokens.update(|v| v.push(t)));
        provide_login(LoginCtx::new(
            Client::new("http://qr.test:9", 2),
            LoginConfig::default(),
            Some(on_token),
        ));
        view! {
            <QrSignIn
                active=active
                scopes="openid phone"
                remark="demo"
                lifetime_secs=lifetime
                poll_interval_ms=poll
            />
        }
    })
}

// Guards against a QR flow that does not show its states, draws no code, links the wrong
// page, or does not hand the token over once the phone confirms (and keeps polling after).
#[wasm_bindgen_test]
async fn shows_each_state_and_hands_over_the_token() {
    fake_fetch();
    let root = fresh();
    let m = Mount::default();
    let _h = mount(&root, &m);
    until_state(&root, "waiting").await;
    let pre = eval("window.__qrCalls[0].body")
        .as_string()
        .unwrap_or_default();
    assert_eq!(
        pre,
        r#"{"scheme":"app","scopes":"openid phone","remark":"demo"}"#
    );
    assert_eq!(status(&root), "Scan the QR code with WeChat to sign in.");
    let image = qr_image(&root).expect("a QR image");
    let label = image
        .get_attribute("aria-label")
        .expect("a QR image with a name");
    assert!(label.contains("WeChat"), "{label}");
    let view_box = image.get_attribute("viewBox").unwrap_or_default();
    assert!(view_box.starts_with("0 0 "), "{view_box}");
    // The drawing itself: the image's path (not something a person finds).
    assert!(image
        .query_selector("path")
        .unwrap()
        .and_then(|p| p.get_attribute("d"))
        .unwrap_or_default()
        .starts_with("M4 4h7"));
    assert_eq!(
        link(&root),
        "http://qr.test:9/?view=phone&appId=2&signInKey=19"
    );
    sleep(200).await;
    assert!(calls("QRCodeSignIn") >= 2, "polls every interval");
    let polled = eval("window.__qrCalls.find(c => c.url.endsWith('/QRCodeSignIn')).body");
    assert_eq!(polled.as_string().as_deref(), Some(r#"{"signInKey":19}"#));

    scanned();
    until_state(&root, "scanned").await;
    assert_eq!(status(&root), "Scanned. Confirm the sign-in on your phone.");
    assert!(qr_image(&root).is_some(), "the code stays while scanned");

    confirmed();
    until_state(&root, "signed-in").await;
    let tokens = m.tokens.get_untracked();
    assert_eq!(tokens.len(), 1);
    assert_eq!(tokens[0].access_token, JWT);
    let after = calls("QRCodeSignIn");
    sleep(300).await;
    assert_eq!(calls("QRCodeSignIn"), after, "no poll after the token");
    assert_eq!(m.tokens.get_untracked().len(), 1);
    assert!(!has_qr_image(&root));
    restore_fetch();
}

// Guards against an expired code that stays on screen or keeps polling, and a refresh button
// that does not bring a fresh key.
#[wasm_bindgen_test]
async fn expired_code_offers_a_fresh_one() {
    fake_fetch();
    let root = fresh();
    let m = Mount::default();
    let _h = mount(&root, &m);
    until_state(&root, "waiting").await;
    expired();
    until_state(&root, "expired").await;
    assert_eq!(status(&root), "The QR code has expired.");
    assert!(!has_qr_image(&root));
    let polls = calls("QRCodeSignIn");
    sleep(250).await;
    assert_eq!(calls("QRCodeSignIn"), polls, "no poll after expiry");

    route(
        "QRCodePreSignIn",
        200,
        r#"{"code":200,"data":"k-20","err":""}"#,
    );
    waiting();
    click_button(&root, REFRESH);
    until_state(&root, "waiting").await;
    assert_eq!(calls("QRCodePreSignIn"), 2);
    assert!(link(&root).ends_with("signInKey=k-20"));
    assert!(!has_role(&root, "button", Some(REFRESH)));
    restore_fetch();
}

// Guards against a key used past its lifetime when the server never says 410.
#[wasm_bindgen_test]
async fn key_lifetime_passing_expires_the_code() {
    fake_fetch();
    let root = fresh();
    let m = Mount {
        lifetime_secs: 1,
        poll_ms: 100,
        ..Mount::default()
    };
    let _h = mount(&root, &m);
    until_state(&root, "waiting").await;
    sleep(600).await;
    assert_eq!(state(&root), "waiting");
    until_state(&root, "expired").await;
    let polls = calls("QRCodeSignIn");
    assert!((3..=12).contains(&polls), "{polls} polls in one second");
    restore_fetch();
}

// Guards against timers or requests that outlive the component: after it is removed, no
// request is made, and the one in flight is aborted.
#[wasm_bindgen_test]
async fn no_request_after_the_component_is_removed() {
    fake_fetch();
    let root = fresh();
    let m = Mount::default();
    let h = mount(&root, &m);
    until_state(&root, "waiting").await;
    sleep(200).await;
    assert!(calls("QRCodeSignIn") >= 2);
    eval("window.__qrHang = true;");
    let before = calls("QRCodeSignIn");
    for _ in 0..50 {
        if calls("QRCodeSignIn") > before {
            break;
        }
        sleep(10).await;
    }
    assert_eq!(calls("QRCodeSignIn"), before + 1, "a poll is in flight");
    drop(h);
    sleep(50).await;
    assert_eq!(
        eval("window.__qrCalls[window.__qrCalls.length - 1].aborted").as_bool(),
        Some(true),
        "the request in flight is aborted"
    );
    eval("window.__qrHang = false;");
    let total = number("window.__qrCalls.length");
    sleep(500).await;
    assert_eq!(
        number("window.__qrCalls.length"),
        total,
        "no request after removal"
    );
    restore_fetch();
}

// Guards against polling while the QR tab is not shown, and against a new key (instead of
// the same one) when it is shown again.
#[wasm_bindgen_test]
async fn leaving_the_tab_pauses_and_coming_back_resumes_with_the_same_key() {
    fake_fetch();
    let root = fresh();
    let m = Mount::default();
    let _h = mount(&root, &m);
    until_state(&root, "waiting").await;
    sleep(150).await;
    m.active.set(false);
    sleep(30).await;
    let paused = calls("QRCodeSignIn");
    sleep(400).await;
    assert_eq!(
        calls("QRCodeSignIn"),
        paused,
        "no poll while the tab is left"
    );
    m.active.set(true);
    sleep(200).await;
    assert!(calls("QRCodeSignIn") > paused, "polling resumed");
    assert_eq!(calls("QRCodePreSignIn"), 1, "the same key is used again");
    assert_eq!(state(&root), "waiting");
    restore_fetch();
}

/// Makes the page look hidden or visible, and tells the page so.
fn set_hidden(hidden: bool) {
    let code = if hidden {
        "Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true }); \
         document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));"
    } else {
        "delete document.visibilityState; \
         document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));"
    };
    eval(code);
}

// Guards against polling a server from a background tab.
#[wasm_bindgen_test]
async fn hidden_page_pauses_polling() {
    fake_fetch();
    let root = fresh();
    let m = Mount::default();
    let _h = mount(&root, &m);
    until_state(&root, "waiting").await;
    sleep(150).await;
    set_hidden(true);
    sleep(30).await;
    let paused = calls("QRCodeSignIn");
    sleep(400).await;
    let still = calls("QRCodeSignIn");
    set_hidden(false);
    assert_eq!(still, paused, "no poll while the page is hidden");
    sleep(200).await;
    assert!(calls("QRCodeSignIn") > paused, "polling resumed");
    assert_eq!(calls("QRCodePreSignIn"), 1);
    restore_fetch();
}

// Guards against hammering a server that is down (no backoff) and against requests piling up
// when answers are slower than the poll interval.
#[wasm_bindgen_test]
async fn network_errors_back_off_and_requests_never_pile_up() {
    fake_fetch();
    let root = fresh();
    let m = Mount::default();
    let _h = mount(&root, &m);
    until_state(&root, "waiting").await;
    eval("window.__qrFail = true;");
    let start = calls("QRCodeSignIn");
    // Backoff 50, 50, 100, 200, 400 ms…: about 5 tries in 900 ms instead of 18.
    sleep(900).await;
    let tries = calls("QRCodeSignIn") - start;
    assert!((2..=7).contains(&tries), "{tries} tries while failing");
    // Found by its text: the notice is no live region (no role=status), so a screen reader
    // does not hear it (an accessibility gap of the widget).
    let retrying = dom::by_text(&root, "Trying again");
    assert!(!retrying.has_attribute("hidden"));
    // A screen reader hears it too (it was a plain paragraph).
    assert_eq!(retrying.get_attribute("role").as_deref(), Some("status"));
    assert_eq!(
        retrying.text_content().unwrap_or_default(),
        "Connection problem. Trying again…"
    );
    assert_eq!(state(&root), "waiting");

    eval("window.__qrFail = false; window.__qrDelay = 200; window.__qrMaxInflight = 0;");
    scanned();
    until_state(&root, "scanned").await;
    sleep(600).await;
    assert!(retrying.is_connected() && retrying.has_attribute("hidden"));
    assert_eq!(
        number("window.__qrMaxInflight"),
        1.0,
        "one request at a time"
    );
    restore_fetch();
}

// Guards against a refusal of the pre-sign-in (e.g. an unknown app) that retries forever
// instead of saying so and offering to try again.
#[wasm_bindgen_test]
async fn refused_pre_sign_in_fails_with_the_servers_sentence() {
    fake_fetch();
    route(
        "QRCodePreSignIn",
        404,
        r#"{"code":404,"data":null,"err":"No such app."}"#,
    );
    let root = fresh();
    let m = Mount::default();
    let _h = mount(&root, &m);
    until_state(&root, "failed").await;
    assert_eq!(status(&root), "The QR code could not be made.");
    assert_eq!(alert_text(&root).as_deref(), Some("No such app."));
    sleep(200).await;
    assert_eq!(calls("QRCodePreSignIn"), 1);
    route("QRCodePreSignIn", 200, r#"{"code":200,"data":19,"err":""}"#);
    click_button(&root, REFRESH);
    until_state(&root, "waiting").await;
    restore_fetch();
}
