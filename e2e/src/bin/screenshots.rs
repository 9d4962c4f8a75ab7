//! Screenshots of the main views for the README (`scripts/screenshots.sh`), taken from the
//! real release build in headless Chromium against the reference server, in English and in
//! Simplified Chinese, at a phone's width. Writes PNGs into `docs/screenshots/` (or `--out`).

use oauthapp_e2e::demo::{account_sign_up, select_tab, SIGNED_IN};
use oauthapp_e2e::{Browser, HarnessResult, Server};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// One picture: the file name, the query of the demo page, and what to do before the shot.
#[derive(Clone, Copy)]
enum Shot {
    /// The sign-in form (account tab).
    SignIn,
    /// The phone tab.
    Phone,
    /// The QR tab with its live code.
    Qr,
    /// The signed-in view with the profile page.
    SignedIn,
    /// The OAuth consent screen.
    Consent,
}

impl Shot {
    const ALL: [Shot; 5] = [
        Shot::SignIn,
        Shot::Phone,
        Shot::Qr,
        Shot::SignedIn,
        Shot::Consent,
    ];

    fn name(self) -> &'static str {
        match self {
            Shot::SignIn => "signin",
            Shot::Phone => "phone",
            Shot::Qr => "qr",
            Shot::SignedIn => "signed-in",
            Shot::Consent => "consent",
        }
    }
}

async fn take(
    b: &Browser,
    server: &Server,
    shot: Shot,
    lang: &str,
    out: &Path,
) -> HarnessResult<()> {
    let base = format!("{}/?lang={lang}", server.url);
    // Each picture starts signed out.
    b.goto(&base).await?;
    b.eval("localStorage.clear();", vec![]).await?;
    match shot {
        Shot::SignIn | Shot::Phone | Shot::Qr => {
            b.goto(&base).await?;
            b.wait_css("[role=tablist]").await?;
            match shot {
                Shot::Phone => select_tab(b, "phone").await?,
                Shot::Qr => {
                    select_tab(b, "qr").await?;
                    b.wait_css(".oa-qr[data-state=waiting]").await?;
                }
                _ => {}
            }
        }
        Shot::SignedIn => {
            b.goto(&base).await?;
            let user = format!("demo_{lang}").replace('-', "_");
            account_sign_up(b, &user, "secret-pass-1").await?;
            b.wait_css(SIGNED_IN).await?;
            b.wait_css(".oa-profile__edit").await?;
        }
        Shot::Consent => {
            b.goto(&format!(
                "{base}&view=consent&scope=openid%20profile%20phone&state=s1\
                 &redirect_uri=https%3A%2F%2Fapp.example.com%2Fcallback&app_name=Example%20App"
            ))
            .await?;
            b.wait_css(".oa-consent").await?;
        }
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    b.screenshot(&out.join(format!("{}-{lang}.png", shot.name())))
        .await
}

async fn run(out: &Path) -> HarnessResult<()> {
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let server = Server::start().await?;
    // A phone's width: what most people signing in see.
    let b = Browser::start_with_args(&["--window-size=420,900", "--force-device-scale-factor=1"])
        .await?;
    for lang in ["en", "zh-CN"] {
        for shot in Shot::ALL {
            take(&b, &server, shot, lang, out).await?;
            eprintln!("screenshots: {}-{lang}.png", shot.name());
        }
    }
    b.close().await;
    Ok(())
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let out = args
        .iter()
        .position(|a| a == "--out")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from)
        .unwrap_or_else(|| oauthapp_e2e::workspace_root().join("docs/screenshots"));
    if let Err(e) = run(&out).await {
        eprintln!("screenshots failed: {e}");
        std::process::exit(1);
    }
}
