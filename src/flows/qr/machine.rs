//! The web side of a QR sign-in as a plain state machine (API.md D4): what is shown, and what
//! to do next — ask for a key, wait, poll — at a time it is told. It owns no timer and makes
//! no request, so it is tested natively; the component runs it.
//!
//! - A fresh machine asks for a key at once ([`QrStep::PreSignIn`]).
//! - With a key it polls every [`QrTiming::poll_ms`] (about 2 s) until the phone confirms
//!   (signed in), the server says 410, or the key's lifetime has passed on this side (expired).
//! - A network error, a timeout or a 5xx keeps the state and retries later, backing off:
//!   2 s, 4 s, 8 s … up to [`QrTiming::max_backoff_ms`]. Any other refusal of the
//!   pre-sign-in is final ([`QrPhase::Failed`]) until [`QrMachine::restart`].
//! - One step at a time: the runner does a step, reports its outcome, then asks for the next,
//!   so there is never more than one request in flight.

use crate::api::{ApiError, QrPoll, SignInKey, Token};

/// The usual time between two polls, and the first backoff step: 2 s.
pub const POLL_INTERVAL_MS: u32 = 2_000;

/// The longest wait between two tries after errors: 30 s.
pub const MAX_BACKOFF_MS: u32 = 30_000;

/// The lifetime of a key on this side unless said: 300 s (the reference server's default).
pub const DEFAULT_LIFETIME_SECS: u32 = 300;

/// What the web side shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QrPhase {
    /// Asking the server for a key.
    Preparing,
    /// The code is shown; nobody has scanned it yet.
    Waiting,
    /// Scanned (202): the person has to confirm on the phone.
    Scanned,
    /// Confirmed: the token was handed over.
    SignedIn,
    /// The key expired (410, or its lifetime passed): a fresh code is needed.
    Expired,
    /// The server refused to start a QR sign-in (not a passing network trouble).
    Failed,
}

impl QrPhase {
    /// The stable name (`preparing`, `waiting`, `scanned`, `signed-in`, `expired`, `failed`),
    /// for CSS modifiers and tests.
    pub fn as_str(self) -> &'static str {
        match self {
            QrPhase::Preparing => "preparing",
            QrPhase::Waiting => "waiting",
            QrPhase::Scanned => "scanned",
            QrPhase::SignedIn => "signed-in",
            QrPhase::Expired => "expired",
            QrPhase::Failed => "failed",
        }
    }

    /// True when nothing more happens without the person (signed in, expired, failed).
    pub fn is_final(self) -> bool {
        matches!(self, QrPhase::SignedIn | QrPhase::Expired | QrPhase::Failed)
    }

    /// True when a key is on screen (waiting or scanned).
    pub fn shows_code(self) -> bool {
        matches!(self, QrPhase::Waiting | QrPhase::Scanned)
    }
}

/// What the runner does next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QrStep {
    /// Nothing: the machine is in a final phase.
    Idle,
    /// Wait this many milliseconds, then ask again.
    Wait(u32),
    /// Call `QRCodePreSignIn`, then report with [`QrMachine::key_issued`].
    PreSignIn,
    /// Call `QRCodeSignIn` with this key, then report with [`QrMachine::polled`].
    Poll(SignInKey),
}

/// The times the machine works with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QrTiming {
    /// Milliseconds between polls, and the first backoff step ([`POLL_INTERVAL_MS`]).
    pub poll_ms: u32,
    /// The longest backoff ([`MAX_BACKOFF_MS`]).
    pub max_backoff_ms: u32,
    /// How long a key is used on this side, in milliseconds (the server's 410 may come first).
    pub lifetime_ms: u64,
}

impl Default for QrTiming {
    fn default() -> Self {
        QrTiming {
            poll_ms: POLL_INTERVAL_MS,
            max_backoff_ms: MAX_BACKOFF_MS,
            lifetime_ms: u64::from(DEFAULT_LIFETIME_SECS) * 1000,
        }
    }
}

impl QrTiming {
    /// The wait after `failures` errors in a row: the poll interval when there was none, then
    /// `poll_ms`, `2 × poll_ms`, `4 × poll_ms` … never more than `max_backoff_ms`.
    pub fn backoff_ms(&self, failures: u32) -> u32 {
        let doublings = failures.saturating_sub(1).min(20);
        self.poll_ms
            .saturating_mul(1u32 << doublings)
            .min(self.max_backoff_ms.max(self.poll_ms))
    }
}

/// The state of one QR sign-in on the web side. Times are milliseconds of any clock that
/// only moves forward (the component uses `Date.now()`).
#[derive(Clone, Debug, PartialEq)]
pub struct QrMachine {
    timing: QrTiming,
    phase: QrPhase,
    key: Option<SignInKey>,
    expires_at: i64,
    next_at: i64,
    failures: u32,
    error: Option<ApiError>,
}

impl QrMachine {
    /// A machine that will ask for a key at once.
    pub fn new(timing: QrTiming) -> Self {
        QrMachine {
            timing,
            phase: QrPhase::Preparing,
            key: None,
            expires_at: 0,
            next_at: 0,
            failures: 0,
            error: None,
        }
    }

    /// What is shown.
    pub fn phase(&self) -> QrPhase {
        self.phase
    }

    /// The key on screen, while waiting or scanned.
    pub fn key(&self) -> Option<&SignInKey> {
        self.key.as_ref().filter(|_| self.phase.shows_code())
    }

    /// The last error: while retrying, the passing trouble; when failed, the refusal.
    pub fn error(&self) -> Option<&ApiError> {
        self.error.as_ref()
    }

    /// True while the last try failed and another is coming (a passing trouble).
    pub fn is_retrying(&self) -> bool {
        self.error.is_some() && !self.phase.is_final()
    }

    /// Errors in a row so far.
    pub fn failures(&self) -> u32 {
        self.failures
    }

    /// The times used.
    pub fn timing(&self) -> QrTiming {
        self.timing
    }

    /// Starts over with no key: a fresh code is asked for at once.
    pub fn restart(&mut self) {
        *self = QrMachine::new(self.timing);
    }

    /// Coming back on screen at `now`: the next step is due at once (a valid key is polled
    /// right away instead of after the rest of a wait).
    pub fn resume(&mut self, now: i64) {
        if !self.phase.is_final() {
            self.next_at = self.next_at.min(now);
        }
    }

    /// The next step at `now`. A key whose lifetime has passed turns the phase to expired.
    pub fn next_step(&mut self, now: i64) -> QrStep {
        if self.phase.shows_code() && now >= self.expires_at {
            self.phase = QrPhase::Expired;
            self.error = None;
        }
        if self.phase.is_final() {
            return QrStep::Idle;
        }
        let due = match self.phase.shows_code() {
            true => self.next_at.min(self.expires_at),
            false => self.next_at,
        };
        if now < due {
            return QrStep::Wait(wait_ms(due.saturating_sub(now)));
        }
        match (&self.phase, &self.key) {
            (QrPhase::Waiting | QrPhase::Scanned, Some(key)) => QrStep::Poll(key.clone()),
            _ => {
                self.phase = QrPhase::Preparing;
                QrStep::PreSignIn
            }
        }
    }

    /// Reports the answer of `QRCodePreSignIn` at `now`.
    pub fn key_issued(&mut self, result: Result<SignInKey, ApiError>, now: i64) {
        if self.phase != QrPhase::Preparing {
            return;
        }
        match result {
            Ok(key) => {
                self.phase = QrPhase::Waiting;
                self.key = Some(key);
                self.expires_at =
                    now.saturating_add(i64::try_from(self.timing.lifetime_ms).unwrap_or(i64::MAX));
                self.succeeded(now);
            }
            Err(e) if e.is_transient() => self.failed(e, now),
            Err(e) => {
                self.phase = QrPhase::Failed;
                self.error = Some(e);
            }
        }
    }

    /// Reports the answer of `QRCodeSignIn` at `now`; gives the token once confirmed.
    pub fn polled(&mut self, result: Result<QrPoll, ApiError>, now: i64) -> Option<Token> {
        if !self.phase.shows_code() {
            return None;
        }
        match result {
            Ok(QrPoll::Waiting) => {
                self.phase = QrPhase::Waiting;
                self.succeeded(now);
            }
            Ok(QrPoll::Scanned) => {
                self.phase = QrPhase::Scanned;
                self.succeeded(now);
            }
            Ok(QrPoll::Expired) => {
                self.phase = QrPhase::Expired;
                self.error = None;
            }
            Ok(QrPoll::SignedIn(token)) => {
                self.phase = QrPhase::SignedIn;
                self.key = None;
                self.error = None;
                return Some(token);
            }
            Err(e) => self.failed(e, now),
        }
        None
    }

    /// After an answer: errors forgotten, next poll after the usual interval.
    fn succeeded(&mut self, now: i64) {
        self.failures = 0;
        self.error = None;
        self.next_at = now.saturating_add(i64::from(self.timing.poll_ms));
    }

    /// After a passing trouble: remembered, next try after the backoff.
    fn failed(&mut self, error: ApiError, now: i64) {
        self.failures = self.failures.saturating_add(1);
        self.error = Some(error);
        self.next_at = now.saturating_add(i64::from(self.timing.backoff_ms(self.failures)));
    }
}

/// A positive wait in whole milliseconds (at least 1, at most `u32::MAX`).
fn wait_ms(ms: i64) -> u32 {
    u32::try_from(ms.max(1)).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token() -> Token {
        Token {
            access_token: "jwt".into(),
            token_type: "Bearer".into(),
            expires_in: Some(60),
        }
    }

    fn network() -> ApiError {
        ApiError::Network("offline".into())
    }

    fn timing() -> QrTiming {
        QrTiming {
            poll_ms: 2_000,
            max_backoff_ms: 30_000,
            lifetime_ms: 60_000,
        }
    }

    /// A machine that has its key 19 since t = 1000.
    fn waiting() -> QrMachine {
        let mut m = QrMachine::new(timing());
        assert_eq!(m.next_step(1_000), QrStep::PreSignIn);
        m.key_issued(Ok(SignInKey::from_number(19)), 1_000);
        m
    }

    #[test]
    fn backoff_doubles_from_the_interval_and_is_capped() {
        let t = timing();
        let waits: Vec<u32> = (0..8).map(|n| t.backoff_ms(n)).collect();
        assert_eq!(
            waits,
            [2_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]
        );
        assert_eq!(t.backoff_ms(u32::MAX), 30_000);
    }

    #[test]
    fn asks_for_a_key_then_polls_every_interval() {
        let mut m = waiting();
        assert_eq!(m.phase(), QrPhase::Waiting);
        assert_eq!(m.key(), Some(&SignInKey::from_number(19)));
        assert_eq!(m.next_step(1_500), QrStep::Wait(1_500));
        let poll = QrStep::Poll(SignInKey::from_number(19));
        assert_eq!(m.next_step(3_000), poll);
        assert_eq!(m.polled(Ok(QrPoll::Waiting), 3_100), None);
        assert_eq!(m.next_step(3_100), QrStep::Wait(2_000));
        assert_eq!(m.next_step(5_100), poll);
    }

    #[test]
    fn scanned_then_signed_in_gives_the_token_once() {
        let mut m = waiting();
        assert_eq!(m.polled(Ok(QrPoll::Scanned), 3_000), None);
        assert_eq!(m.phase(), QrPhase::Scanned);
        assert!(m.key().is_some());
        assert_eq!(
            m.polled(Ok(QrPoll::SignedIn(token())), 5_000),
            Some(token())
        );
        assert_eq!(m.phase(), QrPhase::SignedIn);
        assert_eq!(m.key(), None);
        assert_eq!(m.next_step(9_000), QrStep::Idle);
        // A late answer (e.g. of an older request) changes nothing.
        assert_eq!(m.polled(Ok(QrPoll::SignedIn(token())), 9_000), None);
    }

    #[test]
    fn server_expiry_stops_and_restart_asks_for_a_fresh_key() {
        let mut m = waiting();
        m.polled(Ok(QrPoll::Expired), 3_000);
        assert_eq!(m.phase(), QrPhase::Expired);
        assert_eq!(m.key(), None);
        assert_eq!(m.next_step(100_000), QrStep::Idle);
        m.restart();
        assert_eq!(m.phase(), QrPhase::Preparing);
        assert_eq!(m.next_step(100_000), QrStep::PreSignIn);
        m.key_issued(Ok(SignInKey::from_text("k2")), 100_000);
        assert_eq!(m.key(), Some(&SignInKey::from_text("k2")));
    }

    #[test]
    fn lifetime_passing_expires_without_the_server() {
        let mut m = waiting();
        // The key lives until 61_000: the wait is cut to its end.
        assert_eq!(m.polled(Ok(QrPoll::Waiting), 60_000), None);
        assert_eq!(m.next_step(60_000), QrStep::Wait(1_000));
        assert_eq!(m.next_step(61_000), QrStep::Idle);
        assert_eq!(m.phase(), QrPhase::Expired);
    }

    #[test]
    fn network_errors_back_off_and_recover() {
        let mut m = waiting();
        let poll = QrStep::Poll(SignInKey::from_number(19));
        let mut now = 3_000;
        let mut waits = Vec::new();
        for _ in 0..4 {
            assert_eq!(m.next_step(now), poll);
            m.polled(Err(network()), now);
            assert!(m.is_retrying());
            assert_eq!(m.phase(), QrPhase::Waiting);
            match m.next_step(now) {
                QrStep::Wait(ms) => {
                    waits.push(ms);
                    now += i64::from(ms);
                }
                other => panic!("expected a wait, got {other:?}"),
            }
        }
        assert_eq!(waits, [2_000, 4_000, 8_000, 16_000]);
        m.polled(Ok(QrPoll::Scanned), now);
        assert!(!m.is_retrying());
        assert_eq!(m.failures(), 0);
        assert_eq!(m.next_step(now), QrStep::Wait(2_000));
    }

    #[test]
    fn pre_sign_in_retries_passing_trouble_but_fails_on_refusal() {
        let mut m = QrMachine::new(timing());
        assert_eq!(m.next_step(0), QrStep::PreSignIn);
        m.key_issued(Err(ApiError::Timeout), 0);
        assert_eq!(m.phase(), QrPhase::Preparing);
        assert!(m.is_retrying());
        assert_eq!(m.next_step(0), QrStep::Wait(2_000));
        assert_eq!(m.next_step(2_000), QrStep::PreSignIn);
        m.key_issued(
            Err(ApiError::Api {
                code: 404,
                err: "no such app".into(),
            }),
            2_000,
        );
        assert_eq!(m.phase(), QrPhase::Failed);
        assert_eq!(m.error().and_then(ApiError::code), Some(404));
        assert!(!m.is_retrying());
        assert_eq!(m.next_step(50_000), QrStep::Idle);
    }

    #[test]
    fn resume_polls_at_once_with_the_same_key() {
        let mut m = waiting();
        m.polled(Err(network()), 3_000);
        m.polled(Err(network()), 3_000);
        assert_eq!(m.next_step(3_000), QrStep::Wait(4_000));
        m.resume(3_500);
        assert_eq!(m.next_step(3_500), QrStep::Poll(SignInKey::from_number(19)));
        // An expired key stays expired after a resume.
        m.polled(Ok(QrPoll::Expired), 4_000);
        m.resume(5_000);
        assert_eq!(m.next_step(5_000), QrStep::Idle);
    }

    #[test]
    fn resume_after_the_lifetime_shows_expired() {
        let mut m = waiting();
        m.resume(70_000);
        assert_eq!(m.next_step(70_000), QrStep::Idle);
        assert_eq!(m.phase(), QrPhase::Expired);
    }

    #[test]
    fn phase_names_are_stable() {
        let all = [
            QrPhase::Preparing,
            QrPhase::Waiting,
            QrPhase::Scanned,
            QrPhase::SignedIn,
            QrPhase::Expired,
            QrPhase::Failed,
        ];
        let names: Vec<&str> = all.iter().map(|p| p.as_str()).collect();
        assert_eq!(
            names,
            [
                "preparing",
                "waiting",
                "scanned",
                "signed-in",
                "expired",
                "failed"
            ]
        );
        assert!(all.iter().filter(|p| p.is_final()).count() == 3);
    }
}
