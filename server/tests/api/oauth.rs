//! OAuth (calls 16–19): codes, single use, expiry, allow-list, consents and ownership.

use serde_json::{json, Value};

use crate::common::*;

fn grant(user: &str, redirect: &str) -> Value {
    json!({ "grant_type": "account", "scopes": "openid profile", "redirect_uri": redirect,
            "userName": user, "password": "secret12" })
}

#[tokio::test]
async fn grant_authorize_once_and_consents() {
    let s = Srv::new().await;
    let t = s.account(APP, "owner", "secret12").await;
    let d = s
        .post(
            "/api/OAuth/2/GrantCode?scheme=app",
            grant("owner", "https://a.example/cb"),
        )
        .await
        .ok()
        .clone();
    let code = d["code"].as_str().unwrap_or("").to_string();
    assert_eq!(code.len(), 32);
    assert!(code.chars().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(d["expires_in"], 120);
    let path = format!("/api/OAuth/2/Authorize?scheme=app&code={code}");
    let tok = s.post(&path, json!({})).await.token();
    assert_eq!(s.profile(APP, &tok).await["userName"], "owner");
    // Single use.
    let a = s.raw(reqwest::Method::POST, &path, None, &[]).await;
    a.refused(410);
    s.post(
        "/api/OAuth/2/Authorize?scheme=app&code=ffffffffffffffffffffffffffffffff",
        json!({}),
    )
    .await
    .refused(401);
    s.post("/api/OAuth/2/Authorize?scheme=app", json!({}))
        .await
        .refused(400);
    // A code of app 2 is not valid for app 3.
    let c2 = s
        .post(
            "/api/OAuth/2/GrantCode?scheme=app",
            grant("owner", "https://a.example/cb"),
        )
        .await
        .ok()["code"]
        .as_str()
        .unwrap_or("")
        .to_string();
    s.post(
        &format!("/api/OAuth/3/Authorize?scheme=app&code={c2}"),
        json!({}),
    )
    .await
    .refused(401);
    // A second redirect gives a second consent; the same redirect updates the first.
    let mut g = grant("owner", "https://b.example/cb");
    g["grant_type"] = json!("phone");
    g["userName"] = json!("nobody-phone");
    s.post("/api/OAuth/2/GrantCode", g).await.refused(401);
    s.post(
        "/api/OAuth/2/GrantCode",
        grant("owner", "https://b.example/cb"),
    )
    .await
    .ok();
    let list = s
        .get_auth("/api/OAuth/2/Consents", &t)
        .await
        .ok()
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(list.len(), 2, "{list:?}");
    assert_eq!(
        list[0]["redirectUri"], "https://b.example/cb",
        "newest first"
    );
    assert_eq!(list[1]["redirectUri"], "https://a.example/cb");
    assert_eq!(list[0]["grantType"], "account");
    assert_eq!(list[0]["scopes"], "openid profile");
    for k in ["id", "createDate", "lastUpdate", "remark"] {
        assert!(list[0].get(k).is_some(), "{k}");
    }
    s.post(
        "/api/OAuth/2/GrantCode",
        grant("owner", "https://a.example/cb"),
    )
    .await
    .ok();
    let list = s
        .get_auth("/api/OAuth/2/Consents", &t)
        .await
        .ok()
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(list.len(), 2);
    assert_eq!(
        list[0]["redirectUri"], "https://a.example/cb",
        "updated moves to the top"
    );
    // Another user sees none of them and cannot delete them.
    let other = s.account(APP, "intruder", "secret12").await;
    let theirs = s
        .get_auth("/api/OAuth/2/Consents", &other)
        .await
        .ok()
        .clone();
    assert_eq!(theirs, json!([]));
    let id = list[0]["id"].as_i64().unwrap_or(0);
    s.delete_auth(&format!("/api/OAuth/2/Consents/{id}"), &other)
        .await
        .refused(404);
    s.delete_auth("/api/OAuth/2/Consents/999999", &t)
        .await
        .refused(404);
    s.delete_auth(&format!("/api/OAuth/2/Consents/{id}"), &t)
        .await
        .ok();
    s.delete_auth(&format!("/api/OAuth/2/Consents/{id}"), &t)
        .await
        .refused(404);
    let list = s
        .get_auth("/api/OAuth/2/Consents", &t)
        .await
        .ok()
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(list.len(), 1);
    s.get("/api/OAuth/2/Consents").await.refused(401);
    s.delete_auth("/api/OAuth/2/Consents/1", "nope")
        .await
        .refused(401);
}

#[tokio::test]
async fn grant_refusals_and_grant_types() {
    let s = Srv::new().await;
    s.account(APP, "granter", "secret12").await;
    let mut bad = grant("granter", "javascript:alert(1)");
    s.post("/api/OAuth/2/GrantCode", bad.clone())
        .await
        .refused(400);
    bad["redirect_uri"] = json!("ftp://x.example/");
    s.post("/api/OAuth/2/GrantCode", bad).await.refused(400);
    let mut g = grant("granter", "https://a.example/cb");
    g["password"] = json!("wrong-pwd");
    s.post("/api/OAuth/2/GrantCode", g).await.refused(401);
    for days in [json!(0), json!(100), json!("x")] {
        let mut g = grant("granter", "https://a.example/cb");
        g["expireInDays"] = days;
        s.post("/api/OAuth/2/GrantCode", g).await.refused(400);
    }
    let mut g = grant("granter", "https://a.example/cb");
    g["grant_type"] = json!("magic");
    s.post("/api/OAuth/2/GrantCode", g).await.refused(400);
    // expireInDays sets the lifetime of the token Authorize gives.
    let mut g = grant("granter", "https://a.example/cb");
    g["expireInDays"] = json!(3);
    let code = s.post("/api/OAuth/2/GrantCode", g).await.ok()["code"]
        .as_str()
        .unwrap_or("")
        .to_string();
    let d = s
        .post(&format!("/api/OAuth/2/Authorize?code={code}"), json!({}))
        .await
        .ok()
        .clone();
    assert_eq!(d["expires_in"], 3 * 86_400);
    // unionid and email grants.
    s.post(
        "/api/AppUsers/2/UnionIDSignUp",
        json!({ "platform": "qq", "unionID": "q-1" }),
    )
    .await
    .token();
    s.post(
        "/api/OAuth/2/GrantCode",
        json!({ "grant_type": "unionid", "scopes": "openid", "redirect_uri": "http://localhost:3000/cb",
                "unionId": "q-1", "platform": "qq" }),
    )
    .await
    .ok();
    s.post(
        "/api/OAuth/2/GrantCode",
        json!({ "grant_type": "unionid", "scopes": "openid", "redirect_uri": "http://localhost:3000/cb",
                "unionId": "q-2", "platform": "qq" }),
    )
    .await
    .refused(404);
    let c = s.code(APP, "grant@example.com", "signup").await;
    s.post(
        "/api/AppUsers/2/EmailSignUp",
        json!({ "email": "grant@example.com", "emailCode": c, "pwd": "secret12" }),
    )
    .await
    .token();
    let mut g = grant("grant@example.com", "https://a.example/cb");
    g["grant_type"] = json!("email");
    s.post("/api/OAuth/2/GrantCode", g).await.ok();
}

#[tokio::test]
async fn allow_list_and_expiry() {
    let s = Srv::new().await;
    let c = s.code(APP_STRICT, "13600000001", "signup").await;
    s.post(
        "/api/AppUsers/5/SignUp",
        json!({ "userName": "listed", "pwd": "secret12", "phone": "13600000001", "phoneCode": c }),
    )
    .await
    .token();
    s.post(
        "/api/OAuth/5/GrantCode",
        grant("listed", "https://evil.example/cb"),
    )
    .await
    .refused(403);
    s.post(
        "/api/OAuth/5/GrantCode",
        grant("listed", "https://client.example/cb"),
    )
    .await
    .ok();
    // Expiry: app 4's codes live 1 s.
    s.account(APP_SHORT, "hasty", "secret12").await;
    let code = s
        .post(
            "/api/OAuth/4/GrantCode",
            grant("hasty", "https://a.example/cb"),
        )
        .await
        .ok()["code"]
        .as_str()
        .unwrap_or("")
        .to_string();
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    s.post(&format!("/api/OAuth/4/Authorize?code={code}"), json!({}))
        .await
        .refused(410);
}
