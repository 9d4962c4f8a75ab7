//! The benchmark's host: a small static HTTP/1.1 server (plain threads) that serves its files
//! as a real host does — compressed by the request's `Accept-Encoding` (brotli, else gzip,
//! else as they are), with `Content-Encoding`, `Vary` and the right `Content-Type`
//! (`application/wasm` for the module, which streaming compilation requires).
//!
//! Every file is compressed once at start with the `brotli` (quality 11) and `gzip` (-9) CLIs,
//! as a host's build step makes `.br`/`.gz` side files. The brotli size of every file is kept
//! so that the benchmark can say how many brotli bytes a list of fetched URLs is.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// One file in its three encodings.
pub struct File {
    pub raw: Vec<u8>,
    pub br: Vec<u8>,
    pub gzip: Vec<u8>,
    pub kind: &'static str,
}

/// Runs `cmd args` with `input` on stdin and returns its stdout.
fn pipe(cmd: &str, args: &[&str], input: &[u8]) -> Result<Vec<u8>, String> {
    let mut child = Command::new(cmd)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {cmd}: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("no stdin")?;
    let data = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let out = child
        .wait_with_output()
        .map_err(|e| format!("{cmd}: {e}"))?;
    let _ = writer.join();
    if !out.status.success() {
        return Err(format!("{cmd} failed"));
    }
    Ok(out.stdout)
}

impl File {
    pub fn new(path: &str, raw: Vec<u8>) -> Result<Self, String> {
        Ok(Self {
            br: pipe("brotli", &["-c", "-q", "11"], &raw)?,
            gzip: pipe("gzip", &["-c", "-9", "-n"], &raw)?,
            kind: content_type(path),
            raw,
        })
    }
}

/// The `Content-Type` of a file name.
fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        _ => "application/octet-stream",
    }
}

/// The encodings Chromium asked for and was sent, counted over the run (a check that the
/// files really went out compressed).
#[derive(Default)]
pub struct Served {
    pub by_encoding: HashMap<String, u64>,
    pub accept_encoding: HashMap<String, u64>,
}

/// A running site. Stops when dropped.
pub struct Site {
    stop: Arc<AtomicBool>,
    port: u16,
    files: Arc<HashMap<String, File>>,
    pub served: Arc<Mutex<Served>>,
    /// `http://127.0.0.1:<port>`.
    pub url: String,
}

impl Site {
    /// Serves `files` (URL path → file) with `csp` as every answer's Content-Security-Policy.
    pub fn start(files: HashMap<String, File>, csp: &str) -> Result<Self, String> {
        let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| format!("bind: {e}"))?;
        let port = listener
            .local_addr()
            .map_err(|e| format!("bind: {e}"))?
            .port();
        let files = Arc::new(files);
        let served = Arc::new(Mutex::new(Served::default()));
        let stop = Arc::new(AtomicBool::new(false));
        let (f, s, st, csp) = (files.clone(), served.clone(), stop.clone(), csp.to_owned());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if st.load(Ordering::Relaxed) {
                    break;
                }
                if let Ok(stream) = stream {
                    let (f, s, csp) = (f.clone(), s.clone(), csp.clone());
                    std::thread::spawn(move || answer(stream, &f, &s, &csp));
                }
            }
        });
        Ok(Self {
            stop,
            port,
            files,
            served,
            url: format!("http://127.0.0.1:{port}"),
        })
    }

    /// The brotli size of the file at URL path `path`, if this site serves it.
    pub fn brotli_size(&self, path: &str) -> Option<usize> {
        self.files.get(path).map(|f| f.br.len())
    }

    /// The files served under `prefix`, with their sizes (raw, gzip, brotli).
    pub fn sizes_under(&self, prefix: &str) -> Vec<(String, usize, usize, usize)> {
        let mut all: Vec<_> = self
            .files
            .iter()
            .filter(|(p, _)| p.starts_with(prefix))
            .map(|(p, f)| (p.clone(), f.raw.len(), f.gzip.len(), f.br.len()))
            .collect();
        all.sort();
        all
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

/// Reads the requests of one connection (keep-alive, as a real host) and answers each.
fn answer(mut stream: TcpStream, files: &HashMap<String, File>, served: &Mutex<Served>, csp: &str) {
    let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(30)));
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let end = loop {
            if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
            if buf.len() > 65536 {
                return;
            }
            match stream.read(&mut chunk) {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(chunk.get(..n).unwrap_or_default()),
            }
        };
        let head = String::from_utf8_lossy(buf.get(..end).unwrap_or_default()).into_owned();
        buf.drain(..end);
        let mut lines = head.lines();
        let mut words = lines.next().unwrap_or_default().split(' ');
        let (method, target) = (words.next().unwrap_or(""), words.next().unwrap_or("/"));
        let path = target.split(['?', '#']).next().unwrap_or("/");
        let header = |name: &str| {
            head.lines()
                .skip(1)
                .filter_map(|l| l.split_once(':'))
                .find(|(k, _)| k.trim().eq_ignore_ascii_case(name))
                .map(|(_, v)| v.trim().to_owned())
        };
        let accept = header("accept-encoding").unwrap_or_default();
        let tokens: Vec<String> = accept
            .split(',')
            .map(|t| {
                t.split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase()
            })
            .collect();
        let found = (method == "GET" || method == "HEAD")
            .then(|| files.get(path))
            .flatten();
        let (status, body, kind, encoding) = match found {
            Some(f) if tokens.iter().any(|t| t == "br") => ("200 OK", &f.br[..], f.kind, "br"),
            Some(f) if tokens.iter().any(|t| t == "gzip") => {
                ("200 OK", &f.gzip[..], f.kind, "gzip")
            }
            Some(f) => ("200 OK", &f.raw[..], f.kind, "identity"),
            None => ("404 Not Found", &b"not found"[..], "text/plain", "identity"),
        };
        if let Ok(mut s) = served.lock() {
            *s.by_encoding.entry(encoding.to_owned()).or_default() += 1;
            *s.accept_encoding.entry(accept.clone()).or_default() += 1;
        }
        let enc_header = match encoding {
            "identity" => String::new(),
            e => format!("Content-Encoding: {e}\r\n"),
        };
        let reply = format!(
            "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n{enc_header}\
             Vary: Accept-Encoding\r\nContent-Security-Policy: {csp}\r\n\
             Cache-Control: no-cache\r\nConnection: keep-alive\r\n\r\n",
            body.len()
        );
        if stream.write_all(reply.as_bytes()).is_err() {
            return;
        }
        if method != "HEAD" && stream.write_all(body).is_err() {
            return;
        }
        let _ = stream.flush();
    }
}

/// Reads every regular file of `dir` (not recursing) whose name passes `keep`, as
/// (`prefix` + name, file).
pub fn read_dir(
    dir: &Path,
    prefix: &str,
    keep: impl Fn(&str) -> bool,
) -> Result<Vec<(String, File)>, String> {
    let mut out = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !entry.path().is_file() || !keep(&name) {
            continue;
        }
        let raw = std::fs::read(entry.path()).map_err(|e| format!("{name}: {e}"))?;
        let path = format!("{prefix}{name}");
        out.push((path.clone(), File::new(&path, raw)?));
    }
    Ok(out)
}
