//! The demo page's sign-in widget, as the tests drive it: selectors by role and by the
//! inputs' `name`, and the flows a person goes through.

use crate::{Browser, HarnessResult, Server};

/// The open tab panel (the others are `hidden`).
pub const PANEL: &str = "[role=tabpanel]:not([hidden])";

/// The signed-in view.
pub const SIGNED_IN: &str = ".oa-signed-in";

/// The form's error sentence (`role=alert`) while it is shown: the element is always in the
/// page (a live region must exist before it speaks) and `hidden` while there is no error.
pub const FORM_ERROR: &str = "[role=tabpanel]:not([hidden]) .oa-form__error:not([hidden])";

/// `css` inside the open tab panel.
pub fn in_panel(css: &str) -> String {
    format!("{PANEL} {css}")
}

/// Waits for the open form to show an error and returns its sentence.
pub async fn wait_form_error(browser: &Browser) -> HarnessResult<String> {
    let text = browser.wait_some_text(FORM_ERROR).await?;
    Ok(text.trim().to_owned())
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
    browser.wait_css("[role=tablist]").await.map(|_| ())
}

/// Selects the tab whose name is `tab` (`account`, `phone`, `email`).
pub async fn select_tab(browser: &Browser, tab: &str) -> HarnessResult<()> {
    browser
        .click(&format!("[role=tab][id$='-tab-{tab}']"))
        .await?;
    browser
        .wait_css(&format!("[role=tab][id$='-tab-{tab}'][aria-selected=true]"))
        .await
        .map(|_| ())
}

/// Signs up on the account tab with `user` and `pwd`, and waits for the signed-in view.
pub async fn account_sign_up(browser: &Browser, user: &str, pwd: &str) -> HarnessResult<()> {
    select_tab(browser, "account").await?;
    browser.click(&in_panel(".oa-switch-mode")).await?;
    browser
        .fill(&in_panel("input[name=userName]"), user)
        .await?;
    browser.fill(&in_panel("input[name=pwd]"), pwd).await?;
    browser
        .fill(&in_panel("input[name=pwdConfirm]"), pwd)
        .await?;
    browser.click(&in_panel(".oa-submit")).await?;
    browser.wait_text(SIGNED_IN, user).await.map(|_| ())
}

/// Signs in on the account tab (no waiting for the outcome).
pub async fn account_sign_in(browser: &Browser, user: &str, pwd: &str) -> HarnessResult<()> {
    select_tab(browser, "account").await?;
    browser
        .fill(&in_panel("input[name=userName]"), user)
        .await?;
    browser.fill(&in_panel("input[name=pwd]"), pwd).await?;
    browser.click(&in_panel(".oa-submit")).await
}

/// Signs out from the signed-in view and waits for the tabs.
pub async fn sign_out(browser: &Browser) -> HarnessResult<()> {
    browser.click(".oa-sign-out").await?;
    browser.wait_css("[role=tablist]").await.map(|_| ())
}

/// On the phone or email tab: types `to` into the input called `field`, asks for a code and
/// reads it from the outbox.
pub async fn request_code(browser: &Browser, field: &str, to: &str) -> HarnessResult<String> {
    browser
        .fill(&in_panel(&format!("input[name={field}]")), to)
        .await?;
    browser.click(&in_panel(".oa-send-code")).await?;
    wait_for_code(browser, to).await
}

/// [`request_code`], then types the code in.
pub async fn get_and_type_code(browser: &Browser, field: &str, to: &str) -> HarnessResult<()> {
    let code = request_code(browser, field, to).await?;
    browser.fill(&in_panel("input[name=code]"), &code).await
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
