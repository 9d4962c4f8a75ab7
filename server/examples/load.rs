//! Benchmark: sign-ins per second and p99 latency of the real server binary under many
//! concurrent clients, its resident memory before, at peak and after, and the timing of a
//! refused sign-in for an unknown user against a wrong password.
//!
//! ```sh
//! cargo build -p oauthapp-server --release --examples --bins
//! target/release/examples/load --secs 20 --clients 32 --reset-clients 0
//! ```
//!
//! Options: `--bin PATH` (default: the `oauthapp-server` beside this example's folder),
//! `--clients N` sign-in clients (32), `--reset-clients N` ResetPwd clients (0), `--secs N`
//! (20), `--server-arg ARG` passed to the server (repeatable, e.g.
//! `--server-arg=--limit --server-arg=hash_concurrency=4`). Loopback only; stops by itself.

#[path = "../tests/support/load.rs"]
mod load;

use std::time::Duration;

#[tokio::main]
async fn main() {
    let mut bin = std::env::current_exe()
        .ok()
        .and_then(|p| Some(p.parent()?.parent()?.join("oauthapp-server")))
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|| "oauthapp-server".into());
    let (mut clients, mut resets, mut secs) = (32usize, 0usize, 20u64);
    let mut server_args: Vec<String> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let mut value = || inline.clone().or_else(|| args.next()).expect("a value");
        match name.as_str() {
            "--bin" => bin = value(),
            "--clients" => clients = value().parse().expect("number"),
            "--reset-clients" => resets = value().parse().expect("number"),
            "--secs" => secs = value().parse().expect("number"),
            "--server-arg" => server_args.push(value()),
            other => panic!("unknown option {other}"),
        }
    }
    let server = load::Proc::start(&bin, &server_args);
    println!("server {bin} at {}", server.url);
    let r = load::run(&server, clients, resets, secs, Duration::from_secs(5)).await;
    println!(
        "{clients} sign-in + {resets} ResetPwd clients, {secs} s: {} sign-ins, {:.1} sign-ins/s, \
         p50 {:.1} ms, p99 {:.1} ms, {} ResetPwd answered",
        r.sign_ins,
        r.sign_ins_per_sec,
        r.p50.as_secs_f64() * 1000.0,
        r.p99.as_secs_f64() * 1000.0,
        r.resets
    );
    println!("statuses: {:?}", r.statuses);
    println!(
        "RSS: before {:.1} MiB, peak {:.1} MiB, 5 s after {:.1} MiB",
        r.rss_before_kib as f64 / 1024.0,
        r.rss_peak_kib as f64 / 1024.0,
        r.rss_after_kib as f64 / 1024.0
    );
    drop(server);
    // A fresh server for the enumeration timing (so no back-off from the run above applies).
    let server = load::Proc::start(&bin, &server_args);
    let client = reqwest::Client::new();
    client
        .post(format!("{}/api/AppUsers/2/SignUp", server.url))
        .json(&serde_json::json!({"userName": "known", "pwd": "right-password"}))
        .send()
        .await
        .expect("sign-up");
    let (known, unknown, same) = load::refusal_medians(&server.url, "known", "nobody", 21).await;
    println!(
        "refused sign-in, median of 21: wrong password {:.1} ms, unknown user {:.1} ms; \
         same answer: {same}",
        known.as_secs_f64() * 1000.0,
        unknown.as_secs_f64() * 1000.0,
    );
}
