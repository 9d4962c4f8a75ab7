//! End to end: the signed-in pages of the demo (after sign-in) against the reference server —
//! consents listed and revoked, profile edited and re-read, recharges with filter and paging,
//! and the 401 path (a token the server no longer accepts signs out with a message).

use fantoccini::elements::Element;
use oauthapp_e2e::demo::{account_sign_up, token_key};
use oauthapp_e2e::{Browser, HarnessResult, Screen, Server};
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
    nav(b).await.map(|_| ())
}

/// The signed-in pages' navigation ("Your account").
async fn nav(b: &Browser) -> HarnessResult<Screen<'_>> {
    let screen = b.screen();
    let nav = screen.role("navigation", "Your account").await?;
    Ok(screen.within_element(nav))
}

/// The text of the heading of `item` (an app listed: its host).
async fn heading_of(screen: &Screen<'_>, item: Element) -> HarnessResult<String> {
    let headings = screen
        .within_element(item)
        .query(json!({"role": "heading"}))
        .await?;
    let first = headings.first().ok_or("an app without a heading")?;
    first.text().await.map_err(|e| e.to_string())
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
    let screen = b.screen();
    nav(&b).await?.click_button("Authorized apps").await?;
    // The apps' list, in the page named "Authorized apps" (the navigation is a list too).
    let apps = screen.within_element(screen.role("region", "Authorized apps").await?);
    let items = apps
        .wait_some(json!({"role": "listitem"}), "app listed")
        .await?;
    let first_item = items.first().cloned().ok_or("no app")?;
    let first = heading_of(&screen, first_item.clone()).await?;
    assert!(first.contains("example.com"), "{first}");
    assert_eq!(first, "second.example.com", "newest first");
    let first_app = screen.within_element(first_item);
    first_app.click_button("Revoke").await?;
    first_app.click_button("Yes, revoke").await?;
    screen.wait_role_text("status", "was revoked").await?;
    let list = api(&b, &server, "GET", "/api/OAuth/2/Consents", Value::Null).await?;
    assert_eq!(list["data"].as_array().map(Vec::len), Some(1), "{list}");
    screen.click_button("Revoke").await?;
    screen.click_button("Yes, revoke").await?;
    screen.wait_text("You have not authorized any app.").await?;
    b.close().await;
    Ok(())
}

#[tokio::test]
async fn profile_is_edited_and_read_again() -> HarnessResult<()> {
    let server = Server::start().await?;
    let b = Browser::start().await?;
    signed_in(&b, &server, "frank").await?;
    let screen = b.screen();
    nav(&b).await?.click_button("Profile").await?;
    screen.click_button("Edit profile").await?;
    screen.fill("Nickname", "Frankie").await?;
    screen
        .fill("Avatar URL", "https://cdn.example.com/f.png")
        .await?;
    screen.fill("Custom data", "{\"theme\": \"dark\"").await?;
    screen.click_button("Save").await?;
    // The message under the field: what describes it (aria-describedby).
    let data = screen.label("Custom data").await?;
    let error = b
        .eval(
            "const ids = (arguments[0].getAttribute('aria-describedby') || '').split(' ');
             const root = arguments[0].getRootNode();
             return ids.map(id => root.getElementById(id)).filter(Boolean)
               .map(e => e.textContent).join(' ');",
            vec![serde_json::to_value(&data).map_err(|e| e.to_string())?],
        )
        .await?;
    let error = error.as_str().unwrap_or_default().to_owned();
    assert!(error.contains("not valid"), "{error}");
    screen.fill("Custom data", "{\"theme\": \"dark\"}").await?;
    screen.click_button("Save").await?;
    screen.wait_role_text("status", "saved").await?;
    screen.wait_definition("Nickname", "Frankie").await?;
    let p = api(&b, &server, "GET", "/api/AppUsers/2/Profile", Value::Null).await?;
    assert_eq!(p["data"]["nickName"], "Frankie", "{p}");
    assert_eq!(p["data"]["data"], "{\"theme\": \"dark\"}", "{p}");
    // After a reload the saved values are read again.
    b.goto(&format!("{}/?lang=en", server.url)).await?;
    nav(&b).await?.click_button("Profile").await?;
    screen.wait_definition("Nickname", "Frankie").await?;
    b.close().await;
    Ok(())
}

#[tokio::test]
async fn recharges_filter_and_pages() -> HarnessResult<()> {
    let server = Server::start().await?;
    let b = Browser::start().await?;
    signed_in(&b, &server, "gina").await?;
    let screen = b.screen();
    nav(&b).await?.click_button("Points").await?;
    screen.wait_text("No entries.").await?;
    screen.fill("Amount", "15").await?;
    screen.fill("Remark (optional)", "first").await?;
    screen.click_button("Recharge").await?;
    screen
        .wait_role_text("status", "15 points were added.")
        .await?;
    screen.wait_text("1 entries in all").await?;
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
    screen.fill("Amount", "1").await?;
    screen.click_button("Recharge").await?;
    screen.wait_text("13 entries in all").await?;
    screen.wait_text("Page 1 of 2").await?;
    let pager = screen.within_element(screen.role("navigation", "Pages").await?);
    // Where the pager is, read out as it changes: a status.
    pager.wait_role_text("status", "Page 1 of 2").await?;
    pager.click_button("Next").await?;
    pager.wait_role_text("status", "Page 2 of 2").await?;
    // Page 2 is in (its oldest entry, the first recharge)…
    screen.wait_role_text("cell", "first").await?;
    // …and the pager stayed while it loaded: the focus is still on "Next", now unavailable.
    let focused = b
        .eval(
            "const el = document.activeElement;
             return [el.textContent, el.getAttribute('aria-disabled')];",
            vec![],
        )
        .await?;
    assert_eq!(focused, serde_json::json!(["Next", "true"]));
    pager.click_button("Previous").await?;
    pager.wait_role_text("status", "Page 1 of 2").await?;
    pager.click_button("Next").await?;
    pager.wait_role_text("status", "Page 2 of 2").await?;
    let filter = screen.within_element(screen.role("group", "Show").await?);
    filter
        .role("radio", "Spending")
        .await?
        .click()
        .await
        .map_err(|e| e.to_string())?;
    screen.wait_text("1 entries in all").await?;
    screen.wait_role_text("cell", "spent").await?;
    // The spending's amount, shown as spent (its cell's class colours it).
    let amount = screen
        .wait_one(json!({"role": "cell", "name": "-4"}), "a cell of -4")
        .await?;
    let class = amount.attr("class").await.map_err(|e| e.to_string())?;
    assert!(
        class
            .unwrap_or_default()
            .contains("oa-points__amount--spend"),
        "the amount is marked as spent"
    );
    filter
        .role("radio", "Recharges")
        .await?
        .click()
        .await
        .map_err(|e| e.to_string())?;
    screen.wait_text("12 entries in all").await?;
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
    let screen = b.screen();
    screen.role("tablist", "Ways to sign in").await?;
    screen
        .wait_role_text("status", "Please sign in again")
        .await?;
    assert_eq!(b.local_storage(&token_key(&server)).await?, None);
    b.close().await;
    Ok(())
}
