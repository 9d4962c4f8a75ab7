//! Sign-in and sign-up by phone + SMS code or e-mail + code (API.md D6, D9): one form for both
//! channels, and the contact inputs with their send-code buttons that sign-up and reset reuse.

pub mod channel;
pub mod contact_inputs;
pub mod countdown;
mod form;
mod send_code;

pub use channel::{Channel, Extra};
pub use contact_inputs::{ContactFields, ContactInputs};
pub use form::{CodeForm, EmailForm, PhoneForm};
pub use send_code::SendCodeButton;
