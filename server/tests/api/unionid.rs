//! UnionIDSignUp and UnionIDSignIn (calls 1, 2).

use serde_json::json;

use crate::common::*;

#[tokio::test]
async fn union_id_sign_up_sign_in_and_refusals() {
    let s = Srv::new().await;
    s.post(
        "/api/AppUsers/2/UnionIDSignIn",
        json!({ "platform": "web", "unionID": "u-1" }),
    )
    .await
    .refused(404);
    let t = s
        .post(
            "/api/AppUsers/2/UnionIDSignUp",
            json!({ "platform": "web", "unionID": "u-1", "nickName": "U" }),
        )
        .await
        .token();
    let p = s.profile(APP, &t).await;
    assert_eq!(p["userName"], "u-1", "userName defaults to the unionID");
    assert_eq!(p["platform"], "web");
    assert_eq!(p["unionID"], "u-1");
    let c = claims(&t, APP);
    assert_eq!(c["unionid"], "u-1");
    assert_eq!(c["platform"], "web");
    // Both spellings of unionID.
    let t2 = s
        .post(
            "/api/AppUsers/2/UnionIDSignIn",
            json!({ "platform": "web", "unionId": "u-1" }),
        )
        .await
        .token();
    assert_eq!(s.profile(APP, &t2).await["id"], p["id"]);
    // Same id on another platform is another user.
    s.post(
        "/api/AppUsers/2/UnionIDSignIn",
        json!({ "platform": "qq", "unionID": "u-1" }),
    )
    .await
    .refused(404);
    s.post(
        "/api/AppUsers/2/UnionIDSignUp",
        json!({ "platform": "web", "unionID": "u-1", "userName": "other" }),
    )
    .await
    .refused(409);
    let t3 = s
        .post(
            "/api/AppUsers/2/UnionIDSignUp",
            json!({ "platform": "dingtalk", "unionID": "u-2", "userName": "named", "pwd": "secret12" }),
        )
        .await
        .token();
    assert_eq!(s.profile(APP, &t3).await["userName"], "named");
    s.post(
        "/api/AppUsers/2/SignIn",
        json!({ "userName": "named", "pwd": "secret12" }),
    )
    .await
    .token();
    s.post(
        "/api/AppUsers/2/UnionIDSignIn",
        json!({ "platform": "web" }),
    )
    .await
    .refused(400);
    s.post(
        "/api/AppUsers/2/UnionIDSignIn",
        json!({ "platform": "we b", "unionID": "x" }),
    )
    .await
    .refused(400);
    s.post(
        "/api/AppUsers/2/UnionIDSignIn",
        json!({ "platform": "web", "unionID": 17 }),
    )
    .await
    .refused(400);
}
