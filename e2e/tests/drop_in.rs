//! The script-tag drop-in (`scripts/bundle.sh` → `dist-bundle/`) on a plain HTML page served
//! from another origin than the API, under a strict Content-Security-Policy, with host CSS
//! that tries to restyle every input and button.

use fantoccini::elements::Element;
use oauthapp_e2e::drop_in::{
    api_server, sign_in_through, sign_up, strict_csp as csp, wait_in_shadow, wait_signed_in,
    HostSite,
};
use oauthapp_e2e::{Browser, HarnessResult, Screen, Server};
use serde_json::{json, Value};
use std::time::Duration;

/// The host's stylesheet: everything a careless site does to form controls and text.
const HOST_CSS: &str = "
input, button {
  border: 7px dashed rgb(255, 0, 0) !important;
  background: rgb(255, 0, 0) !important;
  height: 99px !important;
  font-family: \"Comic Sans MS\", cursive !important;
}
body { letter-spacing: 5px; font-family: \"Comic Sans MS\", cursive; }
oauthapp-login::part(widget) { --oa-color-primary: rgb(11, 110, 79); }
";

/// The host's script: records the widget's events and any CSP violation, and checks that
/// the CSP is really enforced (eval must be refused).
const HOST_JS: &str = "
window.__events = [];
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push(e.effectiveDirective + ' ' + e.blockedURI);
});
for (const type of ['signin', 'signout', 'error']) {
  document.addEventListener('oauthapp-login:' + type, (e) => {
    window.__events.push({ type, target: e.target.id, detail: e.detail,
                           bubbles: e.bubbles, composed: e.composed });
  });
}
try { window.eval('1'); window.__evalAllowed = true; } catch (e) { window.__evalAllowed = false; }
";

/// A host page whose body holds `body`, with the host's CSS and script and the drop-in.
fn host_page(body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Host</title>\
         <link rel=\"stylesheet\" href=\"/host.css\">\
         <script type=\"module\" src=\"/host.js\"></script>\
         <script type=\"module\" src=\"/bundle/oauthapp-login.js\"></script>\
         </head><body>\
         <input id=\"host-input\"><button id=\"host-button\">Host</button>\
         {body}</body></html>"
    )
}

/// One drop-in, `#a`, of app 2 on the API at `api`, with more attributes `attrs` (e.g.
/// `lang="en"`).
fn widget_a(api: &str, attrs: &str) -> String {
    format!("<oauthapp-login id=\"a\" app-id=\"2\" server-url=\"{api}\" {attrs}></oauthapp-login>")
}

/// Starts the API server, the host site serving the page with `body(api_url)` and a browser
/// on that page.
async fn open(body: impl Fn(&str) -> String) -> HarnessResult<(Server, HostSite, Browser)> {
    open_with(body, |_| {}).await
}

/// [`open`], with `before(&site)` done before the browser opens the page (to hold or refuse
/// some of the bundle's files).
async fn open_with(
    body: impl Fn(&str) -> String,
    before: impl FnOnce(&HostSite),
) -> HarnessResult<(Server, HostSite, Browser)> {
    let server = api_server().await?;
    let pages = vec![
        ("/index.html", host_page(&body(&server.url))),
        ("/host.css", HOST_CSS.to_owned()),
        ("/host.js", HOST_JS.to_owned()),
    ];
    let site = HostSite::start(pages, &csp(&server.url)).await?;
    before(&site);
    let browser = Browser::start().await?;
    browser.goto(&format!("{}/index.html", site.url)).await?;
    Ok((server, site, browser))
}

/// Sets the attribute `name` of the element with id `id` to `value`, as the host page would.
async fn set_attribute(browser: &Browser, id: &str, name: &str, value: &str) -> HarnessResult<()> {
    browser
        .eval(
            "document.getElementById(arguments[0]).setAttribute(arguments[1], arguments[2]);",
            vec![json!(id), json!(name), json!(value)],
        )
        .await
        .map(|_| ())
}

/// The events the host page received so far.
async fn events(browser: &Browser) -> HarnessResult<Vec<Value>> {
    let v = browser.eval("return window.__events;", vec![]).await?;
    Ok(v.as_array().cloned().unwrap_or_default())
}

/// Waits for an event of `kind`; returns it.
async fn wait_event(browser: &Browser, kind: &str) -> HarnessResult<Value> {
    wait_event_saying(browser, kind, "").await
}

/// Waits for the first event of type `kind` whose `detail.message` contains `text`.
async fn wait_event_saying(browser: &Browser, kind: &str, text: &str) -> HarnessResult<Value> {
    for _ in 0..150 {
        if let Some(e) = events(browser).await?.into_iter().find(|e| {
            e["type"] == kind && e["detail"]["message"].as_str().unwrap_or("").contains(text)
        }) {
            return Ok(e);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!(
        "no `{kind}` event; got {:?}",
        events(browser).await?
    ))
}

/// The CSP violations, except the host's own eval probe.
async fn violations(browser: &Browser) -> HarnessResult<Vec<String>> {
    let v = browser.eval("return window.__violations;", vec![]).await?;
    Ok(v.as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .filter(|s| !s.ends_with(" eval"))
        .map(str::to_owned)
        .collect())
}

/// `getComputedStyle(...)[prop]` of `inner` in `host`'s shadow root (or in the page when
/// `host` is empty).
async fn computed(browser: &Browser, host: &str, inner: &str, prop: &str) -> HarnessResult<String> {
    let v = browser
        .eval(
            "const root = arguments[0] ? document.querySelector(arguments[0]).shadowRoot : document;
             const el = root.querySelector(arguments[1]);
             return el ? getComputedStyle(el)[arguments[2]] : null;",
            vec![json!(host), json!(inner), json!(prop)],
        )
        .await?;
    v.as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("no `{inner}` in `{host}`"))
}

/// `getComputedStyle(el)[prop]` of an element found in a widget.
async fn style_of(browser: &Browser, el: &Element, prop: &str) -> HarnessResult<String> {
    let v = browser
        .eval(
            "return getComputedStyle(arguments[0])[arguments[1]];",
            vec![
                serde_json::to_value(el).map_err(|e| e.to_string())?,
                json!(prop),
            ],
        )
        .await?;
    v.as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("no style {prop}"))
}

/// The widget's region (its named `section`) in `screen` (one drop-in).
async fn region(screen: &Screen<'_>) -> HarnessResult<Element> {
    screen
        .wait_one(json!({"role": "region"}), "the widget's region")
        .await
}

/// The attribute `name` of the widget's region in `screen` (empty when it has none).
async fn region_attr(screen: &Screen<'_>, name: &str) -> HarnessResult<String> {
    let value = region(screen)
        .await?
        .attr(name)
        .await
        .map_err(|e| e.to_string())?;
    Ok(value.unwrap_or_default())
}

/// Waits until the widget's region in `screen` has a class containing `class` (the class is
/// what is checked here, the region is found by its role).
async fn wait_region_class(screen: &Screen<'_>, class: &str) -> HarnessResult<()> {
    for _ in 0..150 {
        if region_attr(screen, "class").await?.contains(class) {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!("the widget never got the class {class}"))
}

/// The part of the drop-in `host` showing the view `view` (its `data-oa-view`).
async fn view_in<'b>(browser: &'b Browser, host: &str, view: &str) -> HarnessResult<Screen<'b>> {
    let el = wait_in_shadow(browser, host, &format!("[data-oa-view={view}]")).await?;
    Ok(browser.screen().within_element(el))
}

#[tokio::test]
async fn drop_in_renders_in_shadow_dom_untouched_by_host_css_under_strict_csp() -> Result<(), String>
{
    let (_server, _site, browser) = open(|api| widget_a(api, "lang=\"en\"")).await?;
    let a = browser.within("#a").await?;
    let input = a.label("User name").await?;
    assert!(input.is_displayed().await.map_err(|e| e.to_string())?);
    a.button("Sign in").await?;

    let eval_allowed = browser.eval("return window.__evalAllowed;", vec![]).await?;
    assert_eq!(eval_allowed, json!(false), "the CSP header is not in force");
    // The host CSS is in force on the host's own controls...
    assert_eq!(
        computed(&browser, "", "#host-input", "borderTopWidth").await?,
        "7px"
    );
    assert_eq!(
        computed(&browser, "", "#host-button", "height").await?,
        "99px"
    );
    // ...and reaches none of the widget's.
    let controls = [
        ("User name", a.label("User name").await?),
        ("Password", a.label("Password").await?),
        ("Sign in", a.button("Sign in").await?),
    ];
    for (inner, el) in &controls {
        let border = style_of(&browser, el, "borderTopWidth").await?;
        let style = style_of(&browser, el, "borderTopStyle").await?;
        let background = style_of(&browser, el, "backgroundColor").await?;
        let height = style_of(&browser, el, "height").await?;
        let font = style_of(&browser, el, "fontFamily").await?;
        assert_ne!(border, "7px", "{inner} border");
        assert_ne!(style, "dashed", "{inner} border style");
        assert_ne!(background, "rgb(255, 0, 0)", "{inner} background");
        assert_ne!(height, "99px", "{inner} height");
        assert!(!font.contains("Comic"), "{inner} font: {font}");
    }
    // Inherited text styles stop at the shadow boundary too.
    let title = a.role("heading", "Sign in").await?;
    let spacing = style_of(&browser, &title, "letterSpacing").await?;
    assert_eq!(spacing, "normal");
    // The host may theme the widget through ::part().
    let part = region_attr(&a, "part").await?;
    assert!(part.contains("widget"), "part: {part}");
    let primary = style_of(&browser, &a.button("Sign in").await?, "backgroundColor").await?;
    assert_eq!(
        primary, "rgb(11, 110, 79)",
        "::part(widget) custom property"
    );
    assert_eq!(violations(&browser).await?, Vec::<String>::new());
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn drop_in_sign_in_dispatches_signin_and_signout_to_the_host() -> Result<(), String> {
    let (server, _site, browser) = open(|api| widget_a(api, "lang=\"en\"")).await?;
    sign_up(&browser, &server.url, "dropin_user", "secret123").await?;
    sign_in_through(&browser, "#a", "dropin_user", "secret123").await?;

    let event = wait_event(&browser, "signin").await?;
    assert_eq!(event["target"], "a");
    assert_eq!(event["bubbles"], true);
    assert_eq!(event["composed"], true);
    assert_eq!(event["detail"]["claims"]["unique_name"], "dropin_user");
    let token = event["detail"]["token"]["access_token"]
        .as_str()
        .unwrap_or("");
    assert_eq!(token.split('.').count(), 3, "not a JWT: {token}");
    let session = browser
        .eval("return document.getElementById('a').session;", vec![])
        .await?;
    assert_eq!(session["token"]["access_token"], token);
    assert_eq!(session["claims"]["unique_name"], "dropin_user");
    wait_signed_in(&browser, "#a", "dropin_user").await?;

    browser.within("#a").await?.click_button("Sign out").await?;
    wait_event(&browser, "signout").await?;
    let session = browser
        .eval("return document.getElementById('a').session;", vec![])
        .await?;
    assert_eq!(session, Value::Null);
    browser.within("#a").await?.label("User name").await?;
    assert_eq!(violations(&browser).await?, Vec::<String>::new());
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn two_drop_ins_of_one_app_sign_in_and_out_together() -> Result<(), String> {
    let (server, _site, browser) = open(|api| {
        format!(
            "<oauthapp-login id=\"a\" app-id=\"2\" server-url=\"{api}\" lang=\"en\"></oauthapp-login>\
             <oauthapp-login id=\"b\" app-id=\"2\" server-url=\"{api}\" lang=\"en\"></oauthapp-login>"
        )
    })
    .await?;
    sign_up(&browser, &server.url, "twin_user", "secret123").await?;
    sign_in_through(&browser, "#a", "twin_user", "secret123").await?;
    // The other widget follows without a reload, and tells the host through its own element.
    wait_signed_in(&browser, "#b", "twin_user").await?;
    let mut targets = Vec::new();
    for _ in 0..50 {
        targets = events(&browser)
            .await?
            .into_iter()
            .filter(|e| e["type"] == "signin")
            .map(|e| e["target"].clone())
            .collect();
        if targets.len() >= 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    targets.sort_by_key(|t| t.to_string());
    assert_eq!(targets, vec![json!("a"), json!("b")]);

    // Signing out in either signs out both.
    browser.within("#b").await?.click_button("Sign out").await?;
    browser.within("#a").await?.label("User name").await?;
    browser.within("#b").await?.label("User name").await?;
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn the_consent_drop_in_keeps_what_was_typed_across_a_language_switch() -> Result<(), String> {
    let server = api_server().await?;
    let body = format!(
        "<oauthapp-login id=\"a\" app-id=\"2\" server-url=\"{}\" lang=\"en\" view=\"consent\" \
         strings='{{\"zh-CN:consent.allow\": \"同意授权\"}}'></oauthapp-login>",
        server.url
    );
    let pages = vec![
        ("/index.html", host_page(&body)),
        ("/host.css", HOST_CSS.to_owned()),
        ("/host.js", HOST_JS.to_owned()),
    ];
    let site = HostSite::start(pages, &csp(&server.url)).await?;
    let browser = Browser::start().await?;
    browser
        .goto(&format!(
            "{}/index.html?redirect_uri=https%3A%2F%2Fapp.example%2Fcb&scope=openid&state=s1",
            site.url
        ))
        .await?;
    let a = browser.within("#a").await?;
    a.type_into("User name", "carol").await?;
    browser
        .eval(
            "document.getElementById('a').setAttribute('lang', 'zh-CN');",
            vec![],
        )
        .await?;
    a.label("用户名").await?;
    assert_eq!(
        a.value("用户名").await?,
        "carol",
        "the consent view was rebuilt"
    );
    // The host's own text for this view and language.
    a.button("同意授权").await?;
    assert_eq!(violations(&browser).await?, Vec::<String>::new());
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn drop_in_follows_its_attributes() -> Result<(), String> {
    let (_server, _site, browser) = open(|api| widget_a(api, "lang=\"en\"")).await?;
    let a = browser.within("#a").await?;
    a.button("Sign in").await?;
    let set = |name: &'static str, value: &'static str| set_attribute(&browser, "a", name, value);

    // What the person typed survives the host's language and theme switches.
    a.type_into("User name", "alice").await?;
    set("lang", "zh-CN").await?;
    a.button("登录").await?;
    assert_eq!(region_attr(&a, "lang").await?, "zh-CN");

    set("theme", "dark").await?;
    wait_region_class(&a, "oa-theme--dark").await?;
    assert_eq!(
        a.value("用户名").await?,
        "alice",
        "lang and theme kept the form"
    );

    set("tabs", "email").await?;
    a.label("邮箱地址").await?;
    let account = a
        .query(json!({"op": "label", "name": "用户名", "hidden": true}))
        .await?;
    assert!(
        account.is_empty(),
        "tabs=email still shows the account form"
    );

    // The signed-in views ask whoever is not signed in to sign in first.
    set("view", "points").await?;
    view_in(&browser, "#a", "points")
        .await?
        .button("登录")
        .await?;

    // An invalid value is reported to the host, not thrown.
    set("view", "nonsense").await?;
    let error = wait_event(&browser, "error").await?;
    let message = error["detail"]["message"].as_str().unwrap_or("");
    assert!(message.contains("nonsense"), "error: {error}");
    view_in(&browser, "#a", "signin")
        .await?
        .button("登录")
        .await?;
    assert_eq!(violations(&browser).await?, Vec::<String>::new());
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn two_drop_ins_and_a_code_mount_share_one_module() -> Result<(), String> {
    let mount_js = |api: &str| {
        format!(
            "import {{ OAuthAppLogin }} from '/bundle/oauthapp-login.js';
             window.__byCode = await OAuthAppLogin.mount(document.getElementById('c'), {{
               appId: 2, serverUrl: '{api}', lang: 'en', tabs: ['phone'],
             }});"
        )
    };
    let server = api_server().await?;
    let api = server.url.clone();
    let body = format!(
        "<oauthapp-login id=\"a\" app-id=\"2\" server-url=\"{api}\" lang=\"en\"></oauthapp-login>\
         <oauthapp-login id=\"b\" app-id=\"2\" server-url=\"{api}\" lang=\"zh-CN\" tabs=\"email\"></oauthapp-login>\
         <div id=\"c\"></div>\
         <script type=\"module\" src=\"/mount.js\"></script>"
    );
    let pages = vec![
        ("/index.html", host_page(&body)),
        ("/host.css", HOST_CSS.to_owned()),
        ("/host.js", HOST_JS.to_owned()),
        ("/mount.js", mount_js(&api)),
    ];
    let site = HostSite::start(pages, &csp(&api)).await?;
    let browser = Browser::start().await?;
    browser.goto(&format!("{}/index.html", site.url)).await?;

    let (a, b, c) = (
        browser.within("#a").await?,
        browser.within("#b").await?,
        browser.within("#c").await?,
    );
    a.button("Sign in").await?;
    b.label("邮箱地址").await?;
    b.wait_text("邮箱地址").await?;
    c.label("Mobile number").await?;
    // Each has its own widget; the page fetched the module once, and each chunk the
    // widgets fetch ahead of time at most once.
    let wasm_fetches = browser
        .eval(
            "return performance.getEntriesByType('resource')
               .map(e => e.name.split('/').pop()).filter(n => n.endsWith('.wasm'));",
            vec![],
        )
        .await?;
    let names: Vec<&str> = wasm_fetches
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let first = names
        .iter()
        .filter(|n| **n == "oauthapp_login_bg.wasm")
        .count();
    assert_eq!(first, 1, "fetched: {names:?}");
    let mut distinct = names.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(
        distinct.len(),
        names.len(),
        "a file fetched twice: {names:?}"
    );
    // Changing one leaves the others alone.
    browser
        .eval(
            "document.getElementById('a').setAttribute('lang', 'zh-CN');",
            vec![],
        )
        .await?;
    a.button("登录").await?;
    c.wait_text("Mobile number").await?;
    // The code mount's handle works too.
    browser
        .eval("window.__byCode.setOption('lang', 'zh-CN');", vec![])
        .await?;
    c.label("手机号").await?;
    // Removing an element unmounts its widget; the others stay.
    let left = browser
        .eval_async(
            "const done = arguments[arguments.length - 1];
             const b = document.getElementById('b');
             const shadow = b.shadowRoot;
             b.remove();
             // The widget is its named region (a section with an aria-label).
             setTimeout(() => done([
               shadow.querySelectorAll('section[aria-label]').length,
               document.getElementById('a').shadowRoot.querySelectorAll('section[aria-label]').length,
             ]), 200);",
            vec![],
        )
        .await?;
    assert_eq!(left, json!([0, 1]));
    assert_eq!(violations(&browser).await?, Vec::<String>::new());
    browser.close().await;
    drop(site);
    drop(server);
    Ok(())
}

/// The host's own texts (`strings`, JSON): in the page's language and the other, as text (never
/// markup), and without a first view that would show the built-in ones before the wasm.
#[tokio::test]
async fn the_hosts_own_texts_replace_the_widgets() -> Result<(), String> {
    let strings = r#"{"signin.submit": "Log in", "zh-CN:signin.submit": "登 录", "tabs.phone": "<b>Mobile</b>"}"#;
    let (_server, site, browser) = open_with(
        |api| {
            format!(
                "{}<oauthapp-login id=\"b\" app-id=\"2\" server-url=\"{api}\" lang=\"en\">\
                 </oauthapp-login>",
                widget_a(api, &format!("lang=\"en\" strings='{strings}'"))
            )
        },
        |site| site.hold(&["oauthapp_login_bg"]),
    )
    .await?;
    // While the wasm is on its way nothing in #a says "Sign in": the build-time first view,
    // which has the built-in texts, is not shown there. (It is in #b, without texts of its
    // own: the loader has run.)
    let b = browser.within("#b").await?;
    b.button("Sign in").await?;
    let a = browser.within("#a").await?;
    assert_eq!(a.count_anywhere("button", Some("Sign in")).await?, 0);
    site.release();
    a.button("Log in").await?;
    // Markup in a text is shown as the text it is.
    a.role("tab", "<b>Mobile</b>").await?;
    assert_eq!(a.count_anywhere("button", Some("Sign in")).await?, 0);
    // A text for one language only.
    set_attribute(&browser, "a", "lang", "zh-CN").await?;
    a.button("登 录").await?;
    a.role("tab", "<b>Mobile</b>").await?;
    // A name the widget has no text of is reported, and the other texts stay.
    set_attribute(
        &browser,
        "a",
        "strings",
        r#"{"signin.sumbit": "Go", "signin.submit": "Log in"}"#,
    )
    .await?;
    wait_event_saying(&browser, "error", "`signin.sumbit`").await?;
    set_attribute(&browser, "a", "lang", "en").await?;
    a.button("Log in").await?;
    // Texts that are not a JSON object of texts are reported; the built-in ones come back.
    set_attribute(&browser, "a", "strings", r#"{"signin.submit": 1}"#).await?;
    wait_event_saying(
        &browser,
        "error",
        "`{\"signin.submit\": 1}` for option `strings`",
    )
    .await?;
    set_attribute(&browser, "a", "lang", "zh-CN").await?;
    a.button("登录").await?;
    a.role("tab", "手机").await?;
    browser.close().await;
    Ok(())
}

/// What the drop-in `host` shows now: whether it is still the build-time first view (the wasm
/// has not taken over), the widget's height, the focused field's label and its caret.
async fn first_view_state(browser: &Browser, host: &str) -> HarnessResult<Value> {
    browser
        .eval(
            "const root = document.querySelector(arguments[0]).shadowRoot;
             const active = root.activeElement;
             const label = active && active.id ? root.querySelector(`label[for='${active.id}']`) : null;
             return {
               shell: !!root.querySelector('[data-oa-shell]'),
               height: root.querySelector('section').getBoundingClientRect().height,
               focused: label ? label.textContent : null,
               caret: active && typeof active.selectionStart === 'number' ? active.selectionStart : null,
             };",
            vec![json!(host)],
        )
        .await
}

/// Waits until the wasm has taken the drop-in `host` over.
async fn wait_taken_over(browser: &Browser, host: &str) -> HarnessResult<Value> {
    for _ in 0..150 {
        let state = first_view_state(browser, host).await?;
        if state["shell"] == json!(false) {
            return Ok(state);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err("the wasm never took the first view over".into())
}

#[tokio::test]
async fn a_person_types_and_submits_before_the_wasm_arrives_and_is_signed_in() -> Result<(), String>
{
    let (server, site, browser) = open_with(
        |api| widget_a(api, "lang=\"en\""),
        |site| site.hold(&["oauthapp_login_bg"]),
    )
    .await?;
    sign_up(&browser, &server.url, "early-bird", "early-pass-1").await?;
    let a = browser.within("#a").await?;
    // The form is there, and usable, while the .wasm is still on its way.
    a.type_into("User name", "early-bird").await?;
    a.type_into("Password", "early-pass-1\u{E007}").await?;
    let before = first_view_state(&browser, "#a").await?;
    assert_eq!(
        before["shell"],
        json!(true),
        "the wasm arrived too early: {before}"
    );
    // The submit is held, and the person is told.
    a.wait_role_text("status", "Just a moment").await?;
    assert_eq!(events(&browser).await?, Vec::<Value>::new());

    // The widget's height the moment the wasm takes over, before the held submit's answer can
    // change the view (sampled later, it may already be the signed-in view).
    browser
        .eval(
            "const root = document.querySelector('#a').shadowRoot;
             window.__takeOverHeight = null;
             new MutationObserver((_, observer) => {
               if (root.querySelector('[data-oa-shell]')) return;
               window.__takeOverHeight = root.querySelector('section').getBoundingClientRect().height;
               observer.disconnect();
             }).observe(root, { subtree: true, childList: true });",
            vec![],
        )
        .await?;
    site.release();
    wait_taken_over(&browser, "#a").await?;
    let at_take_over = browser
        .eval("return window.__takeOverHeight;", vec![])
        .await?;
    // Taken over without a jump: same size.
    assert_eq!(at_take_over, before["height"], "{before}");
    // The held submit went through with what was typed.
    wait_signed_in(&browser, "#a", "early-bird").await?;
    let signin = wait_event(&browser, "signin").await?;
    assert_eq!(signin["target"], "a");
    // The chunks fetched ahead of time waited for the sign-in's answer: on a slow link they
    // would have shared it with the answer the person was waiting for.
    wait_request(&site, "/bundle/split_reset.wasm 200").await?;
    let timing = browser
        .eval(
            "const all = performance.getEntriesByType('resource');
             const signIn = all.find((e) => e.name.includes('/SignIn'));
             const chunks = all.filter((e) => /\\/(split|chunk)_[^/]*\\.wasm$/.test(e.name));
             return [signIn ? signIn.responseEnd : null, Math.min(...chunks.map((e) => e.startTime))];",
            vec![],
        )
        .await?;
    let (answered, first_chunk) = (timing[0].as_f64(), timing[1].as_f64());
    assert!(
        matches!((answered, first_chunk), (Some(a), Some(c)) if c >= a),
        "a chunk was fetched while the sign-in was under way: {timing}"
    );
    assert_eq!(violations(&browser).await?, Vec::<String>::new());
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn the_take_over_keeps_the_tab_the_text_the_focus_and_the_caret() -> Result<(), String> {
    let (_server, site, browser) = open_with(
        |api| widget_a(api, "lang=\"zh-CN\" theme=\"dark\""),
        |site| site.hold(&["oauthapp_login_bg"]),
    )
    .await?;
    let a = browser.within("#a").await?;
    // In the page's language and theme from the first paint.
    a.role("heading", "登录").await?;
    wait_region_class(&a, "oa-theme--dark").await?;
    // Another tab, chosen before the wasm: by the keyboard, as the tab list allows.
    a.select_tab("手机").await?;
    a.type_into("手机号", "13800138000").await?;
    // The caret is put back in the middle, where the person is correcting.
    browser
        .eval(
            "document.querySelector('#a').shadowRoot.activeElement.setSelectionRange(4, 4);",
            vec![],
        )
        .await?;
    let before = first_view_state(&browser, "#a").await?;
    assert_eq!(
        before["shell"],
        json!(true),
        "the wasm arrived too early: {before}"
    );
    assert_eq!(before["focused"], json!("手机号"));

    site.release();
    let after = wait_taken_over(&browser, "#a").await?;
    assert_eq!(after["height"], before["height"], "{before} -> {after}");
    assert_eq!(after["focused"], json!("手机号"), "{after}");
    assert_eq!(after["caret"], json!(4), "{after}");
    let tab = a.role("tab", "手机").await?;
    assert_eq!(
        tab.attr("aria-selected").await.map_err(|e| e.to_string())?,
        Some("true".to_owned())
    );
    wait_region_class(&a, "oa-theme--dark").await?;
    // Typing goes on where the caret was, into the wasm's own field.
    browser.type_keys("9").await?;
    assert_eq!(a.value("手机号").await?, "138090138000");
    // And the wasm's form works: a bad number is refused in Chinese.
    a.fill("手机号", "123").await?;
    a.click_button("获取验证码").await?;
    a.wait_text("请输入以 13 至 19 开头的 11 位手机号。")
        .await?;
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn a_wasm_that_fails_to_load_is_said_and_retried() -> Result<(), String> {
    let (server, site, browser) = open_with(
        |api| widget_a(api, "lang=\"en\""),
        |site| site.refuse(&["oauthapp_login_bg"]),
    )
    .await?;
    sign_up(&browser, &server.url, "second-try", "second-pass-1").await?;
    let a = browser.within("#a").await?;
    a.type_into("User name", "second-try").await?;
    let said = a.wait_role_text("alert", "could not be loaded").await?;
    assert!(said.contains("Check your connection"), "{said}");
    let error = wait_event(&browser, "error").await?;
    assert!(
        error["detail"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("cannot load"),
        "{error}"
    );
    site.allow_all();
    a.click_button("Try again").await?;
    wait_taken_over(&browser, "#a").await?;
    a.wait_gone(
        "alert",
        "The sign-in could not be loaded. Check your connection and try again.",
    )
    .await?;
    // What was typed before the failure is still there, in the wasm's field, and the focus
    // went from "Try again" to where the person goes on, not to the page's body.
    assert_eq!(a.value("User name").await?, "second-try");
    let state = first_view_state(&browser, "#a").await?;
    assert_eq!(state["focused"], json!("Password"), "{state}");
    browser.type_keys("second-pass-1").await?;
    a.click_button("Sign in").await?;
    wait_signed_in(&browser, "#a", "second-try").await?;
    browser.close().await;
    Ok(())
}

/// A visitor already signed in gets no first view (the wasm draws the signed-in view). When
/// their `.wasm` fails, "Try again" leaves the focus on the widget's "Sign out", not on the
/// page's body: the signed-in view has no field to take it.
#[tokio::test]
async fn after_try_again_a_signed_in_visitor_has_the_focus_in_the_widget() -> Result<(), String> {
    let (server, site, browser) = open(|api| widget_a(api, "lang=\"en\"")).await?;
    sign_up(&browser, &server.url, "back-again", "back-pass-1").await?;
    sign_in_through(&browser, "#a", "back-again", "back-pass-1").await?;
    wait_signed_in(&browser, "#a", "back-again").await?;

    site.refuse(&["oauthapp_login_bg"]);
    browser.goto(&format!("{}/index.html", site.url)).await?;
    let a = browser.within("#a").await?;
    a.wait_role_text("alert", "could not be loaded").await?;
    site.allow_all();
    a.click_button("Try again").await?;
    wait_signed_in(&browser, "#a", "back-again").await?;
    let focused = browser
        .eval(
            "const el = document.querySelector('#a').shadowRoot.activeElement;
             return el ? el.textContent : null;",
            vec![],
        )
        .await?;
    assert_eq!(focused, json!("Sign out"));
    browser.close().await;
    Ok(())
}

/// Waits until the host site was asked for `request` (`"/bundle/split_qr.wasm 503"`).
async fn wait_request(site: &HostSite, request: &str) -> HarnessResult<()> {
    for _ in 0..150 {
        if site.requests().iter().any(|r| r == request) {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!(
        "never asked for {request}; asked: {:?}",
        site.requests()
    ))
}

/// The drop-in's views loaded on demand (src/chunks/): a chunk the host fails to deliver
/// leaves a working widget with a sentence and "Try again", which loads it once the host
/// serves it again. Guards against a split build whose failed load panics (a dead widget).
#[tokio::test]
async fn a_chunk_that_fails_to_load_says_so_and_try_again_loads_it() -> Result<(), String> {
    let server = api_server().await?;
    let body = format!(
        "<oauthapp-login id=\"a\" app-id=\"2\" server-url=\"{}\" lang=\"en\" tabs=\"account,qr\">\
         </oauthapp-login>",
        server.url
    );
    let pages = vec![
        ("/index.html", host_page(&body)),
        ("/host.css", HOST_CSS.to_owned()),
        ("/host.js", HOST_JS.to_owned()),
    ];
    let site = HostSite::start(pages, &csp(&server.url)).await?;
    // Every chunk is refused (the views' and the code they share); the first module is not.
    site.refuse(&["split_", "chunk_"]);
    let browser = Browser::start().await?;
    browser.goto(&format!("{}/index.html", site.url)).await?;
    let a = browser.within("#a").await?;
    a.label("User name").await?;

    // Once the page is idle the widget fetches the QR chunk ahead of time, before any click;
    // that failure is quiet.
    wait_request(&site, "/bundle/split_qr.wasm 503").await?;
    assert_eq!(
        a.count("alert", None).await?,
        0,
        "a failed prefetch says nothing"
    );

    // Shown, the QR tab tries again, fails, and says so in the page's language.
    a.select_tab("QR code").await?;
    let alert = a.wait_alert().await?;
    assert_eq!(
        alert,
        "This part of the sign-in could not be loaded. Check your connection and try again."
    );
    // The rest of the widget still works.
    a.select_tab("Account").await?;
    a.type_into("User name", "still_here").await?;
    assert_eq!(a.value("User name").await?, "still_here");

    // The host serves the chunks again: "Try again" loads the QR sign-in.
    site.allow_all();
    a.select_tab("QR code").await?;
    a.click_button("Try again").await?;
    a.role_partial("img", "QR code").await?;
    wait_request(&site, "/bundle/split_qr.wasm 200").await?;
    assert_eq!(a.count("alert", None).await?, 0, "the sentence is gone");
    // The button that had the focus is gone: the focus is in the QR tab's panel, not lost to
    // the page's body.
    let focused = browser
        .eval(
            "const root = document.querySelector('#a').shadowRoot;
             const el = root.activeElement;
             const tab = el && root.getElementById(el.getAttribute('aria-labelledby'));
             return el ? [el.getAttribute('role'), tab ? tab.textContent : null] : null;",
            vec![],
        )
        .await?;
    assert_eq!(focused, json!(["tabpanel", "QR code"]));
    assert_eq!(violations(&browser).await?, Vec::<String>::new());
    browser.close().await;
    Ok(())
}

/// "Try again" on a chunk, then the person goes elsewhere while it loads: the chunk's view
/// comes in without taking the focus back.
#[tokio::test]
async fn a_chunk_that_arrives_late_leaves_the_focus_where_the_person_put_it() -> Result<(), String>
{
    let (_server, site, browser) = open_with(
        |api| widget_a(api, "lang=\"en\" tabs=\"account,qr\""),
        |site| site.refuse(&["split_", "chunk_"]),
    )
    .await?;
    let a = browser.within("#a").await?;
    a.select_tab("QR code").await?;
    a.wait_alert().await?;
    site.allow_all();
    site.hold(&["split_", "chunk_"]);
    a.click_button("Try again").await?;
    wait_request(&site, "/bundle/split_qr.wasm").await.ok();
    // The host page's own field, while the chunk is on its way.
    browser
        .eval("document.getElementById('host-input').focus();", vec![])
        .await?;
    site.release();
    a.role_partial("img", "QR code").await?;
    // A frame for the widget to (not) move the focus.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let focused = browser
        .eval("return document.activeElement.id;", vec![])
        .await?;
    assert_eq!(focused, json!("host-input"));
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn a_theme_named_like_an_object_property_gives_the_first_view_no_odd_class(
) -> Result<(), String> {
    let (_server, site, browser) = open_with(
        |api| widget_a(api, "lang=\"en\" theme=\"__proto__\""),
        |site| site.hold(&["oauthapp_login_bg"]),
    )
    .await?;
    let a = browser.within("#a").await?;
    a.label("User name").await?;
    let state = first_view_state(&browser, "#a").await?;
    assert_eq!(state["shell"], json!(true), "the wasm arrived too early");
    let class = region_attr(&a, "class").await?;
    assert_eq!(class, "oa-widget");
    site.release();
    wait_taken_over(&browser, "#a").await?;
    browser.close().await;
    Ok(())
}
