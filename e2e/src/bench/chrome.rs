//! Headless Chromium for the benchmark: one chromedriver, and a new WebDriver session — a new
//! Chromium process with a new, empty profile folder — for every measured load (see
//! `bench.rs` for why), with DevTools protocol commands sent through chromedriver
//! (`POST /session/{id}/goog/cdp/execute`).

use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;
use tokio::process::{Child, Command};

/// A running chromedriver. Dropping it kills it and every Chromium it started.
pub struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    pub async fn start() -> Result<Self, String> {
        let bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| format!("free port: {e}"))?
            .port();
        let child = Command::new(&bin)
            .arg(format!("--port={port}"))
            .process_group(0)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| format!("cannot start {bin}: {e}"))?;
        for _ in 0..200 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port))
                .await
                .is_ok()
            {
                return Ok(Self { child, port });
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Err(format!("chromedriver did not listen on {port}"))
    }

    /// A new session: a fresh Chromium with a fresh profile. `page_load_none`: navigation
    /// commands return at once instead of waiting for the load event (the benchmark waits
    /// for the probe's figures itself).
    pub async fn session(&self, page_load_none: bool, extra: &[&str]) -> Result<Session, String> {
        static N: AtomicU32 = AtomicU32::new(0);
        let profile = std::env::temp_dir().join(format!(
            "oauthapp-bench-chromium-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&profile);
        std::fs::create_dir_all(&profile).map_err(|e| format!("profile dir: {e}"))?;
        let chrome = std::env::var("CHROME_BIN").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let mut args: Vec<String> = oauthapp_e2e::CHROMIUM_SWITCHES
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        args.extend(extra.iter().map(|a| (*a).to_owned()));
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({ "binary": chrome, "args": args }),
        );
        if page_load_none {
            caps.insert("pageLoadStrategy".into(), json!("none"));
        }
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .map_err(|e| format!("WebDriver session: {e}"))?;
        let id = client
            .session_id()
            .await
            .map_err(|e| format!("session id: {e}"))?
            .ok_or("no session id")?;
        Ok(Session {
            client,
            id,
            port: self.port,
            profile,
        })
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if let Some(pid) = self.child.id() {
            let _ = std::process::Command::new("kill")
                .args(["-KILL", "--", &format!("-{pid}")])
                .status();
        }
        let _ = self.child.start_kill();
    }
}

/// One WebDriver session (one Chromium, one profile). Call [`Session::close`].
pub struct Session {
    pub client: Client,
    id: String,
    port: u16,
    profile: PathBuf,
}

impl Session {
    /// Sends the DevTools protocol command `cmd` with `params` to the current tab.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Result<Value, String> {
        let body = json!({ "cmd": cmd, "params": params }).to_string();
        let path = format!("/session/{}/goog/cdp/execute", self.id);
        let answer = post(self.port, &path, &body).await?;
        let v: Value =
            serde_json::from_str(&answer).map_err(|e| format!("{cmd}: {e}: {answer}"))?;
        if v["value"].get("error").is_some() {
            return Err(format!("{cmd}: {}", v["value"]));
        }
        Ok(v["value"].clone())
    }

    pub async fn goto(&self, url: &str) -> Result<(), String> {
        self.client
            .goto(url)
            .await
            .map_err(|e| format!("goto {url}: {e}"))
    }

    pub async fn eval(&self, script: &str, args: Vec<Value>) -> Result<Value, String> {
        self.client
            .execute(script, args)
            .await
            .map_err(|e| format!("script failed: {e}"))
    }

    /// Ends the session (Chromium exits) and removes its profile.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// A minimal HTTP/1.1 POST to chromedriver on the loopback; returns the answer's body.
async fn post(port: u16, path: &str, body: &str) -> Result<String, String> {
    let (path, body) = (path.to_owned(), body.to_owned());
    tokio::task::spawn_blocking(move || post_blocking(port, &path, &body))
        .await
        .map_err(|e| format!("chromedriver: {e}"))?
}

fn post_blocking(port: u16, path: &str, body: &str) -> Result<String, String> {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port))
        .map_err(|e| format!("chromedriver: {e}"))?;
    let req = format!(
        "POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes())
        .map_err(|e| format!("chromedriver: {e}"))?;
    // chromedriver keeps the connection open: read the head, then Content-Length bytes.
    let _ = s.set_read_timeout(Some(std::time::Duration::from_secs(60)));
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    let (head_len, length) = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(buf.get(..i).unwrap_or_default()).to_lowercase();
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok())
                .ok_or("chromedriver: answer without Content-Length")?;
            break (i + 4, length);
        }
        match s.read(&mut chunk) {
            Ok(0) => return Err("chromedriver: connection closed".into()),
            Ok(n) => buf.extend_from_slice(chunk.get(..n).unwrap_or_default()),
            Err(e) => return Err(format!("chromedriver: {e}")),
        }
    };
    while buf.len() < head_len + length {
        match s.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => buf.extend_from_slice(chunk.get(..n).unwrap_or_default()),
            Err(e) => return Err(format!("chromedriver: {e}")),
        }
    }
    let body = buf.get(head_len..).unwrap_or_default();
    Ok(String::from_utf8_lossy(body).into_owned())
}
