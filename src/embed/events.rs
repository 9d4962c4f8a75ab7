//! How the drop-in tells its host what happened: one JS callback, `onEvent(type, detail)`,
//! which the loader turns into `oauthapp-login:<type>` DOM events.

use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::JsValue;

use crate::session::{jwt_payload, StoredToken};

/// The signed-in person as the host sees it: the token answer and every claim of the JWT.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SessionInfo {
    /// `{access_token, token_type, expires_at}` (`expires_at` in ms since the epoch).
    pub token: StoredToken,
    /// The JWT's payload, decoded without verification (an empty object if unreadable).
    pub claims: Value,
}

impl SessionInfo {
    /// The session of a stored token.
    pub fn from_token(token: StoredToken) -> Self {
        let claims =
            jwt_payload(&token.access_token).unwrap_or_else(|| Value::Object(Default::default()));
        SessionInfo { token, claims }
    }

    /// `{token: {...}, claims: {...}}` as a plain JS object.
    pub fn to_js(&self) -> JsValue {
        json_to_js(&serde_json::json!(self))
    }
}

/// A JSON value as the equivalent plain JS value (`null` if it cannot be converted).
pub fn json_to_js(value: &Value) -> JsValue {
    serde_json::to_string(value)
        .ok()
        .and_then(|text| js_sys::JSON::parse(&text).ok())
        .unwrap_or(JsValue::NULL)
}

/// The host's callback, if it gave one.
#[derive(Clone, Debug, Default)]
pub struct Notifier {
    callback: Option<js_sys::Function>,
}

impl Notifier {
    /// A notifier calling `callback(type, detail)`; `None` tells nobody.
    pub fn new(callback: Option<js_sys::Function>) -> Self {
        Notifier { callback }
    }

    /// Tells the host `kind` (`signin`, `signout`, `error`) with `detail`. A callback that
    /// throws is logged, never propagated into the widget.
    pub fn emit(&self, kind: &str, detail: &JsValue) {
        if let Some(cb) = &self.callback {
            if let Err(e) = cb.call2(&JsValue::NULL, &JsValue::from_str(kind), detail) {
                leptos::logging::error!("oauthapp-login: onEvent threw {e:?}");
            }
        }
    }

    /// Reports an error: `{message}`.
    pub fn error(&self, message: &str) {
        let detail = json_to_js(&serde_json::json!({ "message": message }));
        self.emit("error", &detail);
    }
}
