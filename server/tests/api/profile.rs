//! Profile GET and PUT (calls 20, 21).

use serde_json::json;

use crate::common::*;

#[tokio::test]
async fn put_updates_present_fields_only() {
    let s = Srv::new().await;
    let t = s.account(APP, "prof", "secret12").await;
    let before = s.profile(APP, &t).await;
    assert_eq!(before["nickName"], "Nick");
    s.put_auth("/api/AppUsers/2/Profile", &t, json!({ "nickName": "New", "avatar": "data:image/png;base64,iVBORw0K", "data": "{\"theme\":\"dark\"}" }))
        .await
        .ok();
    let p = s.profile(APP, &t).await;
    assert_eq!(p["nickName"], "New");
    assert_eq!(p["avatar"], "data:image/png;base64,iVBORw0K");
    assert_eq!(p["data"], "{\"theme\":\"dark\"}");
    // Absent: unchanged; null or "": cleared.
    s.put_auth(
        "/api/AppUsers/2/Profile",
        &t,
        json!({ "nickname": "Newer" }),
    )
    .await
    .ok();
    let p = s.profile(APP, &t).await;
    assert_eq!(p["nickName"], "Newer");
    assert_eq!(p["data"], "{\"theme\":\"dark\"}");
    s.put_auth(
        "/api/AppUsers/2/Profile",
        &t,
        json!({ "avatar": null, "data": "" }),
    )
    .await
    .ok();
    let p = s.profile(APP, &t).await;
    assert!(p["avatar"].is_null() && p["data"].is_null());
    assert_eq!(p["nickName"], "Newer");
    // Refusals leave the profile as it was.
    for bad in [
        json!({ "avatar": "javascript:alert(1)", "nickName": "Bad" }),
        json!({ "avatar": "http://x.example/a b.png", "nickName": "Bad" }),
        json!({ "data": "x".repeat(16 * 1024 + 1), "nickName": "Bad" }),
        json!({ "nickName": "x".repeat(65) }),
        json!({ "nickName": 5 }),
        json!({ "nickName": "a\u{7}b" }),
    ] {
        s.put_auth("/api/AppUsers/2/Profile", &t, bad)
            .await
            .refused(400);
    }
    s.put_auth(
        "/api/AppUsers/2/Profile",
        &t,
        json!({ "data": "y".repeat(16 * 1024) }),
    )
    .await
    .ok();
    assert_eq!(s.profile(APP, &t).await["nickName"], "Newer");
    let raw = s
        .raw(
            reqwest::Method::PUT,
            "/api/AppUsers/2/Profile",
            Some(b"[]".to_vec()),
            &[("Authorization", &format!("Bearer {t}"))],
        )
        .await;
    raw.refused(400);
    s.raw(
        reqwest::Method::PUT,
        "/api/AppUsers/2/Profile",
        Some(b"{}".to_vec()),
        &[],
    )
    .await
    .refused(401);
}
