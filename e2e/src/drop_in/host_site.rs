//! A second origin for the drop-in tests: a tiny static HTTP/1.1 server (plain threads, GET
//! only) serving in-memory pages and the built bundle folder under `/bundle/`, every answer
//! carrying the test's `Content-Security-Policy` header. It remembers what was asked for, and
//! can refuse some files for a while (a host or network that fails to deliver a chunk).

use crate::paths::{free_port, fresh_temp_dir, wait_for_port, workspace_root};
use crate::{HarnessResult, Server, ServerOptions};
use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The built drop-in: `$OAUTHAPP_BUNDLE`, or `dist-bundle/` at the workspace root
/// (`scripts/bundle.sh`).
pub fn bundle_dir() -> PathBuf {
    std::env::var_os("OAUTHAPP_BUNDLE")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("dist-bundle"))
}

/// The reference server as the API origin only: its static folder is an empty page, so
/// nothing but the API is served there (the widget comes from the [`HostSite`]).
pub async fn api_server() -> HarnessResult<Server> {
    let dir = fresh_temp_dir("api-static").map_err(|e| format!("temp dir: {e}"))?;
    std::fs::write(dir.join("index.html"), "<!doctype html><title>API</title>")
        .map_err(|e| format!("index.html: {e}"))?;
    Server::start_with(ServerOptions {
        static_dir: Some(dir),
        // The benchmark runs every load, from 127.0.0.1, against this one server: its accounts
        // and QR keys would pass the per-address limit of a public server within one run.
        limits: vec!["creations_per_address=1000000".into()],
        ..ServerOptions::default()
    })
    .await
}

/// A running host site. Stops when dropped.
pub struct HostSite {
    stop: Arc<AtomicBool>,
    port: u16,
    control: Arc<Control>,
    /// `http://127.0.0.1:<port>`: another port, so another origin than the API server.
    pub url: String,
}

impl HostSite {
    /// Serves `pages` (path such as `/index.html` → contents, text or bytes) and [`bundle_dir`] under
    /// `/bundle/`, with `csp` as the Content-Security-Policy of every answer.
    pub async fn start<B: Into<Vec<u8>>>(pages: Vec<(&str, B)>, csp: &str) -> HarnessResult<Self> {
        let bundle = bundle_dir();
        if !bundle.join("oauthapp-login.js").exists() {
            return Err(format!(
                "{} has no oauthapp-login.js: run scripts/bundle.sh first",
                bundle.display()
            ));
        }
        let port = free_port().map_err(|e| format!("free port: {e}"))?;
        let listener =
            TcpListener::bind(("127.0.0.1", port)).map_err(|e| format!("bind {port}: {e}"))?;
        let control = Arc::new(Control::default());
        let site = Arc::new(Site {
            control: control.clone(),
            pages: pages
                .into_iter()
                .map(|(p, c)| (p.to_owned(), c.into()))
                .collect(),
            bundle,
            csp: csp.to_owned(),
        });
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = stop.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stopping.load(Ordering::Relaxed) {
                    break;
                }
                if let Ok(stream) = stream {
                    let site = site.clone();
                    std::thread::spawn(move || site.answer(stream));
                }
            }
        });
        wait_for_port(port, "host site").await?;
        Ok(Self {
            stop,
            port,
            control,
            url: format!("http://127.0.0.1:{port}"),
        })
    }

    /// From now on, answers `503 Service Unavailable` to every request for a file of the
    /// bundle whose name starts with one of `prefixes`, until [`HostSite::allow_all`].
    pub fn refuse(&self, prefixes: &[&str]) {
        let mut refused = self
            .control
            .refused
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        *refused = prefixes.iter().map(|p| (*p).to_owned()).collect();
    }

    /// Serves every file again.
    pub fn allow_all(&self) {
        self.refuse(&[]);
    }

    /// From now on, holds the answers to requests for files of the bundle whose name starts
    /// with one of `prefixes` (they are asked for but do not arrive) until
    /// [`HostSite::release`].
    pub fn hold(&self, prefixes: &[&str]) {
        let mut held = self.control.held.lock().unwrap_or_else(|e| e.into_inner());
        *held = prefixes.iter().map(|p| (*p).to_owned()).collect();
    }

    /// Lets every held answer go.
    pub fn release(&self) {
        self.hold(&[]);
    }

    /// The paths asked for so far, in order, with the status they were answered with
    /// (`"/bundle/split_qr.wasm 503"`).
    pub fn requests(&self) -> Vec<String> {
        self.control
            .log
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }
}

/// What a test changes while the site runs, and what it reads back.
#[derive(Default)]
struct Control {
    /// Name prefixes of bundle files answered with 503.
    refused: Mutex<Vec<String>>,
    /// Every request's path and status code.
    log: Mutex<Vec<String>>,
    /// Name prefixes of bundle files whose answers are held.
    held: Mutex<Vec<String>>,
}

impl Drop for HostSite {
    fn drop(&mut self) {
        self.release();
        self.stop.store(true, Ordering::Relaxed);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

/// What the site serves.
struct Site {
    control: Arc<Control>,
    pages: HashMap<String, Vec<u8>>,
    bundle: PathBuf,
    csp: String,
}

impl Site {
    /// Reads one request and answers it.
    fn answer(&self, mut stream: TcpStream) {
        let mut buf = Vec::new();
        let mut chunk = [0u8; 4096];
        while !buf.windows(4).any(|w| w == b"\r\n\r\n") && buf.len() < 65536 {
            match stream.read(&mut chunk) {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(chunk.get(..n).unwrap_or_default()),
            }
        }
        let head = String::from_utf8_lossy(&buf);
        let mut words = head.lines().next().unwrap_or_default().split(' ');
        let (method, target) = (words.next().unwrap_or(""), words.next().unwrap_or("/"));
        let path = target.split(['?', '#']).next().unwrap_or("/");
        while matches(&self.control.held, path) {
            std::thread::sleep(Duration::from_millis(20));
        }
        let found = (method == "GET").then(|| self.file(path)).flatten();
        let (status, body, kind) = match found {
            _ if matches(&self.control.refused, path) => (
                "503 Service Unavailable",
                b"refused by the test".to_vec(),
                "text/plain",
            ),
            Some((body, kind)) => ("200 OK", body, kind),
            None => ("404 Not Found", b"not found".to_vec(), "text/plain"),
        };
        self.control
            .log
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(format!("{path} {}", status.split(' ').next().unwrap_or("")));
        let header = format!(
            "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n\
             Content-Security-Policy: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
            body.len(),
            self.csp
        );
        let _ = stream.write_all(header.as_bytes());
        let _ = stream.write_all(&body);
        let _ = stream.flush();
    }

    /// The contents and type of `path`, if served.
    fn file(&self, path: &str) -> Option<(Vec<u8>, &'static str)> {
        if let Some(body) = self.pages.get(path) {
            return Some((body.clone(), content_type(path)));
        }
        let name = path.strip_prefix("/bundle/")?;
        // Only plain file names of the folder: no `..`, no sub-folders.
        if name.is_empty() || name.contains(['/', '\\']) || name.starts_with('.') {
            return None;
        }
        let body = std::fs::read(Path::new(&self.bundle).join(name)).ok()?;
        Some((body, content_type(name)))
    }
}

/// The `Content-Type` of a file name.
fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        _ => "application/octet-stream",
    }
}

/// Whether `path` is a file of the bundle whose name starts with one of `prefixes` now.
fn matches(prefixes: &Mutex<Vec<String>>, path: &str) -> bool {
    let Some(name) = path.strip_prefix("/bundle/") else {
        return false;
    };
    let prefixes = prefixes.lock().unwrap_or_else(|e| e.into_inner());
    prefixes
        .iter()
        .any(|prefix| name.starts_with(prefix.as_str()))
}
