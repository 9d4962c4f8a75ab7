//! Property tests: the decoders never panic on arbitrary bytes or arbitrary JSON, and always
//! give the error class the envelope rules say.
#![cfg(not(target_arch = "wasm32"))]

use oauthapp_login::api::{
    decode_envelope, decode_qr_poll, ApiError, AppCard, ConsentList, GrantCode, PointLogPage,
    Profile, QrPoll, SignInKey, Token,
};
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

/// Arbitrary JSON values, nested a few levels, with the keys the answers use.
fn any_json() -> impl Strategy<Value = Value> {
    let key = prop::sample::select(vec![
        "code",
        "data",
        "err",
        "access_token",
        "token_type",
        "expires_in",
        "id",
        "appID",
        "total",
        "name",
        "nickName",
        "phoneIsValid",
        "userID",
        "used",
        "x",
    ])
    .prop_map(str::to_owned);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        prop_oneof![Just(200i64), Just(201), Just(202), Just(401), Just(410)].prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key.clone(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Statuses: mostly the interesting ones, sometimes anything.
fn any_status() -> impl Strategy<Value = u16> {
    prop_oneof![
        Just(200u16),
        Just(204),
        Just(400),
        Just(401),
        Just(404),
        Just(410),
        Just(500),
        any::<u16>()
    ]
}

/// The `code` of `body` when it is an envelope (a JSON object with an integer `code`).
fn envelope_code(body: &[u8]) -> Option<i64> {
    let value: Value = serde_json::from_slice(body).ok()?;
    value.as_object()?.get("code")?.as_i64()
}

/// Checks the error class of one decode against the rules of `decode_envelope`.
fn check_class<T: DeserializeOwned + std::fmt::Debug>(status: u16, body: &[u8]) {
    let result = decode_envelope::<T>(status, body);
    let success = (200..300).contains(&status);
    match envelope_code(body) {
        Some(code) if code != 200 => {
            assert!(matches!(&result, Err(ApiError::Api { code: c, .. }) if *c == code))
        }
        _ if !success => assert_eq!(result.unwrap_err(), ApiError::Http { status }),
        None => assert!(matches!(result, Err(ApiError::BadResponse(_)))),
        Some(_) => assert!(matches!(result, Ok(_) | Err(ApiError::BadResponse(_)))),
    }
}

/// Runs the check for every answer type of the API.
fn check_all(status: u16, body: &[u8]) {
    check_class::<Token>(status, body);
    check_class::<Profile>(status, body);
    check_class::<ConsentList>(status, body);
    check_class::<PointLogPage>(status, body);
    check_class::<GrantCode>(status, body);
    check_class::<AppCard>(status, body);
    check_class::<SignInKey>(status, body);
    check_class::<bool>(status, body);
    check_class::<Value>(status, body);
    let poll = decode_qr_poll(status, body);
    if envelope_code(body).is_some() && (200..300).contains(&status) {
        assert!(poll.is_ok());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(status in any_status(), body in prop::collection::vec(any::<u8>(), 0..256)) {
        check_all(status, &body);
    }

    #[test]
    fn arbitrary_json_bodies_never_panic(status in any_status(), value in any_json()) {
        check_all(status, value.to_string().as_bytes());
    }

    #[test]
    fn arbitrary_data_in_an_envelope(
        status in any_status(),
        code in prop_oneof![Just(200i64), any::<i64>()],
        data in any_json(),
        err in any_json(),
    ) {
        let body = json!({"code": code, "data": data, "err": err}).to_string();
        check_all(status, body.as_bytes());
        if code != 200 {
            // The err as the decoder sees it (floats need not survive a text round trip).
            let parsed: Value = serde_json::from_str(&body).unwrap();
            let expected_err = match &parsed["err"] {
                Value::String(s) => s.clone(),
                Value::Null => String::new(),
                other => other.to_string(),
            };
            prop_assert_eq!(
                decode_envelope::<Token>(status, body.as_bytes()),
                Err(ApiError::Api { code, err: expected_err })
            );
        }
    }

    #[test]
    fn truncated_envelopes_never_panic(cut in 0usize..80, status in any_status()) {
        let body = br#"{"code":200,"data":{"access_token":"eyJ.x.y","token_type":"Bearer","expires_in":86400},"err":""}"#;
        let part = &body[..cut.min(body.len())];
        check_all(status, part);
    }

    #[test]
    fn qr_poll_signed_in_only_with_a_token(data in any_json()) {
        let body = json!({"code": 200, "data": data, "err": ""}).to_string();
        let poll = decode_qr_poll(200, body.as_bytes());
        let is_token = serde_json::from_value::<Token>(data.clone())
            .map(|t| !t.access_token.trim().is_empty())
            .unwrap_or(false);
        match poll {
            Ok(QrPoll::SignedIn(_)) => prop_assert!(is_token),
            Ok(QrPoll::Waiting) => prop_assert!(!is_token),
            other => prop_assert!(false, "unexpected {:?}", other),
        }
    }
}
