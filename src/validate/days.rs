//! The validity of an OAuth consent, in days (`expireInDays`, API call 13).

use crate::i18n::{Key, Message};

/// The validity in days a person may choose (`expireInDays`).
pub const DAYS: std::ops::RangeInclusive<u8> = 1..=99;

/// Reads a validity in days: a whole number in [`DAYS`].
pub fn days(input: &str) -> Result<u8, Message> {
    let value = input.trim();
    if value.is_empty() || !value.chars().all(|c| c.is_ascii_digit()) || value.len() > 2 {
        return Err(Message::Key(Key::ConsentDaysInvalid));
    }
    match value.parse::<u8>() {
        Ok(n) if DAYS.contains(&n) => Ok(n),
        _ => Err(Message::Key(Key::ConsentDaysInvalid)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_whole_numbers_from_1_to_99() {
        assert_eq!(days("1"), Ok(1));
        assert_eq!(days(" 99 "), Ok(99));
        assert_eq!(days("07"), Ok(7));
        for bad in ["", "0", "100", "-1", "1.5", "abc", "1e1", "999"] {
            assert_eq!(
                days(bad),
                Err(Message::Key(Key::ConsentDaysInvalid)),
                "{bad}"
            );
        }
    }
}
