//! What the QR code encodes (API.md D5): the deployer's template with `{serverUrl}`,
//! `{appId}` and `{signInKey}` filled in.
//!
//! The default, [`DEFAULT_QR_TEMPLATE`], is the demo's phone page on the same server:
//! `{serverUrl}/?view=phone&appId={appId}&signInKey={signInKey}`. A deployer whose
//! mini-program reads something else (a bare key, a `weixin://` link, another page) passes
//! its own template.
//!
//! Filling rules: `{serverUrl}` is inserted as given, without trailing slashes (it is the start
//! of a URL); `{appId}` is digits; `{signInKey}` is percent-encoded like `encodeURIComponent`
//! (a numeric key is unchanged), so a key can never break out of a query value. Placeholders
//! are replaced in one pass: a value that looks like a placeholder is not filled again, and
//! any other `{…}` stays as it is.

use crate::api::{encode_component, SignInKey};

/// The default template: the demo's phone page on the same server, with both ids as query
/// parameters.
pub const DEFAULT_QR_TEMPLATE: &str = "{serverUrl}/?view=phone&appId={appId}&signInKey={signInKey}";

/// `template` with its placeholders filled (see the module's rules).
///
/// ```
/// use oauthapp_login::api::SignInKey;
/// use oauthapp_login::components::{fill_qr_template, DEFAULT_QR_TEMPLATE};
/// let text = fill_qr_template(DEFAULT_QR_TEMPLATE, "https://id.example/", 2, &SignInKey::from_number(19));
/// assert_eq!(text, "https://id.example/?view=phone&appId=2&signInKey=19");
/// ```
pub fn fill_qr_template(template: &str, server_url: &str, app_id: u64, key: &SignInKey) -> String {
    let server_url = server_url.trim().trim_end_matches('/');
    let app_id = app_id.to_string();
    let key = encode_component(&key.to_string());
    let values: [(&str, &str); 3] = [
        ("{serverUrl}", server_url),
        ("{appId}", &app_id),
        ("{signInKey}", &key),
    ];
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let (before, from) = rest.split_at(start);
        out.push_str(before);
        match values.iter().find(|(name, _)| from.starts_with(name)) {
            Some((name, value)) => {
                out.push_str(value);
                rest = from.get(name.len()..).unwrap_or("");
            }
            None => {
                out.push('{');
                rest = from.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_template_gives_the_phone_page_url() {
        let key = SignInKey::from_number(7_281_004_213);
        assert_eq!(
            fill_qr_template(DEFAULT_QR_TEMPLATE, " http://127.0.0.1:8787// ", 2, &key),
            "http://127.0.0.1:8787/?view=phone&appId=2&signInKey=7281004213"
        );
    }

    #[test]
    fn text_keys_are_percent_encoded() {
        let key = SignInKey::from_text("a b&c=d#e");
        assert_eq!(
            fill_qr_template("k={signInKey}", "", 1, &key),
            "k=a%20b%26c%3Dd%23e"
        );
    }

    #[test]
    fn placeholders_are_filled_once_and_others_kept() {
        let key = SignInKey::from_text("{appId}");
        assert_eq!(
            fill_qr_template("{appId}/{signInKey}/{other}/{", "{appId}", 5, &key),
            "5/%7BappId%7D/{other}/{"
        );
        assert_eq!(
            fill_qr_template("{serverUrl}|{serverUrl}", "https://x/", 5, &key),
            "https://x|https://x"
        );
        assert_eq!(fill_qr_template("中文{appId}", "", 3, &key), "中文3");
    }
}
