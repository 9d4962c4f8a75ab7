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

/// The apps listed: each item of the list.
fn items(root: &web_sys::Element) -> Vec<web_sys::Element> {
    all_by_role(root, "listitem", None)
}

/// The host of each app listed (the heading of its item), in order.
fn hosts(root: &web_sys::Element) -> Vec<String> {
    items(root)
        .iter()
        .map(|item| text_of(&all_by_role(item, "heading", None)[0]))
        .collect()
}

/// The item of the app whose heading is `host`.
fn item(root: &web_sys::Element, host: &str) -> web_sys::Element {
    items(root)
        .into_iter()
        .find(|item| query_role(item, "heading", host).is_some())
        .unwrap_or_else(|| panic!("no app {host}"))
}

/// The value after the term `term` of a description list under `root` (`dt` then `dd`).
fn value_of(root: &web_sys::Element, term: &str) -> Option<String> {
    all_by_role(root, "term", None)
        .into_iter()
        .find(|t| text_of(t) == term)
        .and_then(|t| t.next_element_sibling())
        .map(|d| text_of(&d))
}

/// Whether the focused element is `el`.
fn focused(el: &web_sys::Element) -> bool {
    pages_support::document()
        .active_element()
        .is_some_and(|a| a.is_same_node(Some(el)))
}

/// Whether a shown status region says `text` (exactly, or a part of it with `part`).
fn status_says(root: &web_sys::Element, text: &str, part: bool) -> bool {
    statuses(root)
        .iter()
        .any(|t| if part { t.contains(text) } else { t == text })
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
    assert!(until(|| !items(&root).is_empty()).await);
    assert_eq!(
        hosts(&root),
        vec!["new.example.com", "javascript:alert(1)", "old.example.com"],
        "newest first; a bad URI is shown as text only"
    );
    assert!(!has(&root, "a"), "no link made of a redirect_uri");
    let scopes = value_of(&items(&root)[0], "Permissions").unwrap_or_default();
    assert!(
        scopes.contains("Know who you are") && scopes.contains("x-custom"),
        "{scopes}"
    );
    let auth = calls()[0]["auth"].as_str().unwrap_or_default().to_owned();
    assert!(auth.starts_with("Bearer ey"), "{auth}");
    route("Consents", &ok("[]"));
    let empty = fresh();
    let _ctx = mount(&empty, || view! { <AuthorizedApps /> });
    assert!(until(|| !all_by_text(&empty, "You have not authorized").is_empty()).await);
    assert_eq!(
        text_of(&by_text(&empty, "You have not authorized")),
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
    assert!(until(|| query_button(&root, "Revoke").is_some()).await);
    click_button(&root, "Revoke");
    sleep(30).await;
    let group = by_role_partial(&root, "group", "Revoke the access of");
    assert_eq!(group.get_attribute("role").as_deref(), Some("group"));
    let q = pages_support::document()
        .get_element_by_id(&group.get_attribute("aria-labelledby").unwrap())
        .unwrap();
    assert!(q.text_content().unwrap().contains("a.example.com"));
    assert!(
        focused(&button(&root, "Yes, revoke")),
        "focus on the answer"
    );
    assert!(
        !calls().iter().any(|c| c["method"] == "DELETE"),
        "nothing sent before Yes"
    );
    click_button(&root, "Cancel");
    sleep(50).await;
    assert!(!has_role(&root, "group", None));
    assert!(focused(&button(&root, "Revoke")), "focus back on Revoke");
    click_button(&root, "Revoke");
    sleep(20).await;
    click_button(&root, "Yes, revoke");
    sleep(20).await;
    assert!(
        !has_role(&root, "listitem", None),
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
    assert!(until(|| all_by_role(&root, "button", Some("Revoke")).len() == 2).await);
    click_button(&item(&root, "one.example.com"), "Revoke");
    sleep(20).await;
    click_button(&item(&root, "one.example.com"), "Yes, revoke");
    assert!(until(|| alert(&root).is_some()).await);
    assert_eq!(
        hosts(&root),
        vec!["one.example.com", "two.example.com"],
        "back in place"
    );
    let msg = alert_text(&root).unwrap_or_default();
    assert!(
        msg.contains("one.example.com") && msg.contains("Not yours."),
        "{msg}"
    );
    click_button(&item(&root, "two.example.com"), "Revoke");
    sleep(20).await;
    click_button(&item(&root, "two.example.com"), "Yes, revoke");
    assert!(until(|| status_says(&root, "was revoked", true)).await);
    assert_eq!(hosts(&root), vec!["one.example.com"]);
    assert!(alert(&root).is_none(), "the old error is cleared");
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
    assert!(until(|| alert(&root).is_some()).await);
    assert!(alert_text(&root).unwrap().contains("Please sign in again"));
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
    assert!(until(|| query_button(&root, "Try again").is_some()).await);
    assert_eq!(
        alert_text(&root).as_deref(),
        Some("The server refused the request.")
    );
    click_button(&root, "Try again");
    assert!(until(|| !items(&root).is_empty()).await);
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
    assert!(until(|| value_of(&root, "Nickname").is_some()).await);
    assert!(!has(&root, "img"), "a javascript: avatar is not shown");
    let values = all_by_role(&root, "definition", None);
    assert!(values.iter().all(|v| !has(v, "b")));
    assert_eq!(value_of(&root, "Nickname").as_deref(), Some("<b>Al</b>"));
    assert!(value_of(&root, "Mobile number")
        .unwrap()
        .contains("verified"));
    assert!(value_of(&root, "Email").unwrap().contains("not verified"));
    // The custom data: the block under its heading.
    let data = heading(&root, "Custom data")
        .next_element_sibling()
        .unwrap();
    assert_eq!(text_of(&data), "{\"k\":1}");
    route(
        "Profile",
        &ok(&profile_json("Al", "https://cdn.example.com/a.png")),
    );
    let other = fresh();
    let _ctx = mount(&other, || view! { <ProfilePage /> });
    assert!(until(|| query_role(&other, "img", "Avatar").is_some()).await);
    assert_eq!(
        by_role(&other, "img", "Avatar")
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
    assert!(until(|| query_button(&root, "Edit profile").is_some()).await);
    click_button(&root, "Edit profile");
    sleep(20).await;
    assert_eq!(by_label(&root, "Nickname").value(), "Al");
    type_label(&root, "Avatar URL", "javascript:alert(1)");
    sleep(10).await;
    assert!(
        query_role(&root, "img", "Avatar").is_none(),
        "no preview of an unsafe URL"
    );
    type_label(&root, "Custom data", "{\"a\": }");
    click_button(&root, "Save");
    sleep(20).await;
    assert!(error_under(&root, "Avatar URL").unwrap().contains("https:"));
    assert!(error_under(&root, "Custom data")
        .unwrap()
        .starts_with("This looks like JSON but is not valid:"));
    assert!(
        !calls().iter().any(|c| c["method"] == "PUT"),
        "nothing sent"
    );
    type_label(&root, "Avatar URL", "https://cdn.example.com/b.png");
    sleep(10).await;
    assert_eq!(
        by_role(&root, "img", "Avatar")
            .get_attribute("src")
            .as_deref(),
        Some("https://cdn.example.com/b.png")
    );
    type_label(&root, "Custom data", "{\"a\": 2}");
    type_label(&root, "Nickname", "Bo");
    click_button(&root, "Save");
    assert!(until(|| status_says(&root, "saved", true)).await);
    let put = calls()
        .into_iter()
        .find(|c| c["method"] == "PUT")
        .expect("PUT sent");
    assert_eq!(
        body_of(&put),
        serde_json::json!({"avatar": "https://cdn.example.com/b.png", "nickName": "Bo", "data": "{\"a\": 2}"})
    );
    assert!(until(|| value_of(&root, "Nickname").is_some()).await);
    assert!(
        until(|| value_of(&root, "Nickname")
            .unwrap_or_default()
            .contains("Bo"))
        .await,
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

/// The rows of the points table that hold entries (not the header).
fn rows(root: &web_sys::Element) -> Vec<web_sys::Element> {
    all_by_role(root, "row", None)
        .into_iter()
        .filter(|r| !all_by_role(r, "cell", None).is_empty())
        .collect()
}

/// The cells of the points table's column headed `column`, in order.
fn column(root: &web_sys::Element, column: &str) -> Vec<String> {
    let headers = all_by_role(root, "columnheader", None);
    let at = headers
        .iter()
        .position(|h| name_of(h) == column)
        .unwrap_or_else(|| panic!("no column {column}"));
    rows(root)
        .iter()
        .map(|r| text_of(&all_by_role(r, "cell", None)[at]))
        .collect()
}

/// The pager (`nav` named "Pages").
fn pager(root: &web_sys::Element) -> web_sys::HtmlElement {
    by_role(root, "navigation", "Pages")
}

/// What the pager says: "Page n of m", if it is shown.
fn page_label(root: &web_sys::Element) -> Option<String> {
    let pager = query_role(root, "navigation", "Pages")?;
    all_by_text(&pager, "Page ").first().map(text_of)
}

/// What the pager says of the total ("n entries in all"), if it is shown.
fn total(root: &web_sys::Element) -> Option<String> {
    let pager = query_role(root, "navigation", "Pages")?;
    all_by_text(&pager, "entries in all").first().map(text_of)
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
    assert!(until(|| !rows(&root).is_empty()).await);
    assert_eq!(rows(&root).len(), 10);
    assert_eq!(last_query(), "type=0&skip=0&take=10");
    assert_eq!(page_label(&root).as_deref(), Some("Page 1 of 3"));
    assert_eq!(total(&root).as_deref(), Some("25 entries in all"));
    assert_eq!(column(&root, "Points")[0], "+10");
    let cells = all_by_role(&root, "cell", None);
    assert!(cells.iter().all(|c| !has(c, "i")), "remarks are text");
    // Unavailable, yet it keeps the focus: aria-disabled, not disabled.
    let prev = button(&pager(&root), "Previous");
    assert_eq!(prev.get_attribute("aria-disabled").as_deref(), Some("true"));
    // Pressed anyway, it asks for nothing.
    let asked = calls().len();
    prev.click();
    sleep(20).await;
    assert_eq!(calls().len(), asked, "an unavailable Previous sent a query");
    assert_eq!(page_label(&root).as_deref(), Some("Page 1 of 3"));
    click_button(&pager(&root), "Next");
    assert!(until(|| last_query() == "type=0&skip=10&take=10").await);
    assert!(until(|| page_label(&root).as_deref() == Some("Page 2 of 3")).await);
    click_button(&pager(&root), "Next");
    route("PointLog", &ok(&log_page(25, 5)));
    assert!(until(|| page_label(&root).as_deref() == Some("Page 3 of 3")).await);
    let next = button(&pager(&root), "Next");
    assert_eq!(
        next.get_attribute("aria-disabled").as_deref(),
        Some("true"),
        "no page after the last"
    );
    // Another filter has another total: no "Page 1 of 3" of the whole log while it loads.
    route("PointLog", "{hang: true}");
    by_role(&by_role(&root, "group", "Show"), "radio", "Spending").click();
    assert!(
        until(|| last_query() == "type=2&skip=0&take=10").await,
        "filter restarts at page 1"
    );
    sleep(20).await;
    assert_eq!(page_label(&root), None, "a total of another filter");
    assert_eq!(total(&root), None, "a total of another filter");
    route("PointLog", &ok(&log_page(3, 3)));
    by_role(&by_role(&root, "group", "Show"), "radio", "Recharges").click();
    assert!(until(|| page_label(&root).as_deref() == Some("Page 1 of 1")).await);
    assert_eq!(total(&root).as_deref(), Some("3 entries in all"));
    restore_fetch();
}

// Guards against an empty log without its empty state.
#[wasm_bindgen_test]
async fn points_empty_state() {
    fake_fetch();
    route("PointLog", &ok(r#"{"total":0,"data":[]}"#));
    let root = fresh();
    let _ctx = mount(&root, || view! { <PointsPage /> });
    assert!(until(|| !all_by_text(&root, "No entries").is_empty()).await);
    assert_eq!(text_of(&by_text(&root, "No entries")), "No entries.");
    assert_eq!(page_label(&root).as_deref(), Some("Page 1 of 1"));
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
    assert!(until(|| !rows(&root).is_empty()).await);
    for bad in ["0", "1.5", "-2", "abc"] {
        type_label(&root, "Amount", bad);
        click_button(&root, "Recharge");
        sleep(20).await;
        assert_eq!(
            error_under(&root, "Amount").as_deref(),
            Some("Enter a whole number of at least 1."),
            "{bad}"
        );
        assert_eq!(active_label().as_deref(), Some("Amount"));
    }
    assert!(!calls()
        .iter()
        .any(|c| c["url"].as_str().unwrap_or("").contains("Recharge")));
    route("PointLog", &ok(&log_page(2, 2)));
    type_label(&root, "Amount", " 15 ");
    type_label(&root, "Remark (optional)", "gift");
    click_button(&root, "Recharge");
    assert!(until(|| status_says(&root, "15 points were added.", false)).await);
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
        until(|| total(&root).as_deref() == Some("2 entries in all")).await,
        "log refreshed"
    );
    assert_eq!(by_label(&root, "Amount").value(), "", "the form is cleared");
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
    assert!(until(|| query_role(&root, "region", "Profile").is_some()).await);
    let nav = by_role(&root, "navigation", "Your account");
    let current = |page: &str| button(&nav, page).get_attribute("aria-current");
    assert_eq!(current("Profile").as_deref(), Some("page"));
    assert_eq!(current("Points"), None);
    click_button(&nav, "Points");
    assert!(until(|| query_role(&root, "region", "Points log").is_some()).await);
    assert!(!has_role(&root, "region", Some("Profile")));
    assert_eq!(current("Points").as_deref(), Some("page"));
    assert_eq!(
        nav.get_attribute("aria-label").as_deref(),
        Some("Your account")
    );
    restore_fetch();
}
