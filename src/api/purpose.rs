//! What a verification code is asked for.

use serde::Serialize;

/// The `type` of `SendSMSCode` and `SendEmailCode`.
///
/// A `signup` code serves sign-up and sign-in for that phone or email; a `forgetpwd` code serves
/// `ResetPwd` alone (D9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub enum CodePurpose {
    /// `signup`: sign up, or sign in by code.
    #[default]
    #[serde(rename = "signup")]
    SignUp,
    /// `forgetpwd`: reset a forgotten password.
    #[serde(rename = "forgetpwd")]
    ForgetPwd,
}

impl CodePurpose {
    /// The value sent on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            CodePurpose::SignUp => "signup",
            CodePurpose::ForgetPwd => "forgetpwd",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_its_wire_name() {
        for p in [CodePurpose::SignUp, CodePurpose::ForgetPwd] {
            assert_eq!(serde_json::to_value(p).unwrap(), p.as_str());
        }
    }
}
