//! The sign-in widget end to end: the release build in headless Chromium against the
//! reference server, codes read from its outbox. Each test asserts what the person sees and
//! what lands in localStorage.

use oauthapp_e2e::demo::{
    account_sign_in, account_sign_up, get_and_type_code, is_signed_in, open_demo, open_tab,
    request_code, sign_out, stored_token, wait_for_code, wait_form_error, wait_signed_in,
};
use oauthapp_e2e::{Browser, HarnessResult, Server, ServerOptions};
use serde_json::{json, Value};

/// A server whose codes may be asked for again after 1 s (the widget's countdown is set to
/// 1 s too through the demo's `countdown` query).
async fn quick_resend_server() -> HarnessResult<Server> {
    Server::start_with(ServerOptions {
        config_json: Some(r#"{"apps":[{"id":2,"code_resend_secs":1}]}"#.into()),
        ..ServerOptions::default()
    })
    .await
}

fn token_of(stored: &Option<String>) -> Option<String> {
    let v: Value = serde_json::from_str(stored.as_deref()?).ok()?;
    v.get("access_token")?.as_str().map(str::to_owned)
}

#[tokio::test]
async fn account_sign_up_sign_out_and_sign_in() -> HarnessResult<()> {
    let server = Server::start().await?;
    let b = Browser::start().await?;
    open_demo(&b, &server, "").await?;
    assert_eq!(
        stored_token(&b, &server).await?,
        None,
        "no token before sign-up"
    );

    account_sign_up(&b, "alice_e2e", "secret-pass-1").await?;
    let first = stored_token(&b, &server).await?;
    assert!(
        token_of(&first).is_some(),
        "sign-up stored a token: {first:?}"
    );

    sign_out(&b).await?;
    assert_eq!(
        stored_token(&b, &server).await?,
        None,
        "sign-out removed the token"
    );

    account_sign_in(&b, "alice_e2e", "secret-pass-1").await?;
    wait_signed_in(&b, "alice_e2e").await?;
    let second = stored_token(&b, &server).await?;
    assert!(token_of(&second).is_some(), "sign-in stored a token");

    // The token survives a reload: the person stays signed in.
    b.goto(&format!("{}/?lang=en", server.url)).await?;
    wait_signed_in(&b, "alice_e2e").await?;
    b.close().await;
    Ok(())
}

#[tokio::test]
async fn wrong_password_shows_the_reason_and_keeps_what_was_typed() -> HarnessResult<()> {
    let server = Server::start().await?;
    let b = Browser::start().await?;
    open_demo(&b, &server, "").await?;
    let made = b
        .api_post(
            "AppUsers/2/SignUp",
            json!({"userName": "bob_e2e", "pwd": "right-pass-1"}),
        )
        .await?;
    assert_eq!(made["code"], 200, "set-up sign-up: {made}");

    account_sign_in(&b, "bob_e2e", "wrong-pass-1").await?;
    assert_eq!(
        wait_form_error(&b).await?,
        "The user name or password is wrong."
    );
    let screen = b.screen();
    assert_eq!(screen.value("User name").await?, "bob_e2e");
    assert_eq!(screen.value("Password").await?, "wrong-pass-1");
    assert!(!is_signed_in(&b).await?);
    assert_eq!(stored_token(&b, &server).await?, None);
    b.close().await;
    Ok(())
}

/// On the tab named `tab` (`Phone` or `Email`, whose recipient field is labelled `field`): a
/// new recipient gets a code, is asked for a password and signed up (D6, D9); signed out, a
/// new code signs them in again. Both times a token lands in localStorage.
async fn code_sign_up_then_sign_in(
    b: &Browser,
    server: &Server,
    (tab, field): (&str, &str),
    to: &str,
    pwd: &str,
) -> HarnessResult<()> {
    let screen = b.screen();
    open_demo(b, server, "countdown=1").await?;
    open_tab(b, tab).await?;
    get_and_type_code(b, field, to).await?;
    screen.click_button("Sign in").await?;
    screen.fill("Password", pwd).await?;
    screen.fill("Confirm password", pwd).await?;
    screen.click_button("Sign up").await?;
    wait_signed_in(b, to).await?;
    assert!(token_of(&stored_token(b, server).await?).is_some());

    sign_out(b).await?;
    // The server's resend window is 1 s here, the widget's countdown too.
    tokio::time::sleep(std::time::Duration::from_millis(1200)).await;
    open_tab(b, tab).await?;
    get_and_type_code(b, field, to).await?;
    screen.click_button("Sign in").await?;
    wait_signed_in(b, to).await?;
    assert!(token_of(&stored_token(b, server).await?).is_some());
    Ok(())
}

#[tokio::test]
async fn phone_sign_up_then_sign_in_with_a_new_code() -> HarnessResult<()> {
    let server = quick_resend_server().await?;
    let b = Browser::start().await?;
    code_sign_up_then_sign_in(
        &b,
        &server,
        ("Phone", "Mobile number"),
        "13800138000",
        "phone-pass-1",
    )
    .await?;

    // D10: the phone is the user name, so account sign-in works with it.
    sign_out(&b).await?;
    account_sign_in(&b, "13800138000", "phone-pass-1").await?;
    wait_signed_in(&b, "13800138000").await?;
    b.close().await;
    Ok(())
}

#[tokio::test]
async fn email_sign_up_then_sign_in() -> HarnessResult<()> {
    let server = quick_resend_server().await?;
    let b = Browser::start().await?;
    code_sign_up_then_sign_in(
        &b,
        &server,
        ("Email", "Email address"),
        "carol@example.com",
        "mail-pass-1",
    )
    .await?;
    b.close().await;
    Ok(())
}

#[tokio::test]
async fn wrong_code_is_refused_and_nothing_is_stored() -> HarnessResult<()> {
    let server = Server::start().await?;
    let b = Browser::start().await?;
    open_demo(&b, &server, "").await?;
    open_tab(&b, "Phone").await?;
    let code = request_code(&b, "Mobile number", "13900139000").await?;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let screen = b.screen();
    screen.fill("SMS code", wrong).await?;
    screen.click_button("Sign in").await?;
    assert_eq!(wait_form_error(&b).await?, "The code is wrong.");
    assert_eq!(screen.value("Mobile number").await?, "13900139000");
    assert_eq!(screen.value("SMS code").await?, wrong);
    assert_eq!(stored_token(&b, &server).await?, None);
    b.close().await;
    Ok(())
}

#[tokio::test]
async fn the_send_code_button_counts_down_and_survives_a_reload() -> HarnessResult<()> {
    let server = Server::start().await?;
    let b = Browser::start().await?;
    open_demo(&b, &server, "").await?;
    open_tab(&b, "Phone").await?;
    request_code(&b, "Mobile number", "13700137000").await?;
    // The "get code" button now says "Resend in n s".
    let screen = b.screen();
    let button = screen.role_partial("button", "Resend in").await?;
    let name = screen.name_of(&button).await?;
    assert!(name.contains(" s"), "{name}");
    let disabled = button.prop("disabled").await;
    assert_eq!(
        disabled.map_err(|e| e.to_string())?.as_deref(),
        Some("true")
    );

    // After a reload the same number is still counting down (the start time is stored).
    open_demo(&b, &server, "").await?;
    open_tab(&b, "Phone").await?;
    screen.fill("Mobile number", "13700137000").await?;
    let button = screen.role_partial("button", "Resend in").await?;
    let name = screen.name_of(&button).await?;
    assert!(name.contains(" s"), "{name}");

    // The server's own limit: a second code within 60 s is refused (asked for directly, as a
    // second device would).
    let again = b
        .api_post(
            "AppUsers/2/SendSMSCode",
            json!({"phone": "13700137000", "type": "signup"}),
        )
        .await?;
    assert_eq!(again["code"], 429, "resend limit: {again}");
    b.close().await;
    Ok(())
}

/// An account made by `channel` (`phone` or `email`, the API's field) for `to`; the reset
/// form sends a `forgetpwd` code there, sets a new password, and returns to sign-in with `to`
/// filled in, where the new password works.
async fn reset_then_sign_in(channel: &str, to: &str) -> HarnessResult<()> {
    // The API's names, then what a person reads: the reset form's choice, the recipient's
    // and the code's labels.
    let (send, sign_up, code_key) = match channel {
        "phone" => ("SendSMSCode", "PhoneSignUp", "phoneCode"),
        _ => ("SendEmailCode", "EmailSignUp", "emailCode"),
    };
    let (choice, field, code_field) = match channel {
        "phone" => ("Phone", "Mobile number", "SMS code"),
        _ => ("Email", "Email address", "Email code"),
    };
    let server = quick_resend_server().await?;
    let b = Browser::start().await?;
    open_demo(&b, &server, "").await?;
    let sent = b
        .api_post(
            &format!("AppUsers/2/{send}"),
            json!({channel: to, "type": "signup"}),
        )
        .await?;
    assert_eq!(sent["code"], 200, "{sent}");
    let code = wait_for_code(&b, to).await?;
    let made = b
        .api_post(
            &format!("AppUsers/2/{sign_up}"),
            json!({channel: to, code_key: code, "pwd": "old-pass-1"}),
        )
        .await?;
    assert_eq!(made["code"], 200, "{made}");

    // The server allows one code per recipient per window (1 s here).
    tokio::time::sleep(std::time::Duration::from_millis(1200)).await;
    let screen = b.screen();
    screen.click_button("Forgot password?").await?;
    let reset = screen.role("heading", "Reset your password").await?;
    // The reset form: the part of the page that holds its heading.
    let form = screen.within_element(
        reset
            .find(fantoccini::Locator::XPath("ancestor::form[1]"))
            .await
            .map_err(|e| format!("the reset form: {e}"))?,
    );
    let methods = form.role("group", "Reset by").await?;
    form.within_element(methods)
        .role("radio", choice)
        .await?
        .click()
        .await
        .map_err(|e| format!("choose {choice}: {e}"))?;
    form.fill(field, to).await?;
    form.click_button("Get code").await?;
    let reset_code = newer_code(&b, to, &code).await?;
    form.fill(code_field, &reset_code).await?;
    form.fill("New password", "new-pass-2").await?;
    form.fill("Confirm new password", "new-pass-2").await?;
    form.click_button("Reset password").await?;

    // Back on sign-in with the recipient filled in; the new password works.
    screen.role("tablist", "Ways to sign in").await?;
    assert_eq!(screen.value("User name").await?, to);
    screen.fill("Password", "new-pass-2").await?;
    screen.click_button("Sign in").await?;
    wait_signed_in(&b, to).await?;
    b.close().await;
    Ok(())
}

#[tokio::test]
async fn reset_by_phone_then_sign_in_with_the_new_password() -> HarnessResult<()> {
    reset_then_sign_in("phone", "13600136000").await
}

#[tokio::test]
async fn reset_by_email_then_sign_in_with_the_new_password() -> HarnessResult<()> {
    reset_then_sign_in("email", "dan@example.com").await
}

#[tokio::test]
async fn guest_sign_in_keeps_one_device_id() -> HarnessResult<()> {
    let server = Server::start().await?;
    let b = Browser::start().await?;
    open_demo(&b, &server, "").await?;
    b.screen().click_button("Continue as guest").await?;
    // Who is signed in is a region named by its heading, found among the page's landmarks.
    let region = b.screen().role("region", "Signed in").await?;
    b.screen()
        .within_element(region)
        .role("heading", "Signed in")
        .await?;
    let first = token_of(&stored_token(&b, &server).await?).ok_or("no token after guest")?;

    sign_out(&b).await?;
    b.screen().click_button("Continue as guest").await?;
    b.screen().role("heading", "Signed in").await?;
    let second = token_of(&stored_token(&b, &server).await?).ok_or("no token after guest")?;
    let uid = |t: &str| -> Option<Value> {
        let payload = t.split('.').nth(1)?;
        let bytes = decode_base64url(payload)?;
        let claims: Value = serde_json::from_slice(&bytes).ok()?;
        Some(claims["unionid"].clone())
    };
    assert_eq!(
        uid(&first),
        uid(&second),
        "the same device id signs in again"
    );
    assert!(uid(&first).is_some_and(|u| u.as_str().is_some_and(|s| !s.is_empty())));
    b.close().await;
    Ok(())
}

#[tokio::test]
async fn a_token_expired_at_load_is_dropped() -> HarnessResult<()> {
    let server = Server::start_with(ServerOptions {
        config_json: Some(r#"{"token_lifetime_secs":2}"#.into()),
        ..ServerOptions::default()
    })
    .await?;
    let b = Browser::start().await?;
    open_demo(&b, &server, "").await?;
    account_sign_up(&b, "erin_e2e", "secret-pass-1").await?;
    assert!(stored_token(&b, &server).await?.is_some());
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;

    open_demo(&b, &server, "").await?;
    assert!(
        !is_signed_in(&b).await?,
        "an expired token does not sign in"
    );
    assert_eq!(stored_token(&b, &server).await?, None, "and is removed");
    b.close().await;
    Ok(())
}

/// Waits for a code for `to` other than `old` (the reset code after the sign-up code).
async fn newer_code(b: &Browser, to: &str, old: &str) -> HarnessResult<String> {
    for _ in 0..50 {
        let code = wait_for_code(b, to).await?;
        if code != old {
            return Ok(code);
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    Err(format!("no new code for {to}{}", b.describe_page().await))
}

/// Decodes unpadded base64url (a JWT segment).
fn decode_base64url(s: &str) -> Option<Vec<u8>> {
    let mut bits = 0u32;
    let mut n = 0;
    let mut out = Vec::new();
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            b'=' => continue,
            _ => return None,
        };
        bits = (bits << 6) | u32::from(v);
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
        }
    }
    Some(out)
}
