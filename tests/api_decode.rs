//! Decoding every sample answer of the vendor's API page, and the envelope's failure cases.
#![cfg(not(target_arch = "wasm32"))]

use oauthapp_login::api::{
    decode_envelope, decode_qr_poll, ApiError, AppCard, Consent, ConsentList, GrantCode,
    PointLogPage, Profile, QrPoll, SignInKey, Token,
};
use serde_json::json;

/// The token answer of the vendor page ("登录、注册 返回数据说明"), verbatim.
const TOKEN_SAMPLE: &str = r#"{
"code": 200,
"data": {
    "access_token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJqdGkiOiI2MzgxMjY3NDkxOTg4MzA0MTMiLCJ0ZW5hbnRfaWQiOiI0IiwidGVuYW50X25hbWUiOiJ3d3cub2F1dGhhcHAuY29tIiwiYXBwaWQiOiIyIiwibmFtZWlkIjoiMzYiLCJ1bmlxdWVfbmFtZSI6IjZhZDE4YmFlMzQwOGQ0ZDFiNjU1YjVjMTU5MjJmZmFkIiwicm9sZSI6IiIsInBpY3R1cmUiOiIiLCJlbWFpbCI6IiIsIm1vYmlsZSI6IiIsInVuaW9uaWQiOiI2YWQxOGJhZTM0MDhkNGQxYjY1NWI1YzE1OTIyZmZhZCIsInBsYXRmb3JtIjoid2ViIiwiZ3JhbnRfdHlwZSI6InVuaW9uaWQiLCJnaXZlbl9uYW1lIjoiIiwiZ3JvdXBzaWQiOiJhcHAiLCJwZXJtaXNzaW9uIjoiIiwibmJmIjoxNjc3MDQ5MzE5LCJleHAiOjE2NzcxMzU3MTksImlhdCI6MTY3NzA0OTMxOSwiaXNzIjoiaHR0cHM6Ly93d3cub2F1dGhhcHAuY29tLyIsImF1ZCI6Imh0dHBzOi8vd3d3Lm9hdXRoYXBwLmNvbS8ifQ.680xn17uYLJUMP2-aalsICxouVasVB-9DsUlLtCKMF8",
    "token_type": "Bearer",
    "expires_in": 86400
},
"err": ""
}"#;

#[test]
fn token_sample() {
    let token: Token = decode_envelope(200, TOKEN_SAMPLE.as_bytes()).unwrap();
    assert!(token.access_token.starts_with("eyJhbGciOiJIUzI1NiIs"));
    assert!(token.access_token.ends_with("KMF8"));
    assert_eq!(token.access_token.split('.').count(), 3);
    assert_eq!(token.token_type, "Bearer");
    assert_eq!(token.expires_in, Some(86400));
}

#[test]
fn profile_sample() {
    let body = r#"{
    "code": 200,
    "data": {
        "appID": 2,
        "platform": "wxminip",
        "unionID": "euadipi",
        "phone": "1111111111",
        "createDate": "2023-02-22 16:20:43",
        "userName": "euadipi",
        "phoneIsValid": true,
        "data": null,
        "email": "euadipi@wxminip.com",
        "emailIsValid": false,
        "lastUpdate": "2023-02-22 16:20:43",
        "nickName": "wwww",
        "id": 39,
        "avatar": "avatar.jpg",
        "role": "user"
    },
    "err": ""
}"#;
    let p: Profile = decode_envelope(200, body.as_bytes()).unwrap();
    assert_eq!(p.app_id, Some(2));
    assert_eq!(p.platform.as_deref(), Some("wxminip"));
    assert_eq!(p.union_id.as_deref(), Some("euadipi"));
    assert_eq!(p.phone.as_deref(), Some("1111111111"));
    assert_eq!(p.create_date.as_deref(), Some("2023-02-22 16:20:43"));
    assert_eq!(p.user_name.as_deref(), Some("euadipi"));
    assert_eq!(p.phone_is_valid, Some(true));
    assert_eq!(p.data, None);
    assert_eq!(p.email.as_deref(), Some("euadipi@wxminip.com"));
    assert_eq!(p.email_is_valid, Some(false));
    assert_eq!(p.last_update.as_deref(), Some("2023-02-22 16:20:43"));
    assert_eq!(p.nick_name.as_deref(), Some("wwww"));
    assert_eq!(p.id, Some(39));
    assert_eq!(p.avatar.as_deref(), Some("avatar.jpg"));
    assert_eq!(p.role.as_deref(), Some("user"));
}

#[test]
fn consents_sample() {
    let body = r#"{
"code": 200,
"data": [
    {
        "id": 9,
        "createDate": "2023-07-24 13:33:26",
        "lastUpdate": "2023-07-24 13:33:26",
        "grantType": "unionid",
        "redirectUri": "",
        "remark": null,
        "scopes": "openid"
    }
],
"err": ""
}"#;
    let ConsentList(list) = decode_envelope(200, body.as_bytes()).unwrap();
    assert_eq!(
        list,
        vec![Consent {
            id: 9,
            create_date: Some("2023-07-24 13:33:26".into()),
            last_update: Some("2023-07-24 13:33:26".into()),
            grant_type: Some("unionid".into()),
            redirect_uri: Some(String::new()),
            remark: None,
            scopes: Some("openid".into()),
        }]
    );
}

#[test]
fn consents_null_is_empty_and_bad_items_are_skipped() {
    let ConsentList(list) = decode_envelope(200, br#"{"code":200,"data":null,"err":""}"#).unwrap();
    assert!(list.is_empty());
    let body = br#"{"code":200,"data":[{"id":"12"},{"id":null},"x",{"scopes":"a"}],"err":""}"#;
    let ConsentList(list) = decode_envelope(200, body).unwrap();
    assert_eq!(list.iter().map(|c| c.id).collect::<Vec<_>>(), vec![12]);
    let wrong = decode_envelope::<ConsentList>(200, br#"{"code":200,"data":"x","err":""}"#);
    assert!(matches!(wrong, Err(ApiError::BadResponse(_))));
}

#[test]
fn point_log_sample() {
    let body = r#"{
   "code": 200,
   "data": {
     "total": 2,
     "data": [
       {
         "id": 2,
         "userID": 84,
         "used": 10000,
         "remark": "",
         "createDate": "2023-06-16 15:35:06"
       },
       {
         "id": 1,
         "userID": 84,
         "used": 10000,
         "remark": "",
         "createDate": "2023-06-16 15:23:50"
       }
     ]
   },
   "err": ""
}"#;
    let page: PointLogPage = decode_envelope(200, body.as_bytes()).unwrap();
    assert_eq!(page.total, Some(2));
    assert_eq!(page.data.len(), 2);
    let first = &page.data[0];
    assert_eq!(first.id, Some(2));
    assert_eq!(first.user_id, Some(84));
    assert_eq!(first.used, Some(10000));
    assert_eq!(first.remark.as_deref(), Some(""));
    assert_eq!(first.create_date.as_deref(), Some("2023-06-16 15:35:06"));
    assert_eq!(page.data[1].id, Some(1));
    assert_eq!(
        page.data[1].create_date.as_deref(),
        Some("2023-06-16 15:23:50")
    );
}

#[test]
fn grant_code_sample() {
    let body = r#"{
    "code": 200,
    "data": {
        "code": "e663f9e958ab40d39ad08cfe175b6800",
        "expires_in": 120
    },
    "err": ""
}"#;
    let g: GrantCode = decode_envelope(200, body.as_bytes()).unwrap();
    assert_eq!(g.code, "e663f9e958ab40d39ad08cfe175b6800");
    assert_eq!(g.expires_in, Some(120));
}

#[test]
fn qr_app_card_sample_with_nulls() {
    let body = r#"{
    "code": 200,
    "data": {
        "appID": 2,
        "name": "开发文档",
        "logo": "https://blob.oauthapp.com/4/tenant/2/API.png",
        "website": "https://web.oauthapp.com/4/docs",
        "description": null,
        "tags": null,
        "scopes": "openid profile role promission",
        "remark": "test",
        "scheme": "app"
    },
    "err": ""
}"#;
    let card: AppCard = decode_envelope(200, body.as_bytes()).unwrap();
    assert_eq!(
        card,
        AppCard {
            app_id: Some(2),
            name: Some("开发文档".into()),
            logo: Some("https://blob.oauthapp.com/4/tenant/2/API.png".into()),
            website: Some("https://web.oauthapp.com/4/docs".into()),
            description: None,
            tags: None,
            scopes: Some("openid profile role promission".into()),
            remark: Some("test".into()),
            scheme: Some("app".into()),
        }
    );
}

#[test]
fn qr_key_sample_19_is_kept_as_a_number() {
    let body = br#"{
    "code": 200,
    "data": 19,
    "err": ""
}"#;
    let key: SignInKey = decode_envelope(200, body).unwrap();
    assert_eq!(key.as_json(), &json!(19));
    assert_eq!(serde_json::to_string(&key).unwrap(), "19");
    let text: SignInKey =
        decode_envelope(200, br#"{"code":200,"data":"abc-19","err":""}"#).unwrap();
    assert_eq!(serde_json::to_string(&text).unwrap(), r#""abc-19""#);
    let null = decode_envelope::<SignInKey>(200, br#"{"code":200,"data":null,"err":""}"#);
    assert!(matches!(null, Err(ApiError::BadResponse(_))));
}

#[test]
fn true_sample() {
    let body = br#"{
    "code": 200,
    "data": true,
    "err": ""
}"#;
    assert_eq!(decode_envelope::<bool>(200, body), Ok(true));
    let not_bool = decode_envelope::<bool>(200, br#"{"code":200,"data":"yes","err":""}"#);
    assert!(matches!(not_bool, Err(ApiError::BadResponse(_))));
}

#[test]
fn api_refusal_on_success_status() {
    let body = r#"{"code":401,"data":null,"err":"用户名或密码错误"}"#;
    assert_eq!(
        decode_envelope::<Token>(200, body.as_bytes()),
        Err(ApiError::Api {
            code: 401,
            err: "用户名或密码错误".into()
        })
    );
}

#[test]
fn api_refusal_on_error_status_keeps_code_and_err() {
    let body = br#"{"code":409,"data":null,"err":"already exists"}"#;
    assert_eq!(
        decode_envelope::<Token>(409, body),
        Err(ApiError::Api {
            code: 409,
            err: "already exists".into()
        })
    );
}

#[test]
fn error_status_without_envelope_is_http() {
    for body in [
        &b""[..],
        b"<html><body>502 Bad Gateway</body></html>",
        b"Internal Server Error",
        br#"{"message":"nope"}"#,
        b"\xff\xfe\x00garbage",
        br#"{"code":200,"data":true,"err":""}"#,
    ] {
        assert_eq!(
            decode_envelope::<bool>(502, body),
            Err(ApiError::Http { status: 502 })
        );
    }
}

#[test]
fn success_status_without_envelope_is_bad_response() {
    for body in [
        &b""[..],
        b"   ",
        b"<!doctype html><html></html>",
        b"true",
        b"[]",
        br#"{"data":true}"#,
        br#"{"code":"200","data":true}"#,
        b"{\"code\":200,\"data\":tr",
        b"\xc3\x28",
    ] {
        let result = decode_envelope::<bool>(200, body);
        assert!(
            matches!(result, Err(ApiError::BadResponse(_))),
            "{body:?}: {result:?}"
        );
    }
}

#[test]
fn wrong_data_types_are_bad_response() {
    let cases: [&[u8]; 4] = [
        br#"{"code":200,"data":{"token_type":"Bearer"},"err":""}"#,
        br#"{"code":200,"data":"eyJ","err":""}"#,
        br#"{"code":200,"data":null,"err":""}"#,
        br#"{"code":200,"data":{"access_token":42},"err":""}"#,
    ];
    for body in cases {
        let result = decode_envelope::<Token>(200, body);
        assert!(
            matches!(result, Err(ApiError::BadResponse(_))),
            "{result:?}"
        );
    }
    // A profile, a page, a card must be objects (serde also reads a struct from a JSON array,
    // positionally; that form is tolerated like any other odd but harmless shape).
    for data in ["\"x\"", "42", "true", "null"] {
        let body = format!(r#"{{"code":200,"data":{data},"err":""}}"#);
        let profile = decode_envelope::<Profile>(200, body.as_bytes());
        assert!(matches!(profile, Err(ApiError::BadResponse(_))), "{data}");
        let page = decode_envelope::<PointLogPage>(200, body.as_bytes());
        assert!(matches!(page, Err(ApiError::BadResponse(_))), "{data}");
        let card = decode_envelope::<AppCard>(200, body.as_bytes());
        assert!(matches!(card, Err(ApiError::BadResponse(_))), "{data}");
    }
}

#[test]
fn qr_poll_follows_d4() {
    assert_eq!(
        decode_qr_poll(200, TOKEN_SAMPLE.as_bytes())
            .map(|p| matches!(p, QrPoll::SignedIn(t) if t.expires_in == Some(86400))),
        Ok(true)
    );
    let poll = |status, body: &str| decode_qr_poll(status, body.as_bytes());
    assert_eq!(
        poll(200, r#"{"code":201,"data":null,"err":"waiting"}"#),
        Ok(QrPoll::Waiting)
    );
    assert_eq!(
        poll(200, r#"{"code":202,"data":null,"err":"scanned"}"#),
        Ok(QrPoll::Scanned)
    );
    assert_eq!(
        poll(200, r#"{"code":410,"data":null,"err":"expired"}"#),
        Ok(QrPoll::Expired)
    );
    assert_eq!(
        poll(410, r#"{"code":410,"data":null,"err":"expired"}"#),
        Ok(QrPoll::Expired)
    );
    assert_eq!(
        poll(200, r#"{"code":500,"data":null,"err":"?"}"#),
        Ok(QrPoll::Waiting)
    );
    assert_eq!(
        poll(200, r#"{"code":200,"data":null,"err":""}"#),
        Ok(QrPoll::Waiting)
    );
    assert_eq!(
        poll(200, r#"{"code":200,"data":false,"err":""}"#),
        Ok(QrPoll::Waiting)
    );
    assert_eq!(
        poll(200, r#"{"code":200,"data":{"access_token":""},"err":""}"#),
        Ok(QrPoll::Waiting)
    );
    assert_eq!(poll(502, "<html>"), Err(ApiError::Http { status: 502 }));
    assert!(matches!(poll(200, "<html>"), Err(ApiError::BadResponse(_))));
}
