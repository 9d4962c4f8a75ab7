//! The sign-in flows: what a person goes through to get signed in, each a form or screen that
//! calls the typed client ([`crate::api`]) and signs in through the widget's session.
//!
//! - [`LoginWidget`]: the whole widget (tabs of methods, reset, guest, the signed-in view).
//! - [`account`]: user name and password, sign-in and sign-up ([`AccountForm`]).
//! - [`new_account`]: the password and nickname every sign-up asks for ([`NewAccountInputs`]).
//! - [`code`]: phone + SMS code and e-mail + code ([`PhoneForm`], [`EmailForm`]).
//! - [`reset`]: the password reset ([`ResetPasswordForm`]).
//! - [`guest`]: the guest (unionID) sign-in ([`GuestButton`]).
//! - [`qr`], [`qr_phone`]: sign-in by QR code, web side and phone side.
//! - [`consent`]: the OAuth consent screen.
//! - [`context`]: what the forms of one widget share ([`LoginCtx`]), including the session.

pub mod account;
pub mod code;
pub mod consent;
pub mod context;
pub mod device_id;
pub mod guest;
pub mod new_account;
pub mod qr;
pub mod qr_phone;
pub mod reset;
mod signed_in;
mod widget;

pub use crate::options::Theme;
pub use account::{AccountForm, FormMode};
pub use code::{
    Channel, CodeForm, ContactFields, ContactInputs, EmailForm, Extra, PhoneForm, SendCodeButton,
};
pub use consent::{AuthRequest, ConsentScreen, GrantKind, Navigator};
pub use context::{provide_login, use_login, LoginCtx};
pub use guest::GuestButton;
pub use new_account::{NewAccountFields, NewAccountInputs};
pub use qr::{fill_qr_template, QrImage, QrPhase, QrSignIn, DEFAULT_QR_TEMPLATE};
pub use qr_phone::QrPhonePage;
pub use reset::ResetPasswordForm;
pub use signed_in::SignedIn;
pub use widget::{login_widget_view, LoginWidget};
