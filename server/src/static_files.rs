//! `--static DIR`: files of one folder, never anything outside it (symlinks are resolved and
//! checked), never the database, its secret or its journals, never dot-files; `index.html`
//! for paths that name no file (a single-page app); security headers on every answer and a
//! Content-Security-Policy that admits exactly the page's own inline scripts.

use std::{
    path::{Path, PathBuf},
    sync::Arc,
};

use axum::{
    extract::{Request, State},
    http::{header, HeaderValue},
    response::{IntoResponse, Response},
};
use base64::{engine::general_purpose::STANDARD, Engine};
use sha2::{Digest, Sha256};
use tower::ServiceExt;
use tower_http::services::ServeFile;

use crate::error::ApiError;

/// The folder and the files it must never serve.
pub struct StaticDir {
    root: PathBuf,
    db: Option<PathBuf>,
}

impl StaticDir {
    /// The folder `dir` (resolved now), hiding the database at `db` and its companions.
    pub fn new(dir: &Path, db: &str) -> StaticDir {
        let root = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        let db = (db != ":memory:")
            .then(|| std::fs::canonicalize(db).ok())
            .flatten();
        StaticDir { root, db }
    }

    /// The file a request path names, resolved inside the folder; `None` when it is outside,
    /// hidden or absent.
    fn resolve(&self, path: &str) -> Result<Option<PathBuf>, ()> {
        let decoded = percent_decode(path).ok_or(())?;
        let mut p = self.root.clone();
        for seg in decoded.split('/').filter(|s| !s.is_empty()) {
            if seg == ".." || seg.starts_with('.') && seg != ".well-known" || seg.contains('\\') {
                return Err(());
            }
            p.push(seg);
        }
        if p.is_dir() {
            p.push("index.html");
        }
        match std::fs::canonicalize(&p) {
            Ok(c) if c.starts_with(&self.root) && c.is_file() && !self.hidden(&c) => Ok(Some(c)),
            Ok(_) => Err(()),
            Err(_) => Ok(None),
        }
    }

    /// The database file, `<db>.secret`, `<db>-wal`, `<db>-shm`, `<db>-journal`.
    fn hidden(&self, file: &Path) -> bool {
        let Some(db) = &self.db else {
            return false;
        };
        let (Some(name), Some(db_name)) = (file.file_name(), db.file_name()) else {
            return false;
        };
        file.parent() == db.parent()
            && name
                .to_string_lossy()
                .starts_with(db_name.to_string_lossy().as_ref())
    }
}

fn percent_decode(path: &str) -> Option<String> {
    let bytes: Vec<u8> =
        form_urlencoded::parse(format!("p={}", path.replace('+', "%2B")).as_bytes())
            .next()
            .map(|(_, v)| v.into_owned().into_bytes())?;
    let s = String::from_utf8(bytes).ok()?;
    (!s.contains('\0')).then_some(s)
}

/// Serves a request from the folder.
pub async fn serve(State(dir): State<Arc<StaticDir>>, req: Request) -> Response {
    let file = match dir.resolve(req.uri().path()) {
        Ok(Some(f)) => f,
        Ok(None) => match dir.resolve("/index.html") {
            Ok(Some(index)) => index,
            _ => return ApiError::NotFound.into_response(),
        },
        Err(()) => return ApiError::NotFound.into_response(),
    };
    let is_html = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    let csp = if is_html {
        std::fs::read_to_string(&file).ok().map(|html| csp(&html))
    } else {
        None
    };
    let mut res = match ServeFile::new(&file).oneshot(req).await {
        Ok(r) => r.into_response(),
        Err(_) => return ApiError::Internal.into_response(),
    };
    let h = res.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    if let Some(csp) = csp.and_then(|c| HeaderValue::from_str(&c).ok()) {
        h.insert(header::CONTENT_SECURITY_POLICY, csp);
        h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
    res
}

/// The page's policy: own origin only, WebAssembly allowed, the page's inline scripts by
/// hash, no framing.
pub fn csp(html: &str) -> String {
    let hashes: String = inline_scripts(html)
        .iter()
        .map(|s| {
            format!(
                " 'sha256-{}'",
                STANDARD.encode(Sha256::digest(s.as_bytes()))
            )
        })
        .collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; \
         connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; \
         frame-ancestors 'none'"
    )
}

/// The bodies of `<script>` elements without a `src`.
fn inline_scripts(html: &str) -> Vec<&str> {
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(start) = lower[at..].find("<script").map(|i| i + at) {
        let Some(tag_end) = lower[start..].find('>').map(|i| i + start) else {
            break;
        };
        let Some(end) = lower[tag_end..].find("</script").map(|i| i + tag_end) else {
            break;
        };
        let tag = &lower[start..tag_end];
        if !tag.contains(" src=") && !tag.contains("\tsrc=") && !tag.contains("\nsrc=") {
            out.push(&html[tag_end + 1..end]);
        }
        at = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_inline_scripts_only() {
        let html = "<script src=\"/a.js\"></script><SCRIPT type=module>init()</SCRIPT>\
                    <script>x</script>";
        assert_eq!(inline_scripts(html), vec!["init()", "x"]);
        assert!(csp(html).contains("'sha256-"));
    }
}
