//! Sign-in by QR code, phone side (API.md D4, D7): [`QrPhonePage`] plays the mini-program's
//! part for the demo and for tests — `QRCodeScan`, the app card, `QRCodeSignUp`.

mod app_card;
mod page;
mod params;

pub use app_card::{scope_list, AppCardView};
pub use page::{union_id, QrPhonePage, MAX_UNION_ID};
pub use params::{app_id_from_text, key_from_text, query_param};
