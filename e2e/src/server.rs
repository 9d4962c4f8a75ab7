//! The reference server, started as its real binary on a free port.

use crate::paths::{dist_dir, free_port, fresh_temp_dir, server_bin, wait_for_port};
use crate::HarnessResult;
use std::path::PathBuf;
use tokio::process::{Child, Command};

/// How to start a [`Server`].
#[derive(Debug, Clone, Default)]
pub struct ServerOptions {
    /// The server's `--config` file contents (JSON), when the test needs other app settings.
    pub config_json: Option<String>,
    /// Serve this folder instead of [`dist_dir`].
    pub static_dir: Option<PathBuf>,
    /// `--limit NAME=N` assignments (the server's per-address limits, for a harness whose
    /// every client is 127.0.0.1).
    pub limits: Vec<String>,
}

/// A running `oauthapp-server` with its own database, outbox on, serving the built widget.
/// Killed when dropped.
pub struct Server {
    child: Child,
    dir: PathBuf,
    /// `http://127.0.0.1:<port>`.
    pub url: String,
}

impl Server {
    /// Starts the server with default options.
    pub async fn start() -> HarnessResult<Self> {
        Self::start_with(ServerOptions::default()).await
    }

    /// Starts the server with `options`.
    pub async fn start_with(options: ServerOptions) -> HarnessResult<Self> {
        let bin = server_bin().ok_or(
            "no oauthapp-server binary: run `cargo build -p oauthapp-server` first \
             (or set OAUTHAPP_SERVER_BIN)",
        )?;
        let static_dir = options.static_dir.unwrap_or_else(dist_dir);
        if !static_dir.join("index.html").exists() {
            return Err(format!(
                "{} has no index.html: run `trunk build --release` first",
                static_dir.display()
            ));
        }
        let dir = fresh_temp_dir("server").map_err(|e| format!("temp dir: {e}"))?;
        let port = free_port().map_err(|e| format!("free port: {e}"))?;
        let mut cmd = Command::new(&bin);
        cmd.arg("--addr")
            .arg(format!("127.0.0.1:{port}"))
            .arg("--db")
            .arg(dir.join("oauthapp.db"))
            .arg("--outbox")
            .arg("--static")
            .arg(&static_dir)
            .kill_on_drop(true);
        for limit in &options.limits {
            cmd.arg("--limit").arg(limit);
        }
        if let Some(json) = options.config_json {
            let path = dir.join("config.json");
            std::fs::write(&path, json).map_err(|e| format!("config file: {e}"))?;
            cmd.arg("--config").arg(path);
        }
        let child = cmd
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", bin.display()))?;
        wait_for_port(port, "oauthapp-server").await?;
        Ok(Self {
            child,
            dir,
            url: format!("http://127.0.0.1:{port}"),
        })
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.start_kill();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
