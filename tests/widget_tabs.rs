//! Browser tests of the tab list's keyboard use (WAI-ARIA tabs pattern): ArrowRight/Left wrap,
//! Home/End jump, selection follows focus, only the selected tab is tabbable.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use oauthapp_login::components::*;
use oauthapp_login::i18n::{provide_i18n, Lang, Overrides};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn fresh() -> web_sys::HtmlElement {
    let el = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

async fn sleep(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
}

/// Presses `key` on the focused element (a keydown that bubbles, as a keyboard makes).
fn press(key: &str) {
    let target = document().active_element().expect("something has focus");
    let f = js_sys::Function::new_with_args(
        "el, key",
        "el.dispatchEvent(new KeyboardEvent('keydown', {key: key, bubbles: true, cancelable: true}))",
    );
    f.call2(&wasm_bindgen::JsValue::NULL, &target, &key.into())
        .unwrap();
}

/// The tabs' (text, aria-selected, tabindex), in order.
fn state(root: &web_sys::Element) -> Vec<(String, String, String)> {
    (1..)
        .map_while(|i| {
            root.query_selector(&format!("[role='tab']:nth-child({i})"))
                .unwrap()
        })
        .map(|e| {
            (
                e.text_content().unwrap_or_default(),
                e.get_attribute("aria-selected").unwrap_or_default(),
                e.get_attribute("tabindex").unwrap_or_default(),
            )
        })
        .collect()
}

fn focused_text() -> String {
    document()
        .active_element()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

fn selected(root: &web_sys::Element) -> String {
    state(root)
        .into_iter()
        .find(|(_, sel, _)| sel == "true")
        .map(|(t, _, _)| t)
        .unwrap_or_default()
}

// Guards against tabs that only react to the mouse, lose focus on a key press, or leave
// several tabs in the tab order.
#[wasm_bindgen_test]
async fn arrow_home_end_move_selection_and_focus() {
    let root = fresh();
    let _h = leptos::mount::mount_to(root.clone(), || {
        provide_i18n(Some(Lang::En), Overrides::new());
        let selected = RwSignal::new(LoginTab::Account);
        view! {
            <Tabs
                tabs=vec![LoginTab::Account, LoginTab::Phone, LoginTab::Email]
                selected=selected
                id_prefix="t1".to_owned()
            />
        }
    });
    sleep(10).await;
    let tablist = root.query_selector("[role='tablist']").unwrap().unwrap();
    assert_eq!(
        tablist.get_attribute("aria-label").as_deref(),
        Some("Ways to sign in")
    );
    assert_eq!(
        state(&root),
        vec![
            ("Account".into(), "true".into(), "0".into()),
            ("Phone".into(), "false".into(), "-1".into()),
            ("Email".into(), "false".into(), "-1".into()),
        ]
    );
    let first: web_sys::HtmlElement = root
        .query_selector("[role='tab']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    first.focus().unwrap();
    assert_eq!(
        first.get_attribute("aria-controls").as_deref(),
        Some("t1-panel-account")
    );

    for (key, want) in [
        ("ArrowRight", "Phone"),
        ("ArrowRight", "Email"),
        ("ArrowRight", "Account"),
        ("ArrowLeft", "Email"),
        ("Home", "Account"),
        ("End", "Email"),
        ("ArrowLeft", "Phone"),
    ] {
        press(key);
        sleep(20).await;
        assert_eq!(selected(&root), want, "after {key}");
        assert_eq!(focused_text(), want, "focus after {key}");
        let tabbable: Vec<String> = state(&root)
            .into_iter()
            .filter(|(_, _, t)| t == "0")
            .map(|(t, _, _)| t)
            .collect();
        assert_eq!(
            tabbable,
            vec![want.to_owned()],
            "roving tabindex after {key}"
        );
    }
    press("Enter");
    sleep(20).await;
    assert_eq!(selected(&root), "Phone", "other keys change nothing");
}

// Guards against the host's order of tabs being ignored.
#[wasm_bindgen_test]
async fn host_order_is_kept() {
    let root = fresh();
    let _h = leptos::mount::mount_to(root.clone(), || {
        provide_i18n(Some(Lang::ZhCn), Overrides::new());
        let selected = RwSignal::new(LoginTab::Email);
        view! {
            <Tabs tabs=vec![LoginTab::Email, LoginTab::Account] selected=selected id_prefix="t2".to_owned() />
        }
    });
    sleep(10).await;
    let texts: Vec<String> = state(&root).into_iter().map(|(t, _, _)| t).collect();
    assert_eq!(texts, vec!["邮箱".to_owned(), "账号".to_owned()]);
    assert_eq!(selected(&root), "邮箱");
}
