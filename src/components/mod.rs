//! The Leptos components of the widget, and the plain logic they stand on.
//!
//! [`LoginWidget`] is the whole widget; the others are usable alone inside a
//! [`provide_login`] context (which `LoginWidget` provides).

mod account_form;
mod channel;
mod code_form;
mod config;
mod contact_inputs;
mod context;
pub mod countdown;
pub mod device_id;
mod field;
mod guest_button;
mod ids;
mod live_region;
mod login_widget;
mod reset_form;
mod send_code_button;
mod signed_in;
mod tabs;
// qr
pub mod qr;
pub mod qr_phone;
// consent / apps / profile / points
pub mod account;
pub mod apps;
pub mod consent;
pub mod points;
pub mod profile;
pub mod safe_url;

pub use account_form::{AccountForm, FormMode};
pub use channel::{Channel, Extra};
pub use code_form::{CodeForm, EmailForm, PhoneForm};
pub use config::LoginConfig;
pub use contact_inputs::{ContactFields, ContactInputs};
pub use context::{provide_login, use_login, LoginCtx};
pub use field::{focus_first_invalid, Field, FieldState};
pub use guest_button::GuestButton;
pub use ids::unique_id;
pub use live_region::{FormError, LiveRegion};
pub use login_widget::{LoginWidget, Theme};
pub use reset_form::ResetPasswordForm;
pub use send_code_button::SendCodeButton;
pub use signed_in::SignedIn;
pub use tabs::{next_index, panel_id, tab_id, LoginTab, Tabs};
// qr
pub use qr::{fill_qr_template, QrImage, QrPhase, QrSignIn, DEFAULT_QR_TEMPLATE};
pub use qr_phone::QrPhonePage;
// consent / apps / profile / points
pub use account::{AccountPage, AccountPages};
pub use apps::AuthorizedApps;
pub use consent::{AuthRequest, ConsentScreen, GrantKind, Navigator, ThirdPartyDemo};
pub use points::PointsPage;
pub use profile::ProfilePage;
