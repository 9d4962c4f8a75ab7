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

// Finding things as a person does: by role and accessible name, by label, by text. The
// work is done by `a11y.js` (shared with the end-to-end tests); only what is shown to a
// person is found (not what is `hidden`, `aria-hidden` or `display: none`).

/// Runs `a11y.js` on `root` with the query `q` (see the file for what `q` may hold).
fn a11y(root: &JsValue, q: serde_json::Value) -> JsValue {
    thread_local! {
        static F: js_sys::Function =
            js_sys::Function::new_with_args("root, q", include_str!("a11y.js"));
    }
    let q = js_sys::JSON::parse(&q.to_string()).unwrap();
    F.with(|f| f.call2(&JsValue::NULL, root, &q))
        .unwrap_or_else(|e| panic!("a11y.js failed: {e:?}"))
}

fn elements(v: JsValue) -> Vec<web_sys::Element> {
    js_sys::Array::from(&v)
        .iter()
        .map(|n| n.unchecked_into())
        .collect()
}

/// The shown elements under `root` with `role` (and the accessible name `name`, if given).
pub fn all_by_role(
    root: &web_sys::Element,
    role: &str,
    name: Option<&str>,
) -> Vec<web_sys::Element> {
    elements(a11y(root, serde_json::json!({"role": role, "name": name})))
}

/// The one shown element under `root` with `role` and `name`, if there is one (the test
/// fails if there are several).
pub fn query_role(root: &web_sys::Element, role: &str, name: &str) -> Option<web_sys::Element> {
    let mut found = all_by_role(root, role, Some(name));
    assert!(
        found.len() < 2,
        "{} elements with role {role} named {name:?}",
        found.len()
    );
    found.pop()
}

/// The one shown element under `root` with `role` and `name` (the test fails unless there is
/// exactly one, and lists what there is).
pub fn by_role(root: &web_sys::Element, role: &str, name: &str) -> web_sys::HtmlElement {
    query_role(root, role, name)
        .unwrap_or_else(|| panic!("no {role} named {name:?}; shown: {:?}", describe(root)))
        .unchecked_into()
}

/// The one shown element under `root` with `role` whose name contains `part`.
pub fn by_role_partial(root: &web_sys::Element, role: &str, part: &str) -> web_sys::HtmlElement {
    let mut found = elements(a11y(
        root,
        serde_json::json!({"role": role, "name": part, "partial": true}),
    ));
    assert!(
        found.len() == 1,
        "{} elements with role {role} named like {part:?}; shown: {:?}",
        found.len(),
        describe(root)
    );
    found.pop().unwrap().unchecked_into()
}

/// The button named `name` (its text or `aria-label`).
pub fn button(root: &web_sys::Element, name: &str) -> web_sys::HtmlElement {
    by_role(root, "button", name)
}

/// The button named `name`, if one is shown.
pub fn query_button(root: &web_sys::Element, name: &str) -> Option<web_sys::HtmlElement> {
    query_role(root, "button", name).map(JsCast::unchecked_into)
}

/// Clicks the button named `name`.
pub fn click_button(root: &web_sys::Element, name: &str) {
    button(root, name).click();
}

/// The heading whose text is `name`.
pub fn heading(root: &web_sys::Element, name: &str) -> web_sys::HtmlElement {
    by_role(root, "heading", name)
}

/// The shown form controls under `root` labelled `label` (exactly).
pub fn all_by_label(root: &web_sys::Element, label: &str) -> Vec<web_sys::Element> {
    elements(a11y(
        root,
        serde_json::json!({"op": "label", "name": label}),
    ))
}

/// The form control labelled `label`, if one is shown.
pub fn query_label(root: &web_sys::Element, label: &str) -> Option<web_sys::HtmlInputElement> {
    let mut found = all_by_label(root, label);
    assert!(
        found.len() < 2,
        "{} controls labelled {label:?}",
        found.len()
    );
    found.pop().map(JsCast::unchecked_into)
}

/// The form control (input, select or textarea) labelled `label`: by its `<label>`,
/// `aria-labelledby` or `aria-label`. The test fails unless exactly one is shown.
pub fn by_label(root: &web_sys::Element, label: &str) -> web_sys::HtmlInputElement {
    query_label(root, label)
        .unwrap_or_else(|| panic!("no control labelled {label:?}; shown: {:?}", describe(root)))
}

/// The shown `role=alert` under `root`, if there is one (an error region with nothing to say
/// is `hidden`, so not found).
pub fn alert(root: &web_sys::Element) -> Option<web_sys::Element> {
    let mut found = all_by_role(root, "alert", None);
    assert!(found.len() < 2, "{} alerts shown", found.len());
    found.pop()
}

/// The text of the shown alert under `root`, if there is one.
pub fn alert_text(root: &web_sys::Element) -> Option<String> {
    alert(root).map(|a| a.text_content().unwrap_or_default())
}

/// The live status region (`role=status`) under `root` (exactly one).
pub fn status(root: &web_sys::Element) -> web_sys::Element {
    let mut found = all_by_role(root, "status", None);
    assert!(found.len() == 1, "{} status regions", found.len());
    found.pop().unwrap()
}

/// The innermost shown elements under `root` whose text contains `text`.
pub fn all_by_text(root: &web_sys::Element, text: &str) -> Vec<web_sys::Element> {
    elements(a11y(root, serde_json::json!({"op": "text", "text": text})))
}

/// The innermost shown element whose text contains `text` (exactly one).
pub fn by_text(root: &web_sys::Element, text: &str) -> web_sys::HtmlElement {
    let mut found = all_by_text(root, text);
    assert!(
        found.len() == 1,
        "{} elements show {text:?}; shown: {:?}",
        found.len(),
        describe(root)
    );
    found.pop().unwrap().unchecked_into()
}

/// The accessible name of `el`.
pub fn name_of(el: &web_sys::Element) -> String {
    a11y(el, serde_json::json!({"op": "name"}))
        .as_string()
        .unwrap_or_default()
}

/// Whether `el` is shown to a person (not `hidden`, `aria-hidden` or `display: none`).
pub fn is_shown(el: &web_sys::Element) -> bool {
    a11y(el, serde_json::json!({"op": "shown"})).is_truthy()
}

/// The accessible name of the focused control.
pub fn active_label() -> Option<String> {
    document().active_element().map(|e| name_of(&e))
}

/// What a person finds under `root`: `role "name"` of each shown element, for failures.
pub fn describe(root: &web_sys::Element) -> Vec<String> {
    let v = a11y(root, serde_json::json!({"op": "describe"}));
    js_sys::Array::from(&v)
        .iter()
        .filter_map(|s| s.as_string())
        .collect()
}

/// Whether any control under `root` is labelled `label`, shown or not (for "is not there").
pub fn has_label(root: &web_sys::Element, label: &str) -> bool {
    let v = a11y(
        root,
        serde_json::json!({"op": "label", "name": label, "hidden": true}),
    );
    js_sys::Array::from(&v).length() > 0
}

/// Whether any element under `root` has `role` (and the name `name`, if given), shown or not
/// (for "is not there").
pub fn has_role(root: &web_sys::Element, role: &str, name: Option<&str>) -> bool {
    let v = a11y(
        root,
        serde_json::json!({"role": role, "name": name, "hidden": true}),
    );
    js_sys::Array::from(&v).length() > 0
}

/// The text of `el`.
pub fn text_of(el: &web_sys::Element) -> String {
    el.text_content().unwrap_or_default()
}

/// The text of what describes `el` (its `aria-describedby` targets), if any.
pub fn description_of(el: &web_sys::Element) -> Option<String> {
    let ids = el.get_attribute("aria-describedby")?;
    let text: Vec<String> = ids
        .split_whitespace()
        .filter_map(|id| document().get_element_by_id(id))
        .map(|e| text_of(&e))
        .collect();
    Some(text.join(" "))
}

/// The elements under `root` matching the `a11y.js` query `q` (`role`, `name`, `partial`,
/// `text`, `hidden`…), for the queries the helpers above do not cover.
pub fn find_all(root: &web_sys::Element, q: serde_json::Value) -> Vec<web_sys::Element> {
    elements(a11y(root, q))
}

/// The texts of the shown status regions under `root`.
pub fn statuses(root: &web_sys::Element) -> Vec<String> {
    all_by_role(root, "status", None)
        .iter()
        .map(text_of)
        .collect()
}
