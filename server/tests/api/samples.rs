//! The vendor's own sample bodies (from its API page, keys and spelling verbatim) pass
//! the field check of every call and, with their values filled in, succeed.

use reqwest::Method;
use serde_json::{json, Map, Value};

use crate::common::*;

/// A vendor sample body (verbatim from the API page) with some of its values filled in;
/// every filled key must already be in the sample.
fn sample(template: &str, values: &[(&str, Value)]) -> Vec<u8> {
    let mut body: Map<String, Value> = serde_json::from_str(template).expect("sample is JSON");
    for (k, v) in values {
        assert!(body.contains_key(*k), "{k} is not in the sample {template}");
        body.insert(k.to_string(), v.clone());
    }
    Value::Object(body).to_string().into_bytes()
}

#[tokio::test]
async fn the_vendor_sample_bodies_are_accepted() {
    let s = Srv::new().await;
    let post = |path: &'static str, body: Vec<u8>| {
        let s = &s;
        async move {
            s.raw(Method::POST, &format!("/api/{path}"), Some(body), &[])
                .await
        }
    };
    // Calls 2 and 1.
    post(
        "AppUsers/2/UnionIDSignUp",
        sample(
            r#"{"platform": "","pwd": "","unionID": "","nickName": "","avatar": "","data": "","email": "","emailCode": "","phone": "","phoneCode": ""}"#,
            &[("platform", json!("web")), ("pwd", json!("secret1")), ("unionID", json!("s-1"))],
        ),
    )
    .await
    .token();
    post(
        "AppUsers/2/UnionIDSignIn",
        sample(
            r#"{"platform": "","unionID": ""}"#,
            &[("platform", json!("web")), ("unionID", json!("s-1"))],
        ),
    )
    .await
    .token();
    // Calls 4 and 3.
    post(
        "AppUsers/2/SignUp",
        sample(
            r#"{"pwd": "","userName": "","nickName": "","avatar": "","data": "","email": "","emailCode": "","phone": "","phoneCode": ""}"#,
            &[("pwd", json!("secret1")), ("userName", json!("sampler"))],
        ),
    )
    .await
    .token();
    post(
        "AppUsers/2/SignIn",
        sample(
            r#"{"pwd": "","userName": ""}"#,
            &[("pwd", json!("secret1")), ("userName", json!("sampler"))],
        ),
    )
    .await
    .token();
    // Calls 7, 5 and 6.
    let phone = "13811112222";
    let sms = |kind: &'static str| {
        sample(
            r#"{"phone": "","type": ""}"#,
            &[("phone", json!(phone)), ("type", json!(kind))],
        )
    };
    post("AppUsers/2/SendSMSCode", sms("signup")).await.ok();
    let c = s.last_code(phone).await;
    post(
        "AppUsers/2/PhoneSignUp",
        sample(
            r#"{"phone": "","phoneCode": "","pwd": "","email": "","emailCode": "","nickName": "","avatar": "","data": ""}"#,
            &[("phone", json!(phone)), ("phoneCode", json!(c))],
        ),
    )
    .await
    .token();
    post("AppUsers/2/SendSMSCode", sms("signup")).await.ok();
    let c = s.last_code(phone).await;
    post(
        "AppUsers/2/PhoneSignIn",
        sample(
            "{\n  \"phone\": \"\",\n  \"verifyCode\": \"\"\n}",
            &[("phone", json!(phone)), ("verifyCode", json!(c))],
        ),
    )
    .await
    .token();
    // Call 11 (phone given, email left "").
    post("AppUsers/2/SendSMSCode", sms("forgetpwd")).await.ok();
    let c = s.last_code(phone).await;
    post(
        "AppUsers/2/ResetPwd",
        sample(
            r#"{"code": "","pwd": "","phone": "","email": ""}"#,
            &[
                ("code", json!(c)),
                ("pwd", json!("newpass1")),
                ("phone", json!(phone)),
            ],
        ),
    )
    .await
    .ok();
    // Calls 10, 8 and 9.
    let mail = "sample@example.com";
    let send_mail = || {
        sample(
            r#"{"email": "","type": ""}"#,
            &[("email", json!(mail)), ("type", json!("signup"))],
        )
    };
    post("AppUsers/2/SendEmailCode", send_mail()).await.ok();
    let c = s.last_code(mail).await;
    post(
        "AppUsers/2/EmailSignUp",
        sample(
            r#"{"email": "","pwd": "","emailCode": "","phone": "","phoneCode": "","nickName": "","avatar":"","data": ""}"#,
            &[("email", json!(mail)), ("emailCode", json!(c))],
        ),
    )
    .await
    .token();
    post("AppUsers/2/SendEmailCode", send_mail()).await.ok();
    let c = s.last_code(mail).await;
    post(
        "AppUsers/2/EmailSignIn",
        sample(
            r#"{"email": "","verifyCode": ""}"#,
            &[("email", json!(mail)), ("verifyCode", json!(c))],
        ),
    )
    .await
    .token();
    // Calls 12, 13, 14 and 15.
    let key = post(
        "AppUsers/2/QRCodePreSignIn",
        sample(
            r#"{"scopes": "","remark": "","scheme": "app"}"#,
            &[("scopes", json!("openid phone")), ("remark", json!("test"))],
        ),
    )
    .await
    .ok()
    .clone();
    let by_key = || sample(r#"{"signInKey": ""}"#, &[("signInKey", key.clone())]);
    let a = post("AppUsers/2/QRCodeSignIn", by_key()).await;
    assert_eq!(a.code(), 201, "{}", a.body);
    let card = post("AppUsers/2/QRCodeScan", by_key()).await;
    assert_eq!(card.ok()["scheme"], "app");
    post(
        "AppUsers/2/QRCodeSignUp",
        sample(
            r#"{"unionID": "","signInKey": "","nickName": "","avatar": "","data": "","email": "",        "emailCode": "","phone": "","phoneCode": ""}"#,
            &[("unionID", json!("mini-s")), ("signInKey", key.clone())],
        ),
    )
    .await
    .token();
    post("AppUsers/2/QRCodeSignIn", by_key()).await.token();
    // Call 16.
    let g = post(
        "OAuth/2/GrantCode?scheme=app",
        sample(
            r#"{"grant_type": "","scopes": "","redirect_uri": "","userName": "","password": "","unionId":"","platform": "","expireInDays": 1}"#,
            &[
                ("grant_type", json!("account")),
                ("scopes", json!("openid")),
                ("redirect_uri", json!("https://c.example/cb")),
                ("userName", json!("sampler")),
                ("password", json!("secret1")),
            ],
        ),
    )
    .await;
    assert_eq!(g.ok()["expires_in"], 120);
    // Calls 21 and 23 (Bearer).
    let t = s.account(APP, "sampler2", "secret1").await;
    let profile = sample(
        r#"{"avatar": "","data": "","nickName": ""}"#,
        &[("nickName", json!("Sam"))],
    );
    let auth = format!("Bearer {t}");
    s.raw(
        Method::PUT,
        "/api/AppUsers/2/Profile",
        Some(profile),
        &[("Authorization", &auth)],
    )
    .await
    .ok();
    assert_eq!(s.profile(APP, &t).await["nickName"], "Sam");
    // The sample's price 0 is below the minimum of 1; the keys are what matters here.
    let recharge = sample(
        "{\r\n    \"price\": 0,\r\n    \"remark\": \"string\"\r\n}",
        &[("price", json!(5))],
    );
    s.raw(
        Method::POST,
        "/api/AppUsers/2/RechargePoints",
        Some(recharge),
        &[("Authorization", &auth)],
    )
    .await
    .ok();
    let log = s.get_auth("/api/AppUsers/2/PointLog", &t).await;
    assert_eq!(log.ok()["data"][0]["remark"], "string");
}
