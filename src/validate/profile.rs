//! The checks of the profile form.

use crate::i18n::{Key, Message};
use crate::validate::url::safe_image_url;
use crate::validate::Checked;

/// The longest custom data accepted, in characters (the reference server's 16 KiB).
pub const MAX_DATA: usize = 16 * 1024;

/// The avatar URL to send: empty (no avatar), or a URL that may be shown (see
/// [`safe_image_url`]).
pub fn check_avatar(input: &str) -> Checked {
    let value = input.trim();
    if value.is_empty() {
        return Ok(String::new());
    }
    safe_image_url(value).ok_or(Message::Key(Key::ProfileAvatarBad))
}

/// The custom data to send, as typed. When it looks like JSON (starts with `{` or `[` after
/// white space) it must parse as JSON; the message then quotes the parser's reason.
pub fn check_data(input: &str) -> Checked {
    if input.chars().count() > MAX_DATA {
        return Err(Message::with_n(Key::ProfileDataLong, MAX_DATA as u64));
    }
    let start = input.trim_start();
    if start.starts_with('{') || start.starts_with('[') {
        if let Err(e) = serde_json::from_slice::<serde_json::Value>(input.as_bytes()) {
            return Err(Message::With(
                Key::ProfileDataBad,
                vec![("reason", e.to_string())],
            ));
        }
    }
    Ok(input.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_that_looks_like_json_must_be_json() {
        assert_eq!(check_data(""), Ok(String::new()));
        assert_eq!(check_data("plain text"), Ok("plain text".into()));
        assert_eq!(
            check_data(" {\"a\": [1, 2]} "),
            Ok(" {\"a\": [1, 2]} ".into())
        );
        assert_eq!(check_data("[1,2]"), Ok("[1,2]".into()));
        for bad in ["{", "{\"a\":}", "[1,2", " {a: 1}", "{\"a\":1} trailing"] {
            let err = check_data(bad).unwrap_err();
            assert_eq!(err.key(), Some(Key::ProfileDataBad), "{bad}");
            match err {
                Message::With(_, args) => assert!(!args[0].1.is_empty()),
                other => panic!("{other:?}"),
            }
        }
        let long = "x".repeat(MAX_DATA + 1);
        assert_eq!(
            check_data(&long).unwrap_err().key(),
            Some(Key::ProfileDataLong)
        );
    }

    #[test]
    fn avatar_is_empty_or_a_showable_url() {
        assert_eq!(check_avatar("  "), Ok(String::new()));
        assert_eq!(
            check_avatar(" https://x.com/a.png "),
            Ok("https://x.com/a.png".into())
        );
        assert!(check_avatar("data:image/png;base64,AAAA").is_ok());
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "/a.png",
            "https://",
        ] {
            assert_eq!(
                check_avatar(bad),
                Err(Message::Key(Key::ProfileAvatarBad)),
                "{bad}"
            );
        }
    }
}
