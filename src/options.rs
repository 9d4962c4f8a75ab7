//! What the host decides about the forms.

use crate::flows::code::countdown::DEFAULT_COUNTDOWN_SECS;
use crate::validate::DEFAULT_MIN_PWD;

/// The host's choices that the forms follow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoginConfig {
    /// Seconds before a "get code" button may be pressed again (60 by default).
    pub countdown_secs: u32,
    /// The shortest password accepted (6 by default; the host may raise it).
    pub min_pwd: usize,
    /// Whether `+<country><number>` phone numbers are accepted besides mainland ones.
    pub allow_international: bool,
    /// Whether the app verifies phones: sign-up forms then also ask for a phone and its code.
    pub verify_phone: bool,
    /// Whether the app verifies emails: sign-up forms then also ask for an email and its code.
    pub verify_email: bool,
    /// The platform sent by the guest (unionID) sign-in, `web` by default.
    pub guest_platform: String,
}

impl Default for LoginConfig {
    fn default() -> Self {
        LoginConfig {
            countdown_secs: DEFAULT_COUNTDOWN_SECS,
            min_pwd: DEFAULT_MIN_PWD,
            allow_international: false,
            verify_phone: false,
            verify_email: false,
            guest_platform: "web".to_owned(),
        }
    }
}
