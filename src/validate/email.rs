//! E-mail address syntax (a practical subset of RFC 5321, without a regex engine).

use super::{required, Checked};
use crate::i18n::{Key, Message};

/// Longest address accepted.
const MAX_LEN: usize = 254;
/// Longest local part accepted.
const MAX_LOCAL: usize = 64;

/// An e-mail address `local@domain` (see the module rules). Spaces around it are ignored.
pub fn email(input: &str) -> Checked {
    let value = required(input)?;
    if is_email(&value) {
        Ok(value)
    } else {
        Err(Message::Key(Key::ValidateEmail))
    }
}

/// True when `value` has the syntax of an address.
fn is_email(value: &str) -> bool {
    if value.chars().count() > MAX_LEN {
        return false;
    }
    let Some((local, domain)) = value.rsplit_once('@') else {
        return false;
    };
    is_local(local) && is_domain(domain)
}

/// The part before `@`.
fn is_local(local: &str) -> bool {
    !local.is_empty()
        && local.chars().count() <= MAX_LOCAL
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| !c.is_whitespace() && !c.is_control() && !"(),:;<>[\\]\"@".contains(c))
}

/// The part after `@`: labels separated by dots, the last one alphabetic, 2+ characters.
fn is_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    let tld_ok = labels
        .last()
        .is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic));
    labels.len() >= 2
        && tld_ok
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.chars().count() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_addresses() {
        for good in [
            "a@b.cn",
            "first.last+tag@mail.example.com",
            "  user_1@sub-domain.example.org ",
            "用户@例子.中国",
        ] {
            assert_eq!(email(good), Ok(good.trim().to_owned()), "{good}");
        }
    }

    #[test]
    fn refuses_non_addresses() {
        for bad in [
            "plain",
            "@example.com",
            "a@",
            "a@b",
            "a@b.c",
            "a@b..com",
            "a@-b.com",
            "a@b-.com",
            "a b@c.com",
            ".a@b.com",
            "a.@b.com",
            "a..b@c.com",
            "a@b@c.com",
            "a@b.c0m",
            "a<b>@c.com",
        ] {
            assert_eq!(email(bad), Err(Message::Key(Key::ValidateEmail)), "{bad}");
        }
        assert_eq!(email(""), Err(Message::Key(Key::ValidateRequired)));
    }

    #[test]
    fn refuses_overlong() {
        let long_local = format!("{}@example.com", "a".repeat(65));
        assert!(email(&long_local).is_err());
        let long_total = format!("a@{}.com", "b".repeat(250));
        assert!(email(&long_total).is_err());
    }
}
