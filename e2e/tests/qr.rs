//! The QR sign-in end to end: the widget's QR tab in one browser, the phone page in a second
//! one (as a phone on the same network would open it), against the reference server.
//!
//! Needs the lead's wiring: a `qr` tab in the demo's widget (`[role=tab][id$='-tab-qr']`
//! showing `QrSignIn`) and the phone page at `/?view=phone&appId=…&signInKey=…`.

use std::time::{Duration, Instant};

use oauthapp_e2e::demo::{open_demo, select_tab, stored_token, SIGNED_IN};
use oauthapp_e2e::{Browser, HarnessResult, Server, ServerOptions};
use serde_json::{json, Value};

/// The QR component in a given state.
fn qr_state(state: &str) -> String {
    format!(".oa-qr[data-state={state}]")
}

/// The link the QR code encodes (also shown as text under it).
async fn qr_link(b: &Browser) -> HarnessResult<String> {
    let el = b
        .wait_css(&format!("{} .oa-qr__link-url", qr_state("waiting")))
        .await?;
    el.text().await.map_err(|e| format!("link text: {e}"))
}

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
    phone.wait_css(".oa-qr-phone__card").await?;
    phone.fill("input[name=unionId]", union_id).await?;
    phone.fill("input[name=nickName]", "Mei").await?;
    phone.click(".oa-qr-phone__confirm").await?;
    phone.wait_css(".oa-qr-phone__done").await.map(|_| ())
}

#[tokio::test]
async fn scan_confirm_and_the_web_side_is_signed_in() -> HarnessResult<()> {
    let server = Server::start().await?;
    let web = Browser::start().await?;
    let phone = Browser::start().await?;
    open_demo(&web, &server, "").await?;
    select_tab(&web, "qr").await?;
    let link = qr_link(&web).await?;
    assert!(
        link.starts_with(&format!("{}/?view=phone&appId=2&signInKey=", server.url)),
        "the QR code encodes the phone page: {link}"
    );
    let label = web
        .eval(
            "return document.querySelector('.oa-qr svg[role=img]').getAttribute('aria-label')",
            vec![],
        )
        .await?;
    assert!(label.as_str().unwrap_or("").contains("WeChat"), "{label}");

    // Scanned but not confirmed: the web side says so and stays signed out.
    phone.goto(&link).await?;
    phone
        .wait_text(".oa-qr-phone__asks", "asks to sign you in")
        .await?;
    web.wait_text(&qr_state("scanned"), "Confirm the sign-in on your phone")
        .await?;
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert!(
        web.exists(&qr_state("scanned")).await?,
        "still waiting for the phone"
    );
    assert_eq!(stored_token(&web, &server).await?, None);

    phone.fill("input[name=unionId]", "o-e2e-qr-1").await?;
    phone.fill("input[name=nickName]", "Mei").await?;
    let confirmed = Instant::now();
    phone.click(".oa-qr-phone__confirm").await?;
    phone
        .wait_text(".oa-qr-phone__done", "Confirmed for Mei")
        .await?;
    web.wait_css(SIGNED_IN).await?;
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
    select_tab(&web, "qr").await?;
    let old = qr_link(&web).await?;
    web.wait_text(&qr_state("expired"), "The QR code has expired.")
        .await?;
    assert!(!web.exists(".oa-qr svg").await?, "no stale code on screen");

    web.click(".oa-qr__refresh").await?;
    let fresh = qr_link(&web).await?;
    assert_ne!(fresh, old, "a fresh key");

    // The fresh key works (within its 4 s); the old one is refused on the phone.
    confirm_on_phone(&phone, &fresh, "o-e2e-qr-2").await?;
    web.wait_css(SIGNED_IN).await?;
    let claims = stored_claims(&web, &server).await?;
    assert_eq!(claims["unionid"], "o-e2e-qr-2", "claims: {claims}");
    phone.goto(&old).await?;
    phone.wait_css(".oa-qr-phone__retry").await?;

    phone.close().await;
    web.close().await;
    Ok(())
}
