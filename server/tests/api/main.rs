//! Integration tests of the reference server over HTTP on an ephemeral port.

mod common;

mod account;
mod basics;
mod codes;
mod oauth;
mod persistence;
mod points;
mod profile;
mod qr;
mod static_files;
mod tokens;
mod unionid;
