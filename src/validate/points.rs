//! The checks of the recharge form.

use crate::i18n::{Key, Message};
use crate::validate::Checked;

/// The largest amount accepted in one recharge (the reference server's limit).
pub const MAX_PRICE: u64 = 1_000_000_000;

/// The longest remark accepted, in characters.
pub const MAX_REMARK: usize = 256;

/// A whole amount from 1 to [`MAX_PRICE`] (ASCII digits only; spaces around allowed).
pub fn check_price(input: &str) -> Result<u64, Message> {
    let value = input.trim();
    if value.is_empty() || value.len() > 10 || !value.chars().all(|c| c.is_ascii_digit()) {
        return Err(Message::Key(Key::PointsPriceBad));
    }
    match value.parse::<u64>() {
        Ok(n) if (1..=MAX_PRICE).contains(&n) => Ok(n),
        _ => Err(Message::Key(Key::PointsPriceBad)),
    }
}

/// An optional remark of at most [`MAX_REMARK`] characters, trimmed.
pub fn check_remark(input: &str) -> Checked {
    let value = input.trim();
    if value.chars().count() > MAX_REMARK {
        Err(Message::with_n(Key::PointsRemarkLong, MAX_REMARK as u64))
    } else {
        Ok(value.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn price_is_a_whole_number_of_at_least_one() {
        assert_eq!(check_price("1"), Ok(1));
        assert_eq!(check_price(" 250 "), Ok(250));
        assert_eq!(check_price("1000000000"), Ok(MAX_PRICE));
        for bad in [
            "",
            "0",
            "-5",
            "1.5",
            "1e3",
            "abc",
            "1000000001",
            "99999999999",
            "+3",
            "１",
        ] {
            assert_eq!(
                check_price(bad),
                Err(Message::Key(Key::PointsPriceBad)),
                "{bad}"
            );
        }
    }

    #[test]
    fn remark_is_short() {
        assert_eq!(check_remark("  hi "), Ok("hi".into()));
        assert!(check_remark(&"好".repeat(MAX_REMARK)).is_ok());
        assert!(check_remark(&"好".repeat(MAX_REMARK + 1)).is_err());
    }
}
