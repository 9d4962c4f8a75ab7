//! SignUp and SignIn (calls 3, 4), D1, D6, D10 and the token's claims.

use serde_json::json;

use crate::common::*;

#[tokio::test]
async fn sign_up_then_sign_in_with_pwd_or_password() {
    let s = Srv::new().await;
    let t = s
        .post(
            "/api/AppUsers/2/SignUp",
            json!({ "userName": "alice", "pwd": "secret12", "nickName": "Alice",
                    "avatar": "https://img.example/a.png", "data": "{\"k\":1}\nline2" }),
        )
        .await
        .token();
    let p = s.profile(APP, &t).await;
    assert_eq!(p["userName"], "alice");
    assert_eq!(p["nickName"], "Alice");
    assert_eq!(p["avatar"], "https://img.example/a.png");
    assert_eq!(p["data"], "{\"k\":1}\nline2");
    assert_eq!(p["appID"], 2);
    assert_eq!(p["role"], "user");
    assert_eq!(p["phoneIsValid"], false);
    let date = p["createDate"].as_str().unwrap_or("");
    assert_eq!(date.len(), 19, "YYYY-MM-DD HH:MM:SS: {date}");
    // D1: either key.
    s.post(
        "/api/AppUsers/2/SignIn",
        json!({ "userName": "alice", "pwd": "secret12" }),
    )
    .await
    .token();
    s.post(
        "/api/AppUsers/2/SignIn",
        json!({ "userName": "alice", "password": "secret12" }),
    )
    .await
    .token();
    s.post(
        "/api/AppUsers/2/SignIn",
        json!({ "userName": "ALICE", "pwd": "secret12", "password": "secret12" }),
    )
    .await
    .token();
    s.post(
        "/api/AppUsers/2/SignIn",
        json!({ "userName": "alice", "pwd": "wrong-one" }),
    )
    .await
    .refused(401);
    s.post(
        "/api/AppUsers/2/SignIn",
        json!({ "userName": "nobody", "pwd": "secret12" }),
    )
    .await
    .refused(401);
}

#[tokio::test]
async fn token_claims_are_the_vendor_samples() {
    let s = Srv::new().await;
    let t = s.account(APP, "claimant", "secret12").await;
    let c = claims(&t, APP);
    let p = s.profile(APP, &t).await;
    assert_eq!(c["appid"], "2");
    assert_eq!(c["nameid"], p["id"].to_string());
    assert_eq!(c["unique_name"], "claimant");
    assert_eq!(c["given_name"], "Nick");
    assert_eq!(c["grant_type"], "account");
    assert_eq!(c["role"], "user");
    assert_eq!(c["aud"], "2");
    assert_eq!(c["iss"], "oauthapp-server");
    for k in ["unionid", "platform", "email", "mobile", "picture", "jti"] {
        assert!(c[k].is_string(), "{k} in {c}");
    }
    let (iat, exp) = (
        c["iat"].as_u64().unwrap_or(0),
        c["exp"].as_u64().unwrap_or(0),
    );
    assert_eq!(exp - iat, 86_400);
    assert_eq!(c["nbf"], c["iat"]);
}

#[tokio::test]
async fn sign_up_refusals() {
    let s = Srv::new().await;
    s.account(APP, "taken", "secret12").await;
    let a = s
        .post(
            "/api/AppUsers/2/SignUp",
            json!({ "userName": "TAKEN", "pwd": "secret12" }),
        )
        .await;
    a.refused(409);
    let a = s
        .post(
            "/api/AppUsers/2/SignUp",
            json!({ "userName": "x".repeat(65), "pwd": "secret12" }),
        )
        .await;
    a.refused(400);
    s.post(
        "/api/AppUsers/2/SignUp",
        json!({ "userName": "x".repeat(64), "pwd": "secret12" }),
    )
    .await
    .token();
    let a = s
        .post(
            "/api/AppUsers/2/SignUp",
            json!({ "userName": "shorty", "pwd": "12345" }),
        )
        .await;
    a.refused(400);
    assert!(a.err().contains("pwd"));
    let a = s
        .post(
            "/api/AppUsers/2/SignUp",
            json!({ "userName": " padded", "pwd": "secret12" }),
        )
        .await;
    a.refused(400);
    let a = s
        .post(
            "/api/AppUsers/2/SignUp",
            json!({ "userName": "av", "pwd": "secret12", "avatar": "javascript:alert(1)" }),
        )
        .await;
    a.refused(400);
    assert!(a.err().contains("avatar"));
    // A phone without its code is refused (a phone is only stored once verified).
    let a = s
        .post(
            "/api/AppUsers/2/SignUp",
            json!({ "userName": "ph", "pwd": "secret12", "phone": "13900000001" }),
        )
        .await;
    a.refused(400);
    assert!(a.err().contains("phoneCode"), "{}", a.err());
    // Empty strings as in the vendor's samples mean "not given".
    s.post(
        "/api/AppUsers/2/SignUp",
        json!({ "userName": "samples", "pwd": "secret12", "nickName": "", "avatar": "", "data": "",
                "email": "", "emailCode": "", "phone": "", "phoneCode": "" }),
    )
    .await
    .token();
    // Nothing half-written: the refused names do not exist.
    for n in ["av", "ph", "shorty"] {
        s.post(
            "/api/AppUsers/2/SignIn",
            json!({ "userName": n, "pwd": "secret12" }),
        )
        .await
        .refused(401);
    }
}

#[tokio::test]
async fn sign_up_with_verified_phone_and_email_then_sign_in_by_either_d10() {
    let s = Srv::new().await;
    let pc = s.code(APP, "13900000002", "signup").await;
    let ec = s.code(APP, "both@example.com", "signup").await;
    let t = s
        .post(
            "/api/AppUsers/2/SignUp",
            json!({ "userName": "both", "pwd": "secret12", "phone": "13900000002", "phoneCode": pc,
                    "email": "both@example.com", "emailCode": ec }),
        )
        .await
        .token();
    let p = s.profile(APP, &t).await;
    assert_eq!(p["phone"], "13900000002");
    assert_eq!(p["phoneIsValid"], true);
    assert_eq!(p["email"], "both@example.com");
    assert_eq!(p["emailIsValid"], true);
    for login in ["both", "13900000002", "Both@Example.com"] {
        s.post(
            "/api/AppUsers/2/SignIn",
            json!({ "userName": login, "pwd": "secret12" }),
        )
        .await
        .token();
    }
    // The codes were consumed by the sign-up.
    let a = s
        .post(
            "/api/AppUsers/2/PhoneSignIn",
            json!({ "phone": "13900000002", "verifyCode": pc }),
        )
        .await;
    a.refused(410);
}

#[tokio::test]
async fn an_app_that_requires_a_phone_demands_it() {
    let s = Srv::new().await;
    let a = s
        .post(
            "/api/AppUsers/5/SignUp",
            json!({ "userName": "strict", "pwd": "secret12" }),
        )
        .await;
    a.refused(400);
    assert!(a.err().contains("phone"));
    let c = s.code(APP_STRICT, "13900000003", "signup").await;
    s.post(
        "/api/AppUsers/5/SignUp",
        json!({ "userName": "strict", "pwd": "secret12", "phone": "13900000003", "phoneCode": c }),
    )
    .await
    .token();
    // Users are per app: the same name is free in app 2, and the token is app 5's only.
    s.post(
        "/api/AppUsers/2/SignIn",
        json!({ "userName": "strict", "pwd": "secret12" }),
    )
    .await
    .refused(401);
}

#[tokio::test]
async fn d6_sign_up_without_password_has_none_until_reset() {
    let s = Srv::new().await;
    let c = s.code(APP, "13900000004", "signup").await;
    s.post(
        "/api/AppUsers/2/PhoneSignUp",
        json!({ "phone": "13900000004", "phoneCode": c }),
    )
    .await
    .token();
    for pwd in ["123456", ""] {
        let a = s
            .post(
                "/api/AppUsers/2/SignIn",
                json!({ "userName": "13900000004", "pwd": pwd }),
            )
            .await;
        a.refused(if pwd.is_empty() { 400 } else { 401 });
    }
    let c = s.code(APP, "13900000004", "forgetpwd").await;
    s.post(
        "/api/AppUsers/2/ResetPwd",
        json!({ "phone": "13900000004", "code": c, "pwd": "newpass1" }),
    )
    .await
    .ok();
    s.post(
        "/api/AppUsers/2/SignIn",
        json!({ "userName": "13900000004", "pwd": "newpass1" }),
    )
    .await
    .token();
}

#[tokio::test]
async fn a_refused_sign_up_leaves_nothing_behind() {
    let s = Srv::new().await;
    let pc = s.code(APP, "13900000005", "signup").await;
    let ec = s.code(APP, "half@example.com", "signup").await;
    let wrong = if ec == "000000" { "111111" } else { "000000" };
    let a = s
        .post(
            "/api/AppUsers/2/SignUp",
            json!({ "userName": "half", "pwd": "secret12", "phone": "13900000005", "phoneCode": pc,
                    "email": "half@example.com", "emailCode": wrong }),
        )
        .await;
    a.refused(401);
    // No user, and the right phone code was not spent.
    s.post(
        "/api/AppUsers/2/SignIn",
        json!({ "userName": "half", "pwd": "secret12" }),
    )
    .await
    .refused(401);
    s.post(
        "/api/AppUsers/2/SignUp",
        json!({ "userName": "half", "pwd": "secret12", "phone": "13900000005",
            "phoneCode": pc, "email": "half@example.com", "emailCode": ec }),
    )
    .await
    .token();
}

#[tokio::test]
async fn concurrent_sign_ups_of_one_name_create_one_user() {
    let s = std::sync::Arc::new(Srv::new().await);
    let mut tasks = Vec::new();
    for _ in 0..12 {
        let s = s.clone();
        tasks.push(tokio::spawn(async move {
            s.post(
                "/api/AppUsers/2/SignUp",
                json!({ "userName": "racer", "pwd": "secret12" }),
            )
            .await
            .code()
        }));
    }
    let mut codes = Vec::new();
    for t in tasks {
        codes.push(t.await.unwrap_or(-1));
    }
    assert_eq!(codes.iter().filter(|c| **c == 200).count(), 1, "{codes:?}");
    assert_eq!(codes.iter().filter(|c| **c == 409).count(), 11, "{codes:?}");
}
