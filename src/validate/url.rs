//! Checks on URLs that come from outside (a query string, the server, what a person typed)
//! before the widget follows or shows them.
//!
//! - A `redirect_uri` (D8) is followed only when it is an absolute `http:`/`https:` URL with a
//!   host, no user name or password, no fragment, no white space, control character or
//!   backslash, and at most [`MAX_REDIRECT_LEN`] characters. In the browser it must also parse
//!   with the browser's own `URL` parser, to the same scheme.
//! - An image (avatar, app logo) is shown only from an `http:`/`https:` URL passing the same
//!   checks (a fragment allowed) or a `data:image/…` URL.
//!
//! The checks are plain string work (tested natively); [`with_query`] builds the URL to go to
//! with the browser's `URL` and `URLSearchParams`, so every value is encoded properly.

/// The longest `redirect_uri` accepted (the reference server's limit).
pub const MAX_REDIRECT_LEN: usize = 2048;

/// The longest image URL accepted (a `data:` URL included; the server's avatar limit).
pub const MAX_IMAGE_LEN: usize = 32 * 1024;

/// Why a URL was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlRefusal {
    /// Nothing was given.
    Empty,
    /// Relative, or another scheme than `http:`/`https:` (`javascript:`, `data:`, …).
    NotHttp,
    /// `http(s)` but not a well-formed absolute URL (no host, user info, white space, …).
    Malformed,
}

/// A `redirect_uri` that passed the checks: the text to go to and its host to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RedirectTarget {
    /// The URL as given.
    pub href: String,
    /// Its host, lower-case, with the port when there is one (`app.example.com:8443`).
    pub host: String,
}

/// Checks a `redirect_uri` (D8): the target and its host, or why it is refused.
pub fn check_redirect_uri(raw: &str) -> Result<RedirectTarget, UrlRefusal> {
    if raw.len() > MAX_REDIRECT_LEN {
        return Err(UrlRefusal::Malformed);
    }
    let host = http_host(raw, false)?;
    browser_agrees(raw)?;
    Ok(RedirectTarget {
        href: raw.to_owned(),
        host,
    })
}

/// The host to show for a URL (a consent's `redirect_uri`), or `None` when it is not a
/// well-formed `http(s)` URL.
pub fn display_host(raw: &str) -> Option<String> {
    http_host(raw, true).ok()
}

/// True when `raw` is an absolute `http:`/`https:` URL with a host, fit to be a link's target
/// (the QR code's text, an app's logo): the checks of [`check_redirect_uri`], a fragment
/// allowed.
pub fn is_http_url(raw: &str) -> bool {
    raw.len() <= MAX_REDIRECT_LEN && http_host(raw, true).is_ok()
}

/// The image URL to put in an `<img src>`, or `None` when it may not be shown: only
/// `https:`/`http:` URLs (see [`check_redirect_uri`], fragments allowed) and `data:image/…`
/// URLs are.
pub fn safe_image_url(raw: &str) -> Option<String> {
    let url = raw.trim();
    if url.is_empty() || url.len() > MAX_IMAGE_LEN {
        return None;
    }
    if is_data_image(url) {
        return Some(url.to_owned());
    }
    http_host(url, true).ok()?;
    browser_agrees(url).ok()?;
    Some(url.to_owned())
}

/// True for `data:image/<subtype>[;…],…` with a plain subtype and no white space.
fn is_data_image(url: &str) -> bool {
    let Some(head) = url.get(..11) else {
        return false;
    };
    if !head.eq_ignore_ascii_case("data:image/") {
        return false;
    }
    let rest = &url[11..];
    let subtype_len = rest
        .find([';', ','])
        .filter(|&n| n > 0)
        .unwrap_or(usize::MAX);
    let Some(subtype) = rest.get(..subtype_len) else {
        return false;
    };
    subtype
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && rest.contains(',')
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The lower-case `host[:port]` of an absolute `http(s)` URL, or why it is refused.
fn http_host(raw: &str, allow_fragment: bool) -> Result<String, UrlRefusal> {
    if raw.trim().is_empty() {
        return Err(UrlRefusal::Empty);
    }
    let Some((scheme, rest)) = raw.split_once(':') else {
        return Err(UrlRefusal::NotHttp);
    };
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return Err(UrlRefusal::NotHttp);
    }
    if raw
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return Err(UrlRefusal::Malformed);
    }
    if !allow_fragment && raw.contains('#') {
        return Err(UrlRefusal::Malformed);
    }
    let Some(after) = rest.strip_prefix("//") else {
        return Err(UrlRefusal::Malformed);
    };
    let end = after.find(['/', '?', '#']).unwrap_or(after.len());
    let authority = &after[..end];
    if authority.contains('@') {
        return Err(UrlRefusal::Malformed);
    }
    check_authority(authority)?;
    Ok(authority.to_ascii_lowercase())
}

/// Checks `host[:port]`: a name of letters, digits, `-` and `.` (not starting or ending
/// with `.` or `-`, no empty label), or a bracketed IPv6 address; a port of 1–5 digits.
fn check_authority(authority: &str) -> Result<(), UrlRefusal> {
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let close = v6.find(']').ok_or(UrlRefusal::Malformed)?;
        let addr = &v6[..close];
        if addr.is_empty()
            || !addr
                .chars()
                .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
        {
            return Err(UrlRefusal::Malformed);
        }
        let tail = &v6[close + 1..];
        let port = match tail {
            "" => None,
            t => Some(t.strip_prefix(':').ok_or(UrlRefusal::Malformed)?),
        };
        (None, port)
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (Some(h), Some(p)),
            None => (Some(authority), None),
        }
    };
    if let Some(port) = port {
        if port.is_empty() || port.len() > 5 || !port.chars().all(|c| c.is_ascii_digit()) {
            return Err(UrlRefusal::Malformed);
        }
    }
    if let Some(host) = host {
        let labels_ok = !host.is_empty()
            && host.split('.').all(|label| {
                !label.is_empty()
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_alphanumeric() || c == '-')
            });
        if !labels_ok {
            return Err(UrlRefusal::Malformed);
        }
    }
    Ok(())
}

/// In the browser, the `URL` parser must read the same `http(s)` URL with a host (a second
/// opinion on the plain checks). Off the browser there is no second opinion.
fn browser_agrees(raw: &str) -> Result<(), UrlRefusal> {
    #[cfg(target_arch = "wasm32")]
    {
        let url = web_sys::Url::new(raw).map_err(|_| UrlRefusal::Malformed)?;
        let protocol = url.protocol();
        if protocol != "http:" && protocol != "https:" {
            return Err(UrlRefusal::NotHttp);
        }
        if url.hostname().is_empty() || !url.username().is_empty() || !url.password().is_empty() {
            return Err(UrlRefusal::Malformed);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = raw;
    Ok(())
}

/// `base` with each `(name, value)` set as a query parameter (replacing one of the same name,
/// keeping the others), encoded by the browser's `URLSearchParams`; `None` if `base` does not
/// parse. Browser only.
pub fn with_query(base: &str, params: &[(&str, &str)]) -> Option<String> {
    let url = web_sys::Url::new(base).ok()?;
    let search = url.search_params();
    for (name, value) in params {
        search.set(name, value);
    }
    Some(url.href())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_http_and_https_with_their_host() {
        let t = check_redirect_uri("https://App.Example.com/cb?x=1").unwrap();
        assert_eq!(t.host, "app.example.com");
        assert_eq!(t.href, "https://App.Example.com/cb?x=1");
        assert_eq!(
            check_redirect_uri("http://127.0.0.1:8080/?view=thirdparty")
                .unwrap()
                .host,
            "127.0.0.1:8080"
        );
        assert_eq!(
            check_redirect_uri("HTTP://[::1]:3000/cb").unwrap().host,
            "[::1]:3000"
        );
        assert_eq!(
            check_redirect_uri("https://localhost").unwrap().host,
            "localhost"
        );
    }

    #[test]
    fn refuses_other_schemes_and_relative_urls() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript://x/%0aalert(1)",
            "data:text/html,<script>alert(1)</script>",
            "ftp://example.com/",
            "/relative/path",
            "relative",
            "//example.com/cb",
            "vbscript:msgbox",
        ] {
            assert_eq!(check_redirect_uri(bad), Err(UrlRefusal::NotHttp), "{bad}");
        }
    }

    #[test]
    fn refuses_malformed_http_urls() {
        for bad in [
            "https:example.com",
            "https://",
            "https:///path",
            "https://user:pw@example.com/",
            "https://good.com@evil.com/",
            "https://exa mple.com/",
            "https://example.com/a b",
            "https://example.com/\n",
            "https://example.com\\@evil.com/",
            "https://example.com/cb#frag",
            "https://-bad.com/",
            "https://bad..com/",
            "https://example.com:99999999/",
            "https://example.com:/",
            "https://example.com:80a/",
            "https://[zz]/",
            "https://[::1/",
        ] {
            assert_eq!(check_redirect_uri(bad), Err(UrlRefusal::Malformed), "{bad}");
        }
        let long = format!("https://example.com/{}", "a".repeat(MAX_REDIRECT_LEN));
        assert_eq!(check_redirect_uri(&long), Err(UrlRefusal::Malformed));
    }

    #[test]
    fn empty_is_its_own_refusal() {
        assert_eq!(check_redirect_uri(""), Err(UrlRefusal::Empty));
        assert_eq!(check_redirect_uri("   "), Err(UrlRefusal::Empty));
    }

    #[test]
    fn images_allow_http_https_and_data_image_only() {
        assert_eq!(
            safe_image_url(" https://cdn.example.com/a.png#x "),
            Some("https://cdn.example.com/a.png#x".into())
        );
        assert!(safe_image_url("http://example.com/a.png").is_some());
        assert!(safe_image_url("data:image/png;base64,iVBORw0KGgo=").is_some());
        assert!(safe_image_url("DATA:IMAGE/svg+xml,%3Csvg%3E").is_some());
        for bad in [
            "",
            "javascript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "data:image/,x",
            "data:image/png;base64",
            "data:image/png;base64,a b",
            "/avatar.png",
            "avatar.png",
            "https://user@example.com/a.png",
            "file:///etc/passwd",
        ] {
            assert_eq!(safe_image_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn display_host_of_consents() {
        assert_eq!(
            display_host("https://Example.com:8443/cb"),
            Some("example.com:8443".into())
        );
        assert_eq!(display_host("javascript:alert(1)"), None);
    }

    #[test]
    fn only_http_urls_are_links() {
        assert!(is_http_url("https://example.com/?a=1"));
        assert!(is_http_url("HTTP://127.0.0.1:8787/"));
        for bad in [
            "javascript:alert(1)",
            "/relative",
            "https://",
            "https:///x",
            "data:text/html,x",
            "https://a b",
            "",
        ] {
            assert!(!is_http_url(bad), "{bad}");
        }
    }
}
