//! What every drop-in test does the same way: the host page's strict policy, and a person
//! signing up and in through a widget.

use serde_json::json;

use crate::{Browser, HarnessResult};

/// The strict policy of a host page with the drop-in: scripts and styles from the page's own
/// origin only (no inline code, no eval), wasm compiled, `connect-src` naming the API and the
/// page's own origin (from which the browser fetches the `.wasm`).
pub fn strict_csp(api: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
         connect-src 'self' {api}; img-src 'self' https: data:"
    )
}

/// Creates `user` with `pwd` on app 2 of the API at `api`, by a cross-origin fetch from the
/// host page.
pub async fn sign_up(browser: &Browser, api: &str, user: &str, pwd: &str) -> HarnessResult<()> {
    let v = browser
        .api_post_at(
            api,
            "AppUsers/2/SignUp",
            json!({"userName": user, "pwd": pwd}),
        )
        .await?;
    if v["code"] == 200 {
        Ok(())
    } else {
        Err(format!("sign-up failed: {v}"))
    }
}

/// Types `user` and `pwd` into the account form of the drop-in `host` (a CSS selector of the
/// page's own markup, such as `#a`) and presses "Sign in", as a person does.
pub async fn sign_in_through(
    browser: &Browser,
    host: &str,
    user: &str,
    pwd: &str,
) -> HarnessResult<()> {
    let widget = browser.within(host).await?;
    for (label, value) in [("User name", user), ("Password", pwd)] {
        widget.type_into(label, value).await?;
    }
    widget.click_button("Sign in").await
}

/// Waits until the drop-in `host` shows the signed-in view (its heading) saying `who`.
pub async fn wait_signed_in(browser: &Browser, host: &str, who: &str) -> HarnessResult<()> {
    let widget = browser.within(host).await?;
    widget.role("heading", "Signed in").await?;
    widget.wait_text(who).await.map(|_| ())
}
