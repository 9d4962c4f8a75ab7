//! Browser tests of the signed-in pages against a fake server: authorized apps (order, empty,
//! inline confirmation, optimistic revoke and rollback), profile (safe avatar, text only,
//! edit checks, save and re-read), points (table, filter, pager, recharge), the navigation,
//! and the 401 path (signs out with a message).
#![cfg(target_arch = "wasm32")]

mod pages_support;

use leptos::prelude::*;
use oauthapp_login::api::{Client, Token};
use oauthapp_login::components::{
    provide_login, AccountPages, AuthorizedApps, LoginConfig, LoginCtx, PointsPage, ProfilePage,
};
use oauthapp_login::i18n::{provide_i18n, Key, Lang, Message, Overrides};
use oauthapp_login::session::{provide_session, Session, TokenStore};
use pages_support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// What a test holds on to: the widget's context and the session.
#[derive(Clone, Copy)]
struct Ctx {
    login: LoginCtx,
    session: Session,
}

/// Mounts `page` signed in (a fresh store per test), in English.
fn mount<V: IntoView + 'static>(
    root: &web_sys::HtmlElement,
    page: impl FnOnce() -> V + 'static,
) -> Ctx {
    let out = StoredValue::new(None::<Ctx>);
    let server = format!("http://127.0.0.1:9/{}", js_sys::Math::random());
    let h = leptos::mount::mount_to(root.clone(), move || {
        provide_i18n(Some(Lang::En), Overrides::new());
        let client = Client::new(&server, 2).with_timeout(std::time::Duration::from_secs(3));
        let session = provide_session(TokenStore::browser(&server, 2));
        let exp = js_sys::Date::now() / 1000.0 + 3600.0;
        session.sign_in(&Token {
            access_token: jwt(&serde_json::json!({"nameid": "1", "exp": exp as i64})),
            token_type: "Bearer".into(),
            expires_in: Some(3600),
        });
        let login = provide_login(LoginCtx::new(client, LoginConfig::default(), None));
        out.set_value(Some(Ctx { login, session }));
        page()
    });
    h.forget();
    out.get_value().expect("mounted")
}

fn consent(id: i64, date: &str, uri: &str) -> serde_json::Value {
    serde_json::json!({"id": id, "createDate": date, "lastUpdate": date, "grantType": "account",
        "redirectUri": uri, "remark": "r", "scopes": "openid x-custom"})
}

fn hosts(root: &web_sys::Element) -> Vec<String> {
    all(root, ".oa-apps__host")
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect()
}

fn body_of(call: &serde_json::Value) -> serde_json::Value {
    serde_json::from_str(call["body"].as_str().unwrap_or("null")).unwrap_or_default()
}

// Guards against the list being unordered, sent without the token, or silent when empty.
#[wasm_bindgen_test]
async fn apps_newest_first_with_token_and_empty_state() {
    fake_fetch();
    let list = serde_json::json!([
        consent(1, "2024-01-01 00:00:00", "https://old.example.com/cb"),
        consent(2, "2024-05-01 00:00:00", "https://new.example.com/cb"),
        consent(3, "2024-03-01 00:00:00", "javascript:alert(1)"),
    ]);
    route("Consents", &ok(&list.to_string()));
    let root = fresh();
    let _ctx = mount(&root, || view! { <AuthorizedApps /> });
    assert!(until(|| has(&root, ".oa-apps__item")).await);
    assert_eq!(
        hosts(&root),
        vec!["new.example.com", "javascript:alert(1)", "old.example.com"],
        "newest first; a bad URI is shown as text only"
    );
    assert!(!has(&root, ".oa-apps a"), "no link made of a redirect_uri");
    let scopes = text(&root, ".oa-apps__scopes");
    assert!(
        scopes.contains("Know who you are") && scopes.contains("x-custom"),
        "{scopes}"
    );
    let auth = calls()[0]["auth"].as_str().unwrap_or_default().to_owned();
    assert!(auth.starts_with("Bearer ey"), "{auth}");
    route("Consents", &ok("[]"));
    let empty = fresh();
    let _ctx = mount(&empty, || view! { <AuthorizedApps /> });
    assert!(until(|| has(&empty, ".oa-page__empty")).await);
    assert_eq!(
        text(&empty, ".oa-page__empty"),
        "You have not authorized any app."
    );
    restore_fetch();
}

// Guards against revoking without asking, a confirmation that traps or loses focus, and a
// row that does not leave at once.
#[wasm_bindgen_test]
async fn apps_revoke_asks_then_removes_at_once() {
    fake_fetch();
    let list = serde_json::json!([consent(
        7,
        "2024-01-01 00:00:00",
        "https://a.example.com/cb"
    )]);
    route("GET Consents", &ok(&list.to_string()));
    route("DELETE Consents/7", "{hang: true}");
    let root = fresh();
    let _ctx = mount(&root, || view! { <AuthorizedApps /> });
    assert!(until(|| has(&root, ".oa-apps__revoke")).await);
    click(&root, ".oa-apps__revoke");
    sleep(30).await;
    let group = find(&root, ".oa-apps__confirm");
    assert_eq!(group.get_attribute("role").as_deref(), Some("group"));
    let q = pages_support::document()
        .get_element_by_id(&group.get_attribute("aria-labelledby").unwrap())
        .unwrap();
    assert!(q.text_content().unwrap().contains("a.example.com"));
    assert!(
        pages_support::document()
            .active_element()
            .unwrap()
            .class_list()
            .contains("oa-apps__yes"),
        "focus on the answer"
    );
    assert!(
        !calls().iter().any(|c| c["method"] == "DELETE"),
        "nothing sent before Yes"
    );
    click(&root, ".oa-apps__cancel");
    sleep(50).await;
    assert!(!has(&root, ".oa-apps__confirm"));
    assert!(
        pages_support::document()
            .active_element()
            .unwrap()
            .class_list()
            .contains("oa-apps__revoke"),
        "focus back on Revoke"
    );
    click(&root, ".oa-apps__revoke");
    sleep(20).await;
    click(&root, ".oa-apps__yes");
    sleep(20).await;
    assert!(
        !has(&root, ".oa-apps__item"),
        "the row left before the answer"
    );
    let del = calls()
        .into_iter()
        .find(|c| c["method"] == "DELETE")
        .expect("DELETE sent");
    assert!(del["url"]
        .as_str()
        .unwrap()
        .ends_with("/api/OAuth/2/Consents/7"));
    restore_fetch();
}

// Guards against a refused revocation leaving the row gone, or a success saying nothing.
#[wasm_bindgen_test]
async fn apps_revoke_rolls_back_on_refusal() {
    fake_fetch();
    let list = serde_json::json!([
        consent(1, "2024-02-01 00:00:00", "https://one.example.com/cb"),
        consent(2, "2024-01-01 00:00:00", "https://two.example.com/cb"),
    ]);
    route("GET Consents", &ok(&list.to_string()));
    route("DELETE Consents/1", &refused(403, "Not yours."));
    route("DELETE Consents/2", &ok("true"));
    let root = fresh();
    let _ctx = mount(&root, || view! { <AuthorizedApps /> });
    assert!(until(|| all(&root, ".oa-apps__revoke").len() == 2).await);
    click(&root, "[data-id='1'] .oa-apps__revoke");
    sleep(20).await;
    click(&root, "[data-id='1'] .oa-apps__yes");
    assert!(until(|| has(&root, ".oa-form__error:not([hidden])")).await);
    assert_eq!(
        hosts(&root),
        vec!["one.example.com", "two.example.com"],
        "back in place"
    );
    let msg = text(&root, ".oa-form__error");
    assert!(
        msg.contains("one.example.com") && msg.contains("Not yours."),
        "{msg}"
    );
    click(&root, "[data-id='2'] .oa-apps__revoke");
    sleep(20).await;
    click(&root, "[data-id='2'] .oa-apps__yes");
    assert!(until(|| text(&root, ".oa-page__notice").contains("was revoked")).await);
    assert_eq!(hosts(&root), vec!["one.example.com"]);
    assert!(
        !visible(&root, ".oa-form__error"),
        "the old error is cleared"
    );
    restore_fetch();
}

// Guards against a 401 leaving a dead page instead of signing out with a message.
#[wasm_bindgen_test]
async fn unauthorized_signs_out_with_a_message() {
    fake_fetch();
    route("Consents", &refused(401, "The token has expired."));
    let root = fresh();
    let ctx = mount(&root, || view! { <AuthorizedApps /> });
    assert!(ctx.session.is_signed_in().get_untracked());
    assert!(
        until(|| !ctx.session.is_signed_in().get_untracked()).await,
        "signed out"
    );
    assert_eq!(
        ctx.login.status.get_untracked(),
        Some(Message::Key(Key::AccountExpired))
    );
    assert!(until(|| has(&root, ".oa-page__failed")).await);
    assert!(text(&root, ".oa-page__failed").contains("Please sign in again"));
    restore_fetch();
}

// Guards against a failed read with no way to try again.
#[wasm_bindgen_test]
async fn a_failed_read_offers_a_retry() {
    fake_fetch();
    let list = serde_json::json!([consent(
        1,
        "2024-02-01 00:00:00",
        "https://one.example.com/cb"
    )]);
    route(
        "Consents",
        &format!("[{}, {}]", refused(500, ""), ok(&list.to_string())),
    );
    let root = fresh();
    let _ctx = mount(&root, || view! { <AuthorizedApps /> });
    assert!(until(|| has(&root, ".oa-page__retry")).await);
    assert_eq!(
        text(&root, ".oa-page__failed [role=alert]"),
        "The server refused the request."
    );
    click(&root, ".oa-page__retry");
    assert!(until(|| has(&root, ".oa-apps__item")).await);
    restore_fetch();
}

fn profile_json(nick: &str, avatar: &str) -> String {
    serde_json::json!({"id": 1, "appID": 2, "platform": "web", "unionID": "", "phone": "13800138000",
        "phoneIsValid": true, "email": "a@example.com", "emailIsValid": false, "userName": "alice",
        "nickName": nick, "avatar": avatar, "data": "{\"k\":1}", "role": "user",
        "createDate": "2024-01-01 10:00:00", "lastUpdate": "2024-02-01 10:00:00"})
    .to_string()
}

// Guards against markup or unsafe avatar URLs from the profile reaching the page.
#[wasm_bindgen_test]
async fn profile_shows_text_and_only_safe_avatars() {
    fake_fetch();
    route(
        "Profile",
        &ok(&profile_json("<b>Al</b>", "javascript:alert(1)")),
    );
    let root = fresh();
    let _ctx = mount(&root, || view! { <ProfilePage /> });
    assert!(until(|| has(&root, ".oa-profile__details")).await);
    assert!(!has(&root, "img"), "a javascript: avatar is not shown");
    assert!(!has(&root, ".oa-profile__details b"));
    assert_eq!(
        text(&root, "[data-field=nickName] .oa-profile__value"),
        "<b>Al</b>"
    );
    assert!(text(&root, "[data-field=phone]").contains("verified"));
    assert!(text(&root, "[data-field=email]").contains("not verified"));
    assert_eq!(text(&root, ".oa-profile__data"), "{\"k\":1}");
    route(
        "Profile",
        &ok(&profile_json("Al", "https://cdn.example.com/a.png")),
    );
    let other = fresh();
    let _ctx = mount(&other, || view! { <ProfilePage /> });
    assert!(until(|| has(&other, "img.oa-profile__avatar")).await);
    assert_eq!(
        find(&other, "img.oa-profile__avatar")
            .get_attribute("src")
            .as_deref(),
        Some("https://cdn.example.com/a.png")
    );
    restore_fetch();
}

// Guards against saving invalid JSON or an unsafe avatar, a preview of an unsafe URL, and a
// save that is not confirmed and re-read.
#[wasm_bindgen_test]
async fn profile_edit_checks_saves_and_rereads() {
    fake_fetch();
    route(
        "GET Profile",
        &format!(
            "[{}, {}]",
            ok(&profile_json("Al", "")),
            ok(&profile_json("Bo", ""))
        ),
    );
    route("PUT Profile", &ok("true"));
    let root = fresh();
    let _ctx = mount(&root, || view! { <ProfilePage /> });
    assert!(until(|| has(&root, ".oa-profile__edit")).await);
    click(&root, ".oa-profile__edit");
    sleep(20).await;
    assert_eq!(input(&root, "nickName").value(), "Al");
    type_into(&root, "avatar", "javascript:alert(1)");
    sleep(10).await;
    assert!(
        !has(&root, ".oa-profile__preview img"),
        "no preview of an unsafe URL"
    );
    type_into(&root, "data", "{\"a\": }");
    click(&root, ".oa-profile__save");
    sleep(20).await;
    assert!(error_of(&root, "avatar").unwrap().contains("https:"));
    assert!(error_of(&root, "data")
        .unwrap()
        .starts_with("This looks like JSON but is not valid:"));
    assert!(
        !calls().iter().any(|c| c["method"] == "PUT"),
        "nothing sent"
    );
    type_into(&root, "avatar", "https://cdn.example.com/b.png");
    sleep(10).await;
    assert_eq!(
        find(&root, ".oa-profile__preview img")
            .get_attribute("src")
            .as_deref(),
        Some("https://cdn.example.com/b.png")
    );
    type_into(&root, "data", "{\"a\": 2}");
    type_into(&root, "nickName", "Bo");
    click(&root, ".oa-profile__save");
    assert!(until(|| text(&root, ".oa-page__notice").contains("saved")).await);
    let put = calls()
        .into_iter()
        .find(|c| c["method"] == "PUT")
        .expect("PUT sent");
    assert_eq!(
        body_of(&put),
        serde_json::json!({"avatar": "https://cdn.example.com/b.png", "nickName": "Bo", "data": "{\"a\": 2}"})
    );
    assert!(until(|| has(&root, "[data-field=nickName]")).await);
    assert!(
        until(|| text(&root, "[data-field=nickName]").contains("Bo")).await,
        "re-read"
    );
    assert_eq!(calls().iter().filter(|c| c["method"] == "GET").count(), 2);
    restore_fetch();
}

fn log_page(total: u64, n: usize) -> String {
    let data: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            serde_json::json!({"id": i, "userID": 1, "used": if i % 2 == 0 { 10 } else { -3 },
            "remark": format!("r{i} <i>x</i>"), "createDate": "2024-01-01 00:00:00"})
        })
        .collect();
    serde_json::json!({"total": total, "data": data}).to_string()
}

fn last_query() -> String {
    calls()
        .iter()
        .rev()
        .find(|c| c["url"].as_str().unwrap_or("").contains("PointLog"))
        .and_then(|c| {
            c["url"].as_str().map(|u| {
                u.split_once('?')
                    .map(|(_, q)| q.to_owned())
                    .unwrap_or_default()
            })
        })
        .unwrap_or_default()
}

// Guards against wrong skip/take/type on the wire and a pager that miscounts.
#[wasm_bindgen_test]
async fn points_table_filter_and_pages() {
    fake_fetch();
    route("PointLog", &ok(&log_page(25, 10)));
    let root = fresh();
    let _ctx = mount(&root, || view! { <PointsPage /> });
    assert!(until(|| has(&root, ".oa-points__row")).await);
    assert_eq!(all(&root, ".oa-points__row").len(), 10);
    assert_eq!(last_query(), "type=0&skip=0&take=10");
    assert_eq!(text(&root, ".oa-points__page"), "Page 1 of 3");
    assert_eq!(text(&root, ".oa-points__total"), "25 entries in all");
    assert_eq!(text(&root, ".oa-points__row .oa-points__amount"), "+10");
    assert!(!has(&root, ".oa-points__remark i"), "remarks are text");
    let prev: web_sys::HtmlButtonElement = find(&root, ".oa-points__prev").unchecked_into();
    assert!(prev.disabled());
    click(&root, ".oa-points__next");
    assert!(until(|| last_query() == "type=0&skip=10&take=10").await);
    assert!(until(|| has(&root, ".oa-points__page") && text(&root, ".oa-points__page") == "Page 2 of 3").await);
    click(&root, ".oa-points__next");
    route("PointLog", &ok(&log_page(25, 5)));
    assert!(until(|| has(&root, ".oa-points__page") && text(&root, ".oa-points__page") == "Page 3 of 3").await);
    let next: web_sys::HtmlButtonElement = find(&root, ".oa-points__next").unchecked_into();
    assert!(next.disabled(), "no page after the last");
    find(&root, ".oa-points__filter input[value=spend]")
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    assert!(
        until(|| last_query() == "type=2&skip=0&take=10").await,
        "filter restarts at page 1"
    );
    restore_fetch();
}

// Guards against an empty log without its empty state.
#[wasm_bindgen_test]
async fn points_empty_state() {
    fake_fetch();
    route("PointLog", &ok(r#"{"total":0,"data":[]}"#));
    let root = fresh();
    let _ctx = mount(&root, || view! { <PointsPage /> });
    assert!(until(|| has(&root, ".oa-page__empty")).await);
    assert_eq!(text(&root, ".oa-page__empty"), "No entries.");
    assert_eq!(text(&root, ".oa-points__page"), "Page 1 of 1");
    restore_fetch();
}

// Guards against recharging a bad amount, and a recharge that does not refresh the log.
#[wasm_bindgen_test]
async fn points_recharge_checks_sends_and_refreshes() {
    fake_fetch();
    route("PointLog", &ok(&log_page(1, 1)));
    route("RechargePoints", &ok("true"));
    let root = fresh();
    let _ctx = mount(&root, || view! { <PointsPage /> });
    assert!(until(|| has(&root, ".oa-points__row")).await);
    for bad in ["0", "1.5", "-2", "abc"] {
        type_into(&root, "price", bad);
        click(&root, ".oa-points__submit");
        sleep(20).await;
        assert_eq!(
            error_of(&root, "price").as_deref(),
            Some("Enter a whole number of at least 1."),
            "{bad}"
        );
        assert_eq!(active_name().as_deref(), Some("price"));
    }
    assert!(!calls()
        .iter()
        .any(|c| c["url"].as_str().unwrap_or("").contains("Recharge")));
    route("PointLog", &ok(&log_page(2, 2)));
    type_into(&root, "price", " 15 ");
    type_into(&root, "remark", "gift");
    click(&root, ".oa-points__submit");
    assert!(until(|| text(&root, ".oa-page__notice") == "15 points were added.").await);
    let post = calls()
        .into_iter()
        .find(|c| c["url"].as_str().unwrap_or("").contains("RechargePoints"))
        .unwrap();
    assert_eq!(post["method"], "POST");
    assert_eq!(
        body_of(&post),
        serde_json::json!({"price": 15, "remark": "gift"})
    );
    assert!(
        until(|| has(&root, ".oa-points__total")
            && text(&root, ".oa-points__total") == "2 entries in all")
        .await,
        "log refreshed"
    );
    assert_eq!(input(&root, "price").value(), "", "the form is cleared");
    restore_fetch();
}

// Guards against a navigation that does not switch pages or does not mark the current one.
#[wasm_bindgen_test]
async fn account_pages_navigation() {
    fake_fetch();
    route("Profile", &ok(&profile_json("Al", "")));
    route("PointLog", &ok(&log_page(0, 0)));
    let root = fresh();
    let _ctx = mount(&root, || view! { <AccountPages /> });
    assert!(until(|| has(&root, ".oa-profile")).await);
    let current =
        |page: &str| find(&root, &format!("[data-page={page}]")).get_attribute("aria-current");
    assert_eq!(current("profile").as_deref(), Some("page"));
    assert_eq!(current("points"), None);
    click(&root, "[data-page=points]");
    assert!(until(|| has(&root, ".oa-points")).await);
    assert!(!has(&root, ".oa-profile"));
    assert_eq!(current("points").as_deref(), Some("page"));
    assert_eq!(
        find(&root, ".oa-account__nav")
            .get_attribute("aria-label")
            .as_deref(),
        Some("Your account")
    );
    restore_fetch();
}
