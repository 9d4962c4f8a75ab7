//! A loopback load generator shared by the load test (`tests/load.rs`) and the benchmark
//! (`examples/load.rs`): starts the real server binary, hammers sign-in and ResetPwd from
//! many clients for a while, samples the server's resident memory, and reports.

#![allow(dead_code)]

use std::{
    io::{BufRead, BufReader},
    process::{Child, Command, Stdio},
    sync::{
        atomic::{AtomicBool, AtomicU64, Ordering},
        Arc, Mutex,
    },
    time::{Duration, Instant},
};

use serde_json::{json, Value};

/// A server process, killed on drop.
pub struct Proc {
    child: Child,
    /// `http://127.0.0.1:<port>`.
    pub url: String,
}

impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Proc {
    /// Starts `bin` on a free loopback port with a throw-away database, the outbox on and
    /// `extra` arguments; waits for its "listening on" line.
    pub fn start(bin: &str, extra: &[String]) -> Proc {
        let mut command = Command::new(bin);
        command
            .args(["--addr", "127.0.0.1:0", "--db", ":memory:", "--outbox"])
            .args(extra)
            .stderr(Stdio::null());
        Proc::spawn(command)
    }

    /// Runs `command` (a server told to listen on `127.0.0.1:0`) and waits for its first line,
    /// "listening on http://…", whose address becomes [`Proc::url`]. Its other output is read
    /// and dropped, so that it never writes into a closed pipe.
    pub fn spawn(mut command: Command) -> Proc {
        let mut child = command
            .stdout(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {command:?}: {e}"));
        let out = child.stdout.take().expect("stdout");
        let mut out = BufReader::new(out);
        let mut line = String::new();
        out.read_line(&mut line).expect("first line");
        std::thread::spawn(move || std::io::copy(&mut out, &mut std::io::sink()));
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no URL in {line:?}"))
            .to_string();
        Proc { child, url }
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

/// Resident memory of a process in KiB (Linux; 0 elsewhere).
pub fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

/// What a run measured.
#[derive(Debug, Default, Clone)]
pub struct Report {
    /// Successful sign-ins.
    pub sign_ins: u64,
    /// Sign-ins per second over the run.
    pub sign_ins_per_sec: f64,
    /// Median sign-in latency.
    pub p50: Duration,
    /// 99th-percentile sign-in latency.
    pub p99: Duration,
    /// ResetPwd calls answered.
    pub resets: u64,
    /// Answers by HTTP status, all calls.
    pub statuses: Vec<(u16, u64)>,
    /// Resident memory before the run, KiB.
    pub rss_before_kib: u64,
    /// Highest resident memory sampled during the run, KiB.
    pub rss_peak_kib: u64,
    /// Resident memory `settle` after the run, KiB.
    pub rss_after_kib: u64,
}

/// Runs `sign_in_clients` clients signing in (correct password) and `reset_clients`
/// clients sending ResetPwd with a wrong code, for `secs` seconds against `proc`.
pub async fn run(
    proc: &Proc,
    sign_in_clients: usize,
    reset_clients: usize,
    secs: u64,
    settle: Duration,
) -> Report {
    let base = proc.url.clone();
    let client = reqwest::Client::new();
    let up = client
        .post(format!("{base}/api/AppUsers/2/SignUp"))
        .json(&json!({"userName": "loadtest", "pwd": "load-secret-1"}))
        .send()
        .await
        .expect("sign-up");
    assert!(up.status().is_success(), "sign-up: {}", up.status());
    tokio::time::sleep(Duration::from_millis(500)).await;
    let pid = proc.pid();
    let mut report = Report {
        rss_before_kib: rss_kib(pid),
        ..Report::default()
    };
    let stop = Arc::new(AtomicBool::new(false));
    let peak = Arc::new(AtomicU64::new(report.rss_before_kib));
    let sampler = {
        let (stop, peak) = (stop.clone(), peak.clone());
        tokio::spawn(async move {
            while !stop.load(Ordering::Relaxed) {
                peak.fetch_max(rss_kib(pid), Ordering::Relaxed);
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        })
    };
    let latencies = Arc::new(Mutex::new(Vec::<Duration>::new()));
    let statuses = Arc::new(Mutex::new(std::collections::BTreeMap::<u16, u64>::new()));
    let resets = Arc::new(AtomicU64::new(0));
    let deadline = Instant::now() + Duration::from_secs(secs);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for i in 0..sign_in_clients + reset_clients {
        let (client, base) = (client.clone(), base.clone());
        let (latencies, statuses, resets) = (latencies.clone(), statuses.clone(), resets.clone());
        let sign_in = i < sign_in_clients;
        tasks.push(tokio::spawn(async move {
            while Instant::now() < deadline {
                let t = Instant::now();
                let req = if sign_in {
                    client
                        .post(format!("{base}/api/AppUsers/2/SignIn"))
                        .json(&json!({"userName": "loadtest", "pwd": "load-secret-1"}))
                } else {
                    client.post(format!("{base}/api/AppUsers/2/ResetPwd")).json(
                        &json!({"phone": "13500000000", "code": "000000", "pwd": "whatever1"}),
                    )
                };
                let status = match req.send().await {
                    Ok(r) => {
                        let s = r.status().as_u16();
                        let _ = r.bytes().await;
                        s
                    }
                    Err(_) => 0,
                };
                *statuses.lock().expect("lock").entry(status).or_default() += 1;
                if sign_in && status == 200 {
                    latencies.lock().expect("lock").push(t.elapsed());
                } else if !sign_in {
                    resets.fetch_add(1, Ordering::Relaxed);
                }
            }
        }));
    }
    for t in tasks {
        let _ = t.await;
    }
    let elapsed = started.elapsed();
    stop.store(true, Ordering::Relaxed);
    let _ = sampler.await;
    report.rss_peak_kib = peak.load(Ordering::Relaxed);
    tokio::time::sleep(settle).await;
    report.rss_after_kib = rss_kib(pid);
    let mut l = latencies.lock().expect("lock").clone();
    l.sort();
    report.sign_ins = l.len() as u64;
    report.sign_ins_per_sec = l.len() as f64 / elapsed.as_secs_f64();
    let pct = |p: f64| {
        l.get(((l.len() as f64 * p) as usize).min(l.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    report.p50 = pct(0.50);
    report.p99 = pct(0.99);
    report.resets = resets.load(Ordering::Relaxed);
    report.statuses = statuses
        .lock()
        .expect("lock")
        .iter()
        .map(|(k, v)| (*k, *v))
        .collect();
    report
}

/// Times `n` refused sign-ins for each of `known` (wrong password) and `unknown`, taken in
/// turns so both see the same machine; the medians and whether the answers were equal.
pub async fn refusal_medians(
    base: &str,
    known: &str,
    unknown: &str,
    n: usize,
) -> (Duration, Duration, bool) {
    let client = reqwest::Client::new();
    let mut times = [Vec::new(), Vec::new()];
    let mut bodies = [Value::Null, Value::Null];
    for _ in 0..n {
        for (i, user) in [known, unknown].into_iter().enumerate() {
            let t = Instant::now();
            let r = client
                .post(format!("{base}/api/AppUsers/2/SignIn"))
                .json(&json!({"userName": user, "pwd": "wrong-password"}))
                .send()
                .await
                .expect("sign-in");
            bodies[i] = r.json().await.unwrap_or(Value::Null);
            times[i].push(t.elapsed());
        }
    }
    for t in &mut times {
        t.sort();
    }
    (times[0][n / 2], times[1][n / 2], bodies[0] == bodies[1])
}
