//! Classifies an API error into a sentence for a person.

use super::{Key, Message};
use crate::api::ApiError;

/// The sentence for an API error, in the person's language once rendered.
///
/// - A refusal with a non-empty `err` shows the server's own sentence (the client sends the
///   widget's language as `Accept-Language`, so it is already in the right language).
/// - A refusal without `err` is classified by its code (400, 401, 403, 404, 409, 410, 429).
/// - Network failure, timeout, HTTP error status and an unreadable answer each have a key.
pub fn message_for_error(error: &ApiError) -> Message {
    match error {
        ApiError::Network(_) => Message::Key(Key::ErrorNetwork),
        ApiError::Encode(_) => Message::Key(Key::ErrorEncode),
        ApiError::Timeout => Message::Key(Key::ErrorTimeout),
        ApiError::Http { status } => {
            Message::With(Key::ErrorHttp, vec![("status", status.to_string())])
        }
        ApiError::BadResponse(_) => Message::Key(Key::ErrorBadResponse),
        ApiError::Api { code, err } => {
            let err = err.trim();
            if err.is_empty() {
                Message::Key(key_for_code(*code))
            } else {
                Message::Text(err.to_owned())
            }
        }
    }
}

/// The key for a refusal that came without a sentence.
fn key_for_code(code: i64) -> Key {
    match code {
        400 | 413 => Key::ErrorBadInput,
        401 => Key::ErrorCredentials,
        403 => Key::ErrorForbidden,
        404 => Key::ErrorNotFound,
        409 => Key::ErrorExists,
        410 => Key::ErrorExpired,
        429 => Key::ErrorTooSoon,
        _ => Key::ErrorRefused,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_transport_errors() {
        assert_eq!(
            message_for_error(&ApiError::Network("x".into())).key(),
            Some(Key::ErrorNetwork)
        );
        assert_eq!(
            message_for_error(&ApiError::Timeout).key(),
            Some(Key::ErrorTimeout)
        );
        assert_eq!(
            message_for_error(&ApiError::Http { status: 502 }),
            Message::With(Key::ErrorHttp, vec![("status", "502".into())])
        );
        assert_eq!(
            message_for_error(&ApiError::BadResponse("not json".into())).key(),
            Some(Key::ErrorBadResponse)
        );
    }

    #[test]
    fn shows_the_server_sentence_when_there_is_one() {
        let e = ApiError::Api {
            code: 401,
            err: " 密码错误 ".into(),
        };
        assert_eq!(message_for_error(&e), Message::Text("密码错误".into()));
    }

    #[test]
    fn classifies_silent_refusals_by_code() {
        let cases = [
            (400, Key::ErrorBadInput),
            (401, Key::ErrorCredentials),
            (403, Key::ErrorForbidden),
            (404, Key::ErrorNotFound),
            (409, Key::ErrorExists),
            (410, Key::ErrorExpired),
            (429, Key::ErrorTooSoon),
            (500, Key::ErrorRefused),
        ];
        for (code, key) in cases {
            let e = ApiError::Api {
                code,
                err: String::new(),
            };
            assert_eq!(message_for_error(&e).key(), Some(key), "code {code}");
        }
    }
}
