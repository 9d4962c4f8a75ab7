//! The benchmark (`scripts/bench.sh`): what a visitor pays for the script-tag widget, in
//! headless Chromium on this machine. Prints a table and writes the raw figures as JSON.
//!
//! - time to first input: navigation start → the sign-in form's first input exists and can
//!   be typed in, over N loads with the cache off (`Cache-Control: no-store`), against a bare
//!   page with one `<input>` as the floor;
//! - memory: JS heap and wasm memory after the first render, after 200 tab switches and after
//!   50 widgets opened and closed, and after a second round of both (a leak grows again);
//! - idle cost: timers, animation frames and requests during 60 s idle on the account form,
//!   and on the QR tab (one poll about every 2 s expected).
//!
//! Usage: `bench [--loads N] [--idle-secs S] [--out FILE]` after `scripts/bundle.sh` and
//! `cargo build -p oauthapp-server`.

use oauthapp_e2e::drop_in::{api_server, HostSite};
use oauthapp_e2e::{Browser, HarnessResult};
use serde_json::{json, Value};
use std::time::Duration;

const PROBE: &str = include_str!("../bench_probe.js");

/// The page that loads the widget by script tag.
fn widget_page(api: &str) -> String {
    format!(
        "<!doctype html><meta charset=utf-8><title>bench</title>\
         <script src=\"/probe.js\"></script>\
         <script type=\"module\" src=\"/bundle/oauthapp-login.js\"></script>\
         <oauthapp-login app-id=\"2\" server-url=\"{api}\" lang=\"en\"></oauthapp-login>"
    )
}

/// The reference: the bare Leptos page (`bench/bare-leptos`, built by `scripts/bench.sh` into
/// the folder given by `--bare`), its files served under `/bare/`.
const BARE_PAGE: &str = "<!doctype html><meta charset=utf-8><title>bare Leptos</title>\
    <script src=\"/probe.js\"></script><script type=\"module\" src=\"/bare/boot.js\"></script>";

/// The floor: a page that loads nothing but the probe and has one input.
const FLOOR_PAGE: &str = "<!doctype html><meta charset=utf-8><title>floor</title>\
    <script src=\"/probe.js\"></script><input aria-label=\"floor\">";

struct Options {
    loads: usize,
    idle_secs: u64,
    out: String,
    /// The built bare Leptos page, if any.
    bare: Option<String>,
}

fn options() -> Options {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    Options {
        loads: value("--loads").and_then(|v| v.parse().ok()).unwrap_or(20),
        idle_secs: value("--idle-secs")
            .and_then(|v| v.parse().ok())
            .unwrap_or(60),
        out: value("--out").unwrap_or_else(|| "target/bench/results.json".into()),
        bare: value("--bare"),
    }
}

/// Median, min and max of `samples` (milliseconds).
fn spread(mut samples: Vec<f64>) -> Value {
    samples.sort_by(f64::total_cmp);
    let n = samples.len();
    let median = match n {
        0 => f64::NAN,
        _ if n % 2 == 1 => samples[n / 2],
        _ => (samples[n / 2 - 1] + samples[n / 2]) / 2.0,
    };
    json!({
        "n": n,
        "median_ms": round(median),
        "min_ms": round(samples.first().copied().unwrap_or(f64::NAN)),
        "max_ms": round(samples.last().copied().unwrap_or(f64::NAN)),
        "samples_ms": samples.iter().map(|s| round(*s)).collect::<Vec<_>>(),
    })
}

fn round(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Loads `url` `loads` times and collects the probe's first-input times.
async fn first_input(b: &Browser, url: &str, loads: usize) -> HarnessResult<Value> {
    let mut samples = Vec::with_capacity(loads);
    for _ in 0..loads {
        b.goto("about:blank").await?;
        b.goto(url).await?;
        let mut found = None;
        for _ in 0..200 {
            let v = b
                .eval(
                    "return window.__bench && window.__bench.firstInput;",
                    vec![],
                )
                .await?;
            if let Some(t) = v.as_f64() {
                found = Some(t);
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        samples.push(found.ok_or_else(|| format!("no first input on {url}"))?);
    }
    Ok(spread(samples))
}

/// The JS heap and the wasm memory now (after a garbage collection).
async fn memory(b: &Browser) -> HarnessResult<Value> {
    b.eval_async(
        "const done = arguments[arguments.length - 1];
         (async () => {
           if (window.gc) { window.gc(); }
           const glue = await import('/bundle/oauthapp_login.js');
           const wasm = await glue.default();
           done({ js_heap_bytes: performance.memory ? performance.memory.usedJSHeapSize : null,
                  wasm_memory_bytes: wasm.memory.buffer.byteLength });
         })().catch(e => done({ error: String(e) }));",
        vec![],
    )
    .await
}

/// Clicks the widget's tabs in turn `n` times, a frame apart.
async fn switch_tabs(b: &Browser, n: u32) -> HarnessResult<()> {
    b.eval_async(
        "const [n, done] = [arguments[0], arguments[arguments.length - 1]];
         const root = document.querySelector('oauthapp-login').shadowRoot;
         let i = 0;
         const step = () => {
           const tabs = root.querySelectorAll('[role=tab]');
           if (i >= n || tabs.length === 0) { done(i); return; }
           tabs[i % tabs.length].click(); i += 1; setTimeout(step, 0);
         };
         step();",
        vec![json!(n)],
    )
    .await
    .map(|_| ())
}

/// Opens and closes `n` more widgets, each until its first input exists.
async fn open_close(b: &Browser, api: &str, n: u32) -> HarnessResult<()> {
    b.eval_async(
        "const [n, api, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
         let i = 0;
         const one = () => {
           if (i >= n) { done(i); return; }
           const el = document.createElement('oauthapp-login');
           el.setAttribute('app-id', '2'); el.setAttribute('server-url', api);
           el.setAttribute('lang', 'en');
           document.body.appendChild(el);
           const wait = () => {
             const input = el.shadowRoot && el.shadowRoot.querySelector('input');
             if (input) { el.remove(); i += 1; setTimeout(one, 0); } else { setTimeout(wait, 5); }
           };
           wait();
         };
         one();",
        vec![json!(n), json!(api)],
    )
    .await
    .map(|_| ())
}

/// Timers, frames and requests the page starts during `secs` seconds of idling.
async fn idle(b: &Browser, secs: u64) -> HarnessResult<Value> {
    let before = b
        .eval("return Object.assign({}, window.__bench.counts);", vec![])
        .await?;
    tokio::time::sleep(Duration::from_secs(secs)).await;
    let after = b
        .eval("return Object.assign({}, window.__bench.counts);", vec![])
        .await?;
    let diff = |k: &str| after[k].as_i64().unwrap_or(0) - before[k].as_i64().unwrap_or(0);
    Ok(json!({
        "seconds": secs,
        "timeouts": diff("timeouts"),
        "intervals": diff("intervals"),
        "animation_frames": diff("frames"),
        "requests": diff("fetches"),
    }))
}

async fn run(opts: &Options) -> HarnessResult<Value> {
    let server = api_server().await?;
    let mut pages: Vec<(String, Vec<u8>)> = vec![
        (
            "/index.html".to_owned(),
            widget_page(&server.url).into_bytes(),
        ),
        ("/floor.html".to_owned(), FLOOR_PAGE.into()),
        ("/probe.js".to_owned(), PROBE.into()),
    ];
    if let Some(dir) = &opts.bare {
        pages.push(("/bare.html".to_owned(), BARE_PAGE.into()));
        for name in ["boot.js", "bare.js", "bare_bg.wasm"] {
            let path = std::path::Path::new(dir).join(name);
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            pages.push((format!("/bare/{name}"), bytes));
        }
    }
    let pages = pages
        .iter()
        .map(|(path, body)| (path.as_str(), body.clone()))
        .collect();
    let csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
               img-src 'self' https: data:; connect-src *";
    let site = HostSite::start(pages, csp).await?;
    let b = Browser::start_with_args(&["--js-flags=--expose-gc", "--enable-precise-memory-info"])
        .await?;
    let widget_url = format!("{}/index.html", site.url);

    eprintln!("bench: time to first input ({} loads each)", opts.loads);
    let floor = first_input(&b, &format!("{}/floor.html", site.url), opts.loads).await?;
    let widget = first_input(&b, &widget_url, opts.loads).await?;
    let bare = match opts.bare {
        Some(_) => first_input(&b, &format!("{}/bare.html", site.url), opts.loads).await?,
        None => Value::Null,
    };

    eprintln!("bench: memory");
    b.goto(&widget_url).await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mem_first = memory(&b).await?;
    switch_tabs(&b, 200).await?;
    open_close(&b, &server.url, 50).await?;
    let mem_after = memory(&b).await?;
    // A second round: a leak grows again by about as much, a high-water mark does not.
    switch_tabs(&b, 200).await?;
    open_close(&b, &server.url, 50).await?;
    let mem_second = memory(&b).await?;

    eprintln!("bench: idle {} s on the account form", opts.idle_secs);
    b.goto(&widget_url).await?;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let idle_form = idle(&b, opts.idle_secs).await?;

    eprintln!("bench: idle {} s on the QR tab", opts.idle_secs);
    b.eval(
        "document.querySelector('oauthapp-login').shadowRoot
           .querySelector('[role=tab][id$=\"-tab-qr\"]').click();",
        vec![],
    )
    .await?;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let idle_qr = idle(&b, opts.idle_secs).await?;
    b.close().await;

    Ok(json!({
        "first_input": { "floor": floor, "bare_leptos": bare, "widget": widget },
        "memory": {
            "after_first_render": mem_first,
            "after_200_tab_switches_and_50_widgets": mem_after,
            "after_a_second_round": mem_second,
        },
        "idle": { "account_form": idle_form, "qr_tab": idle_qr },
    }))
}

fn print(results: &Value) {
    let fi = &results["first_input"];
    println!("\nTime to first input (ms, cache off, localhost)");
    println!("  {:<34} {:>8} {:>8} {:>8}", "page", "median", "min", "max");
    for (name, key) in [
        ("bare page with one input (floor)", "floor"),
        ("bare Leptos page (reference)", "bare_leptos"),
        ("script-tag widget", "widget"),
    ] {
        let r = &fi[key];
        if r.is_null() {
            continue;
        }
        println!(
            "  {:<34} {:>8} {:>8} {:>8}",
            name,
            r["median_ms"].to_string(),
            r["min_ms"].to_string(),
            r["max_ms"].to_string()
        );
    }
    let m = &results["memory"];
    println!("\nMemory (bytes)");
    println!("  {:<40} {:>12} {:>12}", "when", "JS heap", "wasm memory");
    for (name, key) in [
        ("after first render", "after_first_render"),
        (
            "after 200 tab switches + 50 widgets",
            "after_200_tab_switches_and_50_widgets",
        ),
        ("after a second round of both", "after_a_second_round"),
    ] {
        println!(
            "  {:<40} {:>12} {:>12}",
            name,
            m[key]["js_heap_bytes"].to_string(),
            m[key]["wasm_memory_bytes"].to_string()
        );
    }
    let i = &results["idle"];
    println!("\nIdle cost (counts over the idle window)");
    println!(
        "  {:<16} {:>8} {:>9} {:>9} {:>7} {:>9}",
        "where", "seconds", "timeouts", "intervals", "frames", "requests"
    );
    for (name, key) in [("account form", "account_form"), ("QR tab", "qr_tab")] {
        let r = &i[key];
        println!(
            "  {:<16} {:>8} {:>9} {:>9} {:>7} {:>9}",
            name,
            r["seconds"].to_string(),
            r["timeouts"].to_string(),
            r["intervals"].to_string(),
            r["animation_frames"].to_string(),
            r["requests"].to_string()
        );
    }
}

#[tokio::main]
async fn main() {
    let opts = options();
    match run(&opts).await {
        Ok(results) => {
            print(&results);
            let path = std::path::Path::new(&opts.out);
            if let Some(dir) = path.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            let text = serde_json::to_string_pretty(&results).unwrap_or_default();
            match std::fs::write(path, text + "\n") {
                Ok(()) => println!("\nraw results: {}", path.display()),
                Err(e) => eprintln!("bench: cannot write {}: {e}", path.display()),
            }
        }
        Err(e) => {
            eprintln!("bench failed: {e}");
            std::process::exit(1);
        }
    }
}
