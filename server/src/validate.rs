//! Field rules shared by the calls: phones, emails, URLs, passwords and length limits.

use crate::error::ApiError;

/// Longest user name.
pub const MAX_USER_NAME: usize = 64;
/// Shortest password.
pub const MIN_PWD: usize = 6;
/// Longest password.
pub const MAX_PWD: usize = 128;
/// Longest nickname.
pub const MAX_NICK: usize = 64;
/// Longest avatar (a URL or a `data:image/` URI).
pub const MAX_AVATAR: usize = 32 * 1024;
/// Longest custom `data`.
pub const MAX_DATA: usize = 16 * 1024;
/// Longest third-party id.
pub const MAX_UNION_ID: usize = 128;
/// Longest platform name.
pub const MAX_PLATFORM: usize = 32;
/// Longest remark.
pub const MAX_REMARK: usize = 256;
/// Longest scopes list.
pub const MAX_SCOPES: usize = 512;
/// Longest redirect URI.
pub const MAX_URI: usize = 2048;
/// Longest phone or email as typed.
pub const MAX_CONTACT: usize = 254;
/// Longest code accepted for comparison.
pub const MAX_CODE: usize = 16;

/// A mainland mobile number (`1[3-9]` + 9 digits) or an international `+` and 6..15 digits.
pub fn phone(s: &str) -> Result<(), ApiError> {
    let b = s.as_bytes();
    let digits = |x: &[u8]| x.iter().all(u8::is_ascii_digit);
    let mainland = b.len() == 11
        && b.first() == Some(&b'1')
        && b.get(1).is_some_and(|c| (b'3'..=b'9').contains(c))
        && digits(b);
    let intl = match b.split_first() {
        Some((b'+', rest)) => (6..=15).contains(&rest.len()) && digits(rest),
        _ => false,
    };
    if mainland || intl {
        Ok(())
    } else {
        Err(ApiError::Invalid("phone"))
    }
}

/// A plausible email address: `local@domain.tld`, no spaces, at most 254 characters.
pub fn email(s: &str) -> Result<(), ApiError> {
    let bad = || ApiError::Invalid("email");
    if s.len() > MAX_CONTACT || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad());
    }
    let (local, domain) = s.split_once('@').ok_or_else(bad)?;
    let labels_ok = domain.split('.').all(|l| !l.is_empty());
    if local.is_empty() || domain.contains('@') || !domain.contains('.') || !labels_ok {
        return Err(bad());
    }
    Ok(())
}

/// A password: 6..128 characters, no control characters.
pub fn pwd(name: &'static str, s: &str) -> Result<(), ApiError> {
    if s.chars().count() < MIN_PWD {
        return Err(ApiError::TooShort(name, MIN_PWD));
    }
    crate::body::check_text(name, s, MAX_PWD, false)
}

/// An `http:` or `https:` URL with a host and no spaces.
pub fn http_url(name: &'static str, s: &str) -> Result<(), ApiError> {
    let lower = s.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .ok_or(ApiError::Invalid(name))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(ApiError::Invalid(name));
    }
    Ok(())
}

/// An avatar: an http(s) URL or a `data:image/` URI.
pub fn avatar(s: &str) -> Result<(), ApiError> {
    if s.get(..11)
        .is_some_and(|p| p.eq_ignore_ascii_case("data:image/"))
    {
        return if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
            Err(ApiError::Invalid("avatar"))
        } else {
            Ok(())
        };
    }
    http_url("avatar", s)
}

/// A user name as stored: NFKC-normalised (so full-width and other compatibility forms
/// meet their plain twins in the uniqueness check), without surrounding spaces, without
/// invisible or direction-changing characters, and not mixing Latin with Cyrillic or Greek
/// letters (the common look-alike trick).
pub fn user_name(s: &str) -> Result<String, ApiError> {
    use unicode_normalization::UnicodeNormalization;
    let n: String = s.nfkc().collect();
    if n.trim() != n || n.is_empty() {
        return Err(ApiError::Invalid("userName"));
    }
    if n.chars()
        .any(|c| invisible(c) || (c.is_whitespace() && c != ' '))
    {
        return Err(ApiError::UserNameChars);
    }
    let latin = n
        .chars()
        .any(|c| c.is_ascii_alphabetic() || ('\u{C0}'..='\u{24F}').contains(&c));
    let greek_cyrillic = n
        .chars()
        .any(|c| ('\u{370}'..='\u{3FF}').contains(&c) || ('\u{400}'..='\u{52F}').contains(&c));
    if latin && greek_cyrillic {
        return Err(ApiError::UserNameChars);
    }
    crate::body::check_text("userName", &n, MAX_USER_NAME, false)?;
    Ok(n)
}

/// Whether a user name has the shape of a phone number or an email address.
pub fn contact_shaped(s: &str) -> bool {
    phone(s).is_ok() || email(s).is_ok()
}

/// Format characters, bidirectional controls and fillers that render as nothing.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{AD}' | '\u{34F}' | '\u{61C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{2800}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF0}'..='\u{FFFB}' | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E0FFF}')
}

/// A platform name: letters, digits, `_`, `-`, `.`.
pub fn platform(s: &str) -> Result<(), ApiError> {
    if s.chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
    {
        Ok(())
    } else {
        Err(ApiError::Invalid("platform"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones() {
        assert!(phone("13800138000").is_ok());
        assert!(phone("+4915112345678").is_ok());
        assert!(phone("12800138000").is_err());
        assert!(phone("1380013800").is_err());
        assert!(phone("+12345").is_err());
        assert!(phone("'; DROP TABLE users;--").is_err());
    }

    #[test]
    fn emails() {
        assert!(email("a@b.co").is_ok());
        assert!(email("a@b").is_err());
        assert!(email("@b.co").is_err());
        assert!(email("a b@c.co").is_err());
        assert!(email("a@b..co").is_err());
    }

    #[test]
    fn user_names() {
        assert_eq!(user_name("alice").unwrap(), "alice");
        assert_eq!(user_name("ｖｉｃｔｉｍ").unwrap(), "victim");
        assert_eq!(user_name("张三").unwrap(), "张三");
        assert_eq!(user_name("\u{202e}evil"), Err(ApiError::UserNameChars));
        assert_eq!(user_name("victim\u{200b}"), Err(ApiError::UserNameChars));
        assert_eq!(user_name("p\u{430}ypal"), Err(ApiError::UserNameChars));
        assert_eq!(user_name("Ωμέγα").unwrap(), "Ωμέγα");
        assert_eq!(user_name("a\u{3000}"), Err(ApiError::Invalid("userName")));
        assert!(contact_shaped("13800138001"));
        assert!(contact_shaped("a@b.co"));
        assert!(!contact_shaped("alice"));
    }

    #[test]
    fn urls() {
        assert!(http_url("u", "https://x.org/cb?x=1").is_ok());
        assert!(http_url("u", "HTTP://x").is_ok());
        assert!(http_url("u", "javascript:alert(1)").is_err());
        assert!(http_url("u", "https:///path").is_err());
        assert!(avatar("data:image/png;base64,AAAA").is_ok());
        assert!(avatar("ftp://x/y.png").is_err());
    }
}
