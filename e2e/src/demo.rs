//! The demo page's sign-in widget, as the tests drive it: found as a person finds it, by
//! role and accessible name (tabs, buttons, labelled fields, alerts), and the flows a person
//! goes through.

use crate::{Browser, HarnessResult, Screen, Server};

/// The signed-in view, by class: only for the screenshots tool, which runs in Chinese too.
/// The tests look for its heading ([`wait_signed_in`], [`is_signed_in`]).
pub const SIGNED_IN: &str = ".oa-signed-in";

/// The name of the tab list.
pub const TABS: &str = "Ways to sign in";

/// The widget's region (the `section` named "Sign in"): what the signed-in checks look in.
pub async fn widget(browser: &Browser) -> HarnessResult<Screen<'_>> {
    let screen = browser.screen();
    let region = screen.role("region", "Sign in").await?;
    Ok(screen.within_element(region))
}

/// Waits for the form's error sentence (`role=alert`, shown) and returns it.
pub async fn wait_form_error(browser: &Browser) -> HarnessResult<String> {
    browser.screen().wait_alert().await
}

/// The localStorage key under which the widget keeps the token for `server` and app 2.
pub fn token_key(server: &Server) -> String {
    format!("oauthapp-login:v1:{}:2", server.url)
}

/// Opens the demo page (in English) with extra query parameters such as `countdown=1`.
pub async fn open_demo(browser: &Browser, server: &Server, query: &str) -> HarnessResult<()> {
    let sep = if query.is_empty() { "" } else { "&" };
    browser
        .goto(&format!("{}/?lang=en{sep}{query}", server.url))
        .await?;
    browser.screen().role("tablist", TABS).await.map(|_| ())
}

/// Selects the tab whose id ends in `-tab-<tab>` (`account`, `phone`, `email`, `qr`): for the
/// screenshots tool, which runs in Chinese too. The tests use [`open_tab`].
pub async fn select_tab(browser: &Browser, tab: &str) -> HarnessResult<()> {
    browser
        .click(&format!("[role=tab][id$='-tab-{tab}']"))
        .await?;
    browser
        .wait_css(&format!("[role=tab][id$='-tab-{tab}'][aria-selected=true]"))
        .await
        .map(|_| ())
}

/// Selects the tab named `name` (`Account`, `Phone`, `Email`, `QR code`).
pub async fn open_tab(browser: &Browser, name: &str) -> HarnessResult<()> {
    browser.screen().select_tab(name).await
}

/// Waits until the widget shows the signed-in view (its heading) saying `who`.
pub async fn wait_signed_in(browser: &Browser, who: &str) -> HarnessResult<()> {
    let widget = widget(browser).await?;
    widget.role("heading", "Signed in").await?;
    widget.wait_text(who).await.map(|_| ())
}

/// Whether the signed-in view is in the page now (its heading, shown or not).
pub async fn is_signed_in(browser: &Browser) -> HarnessResult<bool> {
    Ok(browser
        .screen()
        .count_anywhere("heading", Some("Signed in"))
        .await?
        > 0)
}

/// Signs up on the account tab with `user` and `pwd`, and waits for the signed-in view.
pub async fn account_sign_up(browser: &Browser, user: &str, pwd: &str) -> HarnessResult<()> {
    open_tab(browser, "Account").await?;
    let screen = browser.screen();
    screen.click_button("No account yet? Sign up").await?;
    screen.fill("User name", user).await?;
    screen.fill("Password", pwd).await?;
    screen.fill("Confirm password", pwd).await?;
    screen.click_button("Sign up").await?;
    wait_signed_in(browser, user).await
}

/// Signs in on the account tab (no waiting for the outcome).
pub async fn account_sign_in(browser: &Browser, user: &str, pwd: &str) -> HarnessResult<()> {
    open_tab(browser, "Account").await?;
    let screen = browser.screen();
    screen.fill("User name", user).await?;
    screen.fill("Password", pwd).await?;
    screen.click_button("Sign in").await
}

/// Signs out from the signed-in view and waits for the tabs.
pub async fn sign_out(browser: &Browser) -> HarnessResult<()> {
    let screen = browser.screen();
    screen.click_button("Sign out").await?;
    screen.role("tablist", TABS).await.map(|_| ())
}

/// The label of the code field that goes with the recipient field labelled `field`.
fn code_label(field: &str) -> &'static str {
    if field == "Email address" {
        "Email code"
    } else {
        "SMS code"
    }
}

/// On the phone or email tab: types `to` into the field labelled `field` ("Mobile number",
/// "Email address"), asks for a code and reads it from the outbox.
pub async fn request_code(browser: &Browser, field: &str, to: &str) -> HarnessResult<String> {
    let screen = browser.screen();
    screen.fill(field, to).await?;
    screen.click_button("Get code").await?;
    wait_for_code(browser, to).await
}

/// [`request_code`], then types the code into its field.
pub async fn get_and_type_code(browser: &Browser, field: &str, to: &str) -> HarnessResult<()> {
    let code = request_code(browser, field, to).await?;
    browser.screen().fill(code_label(field), &code).await
}

/// Waits until the outbox holds a code for `to`.
pub async fn wait_for_code(browser: &Browser, to: &str) -> HarnessResult<String> {
    let mut last = String::new();
    for _ in 0..50 {
        match browser.outbox_code(to).await {
            Ok(code) => return Ok(code),
            Err(e) => last = e,
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    Err(last)
}

/// The stored token's JSON for `server`, if any.
pub async fn stored_token(browser: &Browser, server: &Server) -> HarnessResult<Option<String>> {
    browser.local_storage(&token_key(server)).await
}
