//! The typed client for the OAuthApp user API (placeholder).
