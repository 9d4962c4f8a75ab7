//! The Leptos components of the widget, and the plain logic they stand on.

pub mod clock;
pub mod countdown;
pub mod storage;
