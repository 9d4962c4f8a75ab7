//! `oauthapp-server`: the command line of the OAuthApp reference server.

use std::path::PathBuf;

use clap::Parser;
use oauthapp_server::{start, Config};

/// Reference server for the OAuthApp user API (see server/README.md).
#[derive(Parser, Debug)]
#[command(name = "oauthapp-server", version, about, long_about = None)]
struct Cli {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8787")]
    addr: String,
    /// SQLite database file (`:memory:` for a throw-away one), or a PostgreSQL URL
    /// (`postgres://user:password@host:port/dbname`) shared by several instances [default:
    /// oauthapp.db, or the config file's `db`].
    #[arg(long)]
    db: Option<String>,
    /// Switch on the development outbox: `GET /dev/outbox?to=` lists the codes that would
    /// have been sent (and `POST /dev/SpendPoints/{appId}` is enabled).
    #[arg(long)]
    outbox: bool,
    /// Also serve this folder (e.g. the built widget), with index.html as the fallback.
    #[arg(long = "static", value_name = "DIR")]
    static_dir: Option<PathBuf>,
    /// Config file (JSON, or TOML when it ends in .toml): apps, lifetimes, secret, limits.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Sets one of the config's `limits` (repeatable), e.g. `--limit sends_per_address=200`.
    #[arg(long = "limit", value_name = "NAME=N")]
    limits: Vec<String>,
}

#[tokio::main]
async fn main() {
    let cli = Cli::parse();
    let mut config = match &cli.config {
        Some(path) => match Config::from_file(path) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("error: {e}");
                std::process::exit(2);
            }
        },
        None => Config::default(),
    };
    if let Some(db) = cli.db {
        config.db = db;
    }
    // The token secret from the environment (overrides the config file's), so instances
    // sharing a PostgreSQL database can be given one key without writing it in a file.
    if let Some(secret) = std::env::var("OAUTHAPP_SECRET")
        .ok()
        .filter(|s| !s.is_empty())
    {
        config.secret = Some(secret);
    }
    if cli.outbox {
        config.outbox = true;
    }
    if let Some(dir) = cli.static_dir {
        config.static_dir = Some(dir.to_string_lossy().into_owned());
    }
    for assignment in &cli.limits {
        if let Err(e) = config.limits.set(assignment) {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    }
    let server = match start(&config, &cli.addr).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    println!("oauthapp-server listening on {}", server.url());
    println!("  database: {}", oauthapp_server::db::redact(&config.db));
    if config.outbox {
        println!("  outbox:   {}/dev/outbox?to=", server.url());
    }
    if let Some(dir) = &config.static_dir {
        println!("  static:   {dir}");
    }
    tokio::select! {
        _ = server.wait() => {}
        _ = tokio::signal::ctrl_c() => println!("stopping"),
    }
}
