//! Reading the drop-in's options out of whatever JS handed over.

use wasm_bindgen::{JsCast, JsValue};

use super::options::OptionValue;

/// The name of the callback option that receives `(type, detail)`.
pub const ON_EVENT: &str = "onEvent";

/// One JS value as an option value: `null`/`undefined` unset, strings, numbers, booleans,
/// arrays of texts; anything else by its JSON text.
pub fn option_value(value: &JsValue) -> OptionValue {
    if value.is_null() || value.is_undefined() {
        OptionValue::Unset
    } else if let Some(s) = value.as_string() {
        OptionValue::Text(s)
    } else if let Some(n) = value.as_f64() {
        OptionValue::Number(n)
    } else if let Some(b) = value.as_bool() {
        OptionValue::Bool(b)
    } else if let Some(array) = value.dyn_ref::<js_sys::Array>() {
        OptionValue::List(array.iter().map(|v| js_text(&v)).collect())
    } else {
        OptionValue::Text(js_text(value))
    }
}

/// A string as it is, anything else as its JSON text (empty if it has none).
fn js_text(value: &JsValue) -> String {
    // `JSON.stringify` throws on a cycle and gives `undefined` for a symbol or a `toJSON`
    // that returns nothing: both become empty text, never a throw out of `mount()`.
    value.as_string().unwrap_or_else(|| {
        js_sys::JSON::stringify(value)
            .ok()
            .and_then(|text| text.as_string())
            .unwrap_or_default()
    })
}

/// The `(name, value)` pairs of a plain options object (functions left out), and its
/// `onEvent` callback. Anything but an object gives no pairs.
pub fn read_options(options: &JsValue) -> (Vec<(String, OptionValue)>, Option<js_sys::Function>) {
    let Some(object) = options.dyn_ref::<js_sys::Object>() else {
        return (Vec::new(), None);
    };
    let mut pairs = Vec::new();
    let mut callback = None;
    for entry in js_sys::Object::entries(object).iter() {
        let Some(entry) = entry.dyn_ref::<js_sys::Array>() else {
            continue;
        };
        let Some(name) = entry.get(0).as_string() else {
            continue;
        };
        let value = entry.get(1);
        if let Some(function) = value.dyn_ref::<js_sys::Function>() {
            if name == ON_EVENT {
                callback = Some(function.clone());
            }
            continue;
        }
        pairs.push((name, option_value(&value)));
    }
    (pairs, callback)
}
