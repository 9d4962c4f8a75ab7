//! DOM helpers the browser-test support modules share (each re-exports them).

use wasm_bindgen::{JsCast, JsValue};

/// Runs JavaScript in the page; `undefined` if it throws.
pub fn eval(code: &str) -> JsValue {
    js_sys::eval(code).unwrap_or(JsValue::UNDEFINED)
}

/// The page's document.
pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// The element matching `selector` under `root` (the test fails if there is none).
pub fn find(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element {selector}"))
}

/// Clicks the element matching `selector`.
pub fn click(root: &web_sys::Element, selector: &str) {
    find(root, selector)
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

/// The name of the focused control.
pub fn active_name() -> Option<String> {
    document()
        .active_element()
        .and_then(|e| e.get_attribute("name"))
}
