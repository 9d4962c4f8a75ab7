//! Bad input on the wire, routing, languages, CORS.

use reqwest::Method;
use serde_json::json;

use crate::{common::*, fields::BODY_CALLS};

const SIGN_UP: &str = "/api/AppUsers/2/SignUp";

#[tokio::test]
async fn malformed_empty_array_and_non_object_bodies_are_400() {
    let s = Srv::new().await;
    for body in [
        &b"{\"userName\": "[..],
        b"",
        b"   ",
        b"[1,2]",
        b"\"text\"",
        b"42",
        b"null",
        b"not json",
    ] {
        let a = s.raw(Method::POST, SIGN_UP, Some(body.to_vec()), &[]).await;
        a.refused(400);
    }
    let a = s
        .raw(Method::POST, SIGN_UP, Some(b"[]".to_vec()), &[])
        .await;
    assert!(a.err().contains("object"), "{}", a.err());
    let a = s.raw(Method::POST, SIGN_UP, Some(b"".to_vec()), &[]).await;
    assert!(a.err().contains("empty"), "{}", a.err());
}

#[tokio::test]
async fn wrong_types_and_missing_fields_name_the_field() {
    let s = Srv::new().await;
    let a = s
        .post(SIGN_UP, json!({ "userName": 5, "pwd": "secret1" }))
        .await;
    a.refused(400);
    assert!(a.err().contains("userName"), "{}", a.err());
    let a = s
        .post(SIGN_UP, json!({ "userName": ["x"], "pwd": "secret1" }))
        .await;
    a.refused(400);
    let a = s
        .post(SIGN_UP, json!({ "userName": "bob", "pwd": {"a": 1} }))
        .await;
    a.refused(400);
    assert!(a.err().contains("pwd"), "{}", a.err());
    let a = s.post(SIGN_UP, json!({ "pwd": "secret1" })).await;
    a.refused(400);
    assert!(a.err().contains("userName"), "{}", a.err());
    let a = s.post(SIGN_UP, json!({ "userName": "bob" })).await;
    a.refused(400);
    assert!(a.err().contains("pwd"), "{}", a.err());
    let a = s
        .post(SIGN_UP, json!({ "userName": "", "pwd": "secret1" }))
        .await;
    a.refused(400);
    let a = s.post("/api/AppUsers/2/RechargePoints", json!({})).await;
    a.refused(401);
}

#[tokio::test]
async fn a_body_over_64_kib_is_413() {
    let s = Srv::new().await;
    let big = format!(
        "{{\"userName\":\"bob\",{}\"pwd\":\"secret1\"}}",
        " ".repeat(70 * 1024)
    );
    let a = s
        .raw(Method::POST, SIGN_UP, Some(big.into_bytes()), &[])
        .await;
    a.refused(413);
    // Just under the limit is read in full (here, padded with JSON whitespace).
    let ok = format!(
        "{{\"userName\":\"bob\",{}\"pwd\":\"secret1\"}}",
        " ".repeat(60 * 1024)
    );
    s.raw(Method::POST, SIGN_UP, Some(ok.into_bytes()), &[])
        .await
        .token();
}

#[tokio::test]
async fn unknown_app_unknown_route_and_wrong_method() {
    let s = Srv::new().await;
    s.post(
        "/api/AppUsers/99/SignUp",
        json!({ "userName": "bob", "pwd": "secret1" }),
    )
    .await
    .refused(404);
    s.post(
        "/api/AppUsers/abc/SignIn",
        json!({ "userName": "bob", "pwd": "secret1" }),
    )
    .await
    .refused(404);
    s.post("/api/OAuth/99/GrantCode", json!({}))
        .await
        .refused(404);
    s.get("/api/AppUsers/2/Nothing").await.refused(404);
    s.get("/nothing/at/all").await.refused(404);
    s.get("/api/AppUsers/2/SignIn").await.refused(405);
}

#[tokio::test]
async fn paths_and_field_names_are_case_insensitive() {
    let s = Srv::new().await;
    let t = s
        .post(
            "/API/appusers/2/signup",
            json!({ "USERNAME": "carol", "Pwd": "secret1", "NickName": "C" }),
        )
        .await
        .token();
    assert_eq!(s.profile(APP, &t).await["nickName"], "C");
    // nickname spelled the other way
    let t = s
        .post(
            SIGN_UP,
            json!({ "userName": "dave", "pwd": "secret1", "nickname": "D" }),
        )
        .await
        .token();
    assert_eq!(s.profile(APP, &t).await["nickName"], "D");
}

#[tokio::test]
async fn errors_follow_accept_language() {
    let s = Srv::new().await;
    let body = br#"{"userName":"nobody","pwd":"secret1"}"#.to_vec();
    let zh = s
        .raw(
            Method::POST,
            "/api/AppUsers/2/SignIn",
            Some(body.clone()),
            &[("Accept-Language", "zh-CN,zh;q=0.9")],
        )
        .await;
    zh.refused(401);
    assert_eq!(zh.err(), "用户名或密码错误。");
    let en = s
        .raw(
            Method::POST,
            "/api/AppUsers/2/SignIn",
            Some(body.clone()),
            &[("Accept-Language", "en-US,en;q=0.9,zh;q=0.1")],
        )
        .await;
    en.refused(401);
    assert_eq!(en.err(), "The user name or password is wrong.");
    let none = s
        .raw(Method::POST, "/api/AppUsers/2/SignIn", Some(body), &[])
        .await;
    assert_eq!(none.err(), en.err());
    let zh404 = s
        .raw(Method::GET, "/api/x", None, &[("Accept-Language", "zh")])
        .await;
    zh404.refused(404);
    assert!(
        zh404
            .err()
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{}",
        zh404.err()
    );
}

#[tokio::test]
async fn cors_allows_any_origin_with_authorization() {
    let s = Srv::new().await;
    let res = reqwest::Client::new()
        .request(
            Method::OPTIONS,
            format!("{}/api/AppUsers/2/Profile", s.base),
        )
        .header("Origin", "http://localhost:8080")
        .header("Access-Control-Request-Method", "PUT")
        .header(
            "Access-Control-Request-Headers",
            "authorization,content-type",
        )
        .send()
        .await
        .expect("preflight");
    assert!(res.status().is_success());
    let h = res.headers();
    assert_eq!(h["access-control-allow-origin"], "*");
    let allowed = h["access-control-allow-headers"]
        .to_str()
        .unwrap_or("")
        .to_lowercase();
    assert!(allowed.contains("authorization") && allowed.contains("content-type"));
    let methods = h["access-control-allow-methods"].to_str().unwrap_or("");
    assert!(methods.contains("PUT") && methods.contains("DELETE"));
}

/// Quotes, SQL, control characters and 10,000-character strings: refused or stored
/// verbatim, never a 5xx.
#[tokio::test]
async fn hostile_strings_never_cause_a_5xx() {
    let s = Srv::new().await;
    let long = "x".repeat(10_000);
    let nasty = [
        "' OR '1'='1",
        "\"; DROP TABLE users; --",
        "Robert'); DELETE FROM codes;--",
        "a\u{0}b",
        "tab\there",
        "\u{1b}[31mred",
        long.as_str(),
        "😀👍🏽",
    ];
    // Every unauthenticated call with each of its own fields set to the nasty value.
    for (_, call, _, fields) in BODY_CALLS.iter().filter(|c| !c.2) {
        for n in &nasty {
            let mut body = serde_json::Map::new();
            for f in *fields {
                body.insert(f.to_string(), json!(n));
            }
            let a = s.post(call, body.into()).await;
            assert!(a.status.as_u16() < 500, "{call} with {n:.20}: {}", a.body);
            assert!(
                !a.err().contains("does not take"),
                "{call} with {n:.20}: {}",
                a.body
            );
            assert!(
                a.code() != 200 || call.ends_with("/QRCodePreSignIn") || call.ends_with("/SignUp"),
                "{call} accepted {n:.20}: {}",
                a.body
            );
        }
    }
    // A user name with quotes and SQL is stored and read back verbatim.
    let name = "o'brien\"; DROP TABLE users;--";
    let t = s.account(APP, name, "secret1").await;
    assert_eq!(s.profile(APP, &t).await["userName"], name);
    s.post(
        "/api/AppUsers/2/SignIn",
        json!({ "userName": name, "pwd": "secret1" }),
    )
    .await
    .token();
    // Control characters and 10,000 characters are refused with a reason.
    let a = s
        .post(SIGN_UP, json!({ "userName": "a\u{0}b", "pwd": "secret1" }))
        .await;
    a.refused(400);
    assert!(a.err().contains("control"), "{}", a.err());
    let a = s
        .post(SIGN_UP, json!({ "userName": long, "pwd": "secret1" }))
        .await;
    a.refused(400);
    assert!(a.err().contains("too long"), "{}", a.err());
    let a = s
        .post(SIGN_UP, json!({ "userName": "eve", "pwd": long }))
        .await;
    a.refused(400);
    // Query strings too.
    let t = s.account(APP, "querier", "secret1").await;
    for q in [
        "type=1'%20OR%201=1",
        "skip=-1",
        "take=abc",
        "type=9",
        "take=0",
    ] {
        s.get_auth(&format!("/api/AppUsers/2/PointLog?{q}"), &t)
            .await
            .refused(400);
    }
    s.get_auth("/api/OAuth/2/Consents/1%27%20OR%201=1", &t)
        .await
        .refused(405);
    s.delete_auth("/api/OAuth/2/Consents/1%27%20OR%201=1", &t)
        .await
        .refused(404);
}

#[tokio::test]
async fn outbox_is_off_without_the_flag() {
    let s = Srv::with(oauthapp_server::Config {
        outbox: false,
        ..config()
    })
    .await;
    s.get("/dev/outbox?to=13800000000").await.refused(404);
    s.post(
        "/api/AppUsers/2/SendSMSCode",
        json!({ "phone": "13800000000", "type": "signup" }),
    )
    .await
    .ok();
    s.get("/dev/outbox").await.refused(404);
}
