//! Phone and email codes (calls 5–11): D2, D9, single use, expiry, resend window, tries.

use serde_json::json;

use crate::common::*;

#[tokio::test]
async fn phone_sign_in_of_a_new_phone_is_404_and_the_code_still_signs_up() {
    let s = Srv::new().await;
    let phone = "13700000001";
    let c = s.code(APP, phone, "signup").await;
    assert_eq!(c.len(), 6);
    assert!(c.chars().all(|ch| ch.is_ascii_digit()));
    let a = s
        .post(
            "/api/AppUsers/2/PhoneSignIn",
            json!({ "phone": phone, "verifyCode": c }),
        )
        .await;
    a.refused(404);
    let t = s
        .post(
            "/api/AppUsers/2/PhoneSignUp",
            json!({ "phone": phone, "phoneCode": c, "pwd": "secret12" }),
        )
        .await
        .token();
    let p = s.profile(APP, &t).await;
    assert_eq!(p["userName"], phone, "D10");
    assert_eq!(p["phoneIsValid"], true);
    assert_eq!(claims(&t, APP)["mobile"], phone);
    // Single use: the same code again is refused.
    s.post(
        "/api/AppUsers/2/PhoneSignIn",
        json!({ "phone": phone, "verifyCode": c }),
    )
    .await
    .refused(410);
    s.post(
        "/api/AppUsers/2/PhoneSignUp",
        json!({ "phone": phone, "phoneCode": c }),
    )
    .await
    .refused(410);
    // A new code (type signin, D9 synonym) signs in; phoneCode is accepted as the name too.
    let c2 = s.code(APP, phone, "signin").await;
    let t2 = s
        .post(
            "/api/AppUsers/2/PhoneSignIn",
            json!({ "phone": phone, "phoneCode": c2 }),
        )
        .await
        .token();
    assert_eq!(s.profile(APP, &t2).await["id"], p["id"]);
    // Signing up again with a fresh code: 409 and the code is not spent.
    let c3 = s.code(APP, phone, "signup").await;
    s.post(
        "/api/AppUsers/2/PhoneSignUp",
        json!({ "phone": phone, "phoneCode": c3 }),
    )
    .await
    .refused(409);
    s.post(
        "/api/AppUsers/2/PhoneSignIn",
        json!({ "phone": phone, "verifyCode": c3 }),
    )
    .await
    .token();
}

#[tokio::test]
async fn email_flow_accepts_verify_code_and_email_code_d2() {
    let s = Srv::new().await;
    let email = "mail@example.org";
    let c = s.code(APP, email, "signup").await;
    let t = s
        .post(
            "/api/AppUsers/2/EmailSignUp",
            json!({ "email": email, "emailCode": c, "pwd": "secret12", "nickName": "M" }),
        )
        .await
        .token();
    let p = s.profile(APP, &t).await;
    assert_eq!(p["userName"], email);
    assert_eq!(p["emailIsValid"], true);
    let c = s.code(APP, email, "signup").await;
    s.post(
        "/api/AppUsers/2/EmailSignIn",
        json!({ "email": email, "verifyCode": c }),
    )
    .await
    .token();
    let c = s.code(APP, email, "signup").await;
    s.post(
        "/api/AppUsers/2/EmailSignIn",
        json!({ "email": "MAIL@example.org", "emailCode": c }),
    )
    .await
    .token();
    let out = s.get(&format!("/dev/outbox?to={}", urlenc(email))).await;
    let list = out.ok().as_array().cloned().unwrap_or_default();
    assert_eq!(list.len(), 3);
    assert_eq!(list[0]["channel"], "email");
    assert_eq!(list[0]["to"], email);
    assert_eq!(list[0]["type"], "signup");
    assert!(list[0]["createDate"].is_string());
    s.post(
        "/api/AppUsers/2/SendEmailCode",
        json!({ "email": "not-an-email", "type": "signup" }),
    )
    .await
    .refused(400);
    s.post(
        "/api/AppUsers/2/SendSMSCode",
        json!({ "phone": "12345", "type": "signup" }),
    )
    .await
    .refused(400);
    s.post(
        "/api/AppUsers/2/SendSMSCode",
        json!({ "phone": "+4915112345678", "type": "signup" }),
    )
    .await
    .ok();
    s.post(
        "/api/AppUsers/2/SendSMSCode",
        json!({ "phone": "13700000009", "type": "login" }),
    )
    .await
    .refused(400);
    s.post(
        "/api/AppUsers/2/SendSMSCode",
        json!({ "phone": "13700000009" }),
    )
    .await
    .refused(400);
}

#[tokio::test]
async fn wrong_codes_count_and_five_burn_the_code() {
    let s = Srv::new().await;
    let phone = "13700000002";
    let c = s.code(APP, phone, "signup").await;
    let wrong = if c == "000000" { "111111" } else { "000000" };
    for _ in 0..4 {
        s.post(
            "/api/AppUsers/2/PhoneSignUp",
            json!({ "phone": phone, "phoneCode": wrong }),
        )
        .await
        .refused(401);
    }
    // The fifth wrong try burns it.
    s.post(
        "/api/AppUsers/2/PhoneSignIn",
        json!({ "phone": phone, "verifyCode": wrong }),
    )
    .await
    .refused(429);
    // Even the right code no longer works.
    let a = s
        .post(
            "/api/AppUsers/2/PhoneSignUp",
            json!({ "phone": phone, "phoneCode": c }),
        )
        .await;
    a.refused(429);
    // A fresh code does.
    let c = s.code(APP, phone, "signup").await;
    s.post(
        "/api/AppUsers/2/PhoneSignUp",
        json!({ "phone": phone, "phoneCode": c }),
    )
    .await
    .token();
}

#[tokio::test]
async fn a_404_sign_in_with_a_wrong_code_still_counts_a_try() {
    let s = Srv::new().await;
    let phone = "13700000003";
    let c = s.code(APP, phone, "signup").await;
    let wrong = if c == "000000" { "111111" } else { "000000" };
    for _ in 0..4 {
        s.post(
            "/api/AppUsers/2/PhoneSignIn",
            json!({ "phone": phone, "verifyCode": wrong }),
        )
        .await
        .refused(401);
    }
    // Right code, unknown phone: 404 and not consumed...
    s.post(
        "/api/AppUsers/2/PhoneSignIn",
        json!({ "phone": phone, "verifyCode": c }),
    )
    .await
    .refused(404);
    s.post(
        "/api/AppUsers/2/PhoneSignIn",
        json!({ "phone": phone, "verifyCode": c }),
    )
    .await
    .refused(404);
    // ...and one more wrong try burns it.
    s.post(
        "/api/AppUsers/2/PhoneSignIn",
        json!({ "phone": phone, "verifyCode": wrong }),
    )
    .await
    .refused(429);
    s.post(
        "/api/AppUsers/2/PhoneSignUp",
        json!({ "phone": phone, "phoneCode": c }),
    )
    .await
    .refused(429);
}

#[tokio::test]
async fn codes_are_bound_to_recipient_and_purpose() {
    let s = Srv::new().await;
    // No code at all.
    s.post(
        "/api/AppUsers/2/PhoneSignUp",
        json!({ "phone": "13700000004", "phoneCode": "123456" }),
    )
    .await
    .refused(400);
    // Another phone's code.
    let c = s.code(APP, "13700000005", "signup").await;
    let a = s
        .post(
            "/api/AppUsers/2/PhoneSignUp",
            json!({ "phone": "13700000006", "phoneCode": c }),
        )
        .await;
    a.refused(400);
    // forgetpwd for an unknown phone: the same `true` as for a known one (no account
    // enumeration, #13), nothing sent.
    s.post(
        "/api/AppUsers/2/SendSMSCode",
        json!({ "phone": "13700000007", "type": "forgetpwd" }),
    )
    .await
    .ok();
    assert!(s
        .get("/dev/outbox?to=13700000007")
        .await
        .ok()
        .as_array()
        .is_some_and(|l| l.is_empty()));
    // A signup code does not reset a password; a forgetpwd code does not sign in.
    s.post(
        "/api/AppUsers/2/PhoneSignUp",
        json!({ "phone": "13700000005", "phoneCode": c, "pwd": "secret12" }),
    )
    .await
    .token();
    let su = s.code(APP, "13700000005", "signup").await;
    s.post(
        "/api/AppUsers/2/ResetPwd",
        json!({ "phone": "13700000005", "code": su, "pwd": "changed1" }),
    )
    .await
    .refused(400);
    let fp = s.code(APP, "13700000005", "forgetpwd").await;
    s.post(
        "/api/AppUsers/2/PhoneSignIn",
        json!({ "phone": "13700000005", "verifyCode": fp }),
    )
    .await
    .refused(401);
    // The signup code is still the newest signup code, and still works.
    s.post(
        "/api/AppUsers/2/PhoneSignIn",
        json!({ "phone": "13700000005", "verifyCode": su }),
    )
    .await
    .token();
    s.post(
        "/api/AppUsers/2/ResetPwd",
        json!({ "phone": "13700000005", "code": fp, "pwd": "changed1" }),
    )
    .await
    .ok();
    s.post(
        "/api/AppUsers/2/ResetPwd",
        json!({ "phone": "13700000005", "code": fp, "pwd": "changed2" }),
    )
    .await
    .refused(410);
    s.post(
        "/api/AppUsers/2/SignIn",
        json!({ "userName": "13700000005", "pwd": "secret12" }),
    )
    .await
    .refused(401);
    s.post(
        "/api/AppUsers/2/SignIn",
        json!({ "userName": "13700000005", "pwd": "changed1" }),
    )
    .await
    .token();
}

#[tokio::test]
async fn reset_by_email_and_its_refusals() {
    let s = Srv::new().await;
    let email = "reset@example.com";
    let c = s.code(APP, email, "signup").await;
    s.post(
        "/api/AppUsers/2/EmailSignUp",
        json!({ "email": email, "emailCode": c, "pwd": "secret12" }),
    )
    .await
    .token();
    let c = s.code(APP, email, "forgetpwd").await;
    s.post(
        "/api/AppUsers/2/ResetPwd",
        json!({ "email": email, "code": c, "pwd": "123" }),
    )
    .await
    .refused(400);
    s.post(
        "/api/AppUsers/2/ResetPwd",
        json!({ "email": email, "pwd": "newpass1" }),
    )
    .await
    .refused(400);
    s.post(
        "/api/AppUsers/2/ResetPwd",
        json!({ "code": c, "pwd": "newpass1" }),
    )
    .await
    .refused(400);
    s.post(
        "/api/AppUsers/2/ResetPwd",
        json!({ "email": email, "phone": "13700000008", "code": c, "pwd": "newpass1" }),
    )
    .await
    .refused(400);
    s.post(
        "/api/AppUsers/2/ResetPwd",
        json!({ "email": email, "code": c, "pwd": "newpass1" }),
    )
    .await
    .ok();
    s.post(
        "/api/AppUsers/2/SignIn",
        json!({ "userName": email, "password": "newpass1" }),
    )
    .await
    .token();
}

#[tokio::test]
async fn the_default_60_s_resend_window() {
    let s = Srv::new().await;
    let path = format!("/api/AppUsers/{APP_DEFAULT_WINDOW}/SendSMSCode");
    s.post(&path, json!({ "phone": "13700000010", "type": "signup" }))
        .await
        .ok();
    let a = s
        .post(
            &path,
            json!({ "phone": "13700000010", "type": "forgetpwd" }),
        )
        .await;
    a.refused(429);
    assert!(
        a.err().contains("6") || a.err().contains("5"),
        "says how long: {}",
        a.err()
    );
    // Another recipient is not affected.
    s.post(&path, json!({ "phone": "13700000011", "type": "signup" }))
        .await
        .ok();
    assert_eq!(
        s.get("/dev/outbox?to=13700000010")
            .await
            .ok()
            .as_array()
            .map(Vec::len),
        Some(1)
    );
}

#[tokio::test]
async fn a_short_window_reopens_and_codes_expire() {
    let s = Srv::new().await;
    let path = format!("/api/AppUsers/{APP_SHORT}/SendEmailCode");
    let email = "short@example.com";
    next_second().await;
    s.post(&path, json!({ "email": email, "type": "signup" }))
        .await
        .ok();
    s.post(&path, json!({ "email": email, "type": "signup" }))
        .await
        .refused(429);
    let c = s.last_code(email).await;
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    // The 1 s code has expired; the window has reopened.
    let a = s
        .post(
            &format!("/api/AppUsers/{APP_SHORT}/EmailSignUp"),
            json!({ "email": email, "emailCode": c }),
        )
        .await;
    a.refused(410);
    next_second().await;
    s.post(&path, json!({ "email": email, "type": "signup" }))
        .await
        .ok();
    let c = s.last_code(email).await;
    s.post(
        &format!("/api/AppUsers/{APP_SHORT}/EmailSignUp"),
        json!({ "email": email, "emailCode": c }),
    )
    .await
    .token();
}
