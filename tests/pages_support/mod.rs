//! Helpers shared by the browser tests of the consent screen and the signed-in pages: a fake
//! `fetch` that records every call and answers from a route table, mounting, and DOM access.
#![allow(dead_code)]

use wasm_bindgen::{JsCast, JsValue};

/// Replaces `window.fetch`: records `{method, url, body, auth}` in `__oaCalls`, and answers
/// with the first entry of `__oaRoutes` whose key matches (`"METHOD fragment"` or `"fragment"`,
/// the fragment being part of the URL). An entry is `{status, body}` or a list of them used in
/// turn (the last one repeats). Unmatched calls get a plain success envelope.
const FAKE_FETCH: &str = r#"
window.__oaRealFetch = window.__oaRealFetch || window.fetch;
window.__oaCalls = [];
window.__oaRoutes = {};
window.__oaPending = 0;
window.fetch = function (req) {
  // Counted until answered; a route that hangs is uncounted once it is known to hang.
  window.__oaPending += 1;
  let counted = true;
  const settle = () => { if (counted) { counted = false; window.__oaPending -= 1; } };
  return (async () => {
    const body = await req.text();
    window.__oaCalls.push({ method: req.method, url: req.url, body: body,
                            auth: req.headers.get('Authorization') });
    for (const key of Object.keys(window.__oaRoutes)) {
      const m = key.match(/^(GET|POST|PUT|DELETE) (.*)$/);
      const method = m ? m[1] : null;
      const frag = m ? m[2] : key;
      if ((method === null || method === req.method) && req.url.includes(frag)) {
        let a = window.__oaRoutes[key];
        if (Array.isArray(a)) { a = a.length > 1 ? a.shift() : a[0]; }
        if (a.hang) { settle(); return new Promise(() => {}); }
        return new Response(a.body, { status: a.status });
      }
    }
    return new Response('{"code":200,"data":true,"err":""}', { status: 200 });
  })().finally(settle);
};
"#;

/// Installs the fake `fetch` (with no routes and no calls).
pub fn fake_fetch() {
    eval(FAKE_FETCH);
}

/// Puts the real `fetch` back.
pub fn restore_fetch() {
    eval("if (window.__oaRealFetch) { window.fetch = window.__oaRealFetch; }");
}

/// Sets the answer of a route (see [`FAKE_FETCH`]): `answers` is a JSON value, an object
/// `{status, body}` or a list of them.
pub fn route(key: &str, answers: &str) {
    let key = serde_json::to_string(key).unwrap();
    eval(&format!("window.__oaRoutes[{key}] = {answers};"));
}

/// An `{status: 200, body: <envelope with data>}` answer.
pub fn ok(data: &str) -> String {
    let body = format!(r#"{{"code":200,"data":{data},"err":""}}"#);
    format!(
        "{{status: 200, body: {}}}",
        serde_json::to_string(&body).unwrap()
    )
}

/// A refusal answer with `code` and `err`.
pub fn refused(code: u16, err: &str) -> String {
    let body = serde_json::json!({"code": code, "data": null, "err": err}).to_string();
    format!(
        "{{status: {code}, body: {}}}",
        serde_json::to_string(&body).unwrap()
    )
}

/// The recorded calls, as JSON values.
pub fn calls() -> Vec<serde_json::Value> {
    let text = eval("JSON.stringify(window.__oaCalls || [])")
        .as_string()
        .unwrap_or_default();
    serde_json::from_str(&text).unwrap_or_default()
}

/// A fresh element in the body to mount into.
pub fn fresh() -> web_sys::HtmlElement {
    let el = document().create_element("div").unwrap();
    el.set_class_name("oa-widget");
    document().body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

/// Whether an element matches `selector` under `root`.
pub fn has(root: &web_sys::Element, selector: &str) -> bool {
    root.query_selector(selector).unwrap().is_some()
}

/// All elements matching `selector` under `root`.
pub fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let f = js_sys::Function::new_with_args("el, s", "return Array.from(el.querySelectorAll(s))");
    let list: js_sys::Array = f
        .call2(&JsValue::NULL, root, &JsValue::from_str(selector))
        .unwrap()
        .unchecked_into();
    list.iter().map(|n| n.unchecked_into()).collect()
}

/// The text of the element matching `selector`.
pub fn text(root: &web_sys::Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

/// Whether the element matching `selector` is visible (not inside a `hidden` element).
pub fn visible(root: &web_sys::Element, selector: &str) -> bool {
    let el = find(root, selector);
    el.closest("[hidden]").unwrap().is_none()
}

/// The input called `name`.
pub fn input(root: &web_sys::Element, name: &str) -> web_sys::HtmlInputElement {
    find(root, &format!("[name='{name}']")).unchecked_into()
}

/// Types `value` into the control called `name`, as a person would (an `input` event).
pub fn type_into(root: &web_sys::Element, name: &str, value: &str) {
    let el = find(root, &format!("[name='{name}']"));
    let f = js_sys::Function::new_with_args(
        "el, v",
        "el.value = v; el.dispatchEvent(new Event('input', {bubbles: true}))",
    );
    f.call2(&JsValue::NULL, &el, &JsValue::from_str(value))
        .unwrap();
}

/// Types `value` into the control labelled `label`, as a person would (an `input` event).
pub fn type_label(root: &web_sys::Element, label: &str, value: &str) {
    let el = by_label(root, label);
    let f = js_sys::Function::new_with_args(
        "el, v",
        "el.value = v; el.dispatchEvent(new Event('input', {bubbles: true}))",
    );
    f.call2(&JsValue::NULL, &el, &JsValue::from_str(value))
        .unwrap();
}

/// Picks the option `value` of the `<select>` labelled `label` (a `change` event).
pub fn select_label(root: &web_sys::Element, label: &str, value: &str) {
    let el = by_label(root, label);
    let f = js_sys::Function::new_with_args(
        "el, v",
        "el.value = v; el.dispatchEvent(new Event('change', {bubbles: true}))",
    );
    f.call2(&JsValue::NULL, &el, &JsValue::from_str(value))
        .unwrap();
}

/// Picks the option `value` of the `<select>` called `name` (a `change` event).
pub fn select(root: &web_sys::Element, name: &str, value: &str) {
    let el = find(root, &format!("[name='{name}']"));
    let f = js_sys::Function::new_with_args(
        "el, v",
        "el.value = v; el.dispatchEvent(new Event('change', {bubbles: true}))",
    );
    f.call2(&JsValue::NULL, &el, &JsValue::from_str(value))
        .unwrap();
}

#[path = "../shared/dom.rs"]
mod dom;
#[path = "../shared/settle.rs"]
mod settle;
// Each test file uses part of these (as of the rest of this module).
#[allow(unused_imports)]
pub use dom::*;
pub use settle::sleep;

/// Waits up to 2 s until `cond` holds; false if it never did.
pub async fn until(mut cond: impl FnMut() -> bool) -> bool {
    for _ in 0..100 {
        if cond() {
            return true;
        }
        sleep(20).await;
    }
    cond()
}

/// The message under the field called `name`, if it shows one (tied by `aria-describedby`).
pub fn error_of(root: &web_sys::Element, name: &str) -> Option<String> {
    let el = find(root, &format!("[name='{name}']"));
    if el.get_attribute("aria-invalid").as_deref() != Some("true") {
        return None;
    }
    let id = el.get_attribute("aria-describedby")?;
    let p = document().get_element_by_id(&id)?;
    (!p.has_attribute("hidden")).then(|| p.text_content().unwrap_or_default())
}

/// The message under the field labelled `label`, if it shows one (tied by
/// `aria-describedby`).
pub fn error_under(root: &web_sys::Element, label: &str) -> Option<String> {
    let el = by_label(root, label);
    if el.get_attribute("aria-invalid").as_deref() != Some("true") {
        return None;
    }
    let id = el.get_attribute("aria-describedby")?;
    let p = document().get_element_by_id(&id)?;
    (!p.has_attribute("hidden")).then(|| p.text_content().unwrap_or_default())
}

/// A JWT-shaped token (unsigned) carrying `claims`.
pub fn jwt(claims: &serde_json::Value) -> String {
    let b64 = |s: &str| {
        eval(&format!(
            "btoa(unescape(encodeURIComponent({}))).replace(/=+$/,'').replace(/\\+/g,'-').replace(/\\//g,'_')",
            serde_json::to_string(s).unwrap()
        ))
        .as_string()
        .unwrap()
    };
    format!(
        "{}.{}.sig",
        b64(r#"{"alg":"HS256","typ":"JWT"}"#),
        b64(&claims.to_string())
    )
}
