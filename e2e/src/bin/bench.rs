//! The benchmark (`scripts/bench.sh`): what a first-time visitor pays for the script-tag
//! widget, in headless Chromium on this machine, beside a bare HTML page with one input (the
//! floor) and a bare Leptos page (`bench/bare-leptos`). Prints tables and writes the raw
//! figures as JSON.
//!
//! How a load is measured (each one a first-time visitor):
//! - a new WebDriver session per load: a new Chromium process with a new, empty profile. Not
//!   only the HTTP cache must go: Chromium keeps compiled code between loads of one profile —
//!   V8's code cache for scripts, the compiled-wasm cache, and within one renderer process the
//!   already-compiled (and tiered-up) module of identical wasm bytes. `Network.setCacheDisabled`
//!   and `Cache-Control` do not clear those, so loads after the first in one browser measure a
//!   returning visitor. The "method check" table measures the difference each run;
//! - the tab starts on `about:blank`; through the DevTools protocol the cache is switched off
//!   (`Network.setCacheDisabled`), the network conditions are set
//!   (`Network.emulateNetworkConditions`), and the probe (`bench_probe.js`) is injected to
//!   run before anything of the page (`Page.addScriptToEvaluateOnNewDocument`: no request, no
//!   byte, no CSP exception); then one navigation to the page;
//! - the files come from `bench/serve.rs`, compressed by `Accept-Encoding` as a host serves
//!   them; the API is the reference server, on another origin as for a real host;
//! - two links: localhost, and a slow phone link (400 ms latency, 50,000 B/s each way);
//! - figures: time to first input (the probe's MutationObservers, shadow roots included;
//!   cross-checked by the old once-per-frame poll and by the wall clock from the navigation
//!   command), time until sign-in works (the widget's account form, typed and submitted by the
//!   probe the moment it appears, sends its SignIn request), and the bytes the page had
//!   received by each moment (Resource Timing: files whose response ended by then, as brotli;
//!   files requested but still arriving — the drop-in fetches its .wasm while the first view
//!   is already usable — are counted apart, `started_brotli` in the JSON);
//! - idle cost: timer, interval and frame callbacks that actually fire during an idle window
//!   on each tab of the widget (not the timers created);
//! - memory: JS heap and wasm memory after use (one session, as before).
//!
//! Usage: `bench [--loads N] [--idle-secs S] [--out FILE] [--bare DIR] [--links L]
//! [--no-memory]` after `scripts/bundle.sh` and `cargo build -p oauthapp-server`; `--links`
//! is `localhost,slow` (default), `localhost` or `slow`.

#[path = "../bench/chrome.rs"]
mod chrome;
#[path = "../bench/serve.rs"]
mod serve;

use chrome::{Driver, Session};
use oauthapp_e2e::drop_in::{api_server, bundle_dir};
use oauthapp_e2e::{Browser, HarnessResult};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const PROBE: &str = include_str!("../bench_probe.js");

/// The page that loads the widget by script tag (as `bundle/README.md` tells a host to).
fn widget_page(api: &str) -> String {
    format!(
        "<!doctype html><meta charset=utf-8><title>bench</title>\
         <script type=\"module\" src=\"/bundle/oauthapp-login.js\"></script>\
         <oauthapp-login app-id=\"2\" server-url=\"{api}\" lang=\"en\"></oauthapp-login>"
    )
}

/// The reference: the bare Leptos page (`bench/bare-leptos`, built by `scripts/bench.sh` into
/// the folder given by `--bare`), its files served under `/bare/`.
const BARE_PAGE: &str = "<!doctype html><meta charset=utf-8><title>bare Leptos</title>\
    <script type=\"module\" src=\"/bare/boot.js\"></script>";

/// The floor: a page that loads nothing and has one input.
const FLOOR_PAGE: &str = "<!doctype html><meta charset=utf-8><title>floor</title>\
    <input aria-label=\"floor\">";

/// The pages compared: (key, name in the tables, URL path, whether sign-in is measured).
const PAGES: [(&str, &str, &str, bool); 3] = [
    ("floor", "bare HTML page, one input", "/floor.html", false),
    ("bare_leptos", "bare Leptos page", "/bare.html", false),
    ("widget", "script-tag widget", "/index.html", true),
];

/// A network condition.
#[derive(Clone, Copy, PartialEq)]
enum Link {
    Localhost,
    /// A slow phone link: 400 ms latency, 400 kbit/s (50,000 B/s) down and up.
    Slow,
}

impl Link {
    fn key(self) -> &'static str {
        match self {
            Link::Localhost => "localhost",
            Link::Slow => "slow",
        }
    }
    fn name(self) -> &'static str {
        match self {
            Link::Localhost => "localhost",
            Link::Slow => "slow link (400 ms, 50,000 B/s)",
        }
    }
    /// How long a load may take before it counts as failed.
    fn deadline(self) -> Duration {
        match self {
            Link::Localhost => Duration::from_secs(30),
            Link::Slow => Duration::from_secs(90),
        }
    }
    /// Quiet time (no new resource entry) before the entries are read: a request still in
    /// flight has no entry yet.
    fn quiet(self) -> Duration {
        match self {
            Link::Localhost => Duration::from_millis(500),
            Link::Slow => Duration::from_millis(2500),
        }
    }
}

struct Options {
    loads: usize,
    idle_secs: u64,
    out: String,
    bare: Option<String>,
    links: Vec<Link>,
    memory: bool,
}

fn options() -> Options {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let links = value("--links").unwrap_or_else(|| "localhost,slow".into());
    Options {
        loads: value("--loads")
            .and_then(|v| v.parse().ok())
            .unwrap_or(10)
            .max(1),
        idle_secs: value("--idle-secs")
            .and_then(|v| v.parse().ok())
            .unwrap_or(10),
        out: value("--out").unwrap_or_else(|| "target/bench/results.json".into()),
        bare: value("--bare"),
        links: links
            .split(',')
            .filter_map(|l| match l.trim() {
                "localhost" => Some(Link::Localhost),
                "slow" => Some(Link::Slow),
                _ => None,
            })
            .collect(),
        memory: !args.iter().any(|a| a == "--no-memory"),
    }
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.retain(|x| x.is_finite());
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    match n {
        0 => f64::NAN,
        _ if n % 2 == 1 => xs[n / 2],
        _ => (xs[n / 2 - 1] + xs[n / 2]) / 2.0,
    }
}

fn round(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Median, min and max of `samples` (ms), and the samples.
fn spread(samples: Vec<f64>) -> Value {
    if samples.is_empty() {
        return Value::Null;
    }
    let mut sorted = samples.clone();
    sorted.sort_by(f64::total_cmp);
    json!({
        "n": samples.len(),
        "median": round(median(samples)),
        "min": round(sorted[0]),
        "max": round(sorted[sorted.len() - 1]),
        "samples": sorted.iter().map(|s| round(*s)).collect::<Vec<_>>(),
    })
}

fn epoch_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or(f64::NAN)
}

/// Prepares the tab of `s` (on about:blank): cache off, `link`, the probe for every document.
async fn prepare(s: &Session, link: Link, sign_in: bool) -> HarnessResult<()> {
    s.goto("about:blank").await?;
    s.cdp("Network.enable", json!({})).await?;
    s.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true }))
        .await?;
    if link == Link::Slow {
        s.cdp(
            "Network.emulateNetworkConditions",
            json!({ "offline": false, "latency": 400,
                    "downloadThroughput": 50_000, "uploadThroughput": 50_000 }),
        )
        .await?;
    }
    let source = format!(
        "window.__benchOptions = {};\n{PROBE}",
        json!({ "signIn": sign_in, "user": "bench-visitor", "pwd": "bench-password-1" })
    );
    s.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": source }),
    )
    .await?;
    Ok(())
}

/// What the page knows once the load is done: the probe's figures and the Resource Timing
/// entries (the navigation first).
const READ: &str = "
  const b = window.__bench;
  if (!b || location.href !== arguments[0]) return null;
  const all = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));
  return { bench: b, ready: document.readyState, entries: all.map(e => ({
    name: e.name, start: e.startTime, requestStart: e.requestStart,
    responseStart: e.responseStart, end: e.responseEnd, transfer: e.transferSize,
    encoded: e.encodedBodySize, decoded: e.decodedBodySize, initiator: e.initiatorType || 'navigation',
  })) };";

/// One navigation from about:blank to `url` in the prepared `s`; returns the raw figures.
async fn navigate(s: &Session, url: &str, link: Link, sign_in: bool) -> HarnessResult<Value> {
    let command_at = epoch_ms();
    s.goto(url).await?;
    let deadline = tokio::time::Instant::now() + link.deadline();
    let mut quiet_since: Option<(usize, tokio::time::Instant)> = None;
    let mut last = Value::Null;
    loop {
        if tokio::time::Instant::now() > deadline {
            return Err(format!(
                "{url} ({}): no figures in time; last seen: {} ready={} entries={}",
                link.key(),
                last["bench"],
                last["ready"],
                last["entries"].as_array().map_or(0, Vec::len)
            ));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        let v = match s.eval(READ, vec![json!(url)]).await {
            Ok(v) => v,
            Err(e) => {
                last = json!({ "bench": e });
                continue;
            }
        };
        last = v.clone();
        let b = &v["bench"];
        let done = b["firstInput"].as_f64().is_some()
            && (!sign_in || b["signInSent"].as_f64().is_some())
            && v["ready"] == "complete";
        if !done {
            continue;
        }
        let count = v["entries"].as_array().map_or(0, Vec::len);
        match quiet_since {
            Some((n, since)) if n == count => {
                if since.elapsed() >= link.quiet() {
                    let mut v = v;
                    v["command_at_epoch_ms"] = json!(command_at);
                    return Ok(v);
                }
            }
            _ => quiet_since = Some((count, tokio::time::Instant::now())),
        }
    }
}

/// The figures of one load, from what [`navigate`] read.
fn figures(raw: &Value, site: &serve::Site) -> Value {
    let b = &raw["bench"];
    let origin = format!("{}/", site.url);
    let at = |k: &str| b[k].as_f64();
    // The files the page had received by `t` (their response ended): what it needed by then.
    // Files requested by then but still arriving (the loader fetches the .wasm while the
    // first view is already usable) are counted apart, as `started_brotli`.
    let bytes_before = |t: Option<f64>| -> Value {
        let Some(t) = t else { return Value::Null };
        let (mut brotli, mut started, mut wire, mut files, mut other_origin) =
            (0usize, 0usize, 0u64, 0, 0);
        for e in raw["entries"].as_array().into_iter().flatten() {
            if e["start"].as_f64().unwrap_or(f64::INFINITY) > t {
                continue;
            }
            let name = e["name"].as_str().unwrap_or("");
            let arrived = e["end"].as_f64().is_some_and(|end| end > 0.0 && end <= t);
            match name.strip_prefix(&origin) {
                Some(path) => {
                    let path = format!("/{}", path.split(['?', '#']).next().unwrap_or(""));
                    let size = site.brotli_size(&path).unwrap_or(0);
                    started += size;
                    if arrived {
                        brotli += size;
                        wire += e["encoded"].as_u64().unwrap_or(0);
                        files += 1;
                    }
                }
                None => other_origin += 1,
            }
        }
        json!({ "brotli": brotli, "started_brotli": started, "wire_body": wire, "files": files,
                "api_requests": other_origin })
    };
    // The SignIn request's own entry: when Resource Timing says it started.
    let sign_in_entry = raw["entries"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|e| {
            e["name"]
                .as_str()
                .is_some_and(|n| n.to_ascii_lowercase().contains("/signin"))
        })
        .and_then(|e| e["start"].as_f64());
    let time_origin = b["timeOrigin"].as_f64().unwrap_or(f64::NAN);
    let command_at = raw["command_at_epoch_ms"].as_f64().unwrap_or(f64::NAN);
    json!({
        "first_input_ms": at("firstInput"),
        "first_input_frame_ms": at("firstInputFrame"),
        "first_input_wall_ms": at("firstInput").map(|t| time_origin + t - command_at),
        "navigation_start_after_command_ms": time_origin - command_at,
        "typed_ms": at("typedAt"),
        "sign_in_sent_ms": at("signInSent"),
        "sign_in_resource_start_ms": sign_in_entry,
        "bytes_before_first_input": bytes_before(at("firstInput")),
        "bytes_before_sign_in": bytes_before(at("signInSent")),
        "entries": raw["entries"],
        "probe_errors": b["errors"],
    })
}

/// One first-time visitor: a fresh Chromium and profile, one navigation, figures.
async fn fresh_load(
    driver: &Driver,
    site: &serve::Site,
    path: &str,
    link: Link,
    sign_in: bool,
) -> HarnessResult<Value> {
    let s = driver.session(true, &[]).await?;
    let result = async {
        prepare(&s, link, sign_in).await?;
        navigate(&s, &format!("{}{path}", site.url), link, sign_in).await
    }
    .await;
    s.close().await;
    Ok(figures(&result?, site))
}

/// Medians over the loads of one page on one link.
fn summarize(loads: &[Value]) -> Value {
    let ms = |k: &str| spread(loads.iter().filter_map(|l| l[k].as_f64()).collect());
    let bytes = |k: &str, f: &str| {
        let xs: Vec<f64> = loads.iter().filter_map(|l| l[k][f].as_f64()).collect();
        if xs.is_empty() {
            Value::Null
        } else {
            json!(median(xs))
        }
    };
    json!({
        "first_input": ms("first_input_ms"),
        "first_input_frame": ms("first_input_frame_ms"),
        "first_input_wall": ms("first_input_wall_ms"),
        "sign_in_works": ms("sign_in_sent_ms"),
        "sign_in_resource_start": ms("sign_in_resource_start_ms"),
        "bytes_before_first_input": {
            "brotli": bytes("bytes_before_first_input", "brotli"),
            "started_brotli": bytes("bytes_before_first_input", "started_brotli"),
            "wire_body": bytes("bytes_before_first_input", "wire_body"),
            "api_requests": bytes("bytes_before_first_input", "api_requests"),
        },
        "bytes_before_sign_in": {
            "brotli": bytes("bytes_before_sign_in", "brotli"),
            "started_brotli": bytes("bytes_before_sign_in", "started_brotli"),
            "wire_body": bytes("bytes_before_sign_in", "wire_body"),
            "api_requests": bytes("bytes_before_sign_in", "api_requests"),
        },
    })
}

/// The old method, for the method check: one browser for all `loads` loads of `path` (cache
/// off through CDP, same probe, same navigation from about:blank), so that whatever Chromium
/// keeps between loads of one profile and process is kept.
async fn reused_loads(
    driver: &Driver,
    site: &serve::Site,
    path: &str,
    loads: usize,
) -> HarnessResult<Vec<Value>> {
    let s = driver.session(true, &[]).await?;
    let result = async {
        prepare(&s, Link::Localhost, false).await?;
        let mut out = Vec::new();
        for _ in 0..loads {
            s.goto("about:blank").await?;
            let raw = navigate(&s, &format!("{}{path}", site.url), Link::Localhost, false).await?;
            out.push(figures(&raw, site));
        }
        Ok::<_, String>(out)
    }
    .await;
    s.close().await;
    result
}

/// Timer, interval and frame callbacks fired, timers created and fetches, during `secs` of
/// idling on each tab of the widget (a fresh browser, localhost).
async fn idle(driver: &Driver, site: &serve::Site, secs: u64) -> HarnessResult<Value> {
    let s = driver.session(true, &[]).await?;
    let result = async {
        prepare(&s, Link::Localhost, false).await?;
        navigate(
            &s,
            &format!("{}/index.html", site.url),
            Link::Localhost,
            false,
        )
        .await?;
        tokio::time::sleep(Duration::from_secs(2)).await;
        let mut tabs = serde_json::Map::new();
        for tab in ["account", "phone", "email", "qr"] {
            let clicked = s
                .eval(
                    "const tab = document.querySelector('oauthapp-login').shadowRoot
                       .querySelector('[role=tab][id$=\"-tab-' + arguments[0] + '\"]');
                     if (tab) tab.click();
                     return !!tab;",
                    vec![json!(tab)],
                )
                .await?;
            if clicked != json!(true) {
                tabs.insert(tab.into(), json!({ "error": "no such tab" }));
                continue;
            }
            tokio::time::sleep(Duration::from_secs(2)).await;
            let read = "return Object.assign({}, window.__bench.counts);";
            let before = s.eval(read, vec![]).await?;
            tokio::time::sleep(Duration::from_secs(secs)).await;
            let after = s.eval(read, vec![]).await?;
            let mut diff = serde_json::Map::new();
            diff.insert("seconds".into(), json!(secs));
            for (k, v) in after.as_object().into_iter().flatten() {
                diff.insert(
                    k.clone(),
                    json!(v.as_i64().unwrap_or(0) - before[k].as_i64().unwrap_or(0)),
                );
            }
            tabs.insert(tab.into(), Value::Object(diff));
        }
        Ok::<_, String>(Value::Object(tabs))
    }
    .await;
    s.close().await;
    result
}

/// The JS heap and the wasm memory now (after a garbage collection).
async fn memory_now(b: &Browser) -> HarnessResult<Value> {
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

/// Memory after the first render, after 200 tab switches and 50 widgets opened and closed, and
/// after a second round of both (a leak grows again, a high-water mark does not).
async fn memory(widget_url: &str, api: &str) -> HarnessResult<Value> {
    let b = Browser::start_with_args(&["--js-flags=--expose-gc", "--enable-precise-memory-info"])
        .await?;
    b.goto(widget_url).await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let first = memory_now(&b).await?;
    switch_tabs(&b, 200).await?;
    open_close(&b, api, 50).await?;
    let after = memory_now(&b).await?;
    switch_tabs(&b, 200).await?;
    open_close(&b, api, 50).await?;
    let second = memory_now(&b).await?;
    b.close().await;
    Ok(json!({
        "after_first_render": first,
        "after_200_tab_switches_and_50_widgets": after,
        "after_a_second_round": second,
    }))
}

/// The files the site serves: the three pages, the bundle under `/bundle/` and the bare
/// Leptos page under `/bare/`.
fn site_files(api: &str, bare: Option<&str>) -> HarnessResult<HashMap<String, serve::File>> {
    let mut files = HashMap::new();
    for (path, body) in [
        ("/index.html", widget_page(api)),
        ("/floor.html", FLOOR_PAGE.to_owned()),
        ("/bare.html", BARE_PAGE.to_owned()),
    ] {
        files.insert(path.to_owned(), serve::File::new(path, body.into_bytes())?);
    }
    let bundle = bundle_dir();
    if !bundle.join("oauthapp-login.js").exists() {
        return Err(format!(
            "{}: no oauthapp-login.js: run scripts/bundle.sh first",
            bundle.display()
        ));
    }
    // Every file a host serves from the bundle, the plain example page aside.
    files.extend(serve::read_dir(&bundle, "/bundle/", |n| {
        !n.starts_with("example.") && !n.ends_with(".md")
    })?);
    if let Some(dir) = bare {
        files.extend(serve::read_dir(
            std::path::Path::new(dir),
            "/bare/",
            |_| true,
        )?);
    }
    Ok(files)
}

async fn run(opts: &Options) -> HarnessResult<Value> {
    let server = api_server().await?;
    let csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
               img-src 'self' https: data:; connect-src *";
    let site = serve::Site::start(site_files(&server.url, opts.bare.as_deref())?, csp)?;
    let driver = Driver::start().await?;
    let pages: Vec<_> = PAGES
        .iter()
        .filter(|p| p.0 != "bare_leptos" || opts.bare.is_some())
        .collect();

    let mut timing = serde_json::Map::new();
    let mut raw_loads = serde_json::Map::new();
    for &link in &opts.links {
        eprintln!(
            "bench: {} — {} fresh loads of each page",
            link.name(),
            opts.loads
        );
        let mut loads: HashMap<&str, Vec<Value>> = HashMap::new();
        // Pages in turn within each round, so that a slow moment of the machine is shared.
        for i in 0..opts.loads {
            for (key, _, path, sign_in) in &pages {
                let l = fresh_load(&driver, &site, path, link, *sign_in)
                    .await
                    .map_err(|e| format!("{key}, load {}: {e}", i + 1))?;
                loads.entry(key).or_default().push(l);
            }
        }
        let mut per_page = serde_json::Map::new();
        let mut raw_page = serde_json::Map::new();
        for (key, list) in loads {
            per_page.insert(key.into(), summarize(&list));
            raw_page.insert(key.into(), Value::Array(list));
        }
        timing.insert(link.key().into(), Value::Object(per_page));
        raw_loads.insert(link.key().into(), Value::Object(raw_page));
    }

    eprintln!("bench: method check — {} loads in one browser", opts.loads);
    let mut method = serde_json::Map::new();
    for (key, _, path, _) in pages.iter().filter(|p| p.0 != "floor") {
        let list = reused_loads(&driver, &site, path, opts.loads).await?;
        let first: Vec<f64> = list
            .iter()
            .filter_map(|l| l["first_input_ms"].as_f64())
            .collect();
        method.insert(
            (*key).into(),
            json!({
                "one_browser_first_load_ms": first.first(),
                "one_browser_later_loads": spread(first.iter().skip(1).copied().collect()),
                "fresh_browser_each_load": timing.get("localhost").map(|t| t[*key]["first_input"].clone()),
            }),
        );
    }

    eprintln!("bench: idle {} s on each tab of the widget", opts.idle_secs);
    let idle = idle(&driver, &site, opts.idle_secs).await?;

    let memory = if opts.memory {
        eprintln!("bench: memory");
        memory(&format!("{}/index.html", site.url), &server.url).await?
    } else {
        Value::Null
    };

    let whole = |prefix: &str| {
        let files = site.sizes_under(prefix);
        json!({
            "files": files.iter().map(|(p, raw, gz, br)| json!({"path": p, "raw": raw, "gzip": gz, "brotli": br})).collect::<Vec<_>>(),
            "brotli": files.iter().map(|f| f.3).sum::<usize>(),
            "gzip": files.iter().map(|f| f.2).sum::<usize>(),
        })
    };
    let served = site
        .served
        .lock()
        .map(|s| json!({ "by_encoding": s.by_encoding, "accept_encoding": s.accept_encoding }))
        .unwrap_or(Value::Null);
    Ok(json!({
        "loads": opts.loads,
        "timing": timing,
        "whole": {
            "floor": whole("/floor.html"),
            "bare_leptos": whole("/bare/"),
            "widget": whole("/bundle/"),
        },
        "method_check": method,
        "idle": idle,
        "memory": memory,
        "served": served,
        "site_url": site.url,
        "raw_loads": raw_loads,
    }))
}

/// `x` as a whole number with thousands separators, or "—".
fn num(v: &Value) -> String {
    let Some(x) = v.as_f64() else {
        return "—".into();
    };
    let s = format!("{}", x.round() as i64);
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 && c != '-' {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "median (min–max)" of a spread, in ms with one decimal, or "—".
fn ms(v: &Value) -> String {
    match v["median"].as_f64() {
        Some(m) => format!(
            "{m:.1} ({:.0}–{:.0})",
            v["min"].as_f64().unwrap_or(f64::NAN),
            v["max"].as_f64().unwrap_or(f64::NAN)
        ),
        None => "—".into(),
    }
}

fn print(r: &Value, links: &[Link]) {
    let n = r["loads"].as_u64().unwrap_or(0);
    let page_rows = || {
        PAGES.iter().filter(|p| {
            !r["whole"][p.0]["files"]
                .as_array()
                .is_none_or(Vec::is_empty)
        })
    };
    for &link in links {
        let t = &r["timing"][link.key()];
        println!(
            "\n{} — median of {n} fresh loads (min–max); ms since navigation start",
            link.name()
        );
        println!(
            "  {:<28} {:>22} {:>22} {:>14} {:>14} {:>12}",
            "page",
            "time to first input",
            "time to sign-in works",
            "bytes b. input",
            "bytes b. sign-in",
            "whole (br)"
        );
        for (key, name, _, sign_in) in page_rows() {
            let p = &t[*key];
            println!(
                "  {:<28} {:>22} {:>22} {:>14} {:>14} {:>12}",
                name,
                ms(&p["first_input"]),
                if *sign_in {
                    ms(&p["sign_in_works"])
                } else {
                    "—".into()
                },
                num(&p["bytes_before_first_input"]["brotli"]),
                if *sign_in {
                    num(&p["bytes_before_sign_in"]["brotli"])
                } else {
                    "—".into()
                },
                num(&r["whole"][*key]["brotli"]),
            );
        }
    }
    println!(
        "\n  bytes: brotli bytes of every file of the page's origin received by the moment (its"
    );
    println!(
        "  Resource Timing responseEnd); on localhost the .wasm, requested with the loader, is"
    );
    println!(
        "  often in before the first view shows, though not needed for it. \"whole\": every file."
    );

    println!(
        "\nCross-checks (medians, ms): first input three ways, sign-in two ways, bytes as sent"
    );
    println!(
        "  {:<10} {:<28} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10}",
        "link", "page", "observer", "frame", "wall", "fetch", "res.timing", "wire b.in", "api req."
    );
    for &link in links {
        for (key, name, _, _) in page_rows() {
            let p = &r["timing"][link.key()][*key];
            let m = |k: &str| match p[k]["median"].as_f64() {
                Some(x) => format!("{x:.1}"),
                None => "—".into(),
            };
            println!(
                "  {:<10} {:<28} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10}",
                link.key(),
                name,
                m("first_input"),
                m("first_input_frame"),
                m("first_input_wall"),
                m("sign_in_works"),
                m("sign_in_resource_start"),
                num(&p["bytes_before_first_input"]["wire_body"]),
                num(&p["bytes_before_sign_in"]["api_requests"]),
            );
        }
    }
    println!(
        "  observer: MutationObservers (the figure above); frame: first animation frame with the"
    );
    println!(
        "  input (old method); wall: from the WebDriver navigation command, by the system clock."
    );
    println!(
        "  fetch / res.timing: sign-in request seen by the fetch wrapper / its Resource Timing"
    );
    println!(
        "  start. wire b.in: body bytes as sent before first input (encodedBodySize); api req.:"
    );
    println!("  requests to the API origin before sign-in (their sizes are hidden cross-origin).");
    println!("  served: {}", r["served"]["by_encoding"]);

    for &link in links {
        breakdown(r, link, "widget");
    }

    println!("\nMethod check, localhost: time to first input (ms), one browser for every load vs a fresh one");
    println!(
        "  {:<28} {:>14} {:>24} {:>24}",
        "page", "1st load", "later loads, 1 browser", "fresh browser each"
    );
    for (key, name, _, _) in page_rows().filter(|p| p.0 != "floor") {
        let m = &r["method_check"][*key];
        println!(
            "  {:<28} {:>14} {:>24} {:>24}",
            name,
            m["one_browser_first_load_ms"]
                .as_f64()
                .map_or("—".into(), |x| format!("{x:.1}")),
            ms(&m["one_browser_later_loads"]),
            ms(&m["fresh_browser_each_load"]),
        );
    }

    let i = &r["idle"];
    println!(
        "\nIdle cost of the widget: callbacks that fired (and timers created) per idle window"
    );
    println!(
        "  {:<8} {:>4} {:>9} {:>9} {:>8} {:>9} {:>12} {:>13} {:>8}",
        "tab",
        "s",
        "timeouts",
        "interval",
        "frames",
        "all fired",
        "timeouts set",
        "intervals set",
        "fetches"
    );
    for tab in ["account", "phone", "email", "qr"] {
        let t = &i[tab];
        let g = |k: &str| t[k].as_i64().unwrap_or(0);
        println!(
            "  {:<8} {:>4} {:>9} {:>9} {:>8} {:>9} {:>12} {:>13} {:>8}",
            tab,
            g("seconds"),
            g("timeouts_fired"),
            g("interval_ticks_fired"),
            g("frames_fired"),
            g("timeouts_fired") + g("interval_ticks_fired") + g("frames_fired"),
            g("timeouts_set"),
            g("intervals_set"),
            g("fetches"),
        );
    }

    let m = &r["memory"];
    if !m.is_null() {
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
                num(&m[key]["js_heap_bytes"]),
                num(&m[key]["wasm_memory_bytes"])
            );
        }
    }
}

/// Where the time of `key`'s loads on `link` goes: each request's start and end (medians).
fn breakdown(r: &Value, link: Link, key: &str) {
    let loads = r["raw_loads"][link.key()][key].as_array();
    let Some(loads) = loads.filter(|l| !l.is_empty()) else {
        return;
    };
    let mut rows: Vec<(String, Vec<f64>, Vec<f64>)> = Vec::new();
    for l in loads {
        for e in l["entries"].as_array().into_iter().flatten() {
            let name = e["name"].as_str().unwrap_or("");
            let short = name
                .split("//")
                .nth(1)
                .map_or(name, |rest| rest.find('/').map_or(rest, |i| &rest[i..]));
            let short = if name.starts_with(r["site_url"].as_str().unwrap_or("-")) {
                short.to_owned()
            } else {
                format!("API {short}")
            };
            let (start, end) = (e["start"].as_f64(), e["end"].as_f64());
            match rows.iter_mut().find(|row| row.0 == short) {
                Some(row) => {
                    row.1.extend(start);
                    row.2.extend(end);
                }
                None => rows.push((
                    short,
                    start.into_iter().collect(),
                    end.into_iter().collect(),
                )),
            }
        }
    }
    rows.sort_by(|a, b| median(a.1.clone()).total_cmp(&median(b.1.clone())));
    println!(
        "\nWhere the time goes: {key}, {} (medians over the loads, ms)",
        link.name()
    );
    println!(
        "  {:<44} {:>10} {:>10} {:>6}",
        "request", "start", "end", "loads"
    );
    for (name, starts, ends) in rows {
        println!(
            "  {:<44} {:>10.1} {:>10.1} {:>6}",
            name,
            median(starts.clone()),
            median(ends),
            starts.len()
        );
    }
    let t = &r["timing"][link.key()][key];
    for (what, k) in [
        ("first input", "first_input"),
        ("sign-in request sent", "sign_in_works"),
    ] {
        if let Some(x) = t[k]["median"].as_f64() {
            println!("  {:<44} {:>10.1}", what, x);
        }
    }
}

#[tokio::main]
async fn main() {
    let opts = options();
    let started = std::time::Instant::now();
    // Bounded: a run that hangs stops by itself (and drops, so kills, what it started).
    let limit = Duration::from_secs(45 * 60);
    let outcome = tokio::time::timeout(limit, run(&opts))
        .await
        .unwrap_or_else(|_| Err(format!("did not finish within {limit:?}")));
    match outcome {
        Ok(results) => {
            print(&results, &opts.links);
            println!("\nbench took {:.0} s", started.elapsed().as_secs_f64());
            let path = std::path::Path::new(&opts.out);
            if let Some(dir) = path.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            let text = serde_json::to_string_pretty(&results).unwrap_or_default();
            match std::fs::write(path, text + "\n") {
                Ok(()) => println!("raw results: {}", path.display()),
                Err(e) => eprintln!("bench: cannot write {}: {e}", path.display()),
            }
        }
        Err(e) => {
            eprintln!("bench failed: {e}");
            std::process::exit(1);
        }
    }
}
