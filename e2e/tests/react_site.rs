//! The Vite + React 19 example (`examples/react-site/`, built by `scripts/react-site.sh` from
//! the npm package): served from another origin than the API under the strict CSP, it signs
//! in through the `<oauthapp-login>` React renders, hears the events through React's
//! `onoauthapp-login:signin` props, and passes `lang` from React state.

use oauthapp_e2e::drop_in::{
    api_server, sign_in_through, sign_up, strict_csp, wait_signed_in, HostSite,
};
use oauthapp_e2e::{workspace_root, Browser, HarnessResult};
use serde_json::json;
use std::path::Path;

/// Every file under `dir`, as `(/path, contents)`.
fn files(dir: &Path, prefix: &str, out: &mut Vec<(String, Vec<u8>)>) -> HarnessResult<()> {
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let name = format!("{prefix}/{}", entry.file_name().to_string_lossy());
        let path = entry.path();
        if path.is_dir() {
            files(&path, &name, out)?;
        } else {
            out.push((name, std::fs::read(&path).map_err(|e| e.to_string())?));
        }
    }
    Ok(())
}

#[tokio::test]
async fn the_react_site_signs_in_through_the_npm_package() -> Result<(), String> {
    let dist = workspace_root().join("examples/react-site/dist");
    if !dist.join("index.html").exists() {
        return Err(format!(
            "{} is missing: run scripts/react-site.sh",
            dist.display()
        ));
    }
    let mut pages = Vec::new();
    files(&dist, "", &mut pages)?;
    // Vite copied and renamed the package's wasm and CSS with the app's assets.
    for ext in [".wasm", ".css"] {
        assert!(
            pages
                .iter()
                .any(|(p, _)| p.starts_with("/assets/") && p.ends_with(ext)),
            "no {ext} among the built assets"
        );
    }
    // The split loader's chunks stay files (vite.config.js): a data: URL would be refused by
    // the strict CSP's connect-src.
    for (path, body) in &pages {
        assert!(
            !String::from_utf8_lossy(body).contains("data:application/wasm"),
            "{path} inlines a chunk as a data: URL"
        );
    }
    let server = api_server().await?;
    let csp = strict_csp(&server.url);
    let pages = pages.iter().map(|(p, b)| (p.as_str(), b.clone())).collect();
    let site = HostSite::start(pages, &csp).await?;
    let browser = Browser::start().await?;
    browser
        .goto(&format!("{}/index.html?api={}", site.url, server.url))
        .await?;

    sign_up(&browser, &server.url, "react_user", "secret123").await?;
    sign_in_through(&browser, "#login", "react_user", "secret123").await?;
    wait_signed_in(&browser, "#login", "react_user").await?;
    // React heard the event through its onoauthapp-login:signin prop.
    browser.wait_text("#who", "Signed in as react_user").await?;
    // The chunks the widget fetched ahead of time (Vite renamed them) all arrived.
    let mut chunks = Vec::new();
    for _ in 0..100 {
        let v = browser
            .eval(
                "return performance.getEntriesByType('resource')
                   .filter(e => /\\/(split|chunk)_[^/]*\\.wasm$/.test(e.name))
                   .map(e => [e.name.split('/').pop(), e.responseStatus]);",
                vec![],
            )
            .await?;
        chunks = v.as_array().cloned().unwrap_or_default();
        if !chunks.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(!chunks.is_empty(), "no chunk fetched ahead of time");
    for c in &chunks {
        assert_eq!(c[1], 200, "{c}");
    }

    // lang from React state: the widget switches in place.
    browser
        .eval(
            "const s = document.querySelector('select');
             const set = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set;
             set.call(s, 'zh-CN');
             s.dispatchEvent(new Event('change', { bubbles: true }));
             return null;",
            vec![],
        )
        .await?;
    browser
        .within("#login")
        .await?
        .role("heading", "已登录")
        .await?;
    let lang = browser
        .eval(
            "return document.getElementById('login').getAttribute('lang');",
            vec![],
        )
        .await?;
    assert_eq!(lang, json!("zh-CN"));

    browser
        .within("#login")
        .await?
        .click_button("退出登录")
        .await?;
    browser.wait_text("#who", "Signed out").await?;
    browser.close().await;
    Ok(())
}
