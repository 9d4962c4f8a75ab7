//! End to end: the signed-in pages of the demo (after sign-in) against the reference server —
//! consents listed and revoked, profile edited and re-read, recharges with filter and paging,
//! and the 401 path (a token the server no longer accepts signs out with a message).

use oauthapp_e2e::demo::{account_sign_up, token_key};
use oauthapp_e2e::{Browser, HarnessResult, Server};
use serde_json::{json, Value};

/// Calls the API with the signed-in token (set-up, not under test).
async fn api(
    b: &Browser,
    server: &Server,
    method: &str,
    path: &str,
    body: Value,
) -> HarnessResult<Value> {
    b.eval_async(
        "const done = arguments[arguments.length - 1];
         const t = JSON.parse(localStorage.getItem(arguments[3]) || '{}').access_token;
         const init = {method: arguments[0], headers: {'Content-Type': 'application/json',
                       'Authorization': 'Bearer ' + t}};
         if (arguments[0] !== 'GET') { init.body = JSON.stringify(arguments[2]); }
         fetch(arguments[1], init).then(r => r.json()).then(done).catch(e => done({error: String(e)}));",
        vec![json!(method), json!(path), body, json!(token_key(server))],
    )
    .await
}

/// Opens the demo, signs up `user` and waits for the signed-in pages.
async fn signed_in(b: &Browser, server: &Server, user: &str) -> HarnessResult<()> {
    b.goto(&format!("{}/?lang=en", server.url)).await?;
    account_sign_up(b, user, "secret123").await?;
    b.wait_css(".oa-account__nav").await.map(|_| ())
}

#[tokio::test]
async fn consents_are_listed_and_revoked() -> HarnessResult<()> {
    let server = Server::start().await?;
    let b = Browser::start().await?;
    signed_in(&b, &server, "erin").await?;
    for uri in [
        "https://first.example.com/cb",
        "https://second.example.com/cb",
    ] {
        let v = b
            .api_post(
                "OAuth/2/GrantCode?scheme=app",
                json!({"grant_type": "account", "userName": "erin", "password": "secret123",
                       "scopes": "openid profile", "redirect_uri": uri}),
            )
            .await?;
        assert_eq!(v["code"], 200, "{v}");
    }
    b.click("[data-page=apps]").await?;
    b.wait_css(".oa-apps__item").await?;
    let first = b.wait_text(".oa-apps__host", "example.com").await?;
    assert_eq!(first, "second.example.com", "newest first");
    b.click("[data-id] .oa-apps__revoke").await?;
    b.click(".oa-apps__yes").await?;
    b.wait_text(".oa-page__notice", "was revoked").await?;
    let list = api(&b, &server, "GET", "/api/OAuth/2/Consents", Value::Null).await?;
    assert_eq!(list["data"].as_array().map(Vec::len), Some(1), "{list}");
    b.click("[data-id] .oa-apps__revoke").await?;
    b.click(".oa-apps__yes").await?;
    b.wait_text(".oa-page__empty", "You have not authorized any app.")
        .await?;
    b.close().await;
    Ok(())
}

#[tokio::test]
async fn profile_is_edited_and_read_again() -> HarnessResult<()> {
    let server = Server::start().await?;
    let b = Browser::start().await?;
    signed_in(&b, &server, "frank").await?;
    b.click("[data-page=profile]").await?;
    b.click(".oa-profile__edit").await?;
    b.fill("input[name=nickName]", "Frankie").await?;
    b.fill("input[name=avatar]", "https://cdn.example.com/f.png")
        .await?;
    b.fill("textarea[name=data]", "{\"theme\": \"dark\"")
        .await?;
    b.click(".oa-profile__save").await?;
    b.wait_text(".oa-field__error", "not valid").await?;
    b.fill("textarea[name=data]", "{\"theme\": \"dark\"}")
        .await?;
    b.click(".oa-profile__save").await?;
    b.wait_text(".oa-page__notice", "saved").await?;
    b.wait_text("[data-field=nickName]", "Frankie").await?;
    let p = api(&b, &server, "GET", "/api/AppUsers/2/Profile", Value::Null).await?;
    assert_eq!(p["data"]["nickName"], "Frankie", "{p}");
    assert_eq!(p["data"]["data"], "{\"theme\": \"dark\"}", "{p}");
    // After a reload the saved values are read again.
    b.goto(&format!("{}/?lang=en", server.url)).await?;
    b.click("[data-page=profile]").await?;
    b.wait_text("[data-field=nickName]", "Frankie").await?;
    b.close().await;
    Ok(())
}

#[tokio::test]
async fn recharges_filter_and_pages() -> HarnessResult<()> {
    let server = Server::start().await?;
    let b = Browser::start().await?;
    signed_in(&b, &server, "gina").await?;
    b.click("[data-page=points]").await?;
    b.wait_text(".oa-page__empty", "No entries.").await?;
    b.fill("input[name=price]", "15").await?;
    b.fill("input[name=remark]", "first").await?;
    b.click(".oa-points__submit").await?;
    b.wait_text(".oa-page__notice", "15 points were added.")
        .await?;
    b.wait_text(".oa-points__total", "1 entries in all").await?;
    for i in 0..10 {
        let v = api(
            &b,
            &server,
            "POST",
            "/api/AppUsers/2/RechargePoints",
            json!({"price": i + 1}),
        )
        .await?;
        assert_eq!(v["code"], 200, "{v}");
    }
    let v = api(
        &b,
        &server,
        "POST",
        "/dev/SpendPoints/2",
        json!({"price": 4, "remark": "spent"}),
    )
    .await?;
    assert_eq!(v["code"], 200, "{v}");
    b.fill("input[name=price]", "1").await?;
    b.click(".oa-points__submit").await?;
    b.wait_text(".oa-points__total", "13 entries in all")
        .await?;
    b.wait_text(".oa-points__page", "Page 1 of 2").await?;
    b.click(".oa-points__next").await?;
    b.wait_text(".oa-points__page", "Page 2 of 2").await?;
    b.click(".oa-points__filter input[value=spend]").await?;
    b.wait_text(".oa-points__total", "1 entries in all").await?;
    b.wait_text(".oa-points__remark", "spent").await?;
    b.wait_text(".oa-points__amount--spend", "-4").await?;
    b.click(".oa-points__filter input[value=recharge]").await?;
    b.wait_text(".oa-points__total", "12 entries in all")
        .await?;
    b.close().await;
    Ok(())
}

#[tokio::test]
async fn a_refused_token_signs_out_with_a_message() -> HarnessResult<()> {
    let server = Server::start().await?;
    let b = Browser::start().await?;
    signed_in(&b, &server, "hank").await?;
    // Spoil the stored token's signature: the server now answers 401.
    b.eval(
        "const k = arguments[0]; const s = JSON.parse(localStorage.getItem(k));
         const parts = s.access_token.split('.'); parts[2] = 'AAAA' + parts[2].slice(4);
         s.access_token = parts.join('.'); localStorage.setItem(k, JSON.stringify(s));",
        vec![json!(token_key(&server))],
    )
    .await?;
    // Come back with the spoiled token: the profile page's first read is refused.
    b.goto(&format!("{}/?lang=en", server.url)).await?;
    b.wait_css("[role=tablist]").await?;
    b.wait_text(".oa-status", "Please sign in again").await?;
    assert_eq!(b.local_storage(&token_key(&server)).await?, None);
    b.close().await;
    Ok(())
}
