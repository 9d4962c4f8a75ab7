//! Scopes in plain words.

use crate::i18n::Key;

/// The scopes of a space-separated list (commas tolerated), in order, without repeats.
pub fn scope_list(scopes: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in scopes
        .split([' ', ',', '\t', '\n'])
        .filter(|s| !s.is_empty())
    {
        if !out.iter().any(|o| o == s) {
            out.push(s.to_owned());
        }
    }
    out
}

/// The sentence of a known scope (any case; the vendor's `promission` spelling included),
/// `None` for a scope to show as it is.
pub fn scope_key(scope: &str) -> Option<Key> {
    match scope.to_ascii_lowercase().as_str() {
        "openid" => Some(Key::ScopeOpenid),
        "profile" => Some(Key::ScopeProfile),
        "phone" | "mobile" => Some(Key::ScopePhone),
        "email" => Some(Key::ScopeEmail),
        "role" | "roles" => Some(Key::ScopeRole),
        "permission" | "permissions" | "promission" => Some(Key::ScopePermission),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_scopes_once_each() {
        assert_eq!(
            scope_list(" openid  profile,role openid "),
            vec!["openid", "profile", "role"]
        );
        assert!(scope_list("  ").is_empty());
    }

    #[test]
    fn knows_the_vendor_scopes() {
        assert_eq!(scope_key("openid"), Some(Key::ScopeOpenid));
        assert_eq!(scope_key("PROFILE"), Some(Key::ScopeProfile));
        assert_eq!(scope_key("promission"), Some(Key::ScopePermission));
        assert_eq!(scope_key("permission"), Some(Key::ScopePermission));
        assert_eq!(scope_key("phone"), Some(Key::ScopePhone));
        assert_eq!(scope_key("email"), Some(Key::ScopeEmail));
        assert_eq!(scope_key("role"), Some(Key::ScopeRole));
        assert_eq!(scope_key("x-custom:read"), None);
    }
}
