//! The wasm-bindgen entry points the loader (`bundle/oauthapp-login.js`) calls.

use std::any::Any;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::events::{Notifier, SessionInfo};
use super::js_options::{option_value, read_options};
use super::options::{unknown_strings_report, Applied, EmbedOptions};
use super::root::embed_root;

/// One mounted widget, as JS holds it.
#[wasm_bindgen]
pub struct WidgetHandle {
    options: ArcRwSignal<EmbedOptions>,
    session: ArcRwSignal<Option<SessionInfo>>,
    notifier: Notifier,
    mounted: Option<Box<dyn Any>>,
}

/// Mounts a widget into `root` (an element, or a shadow root: the widget then gets a `div`
/// of its own inside it) with `options`, a plain object such as
/// `{appId: 2, serverUrl: "https://…", lang: "zh-CN", view: "signin", onEvent(type, detail) {}}`.
/// Invalid option values are reported through `onEvent("error", {message})` and keep their
/// defaults; only a `root` that is not a DOM node is refused.
#[wasm_bindgen(js_name = mount)]
pub fn mount(root: JsValue, options: JsValue) -> Result<WidgetHandle, JsValue> {
    console_error_panic_hook::set_once();
    let parent = mount_point(root)?;
    let (pairs, callback) = read_options(&options);
    let notifier = Notifier::new(callback);
    let (initial, errors) = EmbedOptions::from_pairs(pairs);
    for e in &errors {
        notifier.error(&e.to_string());
    }
    if let Some(report) = unknown_strings_report(&initial.login.strings) {
        notifier.error(&report);
    }
    let options = ArcRwSignal::new(initial);
    let session = ArcRwSignal::new(None);
    let mounted = {
        let (options, session, notifier) = (options.clone(), session.clone(), notifier.clone());
        leptos::mount::mount_to(parent, move || {
            let notifier = StoredValue::new_local(notifier);
            embed_root(options, session, notifier).into_any()
        })
    };
    let handle = WidgetHandle {
        options,
        session,
        notifier,
        mounted: Some(Box::new(mounted)),
    };
    handle.check_app_id();
    Ok(handle)
}

/// The element to mount into: `root` itself, or a new `div` appended to a non-element node.
fn mount_point(root: JsValue) -> Result<web_sys::HtmlElement, JsValue> {
    let root = match root.dyn_into::<web_sys::HtmlElement>() {
        Ok(element) => return Ok(element),
        Err(other) => other,
    };
    let node = root.dyn_into::<web_sys::Node>().map_err(|_| {
        JsValue::from_str("oauthapp-login: mount() needs an element or a shadow root")
    })?;
    let document = crate::browser::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("oauthapp-login: no document"))?;
    let div = document.create_element("div")?;
    node.append_child(&div)?;
    div.dyn_into::<web_sys::HtmlElement>()
        .map_err(|_| JsValue::from_str("oauthapp-login: cannot create a div"))
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Changes one option (`"lang"`, `"app-id"`, `"appId"`…; `null` resets it). The widget
    /// follows at once. Returns whether `name` is an option (unknown names are ignored).
    #[wasm_bindgen(js_name = setOption)]
    pub fn set_option(&self, name: &str, value: JsValue) -> bool {
        let mut next = self.options.get_untracked();
        let known = match next.set(name, option_value(&value)) {
            Ok(applied) => applied == Applied::Known,
            Err(e) => {
                self.notifier.error(&e.to_string());
                true
            }
        };
        let current = self.options.get_untracked();
        if next.login.strings != current.login.strings {
            if let Some(report) = unknown_strings_report(&next.login.strings) {
                self.notifier.error(&report);
            }
        }
        if next != current {
            self.options.set(next);
            if name.eq_ignore_ascii_case("app-id") || name.eq_ignore_ascii_case("appid") {
                self.check_app_id();
            }
        }
        known
    }

    /// The signed-in person, `{token: {access_token, token_type, expires_at}, claims: {...}}`,
    /// or `null`.
    pub fn session(&self) -> JsValue {
        self.session
            .with_untracked(|s| s.as_ref().map(SessionInfo::to_js))
            .unwrap_or(JsValue::NULL)
    }

    /// The view shown (`signin`, `consent`, `apps`, `profile`, `points`).
    #[wasm_bindgen(getter)]
    pub fn view(&self) -> String {
        self.options.with_untracked(|o| o.view.as_str().to_owned())
    }

    /// Removes the widget from the page and stops everything it runs. Idempotent.
    pub fn unmount(&mut self) {
        self.mounted = None;
    }
}

impl WidgetHandle {
    /// Reports a missing application id.
    fn check_app_id(&self) {
        if self.options.with_untracked(|o| o.login.app_id.is_none()) {
            self.notifier
                .error("oauthapp-login: the app-id attribute (appId option) is missing");
        }
    }
}
