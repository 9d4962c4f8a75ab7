//! Two server instances on one PostgreSQL database: every step of each flow alternates
//! between them, and races spread over both are decided by the database. (The cluster is
//! the throw-away one of `support/pg.rs`.)

#[path = "support/pg.rs"]
mod pg;

#[path = "api/common.rs"]
#[allow(dead_code)]
mod common;

use common::*;
use serde_json::{json, Value};

/// The store of `common::config()`: a fresh schema, shared below by both instances.
pub fn store_db() -> String {
    pg::cluster().fresh_url()
}

/// Two instances of one configuration (one database, one secret).
async fn pair() -> (Srv, Srv, String) {
    let config = config();
    let db = config.db.clone();
    (Srv::with(config.clone()).await, Srv::with(config).await, db)
}

/// POSTs `body` to `path` `n` times at once, alternating between the instances; the
/// envelope codes.
async fn race(a: &Srv, b: &Srv, n: usize, path: &str, body: Value) -> Vec<i64> {
    let client = reqwest::Client::new();
    let tasks: Vec<_> = (0..n)
        .map(|i| {
            let url = format!("{}{path}", if i % 2 == 0 { &a.base } else { &b.base });
            let req = client.post(url).json(&body);
            tokio::spawn(async move {
                let res = req.send().await.expect("request");
                let v: Value = res.json().await.expect("json");
                v["code"].as_i64().unwrap_or(-1)
            })
        })
        .collect();
    let mut codes = Vec::new();
    for t in tasks {
        codes.push(t.await.expect("task"));
    }
    codes
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn codes_sign_up_and_points_alternate_between_instances() {
    let (a, b, _) = pair().await;
    // The resend window counts across instances: sent through a, refused through b.
    let phone = "13900000001";
    let path = format!("/api/AppUsers/{APP_DEFAULT_WINDOW}/SendSMSCode");
    a.post(&path, json!({ "phone": phone, "type": "signup" }))
        .await
        .ok();
    b.post(&path, json!({ "phone": phone, "type": "signup" }))
        .await
        .refused(429);
    // The code sent through a signs up through b; the token works on a.
    let code = b.last_code(phone).await;
    let token = b
        .post(
            &format!("/api/AppUsers/{APP_DEFAULT_WINDOW}/PhoneSignUp"),
            json!({ "phone": phone, "phoneCode": code, "pwd": "secret12" }),
        )
        .await
        .token();
    assert_eq!(a.profile(APP_DEFAULT_WINDOW, &token).await["phone"], phone);
    // Spent once: the same code again, through a.
    a.post(
        &format!("/api/AppUsers/{APP_DEFAULT_WINDOW}/PhoneSignIn"),
        json!({ "phone": phone, "verifyCode": code }),
    )
    .await
    .refused(410);
    // Password sign-in through a, profile through b.
    let t2 = a
        .post(
            &format!("/api/AppUsers/{APP_DEFAULT_WINDOW}/SignIn"),
            json!({ "userName": phone, "pwd": "secret12" }),
        )
        .await
        .token();
    assert_eq!(b.profile(APP_DEFAULT_WINDOW, &t2).await["phone"], phone);
    // Five wrong tries alternating a, b, a, b, a burn the code for both.
    let phone = "13900000002";
    let c = a.code(APP, phone, "signup").await;
    let wrong = if c == "000000" { "111111" } else { "000000" };
    for i in 0..5 {
        let s = if i % 2 == 0 { &a } else { &b };
        let ans = s
            .post(
                "/api/AppUsers/2/PhoneSignUp",
                json!({ "phone": phone, "phoneCode": wrong }),
            )
            .await;
        ans.refused(if i < 4 { 401 } else { 429 });
    }
    b.post(
        "/api/AppUsers/2/PhoneSignUp",
        json!({ "phone": phone, "phoneCode": c }),
    )
    .await
    .refused(429);
    // Points: recharged through a, listed and spent through b.
    let t = a.account(APP, "points-user", "points-pwd1").await;
    a.post_auth(
        "/api/AppUsers/2/RechargePoints",
        &t,
        json!({ "price": 10, "remark": "a" }),
    )
    .await
    .ok();
    let log = b.get_auth("/api/AppUsers/2/PointLog?type=0", &t).await;
    assert_eq!(log.ok()["total"], 1, "{}", log.body);
    b.post_auth("/dev/SpendPoints/2", &t, json!({ "price": 10 }))
        .await
        .ok();
    a.post_auth("/dev/SpendPoints/2", &t, json!({ "price": 1 }))
        .await
        .refused(409);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_qr_key_moves_through_both_instances() {
    let (a, b, _) = pair().await;
    let poll = |s: &Srv, key: Value| {
        let s = s.base.clone();
        async move {
            let v: Value = reqwest::Client::new()
                .post(format!("{s}/api/AppUsers/2/QRCodeSignIn"))
                .json(&json!({ "signInKey": key }))
                .send()
                .await
                .expect("poll")
                .json()
                .await
                .expect("json");
            v
        }
    };
    let key = a
        .post(
            "/api/AppUsers/2/QRCodePreSignIn",
            json!({ "scheme": "app", "scopes": "openid", "remark": "x" }),
        )
        .await
        .ok()
        .clone();
    assert_eq!(poll(&b, key.clone()).await["code"], 201);
    a.post("/api/AppUsers/2/QRCodeScan", json!({ "signInKey": key }))
        .await
        .ok();
    assert_eq!(poll(&b, key.clone()).await["code"], 202);
    let phone_token = a
        .post(
            "/api/AppUsers/2/QRCodeSignUp",
            json!({ "unionID": "mini-x", "signInKey": key }),
        )
        .await
        .token();
    // Confirmed through a: a second confirmation through b is refused.
    b.post(
        "/api/AppUsers/2/QRCodeSignUp",
        json!({ "unionID": "mini-y", "signInKey": key }),
    )
    .await
    .refused(410);
    // Collected once, by polls racing on both.
    let polls = race(
        &a,
        &b,
        6,
        "/api/AppUsers/2/QRCodeSignIn",
        json!({ "signInKey": key }),
    )
    .await;
    assert_eq!(polls.iter().filter(|c| **c == 200).count(), 1, "{polls:?}");
    assert!(polls.iter().all(|c| *c == 200 || *c == 410), "{polls:?}");
    assert_eq!(b.profile(APP, &phone_token).await["unionID"], "mini-x");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_user_name_raced_over_both_instances_is_taken_once() {
    let (a, b, db) = pair().await;
    let codes = race(
        &a,
        &b,
        8,
        "/api/AppUsers/2/SignUp",
        json!({ "userName": "Contested", "pwd": "secret12" }),
    )
    .await;
    assert_eq!(codes.iter().filter(|c| **c == 200).count(), 1, "{codes:?}");
    assert!(codes.iter().all(|c| *c == 200 || *c == 409), "{codes:?}");
    // Case-insensitively, too, and the database holds one row.
    a.post(
        "/api/AppUsers/2/SignUp",
        json!({ "userName": "contested", "pwd": "secret12" }),
    )
    .await
    .refused(409);
    let n = pg::query(
        &db,
        "SELECT count(*) FROM users WHERE lower(user_name) = 'contested'",
    );
    assert_eq!(n, "1");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_code_spent_concurrently_through_both_instances_wins_once() {
    let (a, b, db) = pair().await;
    for round in 0..3 {
        let phone = format!("1380000010{round}");
        let code = b.code(APP, &phone, "signup").await;
        let codes = race(
            &a,
            &b,
            6,
            "/api/AppUsers/2/PhoneSignUp",
            json!({ "phone": phone, "phoneCode": code }),
        )
        .await;
        assert_eq!(codes.iter().filter(|c| **c == 200).count(), 1, "{codes:?}");
        assert!(codes.iter().all(|c| *c == 200 || *c == 410), "{codes:?}");
        let n = pg::query(
            &db,
            &format!("SELECT count(*) FROM users WHERE phone = '{phone}'"),
        );
        assert_eq!(n, "1");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_instance_without_a_configured_secret_refuses_to_start() {
    let config = oauthapp_server::Config {
        secret: None,
        ..config()
    };
    let err = oauthapp_server::start(&config, "127.0.0.1:0")
        .await
        .err()
        .expect("refused");
    assert!(err.contains("secret"), "{err}");
}
