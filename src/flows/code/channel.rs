//! Phone and email as interchangeable channels for codes, sign-in and sign-up.

use crate::api::{
    ApiError, Client, CodePurpose, EmailSignInRequest, EmailSignUpRequest, PhoneSignInRequest,
    PhoneSignUpRequest, ResetTarget, SendEmailCodeRequest, SendSmsCodeRequest, Token,
};
use crate::i18n::{Key, Message};
use crate::validate::{self, Checked};

/// Where a code is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Channel {
    /// An SMS to a mobile number.
    Phone,
    /// An e-mail.
    Email,
}

/// The optional extra contact verified at sign-up (the other channel, when the app asks).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extra {
    /// Phone and its code.
    pub phone: Option<(String, String)>,
    /// Email and its code.
    pub email: Option<(String, String)>,
    /// Nickname.
    pub nick_name: Option<String>,
}

impl Channel {
    /// The stable `name` attribute of the recipient input.
    pub fn input_name(self) -> &'static str {
        match self {
            Channel::Phone => "phone",
            Channel::Email => "email",
        }
    }

    /// The stable `name` attribute of the code input.
    pub fn code_name(self) -> &'static str {
        match self {
            Channel::Phone => "phoneCode",
            Channel::Email => "emailCode",
        }
    }

    /// The recipient's label.
    pub fn label(self) -> Key {
        match self {
            Channel::Phone => Key::FieldPhone,
            Channel::Email => Key::FieldEmail,
        }
    }

    /// The code's label.
    pub fn code_label(self) -> Key {
        match self {
            Channel::Phone => Key::FieldPhoneCode,
            Channel::Email => Key::FieldEmailCode,
        }
    }

    /// The input's `type`.
    pub fn input_type(self) -> &'static str {
        match self {
            Channel::Phone => "tel",
            Channel::Email => "email",
        }
    }

    /// The input's `autocomplete`.
    pub fn autocomplete(self) -> &'static str {
        match self {
            Channel::Phone => "tel",
            Channel::Email => "email",
        }
    }

    /// The sentence said once a code was sent to `to`.
    pub fn sent(self, to: &str) -> Message {
        let key = match self {
            Channel::Phone => Key::CodeSentPhone,
            Channel::Email => Key::CodeSentEmail,
        };
        Message::with_name(key, to)
    }

    /// Checks a recipient.
    pub fn check(self, input: &str, allow_international: bool) -> Checked {
        match self {
            Channel::Phone => validate::phone(input, allow_international),
            Channel::Email => validate::email(input),
        }
    }

    /// Asks the server to send a code for `purpose` to `to`.
    pub async fn send_code(
        self,
        client: &Client,
        to: String,
        purpose: CodePurpose,
    ) -> Result<bool, ApiError> {
        match self {
            Channel::Phone => {
                client
                    .send_sms_code(&SendSmsCodeRequest { phone: to, purpose })
                    .await
            }
            Channel::Email => {
                client
                    .send_email_code(&SendEmailCodeRequest { email: to, purpose })
                    .await
            }
        }
    }

    /// Signs in with a `signup` code (D9).
    pub async fn sign_in(
        self,
        client: &Client,
        to: String,
        code: String,
    ) -> Result<Token, ApiError> {
        match self {
            Channel::Phone => {
                client
                    .phone_sign_in(&PhoneSignInRequest {
                        phone: to,
                        verify_code: code,
                    })
                    .await
            }
            Channel::Email => {
                client
                    .email_sign_in(&EmailSignInRequest { email: to, code })
                    .await
            }
        }
    }

    /// Signs up with a `signup` code and a password (D6), plus what the app also verifies.
    pub async fn sign_up(
        self,
        client: &Client,
        to: String,
        code: String,
        pwd: String,
        extra: Extra,
    ) -> Result<Token, ApiError> {
        match self {
            Channel::Phone => {
                let (email, email_code) = extra.email.unzip();
                client
                    .phone_sign_up(&PhoneSignUpRequest {
                        phone: to,
                        phone_code: code,
                        pwd: Some(pwd),
                        email,
                        email_code,
                        nick_name: extra.nick_name,
                        ..Default::default()
                    })
                    .await
            }
            Channel::Email => {
                let (phone, phone_code) = extra.phone.unzip();
                client
                    .email_sign_up(&EmailSignUpRequest {
                        email: to,
                        email_code: code,
                        pwd: Some(pwd),
                        phone,
                        phone_code,
                        nick_name: extra.nick_name,
                        ..Default::default()
                    })
                    .await
            }
        }
    }

    /// The target of a password reset.
    pub fn reset_target(self, to: String) -> ResetTarget {
        match self {
            Channel::Phone => ResetTarget::Phone(to),
            Channel::Email => ResetTarget::Email(to),
        }
    }
}
