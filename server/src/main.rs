//! Reference server for the OAuthApp user API (placeholder until it is built).
fn main() {}
