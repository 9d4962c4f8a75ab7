//! Reaching into an element's open shadow root over WebDriver (Get Element Shadow Root), for
//! what a person cannot name, such as the drop-in's `data-oa-view` container; everything else
//! is found by role and name (`Browser::within`).

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
