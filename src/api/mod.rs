//! The typed client for the OAuthApp user API (no UI).
//!
//! [`Client`] has one `async` method per call of API.md (all 23), taking typed requests and
//! giving typed answers; every failure is one [`ApiError`]. The decoding of answers is pure
//! ([`decode_envelope`], [`decode_qr_poll`]) and never panics on any bytes.
//!
//! | # | call | method |
//! |---|---|---|
//! | 1–2 | UnionIDSignIn, UnionIDSignUp | [`Client::union_id_sign_in`], [`Client::union_id_sign_up`] |
//! | 3–4 | SignIn, SignUp | [`Client::sign_in`], [`Client::sign_up`] |
//! | 5–7 | PhoneSignUp, PhoneSignIn, SendSMSCode | [`Client::phone_sign_up`], [`Client::phone_sign_in`], [`Client::send_sms_code`] |
//! | 8–10 | EmailSignUp, EmailSignIn, SendEmailCode | [`Client::email_sign_up`], [`Client::email_sign_in`], [`Client::send_email_code`] |
//! | 11 | ResetPwd | [`Client::reset_pwd`] |
//! | 12–15 | QRCodePreSignIn, QRCodeSignIn, QRCodeScan, QRCodeSignUp | [`Client::qr_pre_sign_in`], [`Client::qr_sign_in`], [`Client::qr_scan`], [`Client::qr_sign_up`] |
//! | 16–19 | GrantCode, Authorize, Consents, delete Consent | [`Client::grant_code`], [`Client::authorize`], [`Client::consents`], [`Client::delete_consent`] |
//! | 20–21 | Profile, update Profile | [`Client::profile`], [`Client::update_profile`] |
//! | 22–23 | PointLog, RechargePoints | [`Client::point_log`], [`Client::recharge_points`] |

mod account;
mod client;
pub(crate) mod decode;
mod email;
mod envelope;
mod error;
mod in_flight;
pub(crate) mod lenient;
mod oauth;
mod password;
mod phone;
pub mod pkce;
mod points;
mod profile;
mod purpose;
mod qr;
mod route;
mod timeout;
mod token;
mod unionid;

pub use account::{SignInRequest, SignUpRequest};
pub(crate) use client::normalize_server_url;
pub use client::Client;
pub use email::{EmailSignInRequest, EmailSignUpRequest, SendEmailCodeRequest};
pub use envelope::decode_envelope;
pub use error::ApiError;
pub use in_flight::calls_in_flight;
pub use oauth::{Consent, ConsentList, Grant, GrantCode, GrantCodeRequest};
pub use password::{ResetPwdRequest, ResetTarget};
pub use phone::{PhoneSignInRequest, PhoneSignUpRequest, SendSmsCodeRequest};
pub use points::{PointEntry, PointKind, PointLogPage, PointLogQuery, RechargeRequest};
pub use profile::{Profile, UpdateProfileRequest};
pub use purpose::CodePurpose;
pub use qr::{decode_qr_poll, AppCard, QrPoll, QrPreSignInRequest, QrSignUpRequest, SignInKey};
pub use route::encode_component;
pub use timeout::with_timeout;

/// What a `Debug` shows in place of a secret (a token, a grant code).
pub const REDACTED: &str = "<redacted>";
pub use token::Token;
pub use unionid::{UnionIdSignInRequest, UnionIdSignUpRequest};
