//! Sign-in by QR code, web side (API.md D4, D5, D7): the [`QrSignIn`] component and the plain
//! logic under it — the state machine with its poll schedule and backoff ([`QrMachine`]), the
//! template of what the code encodes ([`fill_qr_template`]) and the SVG drawing ([`qr_svg`]).

mod machine;
mod poller;
mod qr_image;
mod qr_sign_in;
mod svg;
mod template;

pub use crate::ui::{page_visible, use_page_visible};
pub use machine::{
    QrMachine, QrPhase, QrStep, QrTiming, DEFAULT_LIFETIME_SECS, MAX_BACKOFF_MS, POLL_INTERVAL_MS,
};
pub use qr_image::QrImage;
pub use qr_sign_in::{QrSignIn, DEFAULT_QR_SCOPES};
pub use svg::{modules_path, qr_svg, QrSvg, QUIET_ZONE};
pub use template::{fill_qr_template, DEFAULT_QR_TEMPLATE};
