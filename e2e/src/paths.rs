//! Where the workspace, the built widget and the server binary are.

use std::path::PathBuf;

/// The workspace root (the folder holding the widget's `Cargo.toml`).
///
/// Read from `CARGO_MANIFEST_DIR` as cargo sets it when it runs a test or a binary, and only
/// failing that as it was at compile time: two checkouts that share one target folder (as CI's
/// cache does) share this crate's build, whose compile-time path may be the other checkout's.
pub fn workspace_root() -> PathBuf {
    let here = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    here.parent().map(PathBuf::from).unwrap_or(here)
}

/// The built widget: `$OAUTHAPP_DIST`, or `dist/` at the workspace root (`trunk build --release`).
pub fn dist_dir() -> PathBuf {
    std::env::var_os("OAUTHAPP_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("dist"))
}

/// The `oauthapp-server` binary: `$OAUTHAPP_SERVER_BIN`, or the one cargo built beside the
/// running test or benchmark (`target/<profile>/oauthapp-server`; `cargo build -p
/// oauthapp-server` first).
pub(crate) fn server_bin() -> Option<PathBuf> {
    if let Some(bin) = std::env::var_os("OAUTHAPP_SERVER_BIN") {
        return Some(PathBuf::from(bin));
    }
    let exe = std::env::current_exe().ok()?;
    // A test runs from target/<profile>/deps/, a binary (the benchmark) from target/<profile>/.
    let dir = exe.parent()?;
    [
        dir.join("oauthapp-server"),
        dir.parent()?.join("oauthapp-server"),
    ]
    .into_iter()
    .find(|bin| bin.exists())
}

/// A fresh, empty folder under the system's temporary folder.
pub(crate) fn fresh_temp_dir(label: &str) -> std::io::Result<PathBuf> {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("oauthapp-e2e-{label}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// A free TCP port on the loopback interface.
pub(crate) fn free_port() -> std::io::Result<u16> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    Ok(listener.local_addr()?.port())
}

/// Waits until something accepts TCP connections on `127.0.0.1:port`.
pub(crate) async fn wait_for_port(port: u16, what: &str) -> Result<(), String> {
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            return Ok(());
        }
        if tokio::time::Instant::now() > deadline {
            return Err(format!("{what} did not listen on port {port} within 20 s"));
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}
