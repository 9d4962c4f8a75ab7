//! Headless Chromium driven over WebDriver, with the few helpers the tests need.

use crate::paths::{free_port, fresh_temp_dir, wait_for_port};
use crate::HarnessResult;
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::time::Duration;
use tokio::process::{Child, Command};

/// The switches of every headless Chromium the tests and the benchmark start: headless, no
/// sandbox (root in CI), no GPU, nothing fetched in the background, a fixed size and language.
pub const CHROMIUM_SWITCHES: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1024,900",
    "--lang=en-US",
];

/// How long a wait for something on the page lasts before the test fails.
pub const WAIT: Duration = Duration::from_secs(15);

/// A headless Chromium session (its own chromedriver and profile). Call [`Browser::close`]
/// at the end of a test; dropping it kills chromedriver and Chromium with it.
pub struct Browser {
    /// The WebDriver client, for anything the helpers do not cover.
    pub client: Client,
    driver: Child,
    profile: PathBuf,
}

impl Browser {
    /// Starts chromedriver and a headless Chromium with a fresh profile.
    pub async fn start() -> HarnessResult<Self> {
        Self::start_with_args(&[]).await
    }

    /// Like [`Browser::start`], with extra Chromium command-line switches.
    pub async fn start_with_args(extra: &[&str]) -> HarnessResult<Self> {
        let chromedriver =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let chrome = std::env::var("CHROME_BIN").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let port = free_port().map_err(|e| format!("free port: {e}"))?;
        // OAUTHAPP_E2E_BROWSER_LOG=<file>: Chromium's log, console messages included.
        let log = std::env::var_os("OAUTHAPP_E2E_BROWSER_LOG")
            .and_then(|path| std::fs::File::create(path).ok());
        let mut driver = Command::new(&chromedriver);
        if log.is_some() {
            driver.arg("--enable-chrome-logs");
        }
        let driver = driver
            .arg(format!("--port={port}"))
            // Its own process group, so that Chromium goes with it however the test ends.
            .process_group(0)
            .stdout(std::process::Stdio::null())
            .stderr(log.map_or_else(std::process::Stdio::null, Into::into))
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| format!("cannot start {chromedriver}: {e}"))?;
        wait_for_port(port, "chromedriver").await?;
        let profile = fresh_temp_dir("chromium").map_err(|e| format!("temp dir: {e}"))?;
        let mut args: Vec<String> = CHROMIUM_SWITCHES
            .iter()
            .chain(&["--enable-logging=stderr", "--v=0"])
            .map(|s| (*s).to_owned())
            .collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        // An extra switch replaces a default one of the same name (`--window-size=…`).
        let name = |a: &str| a.split('=').next().unwrap_or(a).to_owned();
        args.retain(|a| !extra.iter().any(|e| name(e) == name(a)));
        args.extend(extra.iter().map(|a| (*a).to_owned()));
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": chrome,
                "args": args,
            }),
        );
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .map_err(|e| format!("WebDriver session: {e}"))?;
        Ok(Self {
            client,
            driver,
            profile,
        })
    }

    /// Opens `url` and waits for the page to load.
    pub async fn goto(&self, url: &str) -> HarnessResult<()> {
        self.client
            .goto(url)
            .await
            .map_err(|e| format!("goto {url}: {e}"))
    }

    /// Waits until an element matches `css` and returns it.
    pub async fn wait_css(&self, css: &str) -> HarnessResult<Element> {
        let found = self
            .client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await;
        match found {
            Ok(el) => Ok(el),
            Err(e) => Err(format!(
                "no element `{css}` within {WAIT:?}: {e}{}",
                self.describe_page().await
            )),
        }
    }

    /// What the page shows, for a failure message: its URL and the start of its text.
    pub async fn describe_page(&self) -> String {
        let url = self
            .client
            .current_url()
            .await
            .map(|u| u.to_string())
            .unwrap_or_default();
        let text = self
            .eval(
                "return document.body ? document.body.innerText : '';",
                vec![],
            )
            .await
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let text: String = text.chars().take(600).collect();
        format!("\n  page: {url}\n  text: {}", text.replace('\n', " | "))
    }

    /// Saves a PNG screenshot of the window to `path`.
    pub async fn screenshot(&self, path: &std::path::Path) -> HarnessResult<()> {
        let png = self
            .client
            .screenshot()
            .await
            .map_err(|e| format!("screenshot: {e}"))?;
        std::fs::write(path, png).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Waits until `css` matches an element whose text contains `needle`.
    pub async fn wait_text(&self, css: &str, needle: &str) -> HarnessResult<String> {
        self.wait_text_where(css, needle, |text| text.contains(needle))
            .await
    }

    /// Waits until an element matching `css` shows some text (not only white space), and
    /// returns that text.
    pub async fn wait_some_text(&self, css: &str) -> HarnessResult<String> {
        self.wait_text_where(css, "any text", |text| !text.trim().is_empty())
            .await
    }

    /// Waits until an element matching `css` has a text for which `wanted` holds; `what`
    /// names the wait in the failure message.
    async fn wait_text_where(
        &self,
        css: &str,
        what: &str,
        wanted: impl Fn(&str) -> bool,
    ) -> HarnessResult<String> {
        let deadline = tokio::time::Instant::now() + WAIT;
        let mut last = String::new();
        loop {
            if let Ok(elements) = self.client.find_all(Locator::Css(css)).await {
                for el in elements {
                    if let Ok(text) = el.text().await {
                        if wanted(&text) {
                            return Ok(text);
                        }
                        last = text;
                    }
                }
            }
            if tokio::time::Instant::now() > deadline {
                return Err(format!(
                    "`{css}` never showed `{what}` within {WAIT:?} (last text: `{last}`){}",
                    self.describe_page().await
                ));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Runs `script` in the page (`arguments` are `args`) and returns what it returns.
    pub async fn eval(&self, script: &str, args: Vec<Value>) -> HarnessResult<Value> {
        self.client
            .execute(script, args)
            .await
            .map_err(|e| format!("script failed: {e}"))
    }

    /// Runs an async `script` whose last argument is the callback to call with the result.
    pub async fn eval_async(&self, script: &str, args: Vec<Value>) -> HarnessResult<Value> {
        self.client
            .execute_async(script, args)
            .await
            .map_err(|e| format!("async script failed: {e}"))
    }

    /// Types `text` with the keyboard into whatever has the focus, where its caret is (as a
    /// person does; an element's send_keys moves the caret to the end first).
    pub async fn type_keys(&self, text: &str) -> HarnessResult<()> {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        let mut keys = KeyActions::new("keyboard".to_owned());
        for value in text.chars() {
            keys = keys
                .then(KeyAction::Down { value })
                .then(KeyAction::Up { value });
        }
        self.client
            .perform_actions(keys)
            .await
            .map_err(|e| format!("type {text:?}: {e}"))
    }

    /// Waits for the element matching `css`, clears it and types `text` into it.
    pub async fn fill(&self, css: &str, text: &str) -> HarnessResult<()> {
        let el = self.wait_css(css).await?;
        el.clear()
            .await
            .map_err(|e| format!("clear `{css}`: {e}"))?;
        el.send_keys(text)
            .await
            .map_err(|e| format!("type into `{css}`: {e}"))
    }

    /// Waits for the element matching `css` and clicks it.
    pub async fn click(&self, css: &str) -> HarnessResult<()> {
        let el = self.wait_css(css).await?;
        el.click().await.map_err(|e| format!("click `{css}`: {e}"))
    }

    /// The current value of the input matching `css`.
    pub async fn value(&self, css: &str) -> HarnessResult<String> {
        let el = self.wait_css(css).await?;
        Ok(el
            .prop("value")
            .await
            .map_err(|e| format!("value of `{css}`: {e}"))?
            .unwrap_or_default())
    }

    /// Whether an element matching `css` is in the page now (no waiting).
    pub async fn exists(&self, css: &str) -> HarnessResult<bool> {
        self.client
            .find_all(Locator::Css(css))
            .await
            .map(|all| !all.is_empty())
            .map_err(|e| format!("find `{css}`: {e}"))
    }

    /// Calls the API from the page (same origin): `POST /api/<path>` with a JSON body,
    /// returning the envelope. For setting up a test's data, not for what is under test.
    pub async fn api_post(&self, path: &str, body: Value) -> HarnessResult<Value> {
        self.api_post_at("", path, body).await
    }

    /// [`Browser::api_post`] to the server at `base` (`http://127.0.0.1:…`; empty: the page's
    /// own origin), a cross-origin fetch from a host page.
    pub async fn api_post_at(&self, base: &str, path: &str, body: Value) -> HarnessResult<Value> {
        self.eval_async(
            "const done = arguments[arguments.length - 1];
             fetch(arguments[0] + '/api/' + arguments[1], {method: 'POST',
               headers: {'Content-Type': 'application/json'}, body: JSON.stringify(arguments[2])})
               .then(r => r.json()).then(done).catch(e => done({error: String(e)}));",
            vec![json!(base), json!(path), body],
        )
        .await
    }

    /// The page's `localStorage[key]`, if set.
    pub async fn local_storage(&self, key: &str) -> HarnessResult<Option<String>> {
        let v = self
            .eval(
                "return window.localStorage.getItem(arguments[0]);",
                vec![json!(key)],
            )
            .await?;
        Ok(v.as_str().map(str::to_owned))
    }

    /// The newest code the server's outbox holds for `to` (a phone or an e-mail address),
    /// read through the page's own origin.
    pub async fn outbox_code(&self, to: &str) -> HarnessResult<String> {
        let v = self
            .eval_async(
                "const done = arguments[arguments.length - 1];
                 fetch('/dev/outbox?to=' + encodeURIComponent(arguments[0]))
                   .then(r => r.json()).then(j => done(j)).catch(e => done(String(e)));",
                vec![json!(to)],
            )
            .await?;
        v.get("data")
            .and_then(|d| d.get(0))
            .and_then(|m| m.get("code"))
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| format!("no code in the outbox for {to}: {v}"))
    }

    /// Ends the WebDriver session and stops chromedriver.
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.start_kill();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if let Some(pid) = self.driver.id() {
            // The whole group: chromedriver and the Chromium it started.
            let _ = std::process::Command::new("kill")
                .args(["-KILL", "--", &format!("-{pid}")])
                .status();
        }
        let _ = self.driver.start_kill();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}
