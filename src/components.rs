//! The widget's components under the names they had before the flows, pages and UI kit were
//! split apart; kept so existing code keeps building. New code should use [`crate::flows`],
//! [`crate::pages`], [`crate::ui`] and [`crate::options`].

pub use crate::app::ThirdPartyDemo;
pub use crate::flows::{
    fill_qr_template, provide_login, use_login, AccountForm, AuthRequest, Channel, CodeForm,
    ConsentScreen, ContactFields, ContactInputs, EmailForm, Extra, FormMode, GrantKind,
    GuestButton, LoginCtx, LoginWidget, Navigator, PhoneForm, QrImage, QrPhase, QrPhonePage,
    QrSignIn, ResetPasswordForm, SignedIn, Theme, DEFAULT_QR_TEMPLATE,
};
pub use crate::options::{LoginConfig, LoginOptions};
pub use crate::pages::{AccountPage, AccountPages, AuthorizedApps, PointsPage, ProfilePage};
pub use crate::ui::{
    focus_first_invalid, next_index, panel_id, tab_id, unique_id, Field, FieldState, FormError,
    LiveRegion, LoginTab, Tabs,
};

pub use crate::flows::code::countdown;
/// The old module paths.
pub use crate::flows::{device_id, qr, qr_phone};
pub use crate::pages::{apps, points, profile};
pub use crate::validate::url as safe_url;

/// The OAuth consent screen and the demo's third-party app, at their old path.
pub mod consent {
    pub use crate::app::ThirdPartyDemo;
    pub use crate::flows::consent::*;
}

/// The signed-in pages, at their old path.
pub mod account {
    pub use crate::pages::{Access, AccountPage, AccountPages, Load, LoadFailed, Loading, Notice};
}
