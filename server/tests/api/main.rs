//! Integration tests of the reference server over HTTP on an ephemeral port.

mod common;

mod account;
mod basics;
mod codes;
mod fields;
mod hardening;
mod oauth;
mod persistence;
mod points;
mod profile;
mod qr;
mod samples;
mod static_files;
mod tokens;
mod unionid;
