//! Verification codes.

use super::{required, Checked};
use crate::i18n::{Key, Message};

/// The number of digits of a code (the reference server sends 6).
pub const CODE_LEN: usize = 6;

/// A code of exactly [`CODE_LEN`] ASCII digits. Spaces around it are ignored.
pub fn code(input: &str) -> Checked {
    let value = required(input)?;
    if value.len() == CODE_LEN && value.bytes().all(|b| b.is_ascii_digit()) {
        Ok(value)
    } else {
        Err(Message::with_n(Key::ValidateCode, CODE_LEN as u64))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn six_digits_only() {
        assert_eq!(code(" 012345 "), Ok("012345".into()));
        for bad in ["12345", "1234567", "12345a", "12 345", "１２３４５６"] {
            assert_eq!(
                code(bad),
                Err(Message::with_n(Key::ValidateCode, 6)),
                "{bad}"
            );
        }
        assert_eq!(code(""), Err(Message::Key(Key::ValidateRequired)));
    }
}
