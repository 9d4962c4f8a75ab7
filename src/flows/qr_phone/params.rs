//! Reading the phone page's `appId` and `signInKey` from its address (the URL the QR code
//! encodes, API.md D5), as plain string work tested natively.

use crate::api::SignInKey;

/// The largest integer JavaScript holds exactly (2^53 - 1): a longer run of digits is kept as
/// text so that no digit is lost.
const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;

/// The value of the first `name=value` pair of a query string (`?a=1&b=2`, the `?` optional),
/// percent-decoded (`+` read as a space). `None` when the name is absent or the value is not
/// valid UTF-8 once decoded.
pub fn query_param(search: &str, name: &str) -> Option<String> {
    let search = search.strip_prefix('?').unwrap_or(search);
    search
        .split('&')
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .find(|(k, _)| decode(k).as_deref() == Some(name))
        .and_then(|(_, v)| decode(v))
}

/// `text` percent-decoded, with `+` as a space; `None` when the bytes are not UTF-8. A `%`
/// not followed by two hex digits is kept as it is.
fn decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = |at: usize| bytes.get(at).and_then(|c| char::from(*c).to_digit(16));
        match (b, hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b'+', _, _) => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// The key as it came through the address: digits that fit a JavaScript number are sent
/// back as a JSON number (as `QRCodePreSignIn` gave them, D7), anything else as text.
/// `None` when blank.
pub fn key_from_text(text: &str) -> Option<SignInKey> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let digits = text.bytes().all(|b| b.is_ascii_digit());
    match text.parse::<i64>() {
        Ok(n) if digits && n <= MAX_SAFE_INTEGER && (n == 0 || !text.starts_with('0')) => {
            Some(SignInKey::from_number(n))
        }
        _ => Some(SignInKey::from_text(text)),
    }
}

/// An application id: digits only, at least 1.
pub fn app_id_from_text(text: &str) -> Option<u64> {
    let text = text.trim();
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse::<u64>().ok().filter(|n| *n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_decodes_parameters() {
        let q = "?view=phone&appId=2&signInKey=a%20b%26c&x=1+2&empty=&flag";
        assert_eq!(query_param(q, "view").as_deref(), Some("phone"));
        assert_eq!(query_param(q, "appId").as_deref(), Some("2"));
        assert_eq!(query_param(q, "signInKey").as_deref(), Some("a b&c"));
        assert_eq!(query_param(q, "x").as_deref(), Some("1 2"));
        assert_eq!(query_param(q, "empty").as_deref(), Some(""));
        assert_eq!(query_param(q, "flag").as_deref(), Some(""));
        assert_eq!(query_param(q, "appid"), None);
        assert_eq!(query_param("", "appId"), None);
    }

    #[test]
    fn first_value_wins_and_bad_escapes_do_not_panic() {
        assert_eq!(query_param("a=1&a=2", "a").as_deref(), Some("1"));
        assert_eq!(query_param("a=%zz%4", "a").as_deref(), Some("%zz%4"));
        assert_eq!(query_param("a=%E4%B8%AD", "a").as_deref(), Some("中"));
        assert_eq!(query_param("a=%FF", "a"), None);
        assert_eq!(query_param("a=%", "a").as_deref(), Some("%"));
    }

    #[test]
    fn keys_keep_their_kind() {
        assert_eq!(key_from_text("19"), Some(SignInKey::from_number(19)));
        assert_eq!(
            key_from_text("9007199254740991"),
            Some(SignInKey::from_number(9_007_199_254_740_991))
        );
        // Too big for a JavaScript number, a leading zero, a sign, letters: kept as text.
        for text in ["9007199254740992", "0019", "-5", "+5", "k-19"] {
            assert_eq!(
                key_from_text(text),
                Some(SignInKey::from_text(text)),
                "{text}"
            );
        }
        assert_eq!(key_from_text("0"), Some(SignInKey::from_number(0)));
        assert_eq!(key_from_text("  "), None);
    }

    #[test]
    fn app_ids_are_positive_numbers() {
        assert_eq!(app_id_from_text(" 2 "), Some(2));
        for bad in ["", "0", "-2", "2a", "1e3", "99999999999999999999999"] {
            assert_eq!(app_id_from_text(bad), None, "{bad}");
        }
    }
}
