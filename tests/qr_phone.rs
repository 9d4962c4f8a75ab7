//! Browser tests of `QrPhonePage` (the phone side of the QR sign-in) against a fake `fetch`:
//! the scan at load with the key as a number, the app card (a logo only from an http(s) URL),
//! the confirmation with the typed unionID and nickname, its checks, and the error paths.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use oauthapp_login::api::Token;
use oauthapp_login::components::QrPhonePage;
use oauthapp_login::i18n::Lang;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Replaces `window.fetch`: records calls in `__qpCalls` and answers from `__qpRoutes` (the
/// route whose name ends the URL's path).
const FAKE_FETCH: &str = r#"
window.__qpRealFetch = window.__qpRealFetch || window.fetch;
window.__qpCalls = [];
window.__qpRoutes = {};
window.fetch = function (req) {
  return (async () => {
    window.__qpCalls.push({ url: req.url, body: await req.text() });
    const name = new URL(req.url).pathname.split('/').pop();
    const a = window.__qpRoutes[name] || { status: 404, body: '' };
    return new Response(a.body, { status: a.status });
  })();
};
"#;

const CARD: &str = r#"{"code":200,"data":{"appID":2,"name":"开发文档","logo":"javascript:alert(1)","website":"https://x.test","description":"The docs app","tags":null,"scopes":"openid  phone","remark":"from the demo","scheme":"app"},"err":""}"#;

const TOKEN: &str = r#"{"code":200,"data":{"access_token":"h.e30.s","token_type":"Bearer","expires_in":86400},"err":""}"#;

fn eval(code: &str) -> JsValue {
    js_sys::eval(code).unwrap_or(JsValue::UNDEFINED)
}

fn fake_fetch() {
    eval(FAKE_FETCH);
}

fn restore_fetch() {
    eval("if (window.__qpRealFetch) { window.fetch = window.__qpRealFetch; }");
}

fn route(name: &str, status: u16, body: &str) {
    let routes = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__qpRoutes".into()).unwrap();
    let answer = js_sys::Object::new();
    js_sys::Reflect::set(&answer, &"status".into(), &JsValue::from(status)).unwrap();
    js_sys::Reflect::set(&answer, &"body".into(), &body.into()).unwrap();
    js_sys::Reflect::set(&routes, &name.into(), &answer).unwrap();
}

/// The bodies sent to the route `name`, in order.
fn bodies(name: &str) -> Vec<String> {
    let code = format!(
        "JSON.stringify(window.__qpCalls.filter(c => c.url.endsWith('/{name}')).map(c => c.body))"
    );
    let json = eval(&code).as_string().unwrap_or_default();
    serde_json::from_str(&json).unwrap_or_default()
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
use dom::{alert_text, all_by_role, by_label, by_text, click_button, statuses, text_of};

const UNION_ID: &str = "WeChat unionID or openid";
const NICKNAME: &str = "Nickname (optional)";
const CONFIRM: &str = "Confirm sign-in";

/// Types `value` into the control labelled `label`, as a person would (an `input` event).
fn type_into(root: &web_sys::Element, label: &str, value: &str) {
    let el = by_label(root, label);
    el.set_value(value);
    let f = js_sys::Function::new_with_args(
        "el",
        "el.dispatchEvent(new Event('input', {bubbles: true}))",
    );
    f.call1(&JsValue::NULL, &el).unwrap();
}

/// Whether the app's card is shown (the sentence saying who asks).
fn card_shown(root: &web_sys::Element) -> bool {
    !dom::all_by_text(root, "asks to sign you in").is_empty()
}

/// The status sentence saying the sign-in was confirmed, if shown.
fn done(root: &web_sys::Element) -> Option<String> {
    statuses(root)
        .into_iter()
        .find(|t| t.starts_with("Confirmed for"))
}

/// The app's logo. TODO(a11y): decorative (`alt=""`, beside the app's name), so it has no
/// role or name a person could find it by; found by its class as before.
fn logo(root: &web_sys::Element) -> Option<web_sys::Element> {
    root.query_selector("img.oa-qr-phone__logo").unwrap()
}

async fn sleep(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
}

/// Waits (up to 3 s) until `cond` holds for `root`; `what` names it in the failure.
async fn until(root: &web_sys::Element, what: &str, cond: impl Fn(&web_sys::Element) -> bool) {
    for _ in 0..150 {
        if cond(root) {
            return;
        }
        sleep(20).await;
    }
    panic!("no {what} after 3 s");
}

// Guards against a phone page that does not tell the server it scanned, sends the key as a
// string when it came as a number, shows a `javascript:` logo, or confirms without the typed
// unionID and nickname.
#[wasm_bindgen_test]
async fn scans_shows_the_card_and_confirms() {
    fake_fetch();
    route("QRCodeScan", 200, CARD);
    route("QRCodeSignUp", 200, TOKEN);
    let got = RwSignal::new(None::<Token>);
    let root = fresh();
    let _h = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <QrPhonePage
                server_url="http://qr.test:9"
                app_id=2
                sign_in_key="19"
                lang=Lang::En
                on_confirmed=Callback::new(move |t| got.set(Some(t)))
            />
        }
    });
    until(&root, "card", card_shown).await;
    assert_eq!(bodies("QRCodeScan"), [r#"{"signInKey":19}"#]);
    assert_eq!(
        text_of(&by_text(&root, "asks to sign you in")),
        "开发文档 asks to sign you in."
    );
    assert_eq!(text_of(&by_text(&root, "The docs app")), "The docs app");
    let scopes: Vec<String> = all_by_role(&root, "listitem", None)
        .iter()
        .map(text_of)
        .collect();
    assert_eq!(scopes, ["openid", "phone"]);
    assert!(text_of(&by_text(&root, "from the demo")).contains("from the demo"));
    // TODO(a11y): no image at all (a decorative logo has no role to look for).
    assert!(
        root.query_selector("img").unwrap().is_none(),
        "no javascript: logo"
    );

    // Nothing is sent without a unionID.
    click_button(&root, CONFIRM);
    sleep(50).await;
    assert!(bodies("QRCodeSignUp").is_empty());
    assert_eq!(
        dom::description_of(&by_label(&root, UNION_ID)).as_deref(),
        Some("Please fill this in.")
    );

    type_into(&root, UNION_ID, "  o-wx-42 ");
    type_into(&root, NICKNAME, "Mei");
    click_button(&root, CONFIRM);
    until(&root, "confirmation", |r| done(r).is_some()).await;
    let sent: serde_json::Value = serde_json::from_str(
        bodies("QRCodeSignUp")
            .first()
            .map(String::as_str)
            .unwrap_or(""),
    )
    .unwrap();
    assert_eq!(
        sent,
        serde_json::json!({"unionID": "o-wx-42", "signInKey": 19, "nickName": "Mei"})
    );
    assert_eq!(
        done(&root).as_deref(),
        Some("Confirmed for Mei. You can go back to the other screen.")
    );
    assert_eq!(
        got.get_untracked().map(|t| t.access_token).as_deref(),
        Some("h.e30.s")
    );
    restore_fetch();
}

// Guards against dropping an http(s) logo, and against a failed confirmation that hides the
// server's reason.
#[wasm_bindgen_test]
async fn shows_an_https_logo_and_a_refused_confirmation() {
    fake_fetch();
    route(
        "QRCodeScan",
        200,
        &CARD.replace("javascript:alert(1)", "https://img.test/logo.png"),
    );
    route(
        "QRCodeSignUp",
        410,
        r#"{"code":410,"data":null,"err":"This QR code has expired."}"#,
    );
    let root = fresh();
    let _h = leptos::mount::mount_to(root.clone(), move || {
        view! { <QrPhonePage server_url="http://qr.test:9" app_id=2 sign_in_key="k-7" lang=Lang::En /> }
    });
    until(&root, "card", card_shown).await;
    assert_eq!(bodies("QRCodeScan"), [r#"{"signInKey":"k-7"}"#]);
    let img = logo(&root).expect("the logo");
    assert_eq!(
        img.get_attribute("src").as_deref(),
        Some("https://img.test/logo.png")
    );
    // A logo that cannot be loaded is hidden rather than shown broken.
    until(&root, "hidden logo", |_| img.has_attribute("hidden")).await;
    type_into(&root, UNION_ID, "o-1");
    click_button(&root, CONFIRM);
    sleep(150).await;
    assert_eq!(
        alert_text(&root).as_deref(),
        Some("This QR code has expired.")
    );
    assert!(dom::find_all(
        &root,
        serde_json::json!({"role": "status", "text": "Confirmed for", "hidden": true})
    )
    .is_empty());
    restore_fetch();
}

// Guards against a page that calls the server without a key, and a failed scan without a way
// to try again.
#[wasm_bindgen_test]
async fn missing_key_and_failed_scan() {
    fake_fetch();
    let root = fresh();
    let h = leptos::mount::mount_to(root.clone(), move || {
        view! { <QrPhonePage server_url="http://qr.test:9" lang=Lang::En /> }
    });
    sleep(50).await;
    assert_eq!(
        alert_text(&root).as_deref(),
        Some("This page needs an appId and a signInKey in its address.")
    );
    assert_eq!(eval("window.__qpCalls.length").as_f64(), Some(0.0));
    drop(h);

    route(
        "QRCodeScan",
        404,
        r#"{"code":404,"data":null,"err":"Unknown QR code."}"#,
    );
    let root = fresh();
    let _h = leptos::mount::mount_to(root.clone(), move || {
        view! { <QrPhonePage server_url="http://qr.test:9" app_id=2 sign_in_key="5" lang=Lang::En /> }
    });
    until(&root, "retry button", |r| {
        dom::query_button(r, "Try again").is_some()
    })
    .await;
    assert_eq!(alert_text(&root).as_deref(), Some("Unknown QR code."));
    route("QRCodeScan", 200, CARD);
    click_button(&root, "Try again");
    until(&root, "card", card_shown).await;
    assert_eq!(bodies("QRCodeScan").len(), 2);
    restore_fetch();
}
