//! End to end: the OAuth code flow through the demo's third-party app (`/?view=thirdparty`)
//! and the consent view (`/?view=consent&…`) against the reference server — allow (code
//! exchanged by Authorize, claims shown), deny (`error=access_denied`), a bad `redirect_uri`
//! refused and never followed, a wrong password keeping the person on the screen.

use oauthapp_e2e::{Browser, HarnessResult, Server};
use serde_json::json;

/// Creates `user` with `pwd` through the API (set-up, not under test).
async fn sign_up(b: &Browser, user: &str, pwd: &str) -> HarnessResult<()> {
    let v = b
        .api_post("AppUsers/2/SignUp", json!({"userName": user, "pwd": pwd}))
        .await?;
    if v["code"] != 200 {
        return Err(format!("sign-up failed: {v}"));
    }
    Ok(())
}

/// The page's current URL.
async fn current_url(b: &Browser) -> HarnessResult<String> {
    let v = b.eval("return window.location.href;", vec![]).await?;
    Ok(v.as_str().unwrap_or_default().to_owned())
}

/// The label of the validity field.
const DAYS: &str = "Valid for (days, 1–99)";

/// Opens the demo app and follows its link to the consent view (its Allow button shown).
async fn start_flow(b: &Browser, server: &Server) -> HarnessResult<()> {
    b.goto(&format!("{}/?view=thirdparty&lang=en", server.url))
        .await?;
    let screen = b.screen();
    screen
        .role("link", "Sign in with OAuthApp")
        .await?
        .click()
        .await
        .map_err(|e| format!("follow the demo's link: {e}"))?;
    screen.button("Allow").await.map(|_| ())
}

// The demo's language picker switches the consent page in place: what was typed stays.
#[tokio::test]
async fn a_language_switch_keeps_what_was_typed_on_the_consent_page() -> HarnessResult<()> {
    let server = Server::start().await?;
    let b = Browser::start().await?;
    start_flow(&b, &server).await?;
    let screen = b.screen();
    screen.fill("User name", "carol").await?;
    let picker = screen.label("Language · 语言").await?;
    b.eval(
        "const s = arguments[0];
         s.value = 'zh-CN';
         s.dispatchEvent(new Event('change', { bubbles: true }));",
        vec![serde_json::to_value(&picker).map_err(|e| e.to_string())?],
    )
    .await?;
    screen.label("用户名").await?;
    assert_eq!(screen.value("用户名").await?, "carol");
    b.close().await;
    Ok(())
}

#[tokio::test]
async fn allow_exchanges_the_code_and_shows_the_claims() -> HarnessResult<()> {
    let server = Server::start().await?;
    let b = Browser::start().await?;
    b.goto(&format!("{}/?lang=en", server.url)).await?;
    sign_up(&b, "carol", "secret123").await?;
    start_flow(&b, &server).await?;
    let screen = b.screen();
    screen
        .wait_text("You will then go back to 127.0.0.1")
        .await?;
    // What the app asks for is a list named by the sentence that introduces it.
    let asks = screen.within_element(screen.role("list", "It asks to:").await?);
    assert_eq!(asks.count("listitem", None).await?, 4);
    screen.fill("User name", "carol").await?;
    screen.fill("Password", "secret123").await?;
    screen.fill(DAYS, "3").await?;
    screen.click_button("Allow").await?;
    screen.wait_definition("unique_name", "carol").await?;
    screen
        .wait_definition("grant_type", "authorization_code")
        .await?;
    // Three days of validity asked for, three days of token.
    screen.wait_text("The token is valid for 259200").await?;
    let url = current_url(&b).await?;
    assert!(
        url.contains("view=thirdparty") && url.contains("code="),
        "{url}"
    );
    b.close().await;
    Ok(())
}

#[tokio::test]
async fn deny_returns_access_denied_with_the_state() -> HarnessResult<()> {
    let server = Server::start().await?;
    let b = Browser::start().await?;
    start_flow(&b, &server).await?;
    let consent_url = current_url(&b).await?;
    let state = consent_url
        .split("state=")
        .nth(1)
        .and_then(|s| s.split('&').next())
        .unwrap_or_default()
        .to_owned();
    assert_eq!(state.len(), 32, "{consent_url}");
    b.screen().click_button("Deny").await?;
    b.screen()
        .wait_role_text("status", "You refused access.")
        .await?;
    let url = current_url(&b).await?;
    assert!(url.contains("error=access_denied"), "{url}");
    assert!(url.contains(&format!("state={state}")), "{url}");
    assert!(!url.contains("code="), "{url}");
    b.close().await;
    Ok(())
}

#[tokio::test]
async fn a_bad_redirect_uri_is_refused_and_never_followed() -> HarnessResult<()> {
    let server = Server::start().await?;
    let b = Browser::start().await?;
    for bad in [
        "javascript%3Aalert(1)",
        "data%3Atext%2Fhtml%2C%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "%2Frelative",
        "https%3A%2F%2F",
    ] {
        b.goto(&format!(
            "{}/?view=consent&lang=en&scope=openid&state=x&redirect_uri={bad}",
            server.url
        ))
        .await?;
        let screen = b.screen();
        screen
            .wait_role_text("alert", "not a valid http or https address")
            .await?;
        assert_eq!(
            screen.count_anywhere("button", Some("Allow")).await?,
            0,
            "{bad}"
        );
        assert_eq!(
            screen.count_anywhere("button", Some("Deny")).await?,
            0,
            "{bad}"
        );
    }
    b.close().await;
    Ok(())
}

#[tokio::test]
async fn a_wrong_password_keeps_the_person_on_the_consent_screen() -> HarnessResult<()> {
    let server = Server::start().await?;
    let b = Browser::start().await?;
    b.goto(&format!("{}/?lang=en", server.url)).await?;
    sign_up(&b, "dave", "secret123").await?;
    start_flow(&b, &server).await?;
    let screen = b.screen();
    screen.fill("User name", "dave").await?;
    screen.fill("Password", "wrong-one").await?;
    screen.click_button("Allow").await?;
    screen.wait_alert().await?;
    let url = current_url(&b).await?;
    assert!(url.contains("view=consent"), "{url}");
    b.close().await;
    Ok(())
}
