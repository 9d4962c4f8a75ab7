//! Every request encodes to the JSON keys API.md and the vendor's curl samples give, with D1/D2
//! double keys and optional fields left out when `None`.
#![cfg(not(target_arch = "wasm32"))]

use oauthapp_login::api::*;
use serde::Serialize;
use serde_json::{json, Value};

fn encode(req: &impl Serialize) -> Value {
    serde_json::to_value(req).unwrap()
}

fn some(s: &str) -> Option<String> {
    Some(s.to_owned())
}

#[test]
fn union_id_sign_in() {
    let req = UnionIdSignInRequest {
        platform: "web".into(),
        union_id: "u1".into(),
    };
    assert_eq!(encode(&req), json!({"platform": "web", "unionID": "u1"}));
}

#[test]
fn union_id_sign_up_full_and_minimal() {
    let full = UnionIdSignUpRequest {
        union_id: "u1".into(),
        platform: "qq".into(),
        pwd: some("p"),
        user_name: some("alice"),
        nick_name: some("Al"),
        avatar: some("a.png"),
        data: some("d"),
        phone: some("13800000000"),
        phone_code: some("123456"),
        email: some("a@b.c"),
        email_code: some("654321"),
    };
    assert_eq!(
        encode(&full),
        json!({"unionID": "u1", "platform": "qq", "pwd": "p", "userName": "alice",
               "nickName": "Al", "avatar": "a.png", "data": "d", "phone": "13800000000",
               "phoneCode": "123456", "email": "a@b.c", "emailCode": "654321"})
    );
    let minimal = UnionIdSignUpRequest {
        union_id: "u1".into(),
        platform: "qq".into(),
        ..Default::default()
    };
    assert_eq!(encode(&minimal), json!({"unionID": "u1", "platform": "qq"}));
}

#[test]
fn sign_in_sends_pwd_and_password_d1() {
    let req = SignInRequest::new("alice", "s3cret");
    assert_eq!(
        encode(&req),
        json!({"userName": "alice", "pwd": "s3cret", "password": "s3cret"})
    );
}

#[test]
fn sign_up_full_and_minimal() {
    let full = SignUpRequest {
        user_name: "alice".into(),
        pwd: "p".into(),
        nick_name: some("Al"),
        avatar: some("a.png"),
        data: some("d"),
        phone: some("1"),
        phone_code: some("2"),
        email: some("e"),
        email_code: some("3"),
    };
    assert_eq!(
        encode(&full),
        json!({"userName": "alice", "pwd": "p", "nickName": "Al", "avatar": "a.png",
               "data": "d", "phone": "1", "phoneCode": "2", "email": "e", "emailCode": "3"})
    );
    let minimal = SignUpRequest {
        user_name: "alice".into(),
        pwd: "p".into(),
        ..Default::default()
    };
    assert_eq!(encode(&minimal), json!({"userName": "alice", "pwd": "p"}));
}

#[test]
fn phone_sign_up_full_and_minimal() {
    let full = PhoneSignUpRequest {
        phone: "1".into(),
        phone_code: "2".into(),
        pwd: some("p"),
        email: some("e"),
        email_code: some("3"),
        nick_name: some("n"),
        avatar: some("a"),
        data: some("d"),
    };
    assert_eq!(
        encode(&full),
        json!({"phone": "1", "phoneCode": "2", "pwd": "p", "email": "e", "emailCode": "3",
               "nickName": "n", "avatar": "a", "data": "d"})
    );
    let minimal = PhoneSignUpRequest {
        phone: "1".into(),
        phone_code: "2".into(),
        ..Default::default()
    };
    assert_eq!(encode(&minimal), json!({"phone": "1", "phoneCode": "2"}));
}

#[test]
fn phone_sign_in_uses_verify_code() {
    let req = PhoneSignInRequest {
        phone: "1".into(),
        verify_code: "123456".into(),
    };
    assert_eq!(encode(&req), json!({"phone": "1", "verifyCode": "123456"}));
}

#[test]
fn send_codes_carry_their_purpose() {
    let sms = SendSmsCodeRequest {
        phone: "1".into(),
        purpose: CodePurpose::SignUp,
    };
    assert_eq!(encode(&sms), json!({"phone": "1", "type": "signup"}));
    let mail = SendEmailCodeRequest {
        email: "a@b.c".into(),
        purpose: CodePurpose::ForgetPwd,
    };
    assert_eq!(
        encode(&mail),
        json!({"email": "a@b.c", "type": "forgetpwd"})
    );
}

#[test]
fn email_sign_up_full_and_minimal() {
    let full = EmailSignUpRequest {
        email: "e".into(),
        email_code: "3".into(),
        pwd: some("p"),
        nick_name: some("n"),
        avatar: some("a"),
        data: some("d"),
        phone: some("1"),
        phone_code: some("2"),
    };
    assert_eq!(
        encode(&full),
        json!({"email": "e", "emailCode": "3", "pwd": "p", "nickName": "n", "avatar": "a",
               "data": "d", "phone": "1", "phoneCode": "2"})
    );
    let minimal = EmailSignUpRequest {
        email: "e".into(),
        email_code: "3".into(),
        ..Default::default()
    };
    assert_eq!(encode(&minimal), json!({"email": "e", "emailCode": "3"}));
}

#[test]
fn email_sign_in_sends_email_code_and_verify_code_d2() {
    let req = EmailSignInRequest {
        email: "a@b.c".into(),
        code: "123456".into(),
    };
    assert_eq!(
        encode(&req),
        json!({"email": "a@b.c", "emailCode": "123456", "verifyCode": "123456"})
    );
}

#[test]
fn reset_pwd_sends_exactly_one_of_phone_or_email() {
    let by_phone = ResetPwdRequest {
        target: ResetTarget::Phone("1".into()),
        code: "2".into(),
        pwd: "new".into(),
    };
    assert_eq!(
        encode(&by_phone),
        json!({"phone": "1", "code": "2", "pwd": "new"})
    );
    let by_email = ResetPwdRequest {
        target: ResetTarget::Email("a@b.c".into()),
        code: "2".into(),
        pwd: "new".into(),
    };
    assert_eq!(
        encode(&by_email),
        json!({"email": "a@b.c", "code": "2", "pwd": "new"})
    );
}

#[test]
fn qr_pre_sign_in_always_sends_scheme_app() {
    let req = QrPreSignInRequest {
        scopes: "openid phone".into(),
        remark: some("from the web"),
    };
    assert_eq!(
        encode(&req),
        json!({"scheme": "app", "scopes": "openid phone", "remark": "from the web"})
    );
    let minimal = QrPreSignInRequest {
        scopes: "openid".into(),
        remark: None,
    };
    assert_eq!(
        encode(&minimal),
        json!({"scheme": "app", "scopes": "openid"})
    );
}

#[test]
fn qr_sign_up_sends_the_key_as_it_came() {
    let key: SignInKey = serde_json::from_value(json!(19)).unwrap();
    let minimal = QrSignUpRequest::new("openid-1", key.clone());
    assert_eq!(
        encode(&minimal),
        json!({"unionID": "openid-1", "signInKey": 19})
    );
    let full = QrSignUpRequest {
        pwd: some("p"),
        nick_name: some("n"),
        avatar: some("a"),
        data: some("d"),
        phone: some("1"),
        phone_code: some("2"),
        email: some("e"),
        email_code: some("3"),
        ..QrSignUpRequest::new("openid-1", SignInKey::from_text("k19"))
    };
    assert_eq!(
        encode(&full),
        json!({"unionID": "openid-1", "signInKey": "k19", "pwd": "p", "nickName": "n",
               "avatar": "a", "data": "d", "phone": "1", "phoneCode": "2", "email": "e",
               "emailCode": "3"})
    );
}

#[test]
fn grant_code_with_password_grants() {
    for (grant, kind) in [
        (
            Grant::Email {
                user_name: "a@b.c".into(),
                password: "p".into(),
            },
            "email",
        ),
        (
            Grant::Phone {
                user_name: "a@b.c".into(),
                password: "p".into(),
            },
            "phone",
        ),
        (
            Grant::Account {
                user_name: "a@b.c".into(),
                password: "p".into(),
            },
            "account",
        ),
    ] {
        let req = GrantCodeRequest {
            grant,
            scopes: "openid profile".into(),
            redirect_uri: "https://app.test/cb".into(),
            expire_in_days: Some(7),
            code_challenge: None,
        };
        assert_eq!(
            encode(&req),
            json!({"grant_type": kind, "scopes": "openid profile",
                   "redirect_uri": "https://app.test/cb", "userName": "a@b.c",
                   "password": "p", "expireInDays": 7})
        );
    }
}

#[test]
fn grant_code_with_union_id_and_default_days() {
    let req = GrantCodeRequest {
        grant: Grant::UnionId {
            union_id: "u1".into(),
            platform: "web".into(),
        },
        scopes: "openid".into(),
        redirect_uri: "https://app.test/cb".into(),
        expire_in_days: None,
        code_challenge: None,
    };
    assert_eq!(
        encode(&req),
        json!({"grant_type": "unionid", "scopes": "openid",
               "redirect_uri": "https://app.test/cb", "unionId": "u1", "platform": "web"})
    );
}

#[test]
fn grant_code_with_a_pkce_challenge() {
    let req = GrantCodeRequest {
        grant: Grant::UnionId {
            union_id: "u1".into(),
            platform: "web".into(),
        },
        scopes: "openid".into(),
        redirect_uri: "https://app.test/cb".into(),
        expire_in_days: None,
        code_challenge: Some("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM".into()),
    };
    assert_eq!(
        encode(&req),
        json!({"grant_type": "unionid", "scopes": "openid",
               "redirect_uri": "https://app.test/cb", "unionId": "u1", "platform": "web",
               "code_challenge": "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
               "code_challenge_method": "S256"})
    );
}

#[test]
fn update_profile_sends_all_three_fields() {
    let req = UpdateProfileRequest {
        avatar: "a.png".into(),
        nick_name: "Al".into(),
        data: String::new(),
    };
    assert_eq!(
        encode(&req),
        json!({"avatar": "a.png", "nickName": "Al", "data": ""})
    );
}

#[test]
fn recharge_points() {
    let req = RechargeRequest {
        price: 100,
        remark: some("gift"),
    };
    assert_eq!(encode(&req), json!({"price": 100, "remark": "gift"}));
    let minimal = RechargeRequest {
        price: 1,
        remark: None,
    };
    assert_eq!(encode(&minimal), json!({"price": 1}));
}

#[test]
fn point_log_query_defaults_and_kinds() {
    let q = PointLogQuery::default();
    assert_eq!((q.kind.code(), q.skip, q.take), (0, 0, 10));
    assert_eq!(PointKind::Recharge.code(), 1);
    assert_eq!(PointKind::Spend.code(), 2);
}
