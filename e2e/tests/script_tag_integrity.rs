//! The script tag with integrity: the content-hashed files of `scripts/bundle.sh`
//! (`dist-bundle/cdn/`, written by `scripts/cdn-files.mjs`) loaded by
//! `<script type="module" src="…/oauthapp-login.<hash>.js" integrity="sha384-…"
//! crossorigin="anonymous">`, under the strict CSP, signing in against the reference server;
//! and the same tag with a wrong integrity loading nothing.

use oauthapp_e2e::drop_in::{
    api_server, bundle_dir, sign_in_through, sign_up, strict_csp, wait_signed_in, HostSite,
};
use oauthapp_e2e::{Browser, HarnessResult, Server};
use serde_json::{json, Value};
use std::time::Duration;

/// Pages of the host site: path and contents.
type Pages = Vec<(String, Vec<u8>)>;

/// `dist-bundle/cdn/`'s files as pages under `/cdn/`, and its integrity.json.
fn cdn_files() -> HarnessResult<(Pages, Value)> {
    let dir = bundle_dir().join("cdn");
    let read = |name: &str| std::fs::read(dir.join(name)).map_err(|e| format!("{name}: {e}"));
    let integrity: Value = serde_json::from_slice(&read("integrity.json")?)
        .map_err(|e| format!("integrity.json: {e}"))?;
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let name = entry.map_err(|e| e.to_string())?.file_name();
        let name = name.to_string_lossy().into_owned();
        pages.push((format!("/cdn/{name}"), read(&name)?));
    }
    Ok((pages, integrity))
}

/// The API server, a host site whose page loads the hashed loader with `integrity`, and a
/// browser on it.
async fn open(integrity: Option<&str>) -> HarnessResult<(Server, HostSite, Browser)> {
    let server = api_server().await?;
    let (mut pages, sri) = cdn_files()?;
    let loader = sri["loader"]
        .as_str()
        .ok_or("integrity.json names no loader")?;
    assert!(
        loader.starts_with("oauthapp-login.") && loader.len() > "oauthapp-login..js".len() + 8,
        "the loader's name carries a hash: {loader}"
    );
    let value = integrity.map_or_else(
        || sri[loader].as_str().unwrap_or_default().to_owned(),
        str::to_owned,
    );
    assert!(value.starts_with("sha384-"), "{value}");
    let page = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Host</title>\
         <script type=\"module\" src=\"/host.js\"></script>\
         <script type=\"module\" src=\"/cdn/{loader}\" integrity=\"{value}\" \
         crossorigin=\"anonymous\"></script></head><body>\
         <oauthapp-login id=\"a\" app-id=\"2\" server-url=\"{api}\" lang=\"en\"></oauthapp-login>\
         </body></html>",
        api = server.url
    );
    pages.push(("/index.html".to_owned(), page.into_bytes()));
    pages.push((
        "/host.js".to_owned(),
        b"window.__events = [];
          for (const type of ['signin', 'signout', 'error']) {
            document.addEventListener('oauthapp-login:' + type, (e) => window.__events.push(type));
          }"
        .to_vec(),
    ));
    let csp = strict_csp(&server.url);
    let pages = pages.iter().map(|(p, b)| (p.as_str(), b.clone())).collect();
    let site = HostSite::start(pages, &csp).await?;
    let browser = Browser::start().await?;
    browser.goto(&format!("{}/index.html", site.url)).await?;
    Ok((server, site, browser))
}

#[tokio::test]
async fn the_hashed_loader_with_its_integrity_signs_in() -> Result<(), String> {
    let (server, _site, browser) = open(None).await?;
    sign_up(&browser, &server.url, "sri_user", "secret123").await?;
    sign_in_through(&browser, "#a", "sri_user", "secret123").await?;
    wait_signed_in(&browser, "#a", "sri_user").await?;
    let events = browser.eval("return window.__events;", vec![]).await?;
    assert_eq!(events, json!(["signin"]));
    // The styles came with the loader (covered by its integrity): one constructed stylesheet
    // adopted by the shadow root, no link, and the stylesheet file (kept for browsers without
    // constructed stylesheets) never fetched.
    let css = browser
        .eval(
            "const root = document.getElementById('a').shadowRoot;
             return [root.adoptedStyleSheets.length, root.querySelectorAll('link').length,
                     performance.getEntriesByType('resource').filter(e => e.name.endsWith('.css')).length];",
            vec![],
        )
        .await?;
    assert_eq!(
        css,
        json!([1, 0, 0]),
        "adopted sheets, links, .css requests"
    );
    // The split loader, imported by the hashed glue, fetched the chunks the widget may show
    // (the password reset, ahead of time) by their hashed names.
    let mut fetched = Value::Null;
    for _ in 0..100 {
        fetched = browser
            .eval(
                "return performance.getEntriesByType('resource')
                   .map(e => [e.name.split('/').pop(), e.responseStatus])
                   .filter(([n]) => n.endsWith('.wasm'));",
                vec![],
            )
            .await?;
        if fetched.to_string().contains("split_reset.") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let fetched = fetched.as_array().cloned().unwrap_or_default();
    assert!(
        fetched
            .iter()
            .any(|f| f[0].as_str().is_some_and(|n| n.starts_with("split_reset."))),
        "no reset chunk fetched: {fetched:?}"
    );
    for f in &fetched {
        let name = f[0].as_str().unwrap_or_default();
        let hash = name.rsplit('.').nth(1).unwrap_or_default();
        assert!(
            hash.len() == 10 && hash.chars().all(|c| c.is_ascii_hexdigit()),
            "{name} carries no hash"
        );
        assert_eq!(f[1], 200, "{name}");
    }
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn a_wrong_integrity_loads_nothing() -> Result<(), String> {
    let wrong = "sha384-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    let (_server, _site, browser) = open(Some(wrong)).await?;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let defined = browser
        .eval(
            "return [customElements.get('oauthapp-login') !== undefined,
                     document.getElementById('a').shadowRoot !== null];",
            vec![],
        )
        .await?;
    assert_eq!(
        defined,
        json!([false, false]),
        "the browser ran a loader that fails its integrity"
    );
    browser.close().await;
    Ok(())
}
