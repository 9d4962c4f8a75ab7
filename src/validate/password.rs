//! Passwords and their confirmation.

use super::Checked;
use crate::i18n::{Key, Message};

/// The shortest password accepted unless the host raises it.
pub const DEFAULT_MIN_PWD: usize = 6;
/// The longest password accepted.
pub const MAX_PWD: usize = 128;

/// A password of at least `min_len` (at least 1) and at most [`MAX_PWD`] characters.
/// Not trimmed: a space may be part of a password. A blank one is "required".
pub fn password(input: &str, min_len: usize) -> Checked {
    let len = input.chars().count();
    if input.trim().is_empty() {
        Err(Message::Key(Key::ValidateRequired))
    } else if len < min_len.max(1) {
        Err(Message::with_n(Key::ValidatePwdShort, min_len as u64))
    } else if len > MAX_PWD {
        Err(Message::with_n(Key::ValidatePwdLong, MAX_PWD as u64))
    } else {
        Ok(input.to_owned())
    }
}

/// The password typed at sign-in: anything not blank (the length rules are for new ones).
pub fn required_pwd(input: &str) -> Checked {
    if input.trim().is_empty() {
        Err(Message::Key(Key::ValidateRequired))
    } else {
        Ok(input.to_owned())
    }
}

/// The confirmation: identical to the password.
pub fn confirm(pwd: &str, again: &str) -> Checked {
    if again.is_empty() {
        Err(Message::Key(Key::ValidateRequired))
    } else if pwd != again {
        Err(Message::Key(Key::ValidatePwdMismatch))
    } else {
        Ok(again.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_rules() {
        assert_eq!(password("123456", DEFAULT_MIN_PWD), Ok("123456".into()));
        assert_eq!(password("密码密码密码", 6), Ok("密码密码密码".into()));
        assert_eq!(
            password("12345", 6),
            Err(Message::with_n(Key::ValidatePwdShort, 6))
        );
        assert_eq!(
            password("12345678", 10),
            Err(Message::with_n(Key::ValidatePwdShort, 10))
        );
        assert_eq!(
            password(&"p".repeat(129), 6),
            Err(Message::with_n(Key::ValidatePwdLong, 128))
        );
        assert_eq!(
            password("      ", 6),
            Err(Message::Key(Key::ValidateRequired))
        );
    }

    #[test]
    fn keeps_spaces_inside_passwords() {
        assert_eq!(password(" pass word ", 6), Ok(" pass word ".into()));
    }

    #[test]
    fn sign_in_password_only_needs_something() {
        assert_eq!(required_pwd("1"), Ok("1".into()));
        assert_eq!(required_pwd("  "), Err(Message::Key(Key::ValidateRequired)));
    }

    #[test]
    fn confirmation() {
        assert_eq!(confirm("secret1", "secret1"), Ok("secret1".into()));
        assert_eq!(
            confirm("secret1", "secret2"),
            Err(Message::Key(Key::ValidatePwdMismatch))
        );
        assert_eq!(
            confirm("secret1", ""),
            Err(Message::Key(Key::ValidateRequired))
        );
    }
}
