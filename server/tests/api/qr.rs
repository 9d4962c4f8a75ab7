//! QR sign-in (calls 12–15, D4, D7).

use serde_json::json;

use crate::common::*;

async fn poll(s: &Srv, app: i64, key: &serde_json::Value) -> Ans {
    s.post(
        &format!("/api/AppUsers/{app}/QRCodeSignIn"),
        json!({ "signInKey": key }),
    )
    .await
}

#[tokio::test]
async fn the_whole_state_machine() {
    let s = Srv::new().await;
    let key = s
        .post(
            "/api/AppUsers/2/QRCodePreSignIn",
            json!({ "scheme": "app", "scopes": "openid phone", "remark": "test" }),
        )
        .await
        .ok()
        .clone();
    assert!(key.is_i64(), "a number (D7): {key}");
    // 201: not scanned; an envelope with HTTP 200 and no data.
    let a = poll(&s, APP, &key).await;
    assert_eq!((a.status.as_u16(), a.code()), (200, 201), "{}", a.body);
    assert!(a.data().is_null() && !a.err().is_empty());
    // Scan: the app card.
    let card = s
        .post("/api/AppUsers/2/QRCodeScan", json!({ "signInKey": key }))
        .await
        .ok()
        .clone();
    assert_eq!(card["appID"], 2);
    assert_eq!(card["name"], "开发文档");
    assert_eq!(card["logo"], "https://blob.oauthapp.com/4/tenant/2/API.png");
    assert_eq!(card["website"], "https://web.oauthapp.com/4/docs");
    assert_eq!(card["scopes"], "openid phone");
    assert_eq!(card["remark"], "test");
    assert_eq!(card["scheme"], "app");
    assert!(card.get("description").is_some() && card.get("tags").is_some());
    // 202: scanned; the key may come back as a string (D7).
    let as_string = json!(key.to_string());
    let a = poll(&s, APP, &as_string).await;
    assert_eq!((a.status.as_u16(), a.code()), (200, 202), "{}", a.body);
    // The phone side confirms and gets a token itself.
    let phone_token = s
        .post(
            "/api/AppUsers/2/QRCodeSignUp",
            json!({ "unionID": "mini-1", "signInKey": key, "nickName": "Mini" }),
        )
        .await
        .token();
    let p = s.profile(APP, &phone_token).await;
    assert_eq!(p["platform"], "wxminip");
    assert_eq!(p["unionID"], "mini-1");
    // A second confirmation of the same key is refused.
    s.post(
        "/api/AppUsers/2/QRCodeSignUp",
        json!({ "unionID": "mini-2", "signInKey": key }),
    )
    .await
    .refused(410);
    // 200 with the token, once.
    let web_token = poll(&s, APP, &key).await.token();
    assert_eq!(s.profile(APP, &web_token).await["id"], p["id"]);
    assert_eq!(claims(&web_token, APP)["grant_type"], "qrcode");
    poll(&s, APP, &key).await.refused(410);
    s.post("/api/AppUsers/2/QRCodeScan", json!({ "signInKey": key }))
        .await
        .refused(410);
}

#[tokio::test]
async fn an_existing_phone_user_confirms_without_a_new_account() {
    let s = Srv::new().await;
    let k1 = s
        .post(
            "/api/AppUsers/2/QRCodePreSignIn",
            json!({ "scheme": "app", "scopes": "openid" }),
        )
        .await
        .ok()
        .clone();
    let t1 = s
        .post(
            "/api/AppUsers/2/QRCodeSignUp",
            json!({ "unionId": "mini-9", "signInKey": k1 }),
        )
        .await
        .token();
    let k2 = s
        .post(
            "/api/AppUsers/2/QRCodePreSignIn",
            json!({ "scheme": "app", "scopes": "openid" }),
        )
        .await
        .ok()
        .clone();
    assert_ne!(k1, k2);
    let t2 = s
        .post(
            "/api/AppUsers/2/QRCodeSignUp",
            json!({ "unionID": "mini-9", "signInKey": k2 }),
        )
        .await
        .token();
    assert_eq!(
        s.profile(APP, &t1).await["id"],
        s.profile(APP, &t2).await["id"]
    );
    let w = poll(&s, APP, &k2).await.token();
    assert_eq!(
        s.profile(APP, &w).await["id"],
        s.profile(APP, &t1).await["id"]
    );
}

#[tokio::test]
async fn unknown_bad_and_expired_keys() {
    let s = Srv::new().await;
    poll(&s, APP, &json!(12345)).await.refused(404);
    poll(&s, APP, &json!("abc")).await.refused(400);
    poll(&s, APP, &json!([1])).await.refused(400);
    s.post("/api/AppUsers/2/QRCodeSignIn", json!({}))
        .await
        .refused(400);
    // A key of app 2 is unknown to app 4.
    let k = s
        .post(
            "/api/AppUsers/2/QRCodePreSignIn",
            json!({ "scheme": "app" }),
        )
        .await
        .ok()
        .clone();
    poll(&s, APP_SHORT, &k).await.refused(404);
    // Expiry (1 s lifetime in app 4).
    next_second().await;
    let k = s
        .post(
            &format!("/api/AppUsers/{APP_SHORT}/QRCodePreSignIn"),
            json!({ "scheme": "app", "scopes": "openid" }),
        )
        .await
        .ok()
        .clone();
    assert_eq!(poll(&s, APP_SHORT, &k).await.code(), 201);
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    poll(&s, APP_SHORT, &k).await.refused(410);
    s.post(
        &format!("/api/AppUsers/{APP_SHORT}/QRCodeScan"),
        json!({ "signInKey": k }),
    )
    .await
    .refused(410);
    s.post(
        &format!("/api/AppUsers/{APP_SHORT}/QRCodeSignUp"),
        json!({ "unionID": "late", "signInKey": k }),
    )
    .await
    .refused(410);
    // Nothing half-written: the late user was not created.
    s.post(
        &format!("/api/AppUsers/{APP_SHORT}/UnionIDSignIn"),
        json!({ "platform": "wxminip", "unionID": "late" }),
    )
    .await
    .refused(404);
}
