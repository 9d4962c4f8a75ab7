//! The UI kit: generic controls the flows and pages are made of, with no knowledge of the API.
//!
//! - [`Field`]: a labelled input with its error, and [`FieldState`].
//! - [`Tabs`]: the tab list of sign-in methods ([`LoginTab`]).
//! - [`LiveRegion`], [`FormError`]: what screen readers hear.
//! - [`CountdownButton`]: busy, then "Resend in N s" (the send-code button's look).
//! - [`ChoiceGroup`]: radio buttons under a legend.
//! - [`SubmitButton`]: a form's submit button, busy while its request is out.
//! - [`focus_first_within`], [`focus_is_within_or_lost`]: the focus into a part just replaced.
//! - [`use_page_visible`]: whether the page is in the foreground.
//! - [`unique_id`]: DOM ids unique on the page.

mod choice_group;
mod countdown_button;
mod field;
mod focus;
mod ids;
mod live_region;
mod submit_button;
mod tabs;
mod visibility;

pub use choice_group::ChoiceGroup;
pub use countdown_button::CountdownButton;
pub use field::{focus_first_invalid, Field, FieldState};
pub use focus::{focus_first_within, focus_is_within_or_lost};
pub use ids::unique_id;
pub use live_region::{FormError, LiveRegion, StatusLine};
pub use submit_button::{guarded_submit, SubmitButton};
pub use tabs::{next_index, panel_id, tab_id, LoginTab, Shown, TabPanel, Tabs};
pub use visibility::{page_visible, use_page_visible};
