//! The client against the browser's real `fetch`: what goes on the wire, how answers and
//! failures come back, the timeout and the abort on drop. `window.fetch` is replaced by a
//! recording fake for most tests (and restored after); one test uses the real one against a
//! closed port.
#![cfg(target_arch = "wasm32")]

use core::time::Duration;

use futures::FutureExt;
use oauthapp_login::api::*;
use serde_json::{json, Value};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Replaces `window.fetch` by a fake that records each request and answers
/// `window.__oaAnswer`, or never answers (until aborted) when `window.__oaHang` is set.
const FAKE_FETCH: &str = r#"
window.__oaRealFetch = window.__oaRealFetch || window.fetch;
window.__oaCalls = [];
window.__oaAborted = false;
window.__oaHang = false;
window.__oaAnswer = { status: 200, body: '{"code":200,"data":true,"err":""}' };
window.fetch = function (req) {
  req.signal.addEventListener('abort', () => { window.__oaAborted = true; });
  // Recorded at once, so a call left hanging by one test never shows up in the next.
  const call = {
    url: req.url,
    method: req.method,
    auth: req.headers.get('Authorization'),
    contentType: req.headers.get('Content-Type'),
    language: req.headers.get('Accept-Language'),
  };
  window.__oaCalls.push(call);
  return (async () => {
    call.body = await req.text();
    if (window.__oaHang) {
      return new Promise((_, reject) => {
        const fail = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
        if (req.signal.aborted) fail(); else req.signal.addEventListener('abort', fail);
      });
    }
    return new Response(window.__oaAnswer.body, { status: window.__oaAnswer.status });
  })();
};
"#;

fn eval(code: &str) -> wasm_bindgen::JsValue {
    js_sys::eval(code).expect("test script runs")
}

/// Installs the fake fetch, answering `status` and `body`.
fn fake_fetch(status: u16, body: &str) {
    eval(FAKE_FETCH);
    let answer = json!({"status": status, "body": body}).to_string();
    eval(&format!("window.__oaAnswer = {answer};"));
}

/// Puts the browser's own fetch back.
fn restore_fetch() {
    eval("if (window.__oaRealFetch) { window.fetch = window.__oaRealFetch; }");
}

/// The requests the fake fetch saw.
fn calls() -> Vec<Value> {
    let text = eval("JSON.stringify(window.__oaCalls)")
        .as_string()
        .unwrap_or_default();
    serde_json::from_str(&text).unwrap_or_default()
}

fn aborted() -> bool {
    eval("window.__oaAborted === true").as_bool() == Some(true)
}

fn client() -> Client {
    Client::new("https://oauthapp.test/", 2)
}

const TOKEN_ANSWER: &str = r#"{"code":200,"data":{"access_token":"h.p.s","token_type":"Bearer","expires_in":60},"err":""}"#;

#[wasm_bindgen_test]
async fn sign_in_posts_both_password_keys_and_no_token() {
    fake_fetch(200, TOKEN_ANSWER);
    let token = client()
        .with_token("old-token")
        .sign_in(&SignInRequest::new("alice", "pw"))
        .await;
    let seen = calls();
    restore_fetch();
    let token = token.expect("token");
    assert_eq!(token.access_token, "h.p.s");
    assert_eq!(token.expires_in, Some(60));
    assert_eq!(seen.len(), 1);
    let call = &seen[0];
    assert_eq!(call["url"], "https://oauthapp.test/api/AppUsers/2/SignIn");
    assert_eq!(call["method"], "POST");
    assert_eq!(
        call["auth"],
        Value::Null,
        "the token is sent only to Bearer calls"
    );
    assert_eq!(call["contentType"], "application/json");
    let body: Value = serde_json::from_str(call["body"].as_str().unwrap_or("")).unwrap();
    assert_eq!(
        body,
        json!({"userName": "alice", "pwd": "pw", "password": "pw"})
    );
}

#[wasm_bindgen_test]
async fn bearer_call_sends_the_token_and_reads_a_401_refusal() {
    fake_fetch(401, r#"{"code":401,"data":null,"err":"token expired"}"#);
    let result = client().with_token("tok-1").profile().await;
    let seen = calls();
    restore_fetch();
    let error = result.expect_err("refused");
    assert!(error.is_unauthorized());
    assert_eq!(error.server_message(), Some("token expired"));
    assert_eq!(seen[0]["method"], "GET");
    assert_eq!(seen[0]["auth"], "Bearer tok-1");
    assert_eq!(
        seen[0]["url"],
        "https://oauthapp.test/api/AppUsers/2/Profile"
    );
}

/// The widget asks for the server's sentences in the person's language; without a language
/// set, no `Accept-Language` of ours overrides the browser's.
#[wasm_bindgen_test]
async fn the_chosen_language_goes_as_accept_language() {
    fake_fetch(200, r#"{"code":200,"data":true,"err":""}"#);
    let with = client()
        .with_language("zh-CN")
        .send_sms_code(&SendSmsCodeRequest {
            phone: "13800138000".into(),
            purpose: CodePurpose::SignUp,
        })
        .await;
    let seen = calls();
    restore_fetch();
    assert!(with.is_ok());
    assert_eq!(seen[0]["language"], "zh-CN");
    assert_eq!(client().with_language("en").language(), Some("en"));
    assert_eq!(client().language(), None);
}

#[wasm_bindgen_test]
async fn query_and_path_parameters_reach_the_url() {
    fake_fetch(200, r#"{"code":200,"data":{"total":0,"data":[]},"err":""}"#);
    let query = PointLogQuery {
        kind: PointKind::Spend,
        skip: 30,
        take: 15,
    };
    let page = client().with_token("t").point_log(&query).await;
    let seen = calls();
    fake_fetch(200, r#"{"code":200,"data":true,"err":""}"#);
    let deleted = client().with_token("t").delete_consent(9).await;
    let authorize_seen = {
        let _ = client().authorize("a b").await;
        calls()
    };
    restore_fetch();
    assert_eq!(page.map(|p| p.total), Ok(Some(0)));
    assert_eq!(
        seen[0]["url"],
        "https://oauthapp.test/api/AppUsers/2/PointLog?type=2&skip=30&take=15"
    );
    assert_eq!(deleted, Ok(true));
    assert_eq!(authorize_seen[0]["method"], "DELETE");
    assert_eq!(
        authorize_seen[0]["url"],
        "https://oauthapp.test/api/OAuth/2/Consents/9"
    );
    assert_eq!(authorize_seen[1]["method"], "POST");
    assert_eq!(
        authorize_seen[1]["url"],
        "https://oauthapp.test/api/OAuth/2/Authorize?scheme=app&code=a+b"
    );
    assert_eq!(authorize_seen[1]["body"], "");
}

#[wasm_bindgen_test]
async fn qr_poll_reads_d4_codes() {
    fake_fetch(200, r#"{"code":202,"data":null,"err":"scanned"}"#);
    let key = SignInKey::from_number(19);
    let poll = client().qr_sign_in(&key).await;
    let seen = calls();
    restore_fetch();
    assert_eq!(poll, Ok(QrPoll::Scanned));
    let body: Value = serde_json::from_str(seen[0]["body"].as_str().unwrap_or("")).unwrap();
    assert_eq!(body, json!({"signInKey": 19}));
}

#[wasm_bindgen_test]
async fn html_error_page_is_an_http_error() {
    fake_fetch(502, "<html><body>Bad Gateway</body></html>");
    let result = client().send_sms_code(&SendSmsCodeRequest::default()).await;
    restore_fetch();
    assert_eq!(result, Err(ApiError::Http { status: 502 }));
}

#[wasm_bindgen_test]
async fn html_on_success_status_is_a_bad_response() {
    fake_fetch(200, "<!doctype html><title>captive portal</title>");
    let result = client().consents().await;
    restore_fetch();
    assert!(
        matches!(result, Err(ApiError::BadResponse(_))),
        "{result:?}"
    );
}

#[wasm_bindgen_test]
async fn a_server_that_never_answers_times_out_and_is_aborted() {
    fake_fetch(200, "");
    eval("window.__oaHang = true;");
    let started = js_sys::Date::now();
    let result = client()
        .with_timeout(Duration::from_millis(80))
        .sign_in(&SignInRequest::new("a", "b"))
        .await;
    let elapsed = js_sys::Date::now() - started;
    let was_aborted = aborted();
    restore_fetch();
    assert_eq!(result, Err(ApiError::Timeout));
    assert!(was_aborted, "the fetch must be aborted on timeout");
    assert!((70.0..5_000.0).contains(&elapsed), "elapsed {elapsed} ms");
}

#[wasm_bindgen_test]
async fn dropping_the_call_aborts_the_fetch() {
    fake_fetch(200, "");
    eval("window.__oaHang = true;");
    let c = client();
    let call = c.profile();
    // One poll starts the fetch; then the future is dropped, as when its component goes away.
    assert!(call.now_or_never().is_none());
    let was_aborted = aborted();
    restore_fetch();
    assert!(was_aborted, "dropping the future must abort the fetch");
}

#[wasm_bindgen_test]
async fn unreachable_server_is_a_network_error() {
    restore_fetch();
    let result = Client::new("http://127.0.0.1:9", 2)
        .sign_in(&SignInRequest::new("a", "b"))
        .await;
    assert!(matches!(result, Err(ApiError::Network(_))), "{result:?}");
}

#[wasm_bindgen_test]
async fn with_timeout_ends_a_future_that_never_resolves() {
    let started = js_sys::Date::now();
    let result = with_timeout(futures::future::pending::<()>(), Duration::from_millis(30)).await;
    let elapsed = js_sys::Date::now() - started;
    assert_eq!(result, Err(ApiError::Timeout));
    assert!(elapsed >= 25.0, "elapsed {elapsed} ms");
    let ready = with_timeout(async { 5 }, Duration::from_secs(1)).await;
    assert_eq!(ready, Ok(5));
}
