//! Mobile numbers: mainland China, and international ones when the host allows them.

use super::{required, Checked};
use crate::i18n::{Key, Message};

/// A mobile number: 11 digits `1[3-9]…`, or, when `allow_international`, `+` and 8 to 15
/// digits (the first not `0`). Spaces around it are ignored.
pub fn phone(input: &str, allow_international: bool) -> Checked {
    let value = required(input)?;
    let ok = is_mainland(&value) || (allow_international && is_international(&value));
    if ok {
        Ok(value)
    } else if allow_international {
        Err(Message::Key(Key::ValidatePhoneIntl))
    } else {
        Err(Message::Key(Key::ValidatePhone))
    }
}

/// `1[3-9]` followed by 9 digits.
fn is_mainland(value: &str) -> bool {
    let b = value.as_bytes();
    b.len() == 11
        && b.iter().all(u8::is_ascii_digit)
        && b.first() == Some(&b'1')
        && b.get(1).is_some_and(|d| (b'3'..=b'9').contains(d))
}

/// `+`, then 8 to 15 digits not starting with 0 (E.164).
fn is_international(value: &str) -> bool {
    let Some(digits) = value.strip_prefix('+') else {
        return false;
    };
    let b = digits.as_bytes();
    (8..=15).contains(&b.len())
        && b.iter().all(u8::is_ascii_digit)
        && b.first().is_some_and(|d| *d != b'0')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mainland_numbers() {
        assert_eq!(phone("13800138000", false), Ok("13800138000".into()));
        assert_eq!(phone("  19912345678 ", false), Ok("19912345678".into()));
        for bad in [
            "12800138000",
            "10800138000",
            "1380013800",
            "138001380000",
            "1380013800a",
            "２3800138000",
        ] {
            assert_eq!(
                phone(bad, false),
                Err(Message::Key(Key::ValidatePhone)),
                "{bad}"
            );
        }
        assert_eq!(
            phone("   ", false),
            Err(Message::Key(Key::ValidateRequired))
        );
    }

    #[test]
    fn international_only_when_allowed() {
        assert_eq!(
            phone("+447911123456", false),
            Err(Message::Key(Key::ValidatePhone))
        );
        assert_eq!(phone("+447911123456", true), Ok("+447911123456".into()));
        assert_eq!(phone("+8613800138000", true), Ok("+8613800138000".into()));
        assert_eq!(phone("13800138000", true), Ok("13800138000".into()));
        for bad in [
            "+0447911123",
            "+1234567",
            "+1234567890123456",
            "+44 7911 123456",
            "++4479111234",
            "+",
        ] {
            assert_eq!(
                phone(bad, true),
                Err(Message::Key(Key::ValidatePhoneIntl)),
                "{bad}"
            );
        }
    }
}
