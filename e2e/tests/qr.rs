//! The QR sign-in end to end: the widget's QR tab in one browser, the phone page in a second
//! one (as a phone on the same network would open it), against the reference server.
//!
//! Needs the lead's wiring: a `qr` tab in the demo's widget (a tab named "QR code"
//! showing `QrSignIn`) and the phone page at `/?view=phone&appId=…&signInKey=…`.

use std::time::{Duration, Instant};

use oauthapp_e2e::demo::{open_demo, open_tab, stored_token};
use oauthapp_e2e::{Browser, HarnessResult, Server, ServerOptions};
use serde_json::{json, Value};

/// The QR component in a given state: its `data-state` (what the tests wait on; a person
/// reads it in the status sentence, which the tests check too).
fn qr_state(state: &str) -> String {
    format!("[data-state={state}]")
}

/// The link the QR code encodes (also shown as a link under it), once the code waits.
async fn qr_link(b: &Browser) -> HarnessResult<String> {
    b.wait_css(&qr_state("waiting")).await?;
    let el = b
        .screen()
        .wait_one(
            json!({"role": "link", "text": "view=phone"}),
            "the link to the phone page",
        )
        .await?;
    el.text().await.map_err(|e| format!("link text: {e}"))
}

/// The labels of the phone page's fields and its button.
const UNION_ID: &str = "WeChat unionID or openid";
const NICKNAME: &str = "Nickname (optional)";
const CONFIRM: &str = "Confirm sign-in";

/// The claims of the token stored for `server`, decoded in the page.
async fn stored_claims(b: &Browser, server: &Server) -> HarnessResult<Value> {
    let stored = stored_token(b, server)
        .await?
        .ok_or("no token stored after the QR sign-in")?;
    let stored: Value = serde_json::from_str(&stored).map_err(|e| format!("stored token: {e}"))?;
    let jwt = stored["access_token"]
        .as_str()
        .ok_or("no access_token")?
        .to_owned();
    b.eval(
        "const p = arguments[0].split('.')[1].replace(/-/g, '+').replace(/_/g, '/');\
         return JSON.parse(atob(p + '==='.slice((p.length + 3) % 4)));",
        vec![json!(jwt)],
    )
    .await
}

/// On the phone page at `link`: waits for the app card, types the ids and confirms.
async fn confirm_on_phone(phone: &Browser, link: &str, union_id: &str) -> HarnessResult<()> {
    phone.goto(link).await?;
    let screen = phone.screen();
    screen.wait_text("asks to sign you in").await?;
    screen.fill(UNION_ID, union_id).await?;
    screen.fill(NICKNAME, "Mei").await?;
    screen.click_button(CONFIRM).await?;
    screen
        .wait_role_text("status", "Confirmed for")
        .await
        .map(|_| ())
}

#[tokio::test]
async fn scan_confirm_and_the_web_side_is_signed_in() -> HarnessResult<()> {
    let server = Server::start().await?;
    let web = Browser::start().await?;
    let phone = Browser::start().await?;
    open_demo(&web, &server, "").await?;
    open_tab(&web, "QR code").await?;
    let link = qr_link(&web).await?;
    assert!(
        link.starts_with(&format!("{}/?view=phone&appId=2&signInKey=", server.url)),
        "the QR code encodes the phone page: {link}"
    );
    let image = web.screen().role_partial("img", "QR code").await?;
    let label = image
        .attr("aria-label")
        .await
        .map_err(|e| e.to_string())?
        .unwrap_or_default();
    assert!(label.contains("WeChat"), "{label}");

    // Scanned but not confirmed: the web side says so and stays signed out.
    phone.goto(&link).await?;
    phone.screen().wait_text("asks to sign you in").await?;
    web.wait_css(&qr_state("scanned")).await?;
    web.screen()
        .wait_role_text("status", "Confirm the sign-in on your phone")
        .await?;
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert!(
        web.exists(&qr_state("scanned")).await?,
        "still waiting for the phone"
    );
    assert_eq!(stored_token(&web, &server).await?, None);

    let on_phone = phone.screen();
    on_phone.fill(UNION_ID, "o-e2e-qr-1").await?;
    on_phone.fill(NICKNAME, "Mei").await?;
    let confirmed = Instant::now();
    on_phone.click_button(CONFIRM).await?;
    on_phone
        .wait_role_text("status", "Confirmed for Mei")
        .await?;
    web.screen().role("heading", "Signed in").await?;
    assert!(
        confirmed.elapsed() < Duration::from_secs(6),
        "signed in {:?} after the confirmation",
        confirmed.elapsed()
    );
    let claims = stored_claims(&web, &server).await?;
    assert_eq!(claims["unionid"], "o-e2e-qr-1", "claims: {claims}");
    assert_eq!(claims["platform"], "wxminip", "claims: {claims}");

    phone.close().await;
    web.close().await;
    Ok(())
}

#[tokio::test]
async fn an_expired_code_is_replaced_by_a_fresh_one_that_works() -> HarnessResult<()> {
    let server = Server::start_with(ServerOptions {
        config_json: Some(r#"{"apps":[{"id":2,"qr_lifetime_secs":4}]}"#.into()),
        ..ServerOptions::default()
    })
    .await?;
    let web = Browser::start().await?;
    let phone = Browser::start().await?;
    open_demo(&web, &server, "").await?;
    open_tab(&web, "QR code").await?;
    let old = qr_link(&web).await?;
    web.wait_css(&qr_state("expired")).await?;
    web.screen()
        .wait_role_text("status", "The QR code has expired.")
        .await?;
    assert_eq!(
        web.screen().count_anywhere("img", None).await?,
        0,
        "no stale code on screen"
    );

    web.screen().click_button("Get a new QR code").await?;
    let fresh = qr_link(&web).await?;
    assert_ne!(fresh, old, "a fresh key");

    // The fresh key works (within its 4 s); the old one is refused on the phone.
    confirm_on_phone(&phone, &fresh, "o-e2e-qr-2").await?;
    web.screen().role("heading", "Signed in").await?;
    let claims = stored_claims(&web, &server).await?;
    assert_eq!(claims["unionid"], "o-e2e-qr-2", "claims: {claims}");
    phone.goto(&old).await?;
    phone.screen().button("Try again").await?;

    phone.close().await;
    web.close().await;
    Ok(())
}
