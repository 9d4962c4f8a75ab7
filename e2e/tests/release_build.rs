//! Smoke test of the release build: `trunk build --release` (wasm-opt applied) loaded in
//! headless Chromium must start. Guards against an optimiser that corrupts the module
//! (Debian's old wasm-opt does, silently): that must fail CI, not a visitor's browser.

use oauthapp_e2e::{dist_dir, Browser, Server};

#[tokio::test]
async fn release_build_starts_in_chromium() -> Result<(), String> {
    let wasm_files: Vec<_> = std::fs::read_dir(dist_dir())
        .map_err(|e| format!("{}: {e}", dist_dir().display()))?
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "wasm"))
        .collect();
    assert_eq!(wasm_files.len(), 1, "dist/ should hold exactly one .wasm");

    let server = Server::start().await?;
    let browser = Browser::start().await?;
    browser.goto(&format!("{}/", server.url)).await?;
    // Only the running wasm module renders this marker.
    let root = browser.wait_css("[data-oa-ready]").await?;
    let text = root.text().await.map_err(|e| e.to_string())?;
    assert!(!text.trim().is_empty(), "the demo page rendered no text");
    browser.close().await;
    Ok(())
}
