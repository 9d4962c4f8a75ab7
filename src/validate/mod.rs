//! The checks made on what a person typed, before any request is sent.
//!
//! Every check takes the raw input and returns [`Checked`]: the value to send (spaces around
//! it removed) or the [`Message`] to show under the field. They are plain functions, tested
//! natively, with no regex engine (to keep the wasm small).
//!
//! Rules (the widget's choice where the API leaves it open):
//! - mobile numbers: mainland China, 11 digits `1[3-9]` + 9 digits; when the host allows it,
//!   also international `+<country code><number>`, 8 to 15 digits after the `+` (E.164);
//! - e-mail: `local@domain`, local part of at most 64 characters without spaces or
//!   `( ) , : ; < > [ \ ] "`, no leading, trailing or double dot; domain of dot-separated
//!   labels of letters, digits and `-` (not at either end), the last one of 2 or more letters;
//!   at most 254 characters in all;
//! - user names (sign-up): 3 to 32 characters, each an ASCII letter or digit, `_ - . @`, or a
//!   Chinese character (CJK Unified Ideographs and Extension A); at sign-in a mobile number or
//!   an e-mail address is accepted too (API.md D10);
//! - passwords: at least [`DEFAULT_MIN_PWD`] characters (the host may raise it), at most
//!   [`MAX_PWD`]; not trimmed, since a space may be part of a password; the confirmation must
//!   be identical;
//! - codes: exactly [`CODE_LEN`] ASCII digits;
//! - nicknames: optional, at most [`MAX_NICKNAME`] characters;
//! - a consent's validity: 1 to 99 whole days ([`days`]);
//! - URLs from outside (redirects, images, links): [`url`]; the profile's fields: [`profile`];
//!   a recharge: [`points`].

mod account;
mod code;
mod days;
mod email;
mod password;
mod phone;
pub mod points;
pub mod profile;
pub mod url;

pub use account::{nickname, sign_in_name, user_name, MAX_NICKNAME, MAX_USER_NAME, MIN_USER_NAME};
pub use code::{code, CODE_LEN};
pub use days::{days, DAYS};
pub use email::email;
pub use password::{confirm, password, required_pwd, DEFAULT_MIN_PWD, MAX_PWD};
pub use phone::phone;

use crate::i18n::{Key, Message};

/// The outcome of a check: the value to send, or the message to show under the field.
pub type Checked = Result<String, Message>;

/// The value with spaces (and other white space) around it removed.
pub fn trimmed(input: &str) -> &str {
    input.trim()
}

/// A non-empty value, trimmed.
pub fn required(input: &str) -> Checked {
    let value = trimmed(input);
    if value.is_empty() {
        Err(Message::Key(Key::ValidateRequired))
    } else {
        Ok(value.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_trims_and_refuses_blank() {
        assert_eq!(required("  a b "), Ok("a b".into()));
        assert_eq!(required(" \t\n"), Err(Message::Key(Key::ValidateRequired)));
        assert_eq!(required(""), Err(Message::Key(Key::ValidateRequired)));
    }
}
