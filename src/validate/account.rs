//! User names and nicknames.

use super::{email, phone, required, trimmed, Checked};
use crate::i18n::{Key, Message};

/// Fewest characters in a user name.
pub const MIN_USER_NAME: usize = 3;
/// Most characters in a user name.
pub const MAX_USER_NAME: usize = 32;
/// Most characters in a nickname.
pub const MAX_NICKNAME: usize = 32;

/// A new user name: 3 to 32 characters, each an ASCII letter or digit, `_ - . @`, or a
/// Chinese character. Spaces around it are ignored.
pub fn user_name(input: &str) -> Checked {
    let value = required(input)?;
    let len = value.chars().count();
    let chars_ok = value.chars().all(is_name_char);
    if (MIN_USER_NAME..=MAX_USER_NAME).contains(&len) && chars_ok {
        Ok(value)
    } else {
        Err(Message::Key(Key::ValidateUserName))
    }
}

/// The name typed at account sign-in: a user name, a mobile number or an e-mail address
/// (API.md D10 lets account sign-in find a user by phone or email).
pub fn sign_in_name(input: &str, allow_international: bool) -> Checked {
    let value = required(input)?;
    user_name(&value)
        .or_else(|_| phone(&value, allow_international))
        .or_else(|_| email(&value))
        .map_err(|_| Message::Key(Key::ValidateUserName))
}

/// An optional nickname: empty, or at most [`MAX_NICKNAME`] characters. Spaces around it are
/// ignored.
pub fn nickname(input: &str) -> Checked {
    let value = trimmed(input);
    if value.chars().count() <= MAX_NICKNAME && !value.chars().any(char::is_control) {
        Ok(value.to_owned())
    } else {
        Err(Message::with_n(
            Key::ValidateNicknameLong,
            MAX_NICKNAME as u64,
        ))
    }
}

/// A character allowed in a user name.
fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '_' | '-' | '.' | '@')
        || ('\u{4e00}'..='\u{9fff}').contains(&c)
        || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_names() {
        for good in ["abc", " zhang_san ", "张三丰", "a.b-c@d", &"x".repeat(32)] {
            assert_eq!(user_name(good), Ok(good.trim().to_owned()), "{good}");
        }
        for bad in [
            "ab",
            "张三",
            "has space",
            "semi;colon",
            "emoji😀x",
            &"x".repeat(33),
        ] {
            assert_eq!(
                user_name(bad),
                Err(Message::Key(Key::ValidateUserName)),
                "{bad}"
            );
        }
        assert_eq!(user_name("  "), Err(Message::Key(Key::ValidateRequired)));
    }

    #[test]
    fn sign_in_accepts_phone_and_email_too() {
        assert_eq!(sign_in_name("13800138000", false), Ok("13800138000".into()));
        assert_eq!(
            sign_in_name("+447911123456", true),
            Ok("+447911123456".into())
        );
        assert_eq!(
            sign_in_name("a.very.long.address.for.someone@example.com", false),
            Ok("a.very.long.address.for.someone@example.com".into())
        );
        assert_eq!(
            sign_in_name("x y", false),
            Err(Message::Key(Key::ValidateUserName))
        );
        assert_eq!(
            sign_in_name("", false),
            Err(Message::Key(Key::ValidateRequired))
        );
    }

    #[test]
    fn nicknames() {
        assert_eq!(nickname("   "), Ok(String::new()));
        assert_eq!(nickname(" 小明 "), Ok("小明".into()));
        assert_eq!(
            nickname(&"n".repeat(33)),
            Err(Message::with_n(Key::ValidateNicknameLong, 32))
        );
    }
}
