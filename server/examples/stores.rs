//! Benchmark of the two stores: sign-ins per second and Profile reads per second, with p50
//! and p99 latency, for one and two instances of the real server binary on SQLite (one
//! file) and on PostgreSQL (one database of a throw-away cluster started here, as in the
//! tests). With two instances the clients alternate between them.
//!
//! ```sh
//! cargo build -p oauthapp-server --release --examples --bins
//! target/release/examples/stores --secs 10 --clients 16
//! ```
//!
//! Options: `--bin PATH` (default: the `oauthapp-server` beside this example's folder),
//! `--clients N` (16), `--secs N` per measurement (10), `--only sqlite|postgres`.
//! Loopback only; the cluster and the servers stop with it.

#[path = "../tests/support/pg.rs"]
mod pg;

// The server process (`Proc`) of the load generator, which this example shares.
#[path = "../tests/support/load.rs"]
mod load;

use load::Proc;
use std::{
    process::{Command, Stdio},
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc, Mutex,
    },
    time::{Duration, Instant},
};

use serde_json::{json, Value};

/// The real server `bin` on a free loopback port with the store `db`.
fn start(bin: &str, db: &str) -> Proc {
    let mut command = Command::new(bin);
    command
        .args(["--addr", "127.0.0.1:0", "--db", db])
        .env("OAUTHAPP_SECRET", "bench-secret-0123456789")
        .stderr(Stdio::inherit());
    Proc::spawn(command)
}

/// One measurement: calls answered 200 per second, p50, p99, failures.
struct Figures {
    per_sec: f64,
    p50: Duration,
    p99: Duration,
    failed: u64,
}

#[derive(Clone, Copy)]
enum Call {
    SignIn,
    Profile,
}

async fn measure(urls: &[String], token: &str, call: Call, clients: usize, secs: u64) -> Figures {
    let stop = Arc::new(AtomicBool::new(false));
    let lat = Arc::new(Mutex::new(Vec::<Duration>::new()));
    let failed = Arc::new(Mutex::new(0u64));
    let client = reqwest::Client::new();
    let started = Instant::now();
    let tasks: Vec<_> = (0..clients)
        .map(|i| {
            let base = urls[i % urls.len()].clone();
            let (stop, lat, failed, client) =
                (stop.clone(), lat.clone(), failed.clone(), client.clone());
            let auth = format!("Bearer {token}");
            tokio::spawn(async move {
                let mut mine = Vec::new();
                let mut bad = 0u64;
                while !stop.load(Ordering::Relaxed) {
                    let t = Instant::now();
                    let req = match call {
                        Call::SignIn => client
                            .post(format!("{base}/api/AppUsers/2/SignIn"))
                            .json(&json!({ "userName": "bench", "pwd": "bench-secret-1" })),
                        Call::Profile => client
                            .get(format!("{base}/api/AppUsers/2/Profile"))
                            .header("Authorization", &auth),
                    };
                    let ok = match req.send().await {
                        Ok(r) => r
                            .json::<Value>()
                            .await
                            .is_ok_and(|v| v["code"].as_i64() == Some(200)),
                        Err(_) => false,
                    };
                    if ok {
                        mine.push(t.elapsed());
                    } else {
                        bad += 1;
                    }
                }
                lat.lock().unwrap().extend(mine);
                *failed.lock().unwrap() += bad;
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_secs(secs)).await;
    stop.store(true, Ordering::Relaxed);
    for t in tasks {
        let _ = t.await;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let mut lat = lat.lock().unwrap().clone();
    lat.sort();
    let pct = |p: f64| {
        lat.get(((lat.len() as f64 * p) as usize).min(lat.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    let failed = *failed.lock().unwrap();
    Figures {
        per_sec: lat.len() as f64 / elapsed,
        p50: pct(0.50),
        p99: pct(0.99),
        failed,
    }
}

async fn scenario(bin: &str, store: &str, db: &str, instances: usize, clients: usize, secs: u64) {
    let procs: Vec<Proc> = (0..instances).map(|_| start(bin, db)).collect();
    let urls: Vec<String> = procs.iter().map(|p| p.url.clone()).collect();
    let client = reqwest::Client::new();
    let up: Value = client
        .post(format!("{}/api/AppUsers/2/SignUp", urls[0]))
        .json(&json!({ "userName": "bench", "pwd": "bench-secret-1" }))
        .send()
        .await
        .expect("sign-up")
        .json()
        .await
        .expect("json");
    let token = up["data"]["access_token"]
        .as_str()
        .unwrap_or_else(|| panic!("sign-up: {up}"))
        .to_string();
    let sign_in = measure(&urls, &token, Call::SignIn, clients, secs).await;
    let profile = measure(&urls, &token, Call::Profile, clients, secs).await;
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "| {store:<10} | {instances} | {:>7.1} | {:>7.1} | {:>7.1} | {:>8.0} | {:>6.1} | {:>6.1} | {} |",
        sign_in.per_sec,
        ms(sign_in.p50),
        ms(sign_in.p99),
        profile.per_sec,
        ms(profile.p50),
        ms(profile.p99),
        sign_in.failed + profile.failed,
    );
}

#[tokio::main]
async fn main() {
    let mut bin = std::env::current_exe()
        .ok()
        .and_then(|p| Some(p.parent()?.parent()?.join("oauthapp-server")))
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|| "oauthapp-server".into());
    let (mut clients, mut secs, mut only) = (16usize, 10u64, String::new());
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().expect("a value");
        match a.as_str() {
            "--bin" => bin = value(),
            "--clients" => clients = value().parse().expect("number"),
            "--secs" => secs = value().parse().expect("number"),
            "--only" => only = value(),
            other => panic!("unknown option {other}"),
        }
    }
    println!("{clients} clients, {secs} s per measurement, server {bin}\n");
    println!(
        "| store      | instances | sign-ins/s | p50 ms | p99 ms | Profile reads/s | p50 ms | p99 ms | failed |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    if only.is_empty() || only == "sqlite" {
        let dir = std::env::temp_dir().join(format!("oauthapp-bench-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        for n in [1, 2] {
            let db = dir.join(format!("bench-{n}.db"));
            let db = db.to_string_lossy();
            scenario(&bin, "SQLite", &db, n, clients, secs).await;
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
    if only.is_empty() || only == "postgres" {
        for n in [1, 2] {
            let db = pg::cluster().fresh_url();
            scenario(&bin, "PostgreSQL", &db, n, clients, secs).await;
        }
    }
}
