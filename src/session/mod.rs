//! The token store (placeholder).
