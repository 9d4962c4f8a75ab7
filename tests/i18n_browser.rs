//! Browser tests of the translation tables as people see them: the language of the browser is
//! picked, a named language wins, the host's overrides replace strings, switching language
//! re-renders, and every message of every key renders to a non-empty text in both languages.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use oauthapp_login::components::*;
use oauthapp_login::i18n::{provide_i18n, use_i18n, Key, Lang, Overrides, Translator};
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

#[allow(dead_code)]
#[path = "shared/dom.rs"]
mod dom;
use dom::text_of;

fn text(root: &web_sys::Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

// Guards against ignoring navigator.languages when the host names no language.
#[wasm_bindgen_test]
fn detect_follows_navigator_languages() {
    let nav = web_sys::window().unwrap().navigator();
    let tags: Vec<String> = nav
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    let mut with_fallback = tags.clone();
    with_fallback.extend(nav.language());
    assert_eq!(
        Lang::detect(),
        Lang::pick(&with_fallback),
        "languages: {tags:?}"
    );
}

// Guards against a form that stays in English when Chinese is asked for, or ignores overrides.
#[wasm_bindgen_test]
async fn chinese_form_and_host_override() {
    let root = fresh();
    let _h = leptos::mount::mount_to(root.clone(), || {
        let mut o = Overrides::new();
        o.insert("zh-CN:signin.submit".into(), "进入".into());
        provide_i18n(Some(Lang::ZhCn), o);
        provide_login(LoginCtx::new(
            oauthapp_login::api::Client::new("http://127.0.0.1:9", 2),
            LoginConfig::default(),
            None,
        ));
        view! { <AccountForm /> }
    });
    sleep(10).await;
    assert_eq!(text_of(&dom::heading(&root, "登录")), "登录");
    let first_field = dom::all_by_role(&root, "textbox", None).remove(0);
    assert_eq!(dom::name_of(&first_field), "用户名");
    let submit = dom::button(&root, "进入");
    assert_eq!(text_of(&submit), "进入");
    submit.click();
    sleep(30).await;
    assert_eq!(
        dom::description_of(&first_field).as_deref(),
        Some("请填写此项。")
    );
}

// Guards against a language switch that leaves old strings on screen.
#[wasm_bindgen_test]
async fn switching_language_re_renders() {
    let root = fresh();
    let i18n_out = RwSignal::new(None);
    let _h = leptos::mount::mount_to(root.clone(), move || {
        provide_i18n(Some(Lang::En), Overrides::new());
        let i18n = use_i18n();
        i18n_out.set(Some(i18n));
        view! { <p class="probe">{move || i18n.t(Key::SignedSignOut)}</p> }
    });
    sleep(10).await;
    assert_eq!(text(&root, ".probe"), "Sign out");
    i18n_out.get_untracked().unwrap().set_lang(Lang::ZhCn);
    sleep(10).await;
    assert_eq!(text(&root, ".probe"), "退出登录");
}

// Guards against a key whose text falls back to its bare name in the shipped build.
#[wasm_bindgen_test]
fn every_key_has_a_real_text_in_both_languages() {
    for lang in Lang::ALL {
        let t = Translator::new(*lang, Overrides::new());
        for key in Key::ALL {
            let s = t.text(*key);
            assert!(
                !s.trim().is_empty() && s != key.name(),
                "{lang:?} {}",
                key.name()
            );
        }
    }
}
