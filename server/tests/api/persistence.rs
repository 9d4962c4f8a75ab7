//! A restart with the same database file loses nothing.

use serde_json::json;

use crate::common::*;

#[tokio::test]
async fn restart_keeps_users_points_consents_and_tokens() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("data.db");
    let cfg = oauthapp_server::Config {
        db: db.to_string_lossy().into_owned(),
        secret: None,
        ..config()
    };
    let s = Srv::with(cfg.clone()).await;
    let t = s.account(APP, "durable", "secret12").await;
    s.post_auth("/api/AppUsers/2/RechargePoints", &t, json!({ "price": 42 }))
        .await
        .ok();
    s.post(
        "/api/OAuth/2/GrantCode",
        json!({ "grant_type": "account", "scopes": "openid", "redirect_uri": "https://a.example/cb",
                "userName": "durable", "password": "secret12" }),
    )
    .await
    .ok();
    let id = s.profile(APP, &t).await["id"].clone();
    s.server.stop();
    assert!(
        dir.path().join("data.db.secret").exists(),
        "secret kept beside the database"
    );

    let s = Srv::with(cfg).await;
    let t2 = s
        .post(
            "/api/AppUsers/2/SignIn",
            json!({ "userName": "durable", "pwd": "secret12" }),
        )
        .await
        .token();
    assert_eq!(s.profile(APP, &t2).await["id"], id);
    // The old token is still valid: the secret survived.
    assert_eq!(s.profile(APP, &t).await["id"], id);
    let d = s
        .get_auth("/api/AppUsers/2/PointLog", &t2)
        .await
        .ok()
        .clone();
    assert_eq!(d["total"], 1);
    assert_eq!(d["data"][0]["used"], 42);
    let consents = s.get_auth("/api/OAuth/2/Consents", &t2).await.ok().clone();
    assert_eq!(consents.as_array().map(Vec::len), Some(1));
    s.post(
        "/api/AppUsers/2/SignUp",
        json!({ "userName": "durable", "pwd": "secret12" }),
    )
    .await
    .refused(409);
}
