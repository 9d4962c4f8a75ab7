//! Reaching into an element's open shadow root over WebDriver (Get Element Shadow Root).

use crate::browser::WAIT;
use crate::{Browser, HarnessResult};
use fantoccini::elements::Element;
use fantoccini::Locator;
use std::time::Duration;

/// Waits until the element `host` (CSS, in the page) has a shadow root holding an element
/// matching `inner` (CSS, in the shadow root) and returns that element.
pub async fn wait_in_shadow(browser: &Browser, host: &str, inner: &str) -> HarnessResult<Element> {
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        if let Ok(el) = browser.client.find(Locator::Css(host)).await {
            if let Ok(root) = el.shadow_root().await {
                if let Ok(found) = root.find(Locator::Css(inner)).await {
                    return Ok(found);
                }
            }
        }
        if tokio::time::Instant::now() > deadline {
            return Err(format!(
                "no `{inner}` in the shadow root of `{host}` within {WAIT:?}"
            ));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits until the text of `inner` in `host`'s shadow root contains `needle`; returns it.
pub async fn wait_shadow_text(
    browser: &Browser,
    host: &str,
    inner: &str,
    needle: &str,
) -> HarnessResult<String> {
    let deadline = tokio::time::Instant::now() + WAIT;
    let mut last = String::new();
    loop {
        if let Ok(el) = wait_in_shadow(browser, host, inner).await {
            if let Ok(text) = el.text().await {
                if text.contains(needle) {
                    return Ok(text);
                }
                last = text;
            }
        }
        if tokio::time::Instant::now() > deadline {
            return Err(format!(
                "`{inner}` in `{host}` never showed `{needle}` (last text: `{last}`)"
            ));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits for `inner` in `host`'s shadow root and types `text` into it.
pub async fn type_in_shadow(
    browser: &Browser,
    host: &str,
    inner: &str,
    text: &str,
) -> HarnessResult<()> {
    wait_in_shadow(browser, host, inner)
        .await?
        .send_keys(text)
        .await
        .map_err(|e| format!("type into `{inner}` in `{host}`: {e}"))
}

/// Waits for `inner` in `host`'s shadow root and clicks it.
pub async fn click_in_shadow(browser: &Browser, host: &str, inner: &str) -> HarnessResult<()> {
    wait_in_shadow(browser, host, inner)
        .await?
        .click()
        .await
        .map_err(|e| format!("click `{inner}` in `{host}`: {e}"))
}

/// The current value of the input `inner` in `host`'s shadow root.
pub async fn shadow_value(browser: &Browser, host: &str, inner: &str) -> HarnessResult<String> {
    Ok(wait_in_shadow(browser, host, inner)
        .await?
        .prop("value")
        .await
        .map_err(|e| format!("value of `{inner}` in `{host}`: {e}"))?
        .unwrap_or_default())
}
