//! The one error type of every API call.

use thiserror::Error;

/// Why an API call did not give its answer.
///
/// The variants tell apart where things went wrong: before any answer arrived
/// ([`Network`](ApiError::Network), [`Timeout`](ApiError::Timeout)), at the HTTP level
/// ([`Http`](ApiError::Http)), in the shape of the answer ([`BadResponse`](ApiError::BadResponse)),
/// or as a refusal by the API itself ([`Api`](ApiError::Api)).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ApiError {
    /// The request could not be made or got no answer (offline, DNS, refused connection,
    /// CORS, the connection dropped while the body was read). Carries the browser's message.
    #[error("network error: {0}")]
    Network(String),
    /// The request could not be encoded (nothing was sent). Carries the encoder's message.
    #[error("the request could not be encoded: {0}")]
    Encode(String),
    /// No complete answer arrived within the client's timeout; the request was aborted.
    #[error("the server did not answer in time")]
    Timeout,
    /// The server answered with an HTTP error status and a body that is not the API envelope.
    #[error("HTTP error {status}")]
    Http {
        /// The HTTP status code.
        status: u16,
    },
    /// The server answered with a success status but the body is not the API envelope,
    /// or its `data` does not have the shape this call expects.
    #[error("unexpected answer from the server: {0}")]
    BadResponse(String),
    /// The API refused the call: the envelope's `code` is not 200.
    #[error("the server refused ({code}): {err}")]
    Api {
        /// The envelope's `code` (the reference server uses HTTP-like codes: 400, 401, 404…).
        code: i64,
        /// The envelope's `err`, a sentence meant for a person (may be empty).
        err: String,
    },
}

impl ApiError {
    /// The API or HTTP code of this error, if the server answered at all.
    pub fn code(&self) -> Option<i64> {
        match self {
            ApiError::Api { code, .. } => Some(*code),
            ApiError::Http { status } => Some(i64::from(*status)),
            _ => None,
        }
    }

    /// The server's own human-readable reason, when it gave a non-empty one.
    pub fn server_message(&self) -> Option<&str> {
        match self {
            ApiError::Api { err, .. } if !err.trim().is_empty() => Some(err.as_str()),
            _ => None,
        }
    }

    /// True when the server said the token or the credentials are missing, invalid or expired
    /// (code or status 401).
    pub fn is_unauthorized(&self) -> bool {
        self.code() == Some(401)
    }

    /// True when the server said something has expired: a code or a QR sign-in key (410).
    pub fn is_expired(&self) -> bool {
        self.code() == Some(410)
    }

    /// True when the server said "too soon" or "too many tries" (429).
    pub fn is_rate_limited(&self) -> bool {
        self.code() == Some(429)
    }

    /// True when the server said something was not found (404).
    pub fn is_not_found(&self) -> bool {
        self.code() == Some(404)
    }

    /// True when trying again later may help: network failure, timeout or a 5xx status.
    pub fn is_transient(&self) -> bool {
        match self {
            ApiError::Network(_) | ApiError::Timeout => true,
            ApiError::Http { status } => *status >= 500,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers_read_codes_from_api_and_http_errors() {
        let api = ApiError::Api {
            code: 401,
            err: "token expired".into(),
        };
        assert!(api.is_unauthorized());
        assert_eq!(api.server_message(), Some("token expired"));
        assert!(ApiError::Http { status: 401 }.is_unauthorized());
        assert!(!ApiError::Timeout.is_unauthorized());
        assert!(ApiError::Api {
            code: 410,
            err: String::new()
        }
        .is_expired());
        assert!(ApiError::Http { status: 429 }.is_rate_limited());
        assert!(ApiError::Http { status: 404 }.is_not_found());
        assert_eq!(ApiError::Network("x".into()).code(), None);
    }

    #[test]
    fn blank_server_message_is_none() {
        let api = ApiError::Api {
            code: 400,
            err: "  ".into(),
        };
        assert_eq!(api.server_message(), None);
        assert_eq!(ApiError::Http { status: 500 }.server_message(), None);
    }

    #[test]
    fn transient_errors() {
        assert!(ApiError::Timeout.is_transient());
        assert!(ApiError::Network("offline".into()).is_transient());
        assert!(ApiError::Http { status: 503 }.is_transient());
        assert!(!ApiError::Http { status: 400 }.is_transient());
        assert!(!ApiError::BadResponse("x".into()).is_transient());
    }
}
