//! Issue #13: each attack of the issue, refused. One test (or more) per item.

use std::{
    net::IpAddr,
    time::{Duration, Instant},
};

use oauthapp_server::{Config, Limits};
use reqwest::header::HeaderMap;
use serde_json::{json, Value};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::TcpStream,
};

use crate::common::*;

/// A response's status, headers and JSON body.
struct Full {
    status: u16,
    headers: HeaderMap,
    body: Value,
}

async fn send(req: reqwest::RequestBuilder) -> Full {
    let res = req.send().await.expect("request");
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let bytes = res.bytes().await.expect("body");
    Full {
        status,
        headers,
        body: serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    }
}

async fn post_from(s: &Srv, from: Option<IpAddr>, path: &str, body: Value, zh: bool) -> Full {
    let mut c = reqwest::Client::builder();
    if let Some(ip) = from {
        c = c.local_address(ip);
    }
    let mut req = c
        .build()
        .expect("client")
        .post(format!("{}{path}", s.base))
        .json(&body);
    if zh {
        req = req.header("Accept-Language", "zh-CN");
    }
    send(req).await
}

fn with_limits(limits: Limits) -> Config {
    Config { limits, ..config() }
}

fn sign_in_body(name: &str, pwd: &str) -> Value {
    json!({ "userName": name, "pwd": pwd })
}

// ---- 1. memory: codes before hashes, bounded hashing -------------------------------------

/// One hashing slot, no queue, and a slow argon2 (about a second a hash): the slot can be
/// held on purpose.
fn one_slot() -> Config {
    Config {
        argon2_memory_kib: 8 * 1024,
        argon2_iterations: 60,
        ..with_limits(Limits {
            hash_concurrency: 1,
            hash_queue: 0,
            ..Limits::default()
        })
    }
}

/// Three sign-ups at once with the slow hash: one holds the only slot, the others are
/// refused at once. Waits until they are surely under way.
async fn hold_the_slot(s: &Srv) -> Vec<tokio::task::JoinHandle<Full>> {
    let holders = (0..3)
        .map(|i| {
            let url = format!("{}/api/AppUsers/2/SignUp", s.base);
            let body = json!({ "userName": format!("holder{i}"), "pwd": "secret12" });
            tokio::spawn(async move { send(reqwest::Client::new().post(url).json(&body)).await })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(400)).await;
    holders
}

#[tokio::test]
async fn reset_pwd_checks_the_code_before_hashing() {
    let s = Srv::with(one_slot()).await;
    s.post(
        "/api/AppUsers/2/SendSMSCode",
        json!({ "phone": "13500000000", "type": "forgetpwd" }),
    )
    .await
    .ok();
    let holders = hold_the_slot(&s).await;
    // With the slot taken, a wrong code is refused as wrong (401), not as busy (503): it
    // never needed a hash.
    s.post(
        "/api/AppUsers/2/ResetPwd",
        json!({ "phone": "13500000000", "code": "000000", "pwd": "whatever1" }),
    )
    .await
    .refused(401);
    for h in holders {
        h.await.expect("join");
    }
}

#[tokio::test]
async fn hashing_past_the_slots_and_queue_is_503_with_retry_after() {
    let s = Srv::with(one_slot()).await;
    let mut statuses = Vec::new();
    for h in hold_the_slot(&s).await {
        let r = h.await.expect("join");
        if r.status == 503 {
            assert_eq!(r.body["code"], 503);
            assert!(r.headers.contains_key("retry-after"));
        }
        statuses.push(r.status);
    }
    statuses.sort();
    assert_eq!(statuses, [200, 503, 503]);
    // The slot is free again.
    s.account(APP, "later", "secret12").await;
}

// ---- 2. password guessing -------------------------------------------------------------------

fn guessing() -> Config {
    with_limits(Limits {
        login_free_failures: 3,
        backoff_secs: 1,
        backoff_max_secs: 2,
        ..Limits::default()
    })
}

#[tokio::test]
async fn wrong_passwords_back_off_per_account_and_address_and_unlock() {
    let s = Srv::with(guessing()).await;
    s.account(APP, "victim", "secret12").await;
    for _ in 0..4 {
        s.post(
            "/api/AppUsers/2/SignIn",
            sign_in_body("victim", "wrong-pwd"),
        )
        .await
        .refused(401);
    }
    // Locked now, even for the right password; in the person's language, with Retry-After.
    let locked = post_from(
        &s,
        None,
        "/api/AppUsers/2/SignIn",
        sign_in_body("victim", "secret12"),
        true,
    )
    .await;
    assert_eq!(locked.status, 429, "{}", locked.body);
    assert!(locked.body["err"].as_str().unwrap_or("").contains("秒"));
    assert!(locked.headers.contains_key("retry-after"));
    // GrantCode with grant_type=account shares the lock.
    let grant = s
        .post(
            "/api/OAuth/2/GrantCode",
            json!({ "grant_type": "account", "userName": "victim", "password": "secret12",
                    "scopes": "openid", "redirect_uri": "http://127.0.0.1:9/cb" }),
        )
        .await;
    grant.refused(429);
    // Another address is not locked out by this one's guesses.
    let other: IpAddr = "127.0.0.2".parse().expect("ip");
    let a = post_from(
        &s,
        Some(other),
        "/api/AppUsers/2/SignIn",
        sign_in_body("victim", "secret12"),
        false,
    )
    .await;
    assert_eq!(a.status, 200, "{}", a.body);
    // The lock ends by itself.
    tokio::time::sleep(Duration::from_millis(2100)).await;
    s.post("/api/AppUsers/2/SignIn", sign_in_body("victim", "secret12"))
        .await
        .token();
}

#[tokio::test]
async fn wrong_passwords_through_grant_code_count_too() {
    let s = Srv::with(guessing()).await;
    s.account(APP, "carol", "secret12").await;
    let grant = |pwd: &str| {
        json!({ "grant_type": "account", "userName": "carol", "password": pwd,
                "scopes": "openid", "redirect_uri": "http://127.0.0.1:9/cb" })
    };
    for _ in 0..4 {
        s.post("/api/OAuth/2/GrantCode", grant("wrong-pwd"))
            .await
            .refused(401);
    }
    s.post("/api/OAuth/2/GrantCode", grant("secret12"))
        .await
        .refused(429);
    s.post("/api/AppUsers/2/SignIn", sign_in_body("carol", "secret12"))
        .await
        .refused(429);
}

#[tokio::test]
async fn one_address_guessing_many_accounts_is_limited() {
    let s = Srv::with(with_limits(Limits {
        address_failures: 5,
        ..Limits::default()
    }))
    .await;
    s.account(APP, "dave", "secret12").await;
    for i in 0..5 {
        s.post(
            "/api/AppUsers/2/SignIn",
            sign_in_body(&format!("user{i}"), "wrong-pwd"),
        )
        .await
        .refused(401);
    }
    s.post("/api/AppUsers/2/SignIn", sign_in_body("dave", "secret12"))
        .await
        .refused(429);
}

#[tokio::test]
async fn behind_a_proxy_the_configured_header_names_the_client() {
    let s = Srv::with(Config {
        client_ip_header: Some("X-Forwarded-For".into()),
        ..with_limits(Limits {
            address_failures: 2,
            ..Limits::default()
        })
    })
    .await;
    s.account(APP, "kim", "secret12").await;
    let from = |ip: &'static str, pwd: &'static str| {
        let url = format!("{}/api/AppUsers/2/SignIn", s.base);
        async move {
            send(
                reqwest::Client::new()
                    .post(url)
                    .header("X-Forwarded-For", format!("10.9.9.9, {ip}"))
                    .json(&sign_in_body("kim", pwd)),
            )
            .await
            .status
        }
    };
    assert_eq!(from("203.0.113.1", "wrong-pwd").await, 401);
    assert_eq!(from("203.0.113.1", "wrong-pwd").await, 401);
    assert_eq!(from("203.0.113.1", "secret12").await, 429);
    assert_eq!(from("203.0.113.2", "secret12").await, 200);
}

// ---- 3. enumeration ---------------------------------------------------------------------------

#[tokio::test]
async fn unknown_user_and_wrong_password_answer_alike_and_take_alike() {
    let s = Srv::with(Config {
        argon2_memory_kib: 4096,
        argon2_iterations: 4,
        limits: Limits {
            login_free_failures: 1000,
            account_free_failures: 1000,
            ..Limits::default()
        },
        ..config()
    })
    .await;
    s.account(APP, "erin", "secret12").await;
    // The two are timed in turns, so a busy machine slows both alike; medians of 9 each.
    let mut known_times = Vec::new();
    let mut unknown_times = Vec::new();
    let mut known_body = Value::Null;
    let mut unknown_body = Value::Null;
    for _ in 0..9 {
        for (name, times, body) in [
            ("erin", &mut known_times, &mut known_body),
            ("nobody-here", &mut unknown_times, &mut unknown_body),
        ] {
            let t = Instant::now();
            let a = s
                .post("/api/AppUsers/2/SignIn", sign_in_body(name, "wrong-pwd"))
                .await;
            times.push(t.elapsed());
            a.refused(401);
            *body = a.body;
        }
    }
    known_times.sort();
    unknown_times.sort();
    let (known, unknown) = (known_times[4], unknown_times[4]);
    assert_eq!(known_body, unknown_body);
    // Without the dummy hash the unknown user answers in about a millisecond, a small fraction
    // of a hash; with it the two medians are alike (a factor 3 leaves room for a busy machine).
    assert!(
        unknown * 3 > known,
        "unknown {unknown:?} vs wrong password {known:?}"
    );
}

#[tokio::test]
async fn forgetpwd_codes_answer_the_same_for_unknown_contacts() {
    let s = Srv::new().await;
    // App 4 has a 1 s resend window (and 1 s codes).
    next_second().await;
    let code = s.code(APP_SHORT, "13600000001", "signup").await;
    s.post(
        "/api/AppUsers/4/PhoneSignUp",
        json!({ "phone": "13600000001", "phoneCode": code }),
    )
    .await
    .token();
    tokio::time::sleep(Duration::from_millis(1100)).await;
    for phone in ["13600000001", "13600000002"] {
        let a = s
            .post(
                "/api/AppUsers/4/SendSMSCode",
                json!({ "phone": phone, "type": "forgetpwd" }),
            )
            .await;
        assert_eq!(
            a.body,
            json!({"code": 200, "data": true, "err": ""}),
            "{phone}"
        );
    }
    // The resend window runs for both alike.
    for phone in ["13600000001", "13600000002"] {
        s.post(
            "/api/AppUsers/4/SendSMSCode",
            json!({ "phone": phone, "type": "forgetpwd" }),
        )
        .await
        .refused(429);
    }
}

// ---- 4. user names ---------------------------------------------------------------------------

#[tokio::test]
async fn user_names_cannot_shadow_contacts_or_hide_characters() {
    let s = Srv::new().await;
    for name in ["13800138001", "+4915112345678", "victim@example.com"] {
        s.post(
            "/api/AppUsers/2/SignUp",
            json!({ "userName": name, "pwd": "secret12" }),
        )
        .await
        .refused(400);
    }
    // The phone's owner can still sign up with it, and sign in with it.
    let code = s.code(APP, "13800138001", "signup").await;
    s.post(
        "/api/AppUsers/2/SignUp",
        json!({ "userName": "13800138001", "pwd": "secret12", "phone": "13800138001",
                "phoneCode": code }),
    )
    .await
    .token();
    s.post(
        "/api/AppUsers/2/SignIn",
        sign_in_body("13800138001", "secret12"),
    )
    .await
    .token();
    for name in [
        "\u{202e}evil",
        "victim\u{200b}",
        "vic\u{feff}tim",
        "p\u{430}ypal",
    ] {
        s.post(
            "/api/AppUsers/2/SignUp",
            json!({ "userName": name, "pwd": "secret12" }),
        )
        .await
        .refused(400);
    }
    // NFKC before the uniqueness check: the full-width twin of a name is that name.
    s.account(APP, "victim", "secret12").await;
    s.post(
        "/api/AppUsers/2/SignUp",
        json!({ "userName": "ｖｉｃｔｉｍ", "pwd": "secret12" }),
    )
    .await
    .refused(409);
    s.post(
        "/api/AppUsers/2/SignIn",
        sign_in_body("ｖｉｃｔｉｍ", "secret12"),
    )
    .await
    .token();
}

#[tokio::test]
async fn a_contact_shaped_login_finds_the_verified_contact_before_an_older_user_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("legacy.db").to_string_lossy().into_owned();
    let cfg = Config {
        db: db.clone(),
        ..config()
    };
    let s = Srv::with(cfg.clone()).await;
    let code = s.code(APP, "13800138001", "signup").await;
    s.post(
        "/api/AppUsers/2/SignUp",
        json!({ "userName": "owner", "pwd": "owner-pwd1", "phone": "13800138001",
                "phoneCode": code }),
    )
    .await
    .token();
    // A name shaped like that phone, taken before the rule existed (written directly).
    let hash = oauthapp_server::passwords::Hasher::new(256, 1, 1, 1, Duration::from_secs(1))
        .hash("shadow-pwd1".into())
        .await
        .expect("hash");
    let legacy = oauthapp_server::db::Db::open(&db).expect("db");
    legacy
        .tx(|tx| {
            tx.execute(
                &format!(
                    "INSERT INTO users (app_id, user_name, pwd_hash, create_date, last_update)
                     VALUES (2, '13800138001', '{hash}', '2020-01-01 00:00:00',
                     '2020-01-01 00:00:00')"
                ),
                &[],
            )?;
            Ok(())
        })
        .expect("insert");
    let owner = s
        .post(
            "/api/AppUsers/2/SignIn",
            sign_in_body("13800138001", "owner-pwd1"),
        )
        .await
        .token();
    assert_eq!(claims(&owner, APP)["unique_name"], "owner");
    s.post(
        "/api/AppUsers/2/SignIn",
        sign_in_body("13800138001", "shadow-pwd1"),
    )
    .await
    .refused(401);
}

// ---- 5. token revocation ---------------------------------------------------------------------

#[tokio::test]
async fn reset_pwd_ends_earlier_tokens() {
    let s = Srv::new().await;
    let code = s.code(APP, "13600000009", "signup").await;
    let old = s
        .post(
            "/api/AppUsers/2/PhoneSignUp",
            json!({ "phone": "13600000009", "phoneCode": code, "pwd": "secret12" }),
        )
        .await
        .token();
    s.profile(APP, &old).await;
    let code = s.code(APP, "13600000009", "forgetpwd").await;
    s.post(
        "/api/AppUsers/2/ResetPwd",
        json!({ "phone": "13600000009", "code": code, "pwd": "newsecret1" }),
    )
    .await
    .ok();
    s.get_auth("/api/AppUsers/2/Profile", &old)
        .await
        .refused(401);
    let new = s
        .post(
            "/api/AppUsers/2/SignIn",
            sign_in_body("13600000009", "newsecret1"),
        )
        .await
        .token();
    s.profile(APP, &new).await;
}

async fn grant(s: &Srv, name: &str, redirect: &str, extra: Value) -> Ans {
    let mut body = json!({ "grant_type": "account", "userName": name, "password": "secret12",
                           "scopes": "openid", "redirect_uri": redirect });
    if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
        b.extend(e.clone());
    }
    s.post("/api/OAuth/2/GrantCode", body).await
}

#[tokio::test]
async fn deleting_a_consent_ends_its_tokens() {
    let s = Srv::new().await;
    let own = s.account(APP, "gina", "secret12").await;
    let code = grant(
        &s,
        "gina",
        "http://127.0.0.1:8080/cb",
        json!({"expireInDays": 99}),
    )
    .await
    .ok()["code"]
        .as_str()
        .expect("code")
        .to_string();
    let consent_token = s
        .post(&format!("/api/OAuth/2/Authorize?code={code}"), json!({}))
        .await
        .token();
    s.profile(APP, &consent_token).await;
    let id = s.get_auth("/api/OAuth/2/Consents", &own).await.ok()[0]["id"]
        .as_i64()
        .expect("id");
    s.delete_auth(&format!("/api/OAuth/2/Consents/{id}"), &own)
        .await
        .ok();
    s.get_auth("/api/AppUsers/2/Profile", &consent_token)
        .await
        .refused(401);
    // The user's own token is not the consent's.
    s.profile(APP, &own).await;
}

// ---- 6. redirects and PKCE ---------------------------------------------------------------

#[tokio::test]
async fn an_app_without_an_allow_list_takes_only_its_website_and_dev_loopback() {
    let s = Srv::new().await;
    s.account(APP, "hank", "secret12").await;
    for bad in [
        "https://evil.com/steal",
        "https://web.oauthapp.com@evil.com/cb",
        "https://allowed.example@evil.com/cb",
        "https://web.oauthapp.com.evil.com/cb",
    ] {
        grant(&s, "hank", bad, json!({})).await.refused(403);
    }
    for good in [
        "https://web.oauthapp.com/cb",
        "http://127.0.0.1:8080/?view=thirdparty",
        "http://localhost:3000/cb",
        "http://[::1]:3000/cb",
    ] {
        grant(&s, "hank", good, json!({})).await.ok();
    }
    // Loopback only in development mode (outbox on).
    let prod = Srv::with(Config {
        outbox: false,
        ..config()
    })
    .await;
    prod.account(APP, "hank", "secret12").await;
    grant(&prod, "hank", "http://127.0.0.1:8080/cb", json!({}))
        .await
        .refused(403);
    grant(&prod, "hank", "https://web.oauthapp.com/cb", json!({}))
        .await
        .ok();
}

#[tokio::test]
async fn authorize_checks_the_redirect_uri_and_pkce() {
    let s = Srv::new().await;
    s.account(APP, "ivy", "secret12").await;
    let uri = "http://127.0.0.1:8080/cb";
    let code = |a: Ans| a.ok()["code"].as_str().expect("code").to_string();
    // The redirect_uri, when given, must be the grant's.
    let c = code(grant(&s, "ivy", uri, json!({})).await);
    s.post(
        &format!(
            "/api/OAuth/2/Authorize?code={c}&redirect_uri={}",
            urlenc("http://127.0.0.1:8080/other")
        ),
        json!({}),
    )
    .await
    .refused(400);
    s.post(
        &format!(
            "/api/OAuth/2/Authorize?code={c}&redirect_uri={}",
            urlenc(uri)
        ),
        json!({}),
    )
    .await
    .token();
    // PKCE S256 (RFC 7636 appendix B's pair).
    let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    let challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    let pkce = json!({ "code_challenge": challenge, "code_challenge_method": "S256" });
    let c = code(grant(&s, "ivy", uri, pkce.clone()).await);
    s.post(&format!("/api/OAuth/2/Authorize?code={c}"), json!({}))
        .await
        .refused(400);
    let wrong = "x".repeat(43);
    s.post(
        &format!("/api/OAuth/2/Authorize?code={c}&code_verifier={wrong}"),
        json!({}),
    )
    .await
    .refused(400);
    s.post(
        &format!("/api/OAuth/2/Authorize?code={c}&code_verifier={verifier}"),
        json!({}),
    )
    .await
    .token();
    // Only S256.
    grant(
        &s,
        "ivy",
        uri,
        json!({ "code_challenge": challenge, "code_challenge_method": "plain" }),
    )
    .await
    .refused(400);
}

// ---- 7. pumping --------------------------------------------------------------------------

#[tokio::test]
async fn code_sends_are_limited_per_address_and_per_app() {
    let s = Srv::with(with_limits(Limits {
        sends_per_address: 5,
        ..Limits::default()
    }))
    .await;
    for i in 0..5 {
        s.post(
            "/api/AppUsers/2/SendSMSCode",
            json!({ "phone": format!("1350000010{i}"), "type": "signup" }),
        )
        .await
        .ok();
    }
    let a = post_from(
        &s,
        None,
        "/api/AppUsers/2/SendEmailCode",
        json!({ "email": "x@y.example", "type": "signup" }),
        false,
    )
    .await;
    assert_eq!(a.status, 429, "{}", a.body);
    assert!(a.headers.contains_key("retry-after"));
    // Per app, all addresses together.
    let mut cfg = config();
    for app in &mut cfg.apps {
        app.send_limit = 3;
    }
    let s = Srv::with(cfg).await;
    let other: IpAddr = "127.0.0.3".parse().expect("ip");
    for i in 0..3 {
        let from = if i % 2 == 0 { None } else { Some(other) };
        let a = post_from(
            &s,
            from,
            "/api/AppUsers/2/SendSMSCode",
            json!({ "phone": format!("1350000020{i}"), "type": "signup" }),
            false,
        )
        .await;
        assert_eq!(a.status, 200, "{}", a.body);
    }
    let a = post_from(
        &s,
        Some(other),
        "/api/AppUsers/2/SendSMSCode",
        json!({ "phone": "13500000299", "type": "signup" }),
        false,
    )
    .await;
    assert_eq!(a.status, 429, "{}", a.body);
}

// ---- 8. slow clients -------------------------------------------------------------------------

fn impatient(max_connections: usize) -> Config {
    with_limits(Limits {
        header_timeout_secs: 1,
        body_timeout_secs: 1,
        max_connections,
        ..Limits::default()
    })
}

/// Reads until the server closes the connection (or `within` passes); the bytes read.
async fn read_until_closed(c: &mut TcpStream, within: Duration) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    let deadline = Instant::now() + within;
    loop {
        let left = deadline.checked_duration_since(Instant::now())?;
        match tokio::time::timeout(left, c.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return Some(out),
            Ok(Ok(n)) => out.extend_from_slice(&buf[..n]),
            Err(_) => return None,
        }
    }
}

#[tokio::test]
async fn unfinished_headers_stalled_bodies_and_idle_connections_are_dropped() {
    let s = Srv::with(impatient(64)).await;
    let addr = s.server.addr;
    let mut idle = TcpStream::connect(addr).await.expect("connect");
    let mut partial = TcpStream::connect(addr).await.expect("connect");
    partial
        .write_all(b"POST /api/AppUsers/2/SignIn HTTP/1.1\r\nHost: x\r\n")
        .await
        .expect("write");
    let mut stalled = TcpStream::connect(addr).await.expect("connect");
    stalled
        .write_all(
            b"POST /api/AppUsers/2/SignIn HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
              Content-Length: 100\r\n\r\n{\"userName\":",
        )
        .await
        .expect("write");
    let t = Instant::now();
    assert!(read_until_closed(&mut idle, Duration::from_secs(5))
        .await
        .is_some());
    assert!(read_until_closed(&mut partial, Duration::from_secs(5))
        .await
        .is_some());
    let answer = read_until_closed(&mut stalled, Duration::from_secs(5))
        .await
        .expect("stalled body dropped");
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(t.elapsed() < Duration::from_secs(4), "{:?}", t.elapsed());
}

#[tokio::test]
async fn connections_past_the_cap_wait() {
    let s = Srv::with(impatient(2)).await;
    let addr = s.server.addr;
    let hold1 = TcpStream::connect(addr).await.expect("connect");
    let hold2 = TcpStream::connect(addr).await.expect("connect");
    tokio::time::sleep(Duration::from_millis(100)).await;
    let mut third = TcpStream::connect(addr)
        .await
        .expect("connect (listen queue)");
    third
        .write_all(b"GET /dev/outbox HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .expect("write");
    let mut buf = [0u8; 64];
    let early = tokio::time::timeout(Duration::from_millis(400), third.read(&mut buf)).await;
    assert!(early.is_err(), "served past the cap");
    drop(hold1);
    drop(hold2);
    let n = tokio::time::timeout(Duration::from_secs(3), third.read(&mut buf))
        .await
        .expect("served once a slot frees")
        .expect("read");
    assert!(buf[..n].starts_with(b"HTTP/1.1 200"));
}

// ---- 9. static files -------------------------------------------------------------------------

#[tokio::test]
async fn static_files_stay_in_their_folder_with_headers_and_compression() {
    let dir = tempfile::tempdir().expect("temp dir");
    let outside = tempfile::tempdir().expect("temp dir");
    let page = format!(
        "<!doctype html><script type=module>init()</script><p>{}</p>",
        "widget ".repeat(100)
    );
    std::fs::write(dir.path().join("index.html"), &page).expect("write");
    std::fs::write(dir.path().join(".env"), "SECRET=1").expect("write");
    std::fs::write(outside.path().join("passwd"), "root:x:0:0").expect("write");
    #[cfg(unix)]
    std::os::unix::fs::symlink(outside.path().join("passwd"), dir.path().join("link"))
        .expect("symlink");
    let db = dir.path().join("oauthapp.db");
    let cfg = Config {
        static_dir: Some(dir.path().to_string_lossy().into_owned()),
        db: db.to_string_lossy().into_owned(),
        secret: None,
        ..config()
    };
    let s = Srv::with(cfg).await;
    assert!(dir.path().join("oauthapp.db.secret").exists());
    let c = reqwest::Client::new();
    for path in [
        "/link",
        "/oauthapp.db",
        "/oauthapp.db.secret",
        "/.env",
        "/..%2fpasswd",
    ] {
        let r = send(c.get(format!("{}{path}", s.base))).await;
        assert_eq!(r.status, 404, "{path}");
    }
    let r = c
        .get(format!("{}/", s.base))
        .header("Accept-Encoding", "br")
        .send()
        .await
        .expect("get");
    let h = r.headers();
    assert_eq!(h["content-encoding"], "br");
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["x-frame-options"], "DENY");
    assert!(h.contains_key("referrer-policy"));
    let csp = h["content-security-policy"].to_str().expect("csp");
    assert!(
        csp.contains("frame-ancestors 'none'") && csp.contains("'sha256-"),
        "{csp}"
    );
    let r = c
        .get(format!("{}/", s.base))
        .header("Accept-Encoding", "gzip")
        .send()
        .await
        .expect("get");
    assert_eq!(r.headers()["content-encoding"], "gzip");
}

// ---- 10. small ones ------------------------------------------------------------------------

#[tokio::test]
async fn token_answers_are_not_stored_by_caches() {
    let s = Srv::new().await;
    let r = send(
        reqwest::Client::new()
            .post(format!("{}/api/AppUsers/2/SignUp", s.base))
            .json(&json!({ "userName": "jack", "pwd": "secret12" })),
    )
    .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.headers["cache-control"], "no-store");
}

#[cfg(unix)]
#[tokio::test]
async fn the_database_is_created_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("new.db");
    let _s = Srv::with(Config {
        db: db.to_string_lossy().into_owned(),
        secret: None,
        ..config()
    })
    .await;
    for file in [db.clone(), dir.path().join("new.db.secret")] {
        let mode = std::fs::metadata(&file).expect("file").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}: {mode:o}", file.display());
    }
}

#[tokio::test]
async fn dev_routes_are_readable_only_from_configured_origins() {
    let preflight_origin = |s: &Srv, origin: &'static str| {
        let url = format!("{}/dev/outbox?to=x", s.base);
        async move {
            let r = reqwest::Client::new()
                .get(url)
                .header("Origin", origin)
                .send()
                .await
                .expect("get");
            r.headers()
                .get("access-control-allow-origin")
                .map(|v| v.to_str().unwrap_or("").to_string())
        }
    };
    let s = Srv::new().await;
    assert_eq!(preflight_origin(&s, "https://evil.example").await, None);
    let s = Srv::with(Config {
        dev_origins: vec!["http://127.0.0.1:8080".into()],
        ..config()
    })
    .await;
    assert_eq!(preflight_origin(&s, "https://evil.example").await, None);
    assert_eq!(
        preflight_origin(&s, "http://127.0.0.1:8080")
            .await
            .as_deref(),
        Some("http://127.0.0.1:8080")
    );
}

// ---- guesses beyond passwords, and the owner under an armed account lock ----------------------

/// Posts `body` to `path` from 127.0.0.`last` and checks the answer's status.
async fn expect_from(s: &Srv, last: u8, path: &str, body: Value, status: u16) -> Full {
    let a = post_from(s, Some(IpAddr::from([127, 0, 0, last])), path, body, false).await;
    assert_eq!(a.status, status, "{path} from 127.0.0.{last}: {}", a.body);
    a
}

/// A new QR sign-in key of app 2, asked for from 127.0.0.1.
async fn qr_key(s: &Srv) -> Value {
    let qr = json!({ "scheme": "app", "scopes": "openid" });
    expect_from(s, 1, "/api/AppUsers/2/QRCodePreSignIn", qr, 200)
        .await
        .body["data"]
        .clone()
}

/// Taken names at sign-up count as failed guesses of the address, as wrong passwords do
/// (API.md: a sign-up's 409 "is throttled like sign-in"): no free oracle of who has an account.
#[tokio::test]
async fn taken_names_at_sign_up_are_throttled_like_sign_in() {
    let s = Srv::with(with_limits(Limits {
        address_failures: 3,
        ..Limits::default()
    }))
    .await;
    s.account(APP, "erin", "secret12").await;
    let taken = json!({ "userName": "erin", "pwd": "secret12" });
    expect_from(&s, 7, "/api/AppUsers/2/SignUp", taken, 409).await;
    let union = json!({ "unionID": "erin", "platform": "web" });
    expect_from(&s, 7, "/api/AppUsers/2/UnionIDSignUp", union, 409).await;
    let key = qr_key(&s).await;
    let qr_sign_up = json!({ "unionID": "erin", "signInKey": key });
    expect_from(&s, 7, "/api/AppUsers/2/QRCodeSignUp", qr_sign_up, 409).await;
    // Past the limit, even a free name waits, and so does sign-in from that address.
    let free = json!({ "userName": "frank", "pwd": "secret12" });
    let a = expect_from(&s, 7, "/api/AppUsers/2/SignUp", free.clone(), 429).await;
    assert!(a.headers.contains_key("retry-after"));
    let right = sign_in_body("erin", "secret12");
    expect_from(&s, 7, "/api/AppUsers/2/SignIn", right, 429).await;
    // Another address is not held back.
    expect_from(&s, 8, "/api/AppUsers/2/SignUp", free, 200).await;
}

/// Wrong codes count against the address across recipients and calls, so one address cannot
/// try codes at the rate it can send requests; the code itself is not burned by that.
#[tokio::test]
async fn wrong_codes_count_against_the_address() {
    let s = Srv::with(with_limits(Limits {
        address_failures: 4,
        ..Limits::default()
    }))
    .await;
    let code = s.code(APP, "13600000021", "signup").await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let sign_in = json!({ "phone": "13600000021", "verifyCode": wrong });
    expect_from(&s, 9, "/api/AppUsers/2/PhoneSignIn", sign_in, 401).await;
    let key = qr_key(&s).await;
    let qr_sign_up = json!({ "unionID": "q-9", "signInKey": key,
                             "phone": "13600000021", "phoneCode": wrong });
    expect_from(&s, 9, "/api/AppUsers/2/QRCodeSignUp", qr_sign_up, 401).await;
    let no_code_sent = json!({ "email": "nobody@example.com", "emailCode": wrong });
    expect_from(&s, 9, "/api/AppUsers/2/EmailSignUp", no_code_sent, 400).await;
    let no_reset_code = json!({ "phone": "13600000021", "code": wrong, "pwd": "newsecret1" });
    expect_from(&s, 9, "/api/AppUsers/2/ResetPwd", no_reset_code, 400).await;
    // The right code, from the address that guessed: wait. From another: it works (two wrong
    // tries of five were spent on the code).
    let body = json!({ "phone": "13600000021", "phoneCode": code });
    expect_from(&s, 9, "/api/AppUsers/2/PhoneSignUp", body.clone(), 429).await;
    expect_from(&s, 10, "/api/AppUsers/2/PhoneSignUp", body, 200).await;
}

/// A unionID is all UnionIDSignIn asks for, so each unknown one is a guess: past the
/// address's limit even a known id waits, while another address is not held back.
#[tokio::test]
async fn unknown_union_ids_count_against_the_address() {
    let s = Srv::with(with_limits(Limits {
        address_failures: 3,
        ..Limits::default()
    }))
    .await;
    let union = json!({ "unionID": "wx-known-1", "platform": "wechat" });
    expect_from(&s, 1, "/api/AppUsers/2/UnionIDSignUp", union.clone(), 200).await;
    for guess in ["wx-guess-1", "wx-guess-2", "wx-guess-3"] {
        let body = json!({ "unionID": guess, "platform": "wechat" });
        expect_from(&s, 11, "/api/AppUsers/2/UnionIDSignIn", body, 404).await;
    }
    let a = expect_from(&s, 11, "/api/AppUsers/2/UnionIDSignIn", union.clone(), 429).await;
    assert!(a.headers.contains_key("retry-after"));
    expect_from(&s, 12, "/api/AppUsers/2/UnionIDSignIn", union, 200).await;
}

/// An account-wide lock after 2 wrong passwords from all addresses, lasting a minute.
fn account_lock() -> Config {
    with_limits(Limits {
        login_free_failures: 10,
        account_free_failures: 2,
        backoff_secs: 60,
        backoff_max_secs: 120,
        ..Limits::default()
    })
}

/// Three guessers (127.0.0.`first`…) each try one wrong password for `login`: the account-wide
/// lock is armed.
async fn arm_account_lock(s: &Srv, login: &str, first: u8) {
    for guesser in first..first + 3 {
        let wrong = sign_in_body(login, "wrong-pwd");
        expect_from(s, guesser, "/api/AppUsers/2/SignIn", wrong, 401).await;
    }
}

/// Guessers from several addresses arm the account-wide lock, and can keep it armed with one
/// wrong password per lock. The owner's own address, which signed in lately, still gets in;
/// a new address does not (the lock still bounds guessing).
#[tokio::test]
async fn the_account_lock_does_not_shut_out_where_the_owner_signed_in() {
    let s = Srv::with(account_lock()).await;
    s.account(APP, "gina", "secret12").await;
    let right = sign_in_body("gina", "secret12");
    expect_from(&s, 11, "/api/AppUsers/2/SignIn", right.clone(), 200).await;
    arm_account_lock(&s, "gina", 12).await;
    expect_from(&s, 15, "/api/AppUsers/2/SignIn", right.clone(), 429).await;
    expect_from(&s, 11, "/api/AppUsers/2/SignIn", right.clone(), 200).await;
    // The owner's sign-in does not disarm the lock for the others.
    expect_from(&s, 15, "/api/AppUsers/2/SignIn", right, 429).await;
}

/// A password reset proves the account the owner's: the lock the guessers armed goes.
#[tokio::test]
async fn a_password_reset_lifts_the_account_lock() {
    let s = Srv::with(account_lock()).await;
    let code = s.code(APP, "13600000022", "signup").await;
    s.post(
        "/api/AppUsers/2/PhoneSignUp",
        json!({ "phone": "13600000022", "phoneCode": code, "pwd": "secret12" }),
    )
    .await
    .token();
    arm_account_lock(&s, "13600000022", 16).await;
    let new_pwd = sign_in_body("13600000022", "newsecret1");
    expect_from(&s, 19, "/api/AppUsers/2/SignIn", new_pwd.clone(), 429).await;
    let code = s.code(APP, "13600000022", "forgetpwd").await;
    let reset = json!({ "phone": "13600000022", "code": code, "pwd": "newsecret1" });
    expect_from(&s, 19, "/api/AppUsers/2/ResetPwd", reset, 200).await;
    expect_from(&s, 24, "/api/AppUsers/2/SignIn", new_pwd.clone(), 200).await;
    // Armed again at once, it does not hold back the address the reset came from.
    arm_account_lock(&s, "13600000022", 20).await;
    expect_from(&s, 23, "/api/AppUsers/2/SignIn", new_pwd.clone(), 429).await;
    expect_from(&s, 19, "/api/AppUsers/2/SignIn", new_pwd, 200).await;
}

// ---- what anonymous callers can make the server keep ------------------------------------------

/// Accounts, QR keys and OAuth codes made without signing in count per client address: past
/// `creations_per_address`, 429 from that address, and others go on.
#[tokio::test]
async fn anonymous_creations_are_limited_per_address() {
    let s = Srv::with(with_limits(Limits {
        creations_per_address: 3,
        ..Limits::default()
    }))
    .await;
    let qr_path = "/api/AppUsers/2/QRCodePreSignIn";
    let qr = json!({ "scheme": "app", "scopes": "openid" });
    for _ in 0..2 {
        expect_from(&s, 20, qr_path, qr.clone(), 200).await;
    }
    let union = json!({ "unionID": "u-20", "platform": "web" });
    expect_from(&s, 20, "/api/AppUsers/2/UnionIDSignUp", union, 200).await;
    let a = expect_from(&s, 20, qr_path, qr.clone(), 429).await;
    assert!(a.headers.contains_key("retry-after"));
    let grant = json!({ "grant_type": "unionid", "unionId": "u-20", "platform": "web",
                        "scopes": "openid", "redirect_uri": "http://127.0.0.1:9/cb" });
    expect_from(&s, 20, "/api/OAuth/2/GrantCode", grant.clone(), 429).await;
    let account = json!({ "userName": "hana", "pwd": "secret12" });
    expect_from(&s, 20, "/api/AppUsers/2/SignUp", account.clone(), 429).await;
    // Another address is not held back.
    expect_from(&s, 21, qr_path, qr, 200).await;
    expect_from(&s, 21, "/api/OAuth/2/GrantCode", grant, 200).await;
    expect_from(&s, 21, "/api/AppUsers/2/SignUp", account, 200).await;
}

/// Expired codes and QR keys are deleted `purge_after_secs` after their expiry: an expired
/// key is told apart (410) until then, and unknown (404) after; the outbox forgets the code.
#[tokio::test]
async fn expired_codes_and_qr_keys_are_purged() {
    let s = Srv::with(with_limits(Limits {
        purge_every_secs: 1,
        purge_after_secs: 2,
        ..Limits::default()
    }))
    .await;
    // App 4: codes and QR keys live 1 s.
    s.code(APP_SHORT, "13600000031", "signup").await;
    let key = s
        .post(
            "/api/AppUsers/4/QRCodePreSignIn",
            json!({ "scheme": "app", "scopes": "openid" }),
        )
        .await
        .ok()
        .clone();
    let codes_listed = || async {
        let outbox = s.get("/dev/outbox?to=13600000031").await;
        outbox.ok().as_array().map(Vec::len)
    };
    tokio::time::sleep(Duration::from_millis(1500)).await;
    s.post("/api/AppUsers/4/QRCodeSignIn", json!({ "signInKey": key }))
        .await
        .refused(410);
    assert_eq!(codes_listed().await, Some(1));
    // Expired 2 s ago, and a purge has run since.
    tokio::time::sleep(Duration::from_millis(3500)).await;
    s.post("/api/AppUsers/4/QRCodeSignIn", json!({ "signInKey": key }))
        .await
        .refused(404);
    assert_eq!(codes_listed().await, Some(0));
}

/// A connection from `ip` to the server.
async fn connect_from(ip: [u8; 4], to: std::net::SocketAddr) -> TcpStream {
    let socket = tokio::net::TcpSocket::new_v4().expect("socket");
    socket
        .bind(std::net::SocketAddr::from((ip, 0)))
        .expect("bind");
    socket.connect(to).await.expect("connect")
}

/// One client address cannot hold every connection slot: past `connections_per_address` its
/// new connections are answered 429 and closed, while another address is served.
#[tokio::test]
async fn one_address_cannot_hold_every_connection() {
    let s = Srv::with(with_limits(Limits {
        max_connections: 16,
        connections_per_address: 2,
        ..Limits::default()
    }))
    .await;
    let addr = s.server.addr;
    let _hold1 = connect_from([127, 0, 0, 30], addr).await;
    let _hold2 = connect_from([127, 0, 0, 30], addr).await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    let request = b"GET /dev/outbox HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    let mut third = connect_from([127, 0, 0, 30], addr).await;
    let _ = third.write_all(request).await;
    let answer = read_until_closed(&mut third, Duration::from_secs(3))
        .await
        .expect("closed at once");
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 429"), "{answer}");
    let mut other = connect_from([127, 0, 0, 31], addr).await;
    other.write_all(request).await.expect("write");
    let answer = read_until_closed(&mut other, Duration::from_secs(3))
        .await
        .expect("answered");
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

/// Behind a configured proxy every connection comes from the proxy: no per-address cap.
#[tokio::test]
async fn behind_a_proxy_connections_are_not_capped_per_address() {
    let s = Srv::with(Config {
        client_ip_header: Some("X-Forwarded-For".into()),
        ..with_limits(Limits {
            connections_per_address: 1,
            ..Limits::default()
        })
    })
    .await;
    let addr = s.server.addr;
    let _hold = connect_from([127, 0, 0, 32], addr).await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    let mut second = connect_from([127, 0, 0, 32], addr).await;
    second
        .write_all(b"GET /dev/outbox HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .expect("write");
    let answer = read_until_closed(&mut second, Duration::from_secs(3))
        .await
        .expect("answered");
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}
