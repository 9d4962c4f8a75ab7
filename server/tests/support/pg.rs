//! A throw-away PostgreSQL cluster for the tests: `initdb` into a temporary folder, started
//! with `pg_ctl` on a free port (as the `postgres` user when run as root, since initdb
//! refuses root), and stopped and removed by a watchdog once this test process has ended.
//! Each test gets its own schema, so tests share the cluster but no rows.
//!
//! Without PostgreSQL installed the tests that need it fail with a clear message when
//! `CI=true`, and are skipped (the test process ends successfully after a notice) otherwise.
//! `OAUTHAPP_TEST_PG=postgres://…` uses that server instead of starting one;
//! `OAUTHAPP_TEST_PG_BIN=DIR` takes initdb, pg_ctl and psql from DIR.

#![allow(dead_code)]

use std::{
    io::Write,
    path::{Path, PathBuf},
    process::Command,
    sync::{
        atomic::{AtomicU64, Ordering},
        OnceLock,
    },
};

/// The running cluster (or the one given by `OAUTHAPP_TEST_PG`).
pub struct Cluster {
    /// Base URL without a database path, e.g. `postgres://postgres@127.0.0.1:5433`.
    base: String,
}

static CLUSTER: OnceLock<Result<Cluster, String>> = OnceLock::new();
static SCHEMAS: AtomicU64 = AtomicU64::new(0);

/// The cluster, started on first use; skips or fails (see the module) when there is none.
pub fn cluster() -> &'static Cluster {
    match CLUSTER.get_or_init(start) {
        Ok(c) => c,
        Err(why) => {
            let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
            if ci {
                panic!(
                    "PostgreSQL tests cannot run: {why}. CI=true, so they must: install \
                     Debian's postgresql (scripts/setup.sh does)"
                );
            }
            // Straight to stderr: the test harness would swallow a captured eprintln.
            let _ = writeln!(
                std::io::stderr(),
                "\nnotice: PostgreSQL tests SKIPPED: {why} (install postgresql, or run \
                 scripts/setup.sh; with CI=true this is a failure)"
            );
            std::process::exit(0);
        }
    }
}

impl Cluster {
    /// A URL of a fresh, empty schema of the cluster's `postgres` database.
    pub fn fresh_url(&self) -> String {
        let n = SCHEMAS.fetch_add(1, Ordering::SeqCst);
        let schema = format!("t{}_{n}", std::process::id());
        psql(&self.base, &format!("CREATE SCHEMA {schema}"));
        format!(
            "{}/postgres?options=-csearch_path%3D{schema}",
            self.base.trim_end_matches('/')
        )
    }
}

/// The single value `sql` answers in the database (and schema) of `url`, as text.
pub fn query(url: &str, sql: &str) -> String {
    let out = Command::new(find_bin("psql").unwrap_or_else(|| PathBuf::from("psql")))
        .args([url, "-tA", "-v", "ON_ERROR_STOP=1", "-c", sql])
        .output()
        .expect("psql runs");
    assert!(
        out.status.success(),
        "psql {sql}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// Runs one statement with `psql` (a test may be inside an async runtime, where the
/// blocking client may not run).
fn psql(base: &str, sql: &str) {
    let out = Command::new(find_bin("psql").unwrap_or_else(|| PathBuf::from("psql")))
        .args([
            &format!("{base}/postgres"),
            "-q",
            "-v",
            "ON_ERROR_STOP=1",
            "-c",
            sql,
        ])
        .output()
        .expect("psql runs");
    assert!(
        out.status.success(),
        "psql {sql}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `name` from `OAUTHAPP_TEST_PG_BIN` when set (a folder of PostgreSQL programs), else from
/// Debian's /usr/lib/postgresql/<newest>/bin or PATH.
fn find_bin(name: &str) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("OAUTHAPP_TEST_PG_BIN").filter(|d| !d.is_empty()) {
        let p = PathBuf::from(dir).join(name);
        return p.is_file().then_some(p);
    }
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path().join("bin"))
        .collect();
    dirs.sort_by_key(|d| {
        d.parent()
            .and_then(|v| v.file_name())
            .and_then(|v| v.to_str())
            .and_then(|v| v.parse::<u32>().ok())
            .unwrap_or(0)
    });
    dirs.reverse();
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    dirs.into_iter().map(|d| d.join(name)).find(|p| p.is_file())
}

fn start() -> Result<Cluster, String> {
    if let Ok(url) = std::env::var("OAUTHAPP_TEST_PG") {
        if !url.is_empty() {
            return Ok(Cluster {
                base: url.trim_end_matches('/').to_string(),
            });
        }
    }
    let initdb = find_bin("initdb").ok_or("initdb not found (PostgreSQL is not installed)")?;
    let bin = initdb.parent().map(Path::to_path_buf).unwrap_or_default();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| format!("no free port: {e}"))?
        .port();
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc_geteuid() } == 0;
    // As root the cluster runs as `postgres`, which must reach the folder: /tmp, whatever
    // TMPDIR says.
    let tmp = if root {
        PathBuf::from("/tmp")
    } else {
        std::env::temp_dir()
    };
    let dir = tmp.join(format!("oauthapp-pg-{}-{port}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    if root {
        let ids = |flag: &str| -> Result<u32, String> {
            let out = Command::new("id")
                .args([flag, "postgres"])
                .output()
                .map_err(|e| e.to_string())?;
            String::from_utf8_lossy(&out.stdout)
                .trim()
                .parse()
                .map_err(|_| "no postgres user to run the cluster as (initdb refuses root)".into())
        };
        let (uid, gid) = (ids("-u")?, ids("-g")?);
        std::os::unix::fs::chown(&dir, Some(uid), Some(gid))
            .map_err(|e| format!("cannot chown {}: {e}", dir.display()))?;
    }
    // initdb and start; then a watchdog in its own session stops the cluster and removes the
    // folder once this process is gone (tests have no global tear-down).
    let script = r#"
set -e
B="$1"; D="$2"; P="$3"; PARENT="$4"
"$B/initdb" -D "$D/data" -U postgres -A trust -E UTF8 --no-sync >"$D/initdb.log" 2>&1
"$B/pg_ctl" -D "$D/data" -l "$D/server.log" -w -t 60 -o "-p $P -k $D -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" start >/dev/null
setsid sh -c 'while [ -d /proc/$0 ]; do sleep 1; done; "$1/pg_ctl" -D "$2/data" -m immediate stop >/dev/null 2>&1; rm -rf "$2"' "$PARENT" "$B" "$D" </dev/null >/dev/null 2>&1 &
"#;
    let args = [
        "-c".to_string(),
        script.to_string(),
        "sh".into(),
        bin.display().to_string(),
        dir.display().to_string(),
        port.to_string(),
        std::process::id().to_string(),
    ];
    let mut cmd = if root {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--", "sh"]);
        c
    } else {
        Command::new("sh")
    };
    let out = cmd
        .args(&args)
        .output()
        .map_err(|e| format!("cannot run initdb/pg_ctl: {e}"))?;
    if !out.status.success() {
        let log = std::fs::read_to_string(dir.join("initdb.log")).unwrap_or_default()
            + &std::fs::read_to_string(dir.join("server.log")).unwrap_or_default();
        return Err(format!(
            "cannot start a PostgreSQL cluster in {}: {}{log}",
            dir.display(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(Cluster {
        base: format!("postgres://postgres@127.0.0.1:{port}"),
    })
}

extern "C" {
    #[link_name = "geteuid"]
    fn libc_geteuid() -> u32;
}
