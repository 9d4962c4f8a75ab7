//! Field names: every call that takes a body refuses a field it does not know (400, named),
//! while case variants, the aliases of API.md and the vendor's own sample bodies pass.

use reqwest::Method;
use serde_json::{json, Map, Value};

use crate::common::*;

/// Every call that takes a JSON body: method, path (app 2), whether it needs a token, and
/// the fields it takes — API.md's table, its decisions (D1 `pwd`/`password`, D2
/// `verifyCode`/`emailCode`), the vendor's samples and tables (`scheme` on GrantCode), and
/// the synonyms the server reads (`password` on sign-ups, `code` on the sign-ins).
#[rustfmt::skip]
pub const BODY_CALLS: &[(&str, &str, bool, &[&str])] = &[
    ("POST", "/api/AppUsers/2/UnionIDSignIn", false, &["platform", "unionID"]),
    ("POST", "/api/AppUsers/2/UnionIDSignUp", false, &["unionID", "platform", "userName",
        "pwd", "password", "nickName", "avatar", "data", "phone", "phoneCode", "email",
        "emailCode"]),
    ("POST", "/api/AppUsers/2/SignIn", false, &["userName", "pwd", "password"]),
    ("POST", "/api/AppUsers/2/SignUp", false, &["userName", "pwd", "password", "nickName",
        "avatar", "data", "phone", "phoneCode", "email", "emailCode"]),
    ("POST", "/api/AppUsers/2/PhoneSignUp", false, &["phone", "phoneCode", "pwd", "password",
        "email", "emailCode", "nickName", "avatar", "data"]),
    ("POST", "/api/AppUsers/2/PhoneSignIn", false, &["phone", "verifyCode", "phoneCode",
        "code"]),
    ("POST", "/api/AppUsers/2/SendSMSCode", false, &["phone", "type"]),
    ("POST", "/api/AppUsers/2/EmailSignUp", false, &["email", "emailCode", "pwd", "password",
        "nickName", "avatar", "data", "phone", "phoneCode"]),
    ("POST", "/api/AppUsers/2/EmailSignIn", false, &["email", "verifyCode", "emailCode",
        "code"]),
    ("POST", "/api/AppUsers/2/SendEmailCode", false, &["email", "type"]),
    ("POST", "/api/AppUsers/2/ResetPwd", false, &["phone", "email", "code", "verifyCode",
        "phoneCode", "emailCode", "pwd", "password"]),
    ("POST", "/api/AppUsers/2/QRCodePreSignIn", false, &["scheme", "scopes", "remark"]),
    ("POST", "/api/AppUsers/2/QRCodeSignIn", false, &["signInKey"]),
    ("POST", "/api/AppUsers/2/QRCodeScan", false, &["signInKey"]),
    ("POST", "/api/AppUsers/2/QRCodeSignUp", false, &["unionID", "signInKey", "pwd",
        "password", "nickName", "avatar", "data", "phone", "phoneCode", "email", "emailCode"]),
    ("POST", "/api/OAuth/2/GrantCode?scheme=app", false, &["grant_type", "scopes",
        "redirect_uri", "userName", "password", "pwd", "unionId", "platform", "expireInDays",
        "scheme", "remark"]),
    ("PUT", "/api/AppUsers/2/Profile", true, &["avatar", "nickName", "data"]),
    ("POST", "/api/AppUsers/2/RechargePoints", true, &["price", "remark"]),
    ("POST", "/dev/SpendPoints/2", true, &["price", "remark"]),
];

/// The English sentence of an unknown-field refusal, for `name`.
fn unknown_en(name: &str) -> String {
    format!("This call does not take the field `{name}`; check its name.")
}

/// Sends `body` to a call (with `token` when it needs one).
async fn send(s: &Srv, call: &(&str, &str, bool, &[&str]), token: &str, body: &Value) -> Ans {
    let (method, path, auth, _) = *call;
    let method = Method::from_bytes(method.as_bytes()).expect("method");
    let bearer = format!("Bearer {token}");
    let headers: &[(&str, &str)] = if auth {
        &[("Authorization", &bearer)]
    } else {
        &[]
    };
    s.raw(method, path, Some(body.to_string().into_bytes()), headers)
        .await
}

/// A body with every field of `fields` set to null ("not given").
fn all_null(fields: &[&str]) -> Map<String, Value> {
    fields
        .iter()
        .map(|f| (f.to_string(), Value::Null))
        .collect()
}

#[tokio::test]
async fn every_call_refuses_an_unknown_field_and_takes_its_own() {
    let s = Srv::new().await;
    let t = s.account(APP, "fielder", "secret1").await;
    for call in BODY_CALLS {
        let (_, path, _, fields) = *call;
        // All of its own fields (even null) never trip the check...
        let a = send(&s, call, &t, &Value::Object(all_null(fields))).await;
        assert!(
            !a.err().contains("does not take"),
            "{path} refused its own fields: {}",
            a.body
        );
        // ...and one more is refused by name, whatever else the body holds.
        let mut body = all_null(fields);
        body.insert("bogusField".into(), json!("x"));
        let a = send(&s, call, &t, &Value::Object(body)).await;
        a.refused(400);
        assert_eq!(a.err(), unknown_en("bogusField"), "{path}");
    }
}

#[tokio::test]
async fn unknown_fields_are_refused_on_valid_bodies_and_nothing_is_written() {
    let s = Srv::new().await;
    // A sign-up that would succeed, plus one field: refused, and no account exists after.
    let a = s
        .post(
            "/api/AppUsers/2/SignUp",
            json!({ "userName": "mallory", "pwd": "secret1", "role": "admin" }),
        )
        .await;
    a.refused(400);
    assert_eq!(a.err(), unknown_en("role"));
    s.post(
        "/api/AppUsers/2/SignIn",
        json!({ "userName": "mallory", "pwd": "secret1" }),
    )
    .await
    .refused(401);
    // SignIn: a field of another call (QR) is unknown here.
    let t = s.account(APP, "alice", "secret1").await;
    let a = s
        .post(
            "/api/AppUsers/2/SignIn",
            json!({ "userName": "alice", "pwd": "secret1", "signInKey": 1 }),
        )
        .await;
    a.refused(400);
    assert_eq!(a.err(), unknown_en("signInKey"));
    // PUT Profile: refused, and the nickname is left as it was.
    let a = s
        .put_auth(
            "/api/AppUsers/2/Profile",
            &t,
            json!({ "nickName": "Changed", "phone": "13800000000" }),
        )
        .await;
    a.refused(400);
    assert_eq!(a.err(), unknown_en("phone"));
    assert_eq!(s.profile(APP, &t).await["nickName"], "Nick");
    // RechargePoints: refused, and the ledger stays empty.
    let a = s
        .post_auth(
            "/api/AppUsers/2/RechargePoints",
            &t,
            json!({ "price": 10, "amount": 10 }),
        )
        .await;
    a.refused(400);
    assert_eq!(a.err(), unknown_en("amount"));
    let log = s.get_auth("/api/AppUsers/2/PointLog", &t).await;
    assert_eq!(log.ok()["total"], 0);
    // GrantCode: `state` belongs to the redirect (D8), not to the API; no consent is made.
    let a = s
        .post(
            "/api/OAuth/2/GrantCode?scheme=app",
            json!({
                "grant_type": "account", "scopes": "openid", "redirect_uri": "https://c.example/cb",
                "userName": "alice", "password": "secret1", "state": "xyz"
            }),
        )
        .await;
    a.refused(400);
    assert_eq!(a.err(), unknown_en("state"));
    let consents = s.get_auth("/api/OAuth/2/Consents", &t).await;
    assert_eq!(consents.ok().as_array().map(Vec::len), Some(0));
    // QRCodeSignUp: refused, the key stays unscanned and no phone user is made.
    let key = s
        .post(
            "/api/AppUsers/2/QRCodePreSignIn",
            json!({ "scheme": "app", "scopes": "openid" }),
        )
        .await
        .ok()
        .clone();
    let a = s
        .post(
            "/api/AppUsers/2/QRCodeSignUp",
            json!({ "unionID": "mini-x", "signInKey": key, "userName": "picked" }),
        )
        .await;
    a.refused(400);
    assert_eq!(a.err(), unknown_en("userName"));
    let poll = s
        .post("/api/AppUsers/2/QRCodeSignIn", json!({ "signInKey": key }))
        .await;
    assert_eq!(poll.code(), 201, "{}", poll.body);
    s.post(
        "/api/AppUsers/2/UnionIDSignIn",
        json!({ "platform": "wxminip", "unionID": "mini-x" }),
    )
    .await
    .refused(404);
}

#[tokio::test]
async fn the_refusal_names_the_field_as_sent_in_both_languages() {
    let s = Srv::new().await;
    let body = br#"{"userName":"bob","pwd":"secret1","Nick_Name":"B"}"#.to_vec();
    let en = s
        .raw(
            Method::POST,
            "/api/AppUsers/2/SignUp",
            Some(body.clone()),
            &[("Accept-Language", "en")],
        )
        .await;
    en.refused(400);
    assert_eq!(en.err(), unknown_en("Nick_Name"));
    let zh = s
        .raw(
            Method::POST,
            "/api/AppUsers/2/SignUp",
            Some(body),
            &[("Accept-Language", "zh-CN,zh;q=0.9")],
        )
        .await;
    zh.refused(400);
    assert_eq!(zh.err(), "此接口不接受字段 Nick_Name,请检查字段名。");
    // A hostile name is shortened and its control characters escaped.
    let long = format!("{}\u{1b}", "k".repeat(100));
    let a = s.post("/api/AppUsers/2/SignIn", json!({ long: 1 })).await;
    a.refused(400);
    assert_eq!(a.err(), unknown_en(&format!("{}…", "k".repeat(64))));
    let a = s
        .post("/api/AppUsers/2/SignIn", json!({ "a\u{1b}[31m": 1 }))
        .await;
    a.refused(400);
    assert_eq!(a.err(), unknown_en("a\\u{1b}[31m"));
}

#[tokio::test]
async fn case_variants_and_aliases_are_accepted() {
    let s = Srv::new().await;
    // SignUp in odd cases, the password as `PassWord` (D1), `nickname` lower case.
    let t = s
        .post(
            "/api/AppUsers/2/SignUp",
            json!({ "USERNAME": "zoe", "PassWord": "secret1", "nickname": "Z", "AVATAR": null }),
        )
        .await
        .token();
    assert_eq!(s.profile(APP, &t).await["nickName"], "Z");
    // SignIn with `password` (table) and with `PWD` (samples).
    for body in [
        json!({ "userName": "zoe", "password": "secret1" }),
        json!({ "username": "zoe", "PWD": "secret1" }),
        json!({ "userName": "zoe", "pwd": "secret1", "password": "secret1" }),
    ] {
        s.post("/api/AppUsers/2/SignIn", body).await.token();
    }
    // unionID / unionId, nickName / nickname on UnionIDSignUp and UnionIDSignIn.
    let t = s
        .post(
            "/api/AppUsers/2/UnionIDSignUp",
            json!({ "unionId": "u-9", "Platform": "qq", "nickname": "Q" }),
        )
        .await
        .token();
    assert_eq!(s.profile(APP, &t).await["nickName"], "Q");
    s.post(
        "/api/AppUsers/2/UnionIDSignIn",
        json!({ "platform": "qq", "UNIONID": "u-9" }),
    )
    .await
    .token();
    // EmailSignIn with `emailCode` (table) and `verifyCode` (samples), D2.
    let mail = "case@example.com";
    let c = s.code(APP, mail, "signup").await;
    s.post(
        "/api/AppUsers/2/EmailSignUp",
        json!({ "Email": mail, "EmailCode": c, "Pwd": "secret1" }),
    )
    .await
    .token();
    for field in ["emailCode", "verifyCode", "VerifyCode"] {
        let c = s.code(APP, mail, "signup").await;
        s.post(
            "/api/AppUsers/2/EmailSignIn",
            json!({ "email": mail, field: c }),
        )
        .await
        .token();
    }
    // GrantCode by unionid with `unionID` spelled the other way.
    let g = s
        .post(
            "/api/OAuth/2/GrantCode?scheme=app",
            json!({
                "grant_type": "unionid", "scopes": "openid", "redirect_uri": "https://c.example/cb",
                "unionID": "u-9", "platform": "qq", "ExpireInDays": "2"
            }),
        )
        .await;
    assert_eq!(g.ok()["code"].as_str().map(str::len), Some(32));
}
