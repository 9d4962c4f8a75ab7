//! Points (calls 22, 23, D3) and the dev spend route.

use serde_json::json;

use crate::common::*;

#[tokio::test]
async fn recharge_paging_filters_and_total() {
    let s = Srv::new().await;
    let t = s.account(APP, "payer", "secret12").await;
    for i in 1..=25 {
        s.post_auth(
            "/api/AppUsers/2/RechargePoints",
            &t,
            json!({ "price": i, "remark": format!("r{i}") }),
        )
        .await
        .ok();
    }
    s.post_auth(
        "/api/AppUsers/2/RechargePoints",
        &t,
        json!({ "price": "7" }),
    )
    .await
    .ok();
    for i in 1..=3 {
        s.post_auth(
            "/dev/SpendPoints/2",
            &t,
            json!({ "price": i * 10, "remark": format!("s{i}") }),
        )
        .await
        .ok();
    }
    s.post_auth("/dev/SpendPoints/2", &t, json!({ "price": 1_000_000 }))
        .await
        .refused(409);
    // Default page: 10, newest first, total of all 29.
    let d = s
        .get_auth("/api/AppUsers/2/PointLog", &t)
        .await
        .ok()
        .clone();
    assert_eq!(d["total"], 29);
    let rows = d["data"].as_array().cloned().unwrap_or_default();
    assert_eq!(rows.len(), 10);
    assert_eq!(rows[0]["used"], -30);
    assert_eq!(rows[0]["remark"], "s3");
    assert!(
        rows[0]["userID"].is_i64() && rows[0]["id"].is_i64() && rows[0]["createDate"].is_string()
    );
    let ids: Vec<i64> = rows.iter().filter_map(|r| r["id"].as_i64()).collect();
    assert!(ids.windows(2).all(|w| w[0] > w[1]), "newest first: {ids:?}");
    // Recharges only, paged.
    let d = s
        .get_auth("/api/AppUsers/2/PointLog?type=1&skip=20&take=10", &t)
        .await
        .ok()
        .clone();
    assert_eq!(d["total"], 26);
    let rows = d["data"].as_array().cloned().unwrap_or_default();
    assert_eq!(rows.len(), 6);
    assert_eq!(rows[5]["remark"], "r1");
    assert_eq!(rows[5]["used"], 1);
    assert!(rows.iter().all(|r| r["used"].as_i64().unwrap_or(0) > 0));
    // Spends only.
    let d = s
        .get_auth("/api/AppUsers/2/PointLog?type=2", &t)
        .await
        .ok()
        .clone();
    assert_eq!(d["total"], 3);
    let used: Vec<i64> = d["data"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["used"].as_i64())
        .collect();
    assert_eq!(used, vec![-30, -20, -10]);
    // take is capped at 100; skip past the end is empty with the right total.
    let d = s
        .get_auth("/api/AppUsers/2/PointLog?type=0&take=500", &t)
        .await
        .ok()
        .clone();
    assert_eq!(d["data"].as_array().map(Vec::len), Some(29));
    let d = s
        .get_auth("/api/AppUsers/2/PointLog?skip=100", &t)
        .await
        .ok()
        .clone();
    assert_eq!(d["total"], 29);
    assert_eq!(d["data"], json!([]));
    // Another user sees only their own.
    let o = s.account(APP, "other-payer", "secret12").await;
    let d = s
        .get_auth("/api/AppUsers/2/PointLog", &o)
        .await
        .ok()
        .clone();
    assert_eq!(d["total"], 0);
    // Refusals.
    for bad in [
        json!({}),
        json!({ "price": 0 }),
        json!({ "price": -5 }),
        json!({ "price": 1.5 }),
        json!({ "price": "abc" }),
        json!({ "price": 1, "remark": "x".repeat(300) }),
    ] {
        s.post_auth("/api/AppUsers/2/RechargePoints", &t, bad)
            .await
            .refused(400);
    }
    s.post("/api/AppUsers/2/RechargePoints", json!({ "price": 1 }))
        .await
        .refused(401);
    s.get("/api/AppUsers/2/PointLog").await.refused(401);
    let d = s
        .get_auth("/api/AppUsers/2/PointLog", &t)
        .await
        .ok()
        .clone();
    assert_eq!(d["total"], 29, "refused calls wrote nothing");
}
