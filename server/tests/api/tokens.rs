//! Missing, forged, tampered, expired and foreign tokens.

use jsonwebtoken::{encode, EncodingKey, Header};
use serde_json::json;

use crate::common::*;

#[tokio::test]
async fn bad_tokens_are_401() {
    let s = Srv::new().await;
    let t = s.account(APP, "tokenuser", "secret12").await;
    let profile = "/api/AppUsers/2/Profile";
    s.get(profile).await.refused(401);
    s.get_auth(profile, "").await.refused(401);
    s.get_auth(profile, "garbage").await.refused(401);
    s.raw(
        reqwest::Method::GET,
        profile,
        None,
        &[("Authorization", &format!("Basic {t}"))],
    )
    .await
    .refused(401);
    // Forged: same claims, another secret.
    let c = claims(&t, APP);
    let forged = encode(
        &Header::default(),
        &c,
        &EncodingKey::from_secret(b"not-the-secret"),
    )
    .unwrap_or_default();
    s.get_auth(profile, &forged).await.refused(401);
    // Tampered: change the payload (another user id), keep the signature.
    let mut c2 = c.clone();
    c2["nameid"] = json!("999");
    let other =
        encode(&Header::default(), &c2, &EncodingKey::from_secret(b"x")).unwrap_or_default();
    let parts: Vec<&str> = t.split('.').collect();
    let other_parts: Vec<&str> = other.split('.').collect();
    let tampered = format!("{}.{}.{}", parts[0], other_parts[1], parts[2]);
    s.get_auth(profile, &tampered).await.refused(401);
    // alg none.
    let none = format!("eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.{}.", parts[1]);
    s.get_auth(profile, &none).await.refused(401);
    // A token of app 2 is not valid for app 3.
    s.get_auth("/api/AppUsers/3/Profile", &t).await.refused(401);
    // Properly signed with the secret but for a user that does not exist.
    let ghost = encode(
        &Header::default(),
        &c2,
        &EncodingKey::from_secret(SECRET.as_bytes()),
    )
    .unwrap_or_default();
    s.get_auth(profile, &ghost).await.refused(401);
    // Expired (signed with the real secret, exp in the past).
    let mut c3 = c.clone();
    c3["exp"] = json!(c["iat"].as_u64().unwrap_or(0) - 10);
    c3["nbf"] = json!(c["iat"].as_u64().unwrap_or(0) - 100);
    let expired = encode(
        &Header::default(),
        &c3,
        &EncodingKey::from_secret(SECRET.as_bytes()),
    )
    .unwrap_or_default();
    let a = s.get_auth(profile, &expired).await;
    a.refused(401);
    assert!(a.err().contains("expired"), "{}", a.err());
    // The real one still works.
    s.get_auth(profile, &t).await.ok();
}

#[tokio::test]
async fn tokens_expire_after_their_lifetime() {
    let s = Srv::with(oauthapp_server::Config {
        token_lifetime_secs: 1,
        ..config()
    })
    .await;
    let t = s.account(APP, "brief", "secret12").await;
    s.get_auth("/api/AppUsers/2/Profile", &t).await.ok();
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    s.get_auth("/api/AppUsers/2/Profile", &t).await.refused(401);
}
