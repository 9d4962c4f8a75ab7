//! What the widget's browser tests share: a fake `fetch` that records and answers calls, and
//! a few DOM helpers (mount into a fresh element, find, type as a person would, click).
//! Each test file uses part of it.
#![allow(dead_code)]

use wasm_bindgen::JsCast;

/// Replaces `window.fetch` by a fake: it records every call in `__oaCalls`, hangs while
/// `__oaHang` is set, and otherwise answers the first route of `__oaRoutes` whose key is in the
/// URL (else a plain success envelope).
pub const FAKE_FETCH: &str = r#"
window.__oaRealFetch = window.__oaRealFetch || window.fetch;
window.__oaCalls = [];
window.__oaHang = false;
window.__oaRoutes = {};
window.__oaPending = 0;
window.fetch = function (req) {
  const counted = !window.__oaHang;
  if (counted) { window.__oaPending += 1; }
  const settle = () => { if (counted) { window.__oaPending -= 1; } };
  return (async () => {
    const body = await req.text();
    window.__oaCalls.push({ url: req.url, body: body, lang: req.headers.get('Accept-Language') });
    if (window.__oaHang) {
      return new Promise((_, reject) => {
        req.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    for (const key of Object.keys(window.__oaRoutes)) {
      if (req.url.includes(key)) {
        const a = window.__oaRoutes[key];
        return new Response(a.body, { status: a.status });
      }
    }
    return new Response('{"code":200,"data":true,"err":""}', { status: 200 });
  })().finally(settle);
};
"#;

pub fn fake_fetch() {
    eval(FAKE_FETCH);
}

pub fn restore_fetch() {
    eval("if (window.__oaRealFetch) { window.fetch = window.__oaRealFetch; }");
}

pub fn calls() -> u32 {
    eval("window.__oaCalls ? window.__oaCalls.length : 0")
        .as_f64()
        .unwrap_or(-1.0) as u32
}

/// A fresh element in the body to mount into.
pub fn fresh() -> web_sys::HtmlElement {
    let el = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

pub fn input(root: &web_sys::Element, name: &str) -> web_sys::HtmlInputElement {
    find(root, &format!("input[name='{name}']")).unchecked_into()
}

/// Types `value` into the control labelled `label`, as a person would (an `input` event that
/// bubbles).
pub fn type_label(root: &web_sys::Element, label: &str, value: &str) {
    let el = by_label(root, label);
    el.set_value(value);
    let f = js_sys::Function::new_with_args(
        "el",
        "el.dispatchEvent(new Event('input', {bubbles: true}))",
    );
    f.call1(&wasm_bindgen::JsValue::NULL, &el).unwrap();
}

/// Types `value` into the input called `name`, as a person would (an `input` event that bubbles).
pub fn type_into(root: &web_sys::Element, name: &str, value: &str) {
    let el = input(root, name);
    el.set_value(value);
    let f = js_sys::Function::new_with_args(
        "el",
        "el.dispatchEvent(new Event('input', {bubbles: true}))",
    );
    f.call1(&wasm_bindgen::JsValue::NULL, &el).unwrap();
}

#[path = "../shared/dom.rs"]
mod dom;
#[path = "../shared/settle.rs"]
mod settle;
// Each test file uses part of these (as of the rest of this module).
#[allow(unused_imports)]
pub use dom::*;
pub use settle::sleep;
