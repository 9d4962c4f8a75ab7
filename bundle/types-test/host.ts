// A small host page's script, type-checked against ../oauthapp-login.d.ts by
// scripts/check-types.sh (`tsc --noEmit --strict`). Every `@ts-expect-error` line must stay an
// error: a declaration too loose to catch it fails the check too.
import {
  OAuthAppLogin,
  type OAuthAppLoginAttribute,
  type OAuthAppLoginCamelCase,
  type OAuthAppLoginElement,
  type OAuthAppLoginHandle,
  type OAuthAppLoginOptions,
  type OAuthAppLoginSession,
} from "oauthapp-login";

// The element, found by tag name, and its attributes.
const el: OAuthAppLoginElement = document.createElement("oauthapp-login");
el.setAttribute("app-id", "2");
el.setAttribute("lang", "zh-CN");
document.body.append(el);
const found: OAuthAppLoginElement | null = document.querySelector("oauthapp-login");
const attributes: OAuthAppLoginAttribute[] = ["app-id", "server-url", "qr-scopes", "strings"];
// @ts-expect-error not an attribute
const notAttribute: OAuthAppLoginAttribute = "appId";

// Its events, on the element, an ancestor, the document and the window.
el.addEventListener("oauthapp-login:signin", (e) => {
  const token: string = e.detail.token.access_token;
  const expires: number = e.detail.token.expires_at;
  const sub: string | undefined = e.detail.claims.sub;
  const other: unknown = e.detail.claims["points"];
  console.log(token, expires, sub, other);
  // @ts-expect-error the token has no expires_in
  console.log(e.detail.token.expires_in);
});
el.addEventListener("oauthapp-login:signout", (e) => {
  const nothing: null = e.detail;
  console.log(nothing);
});
document.body.addEventListener("oauthapp-login:error", (e) => console.warn(e.detail.message));
document.addEventListener("oauthapp-login:signin", (e) => console.log(e.detail.claims));
window.addEventListener("oauthapp-login:signout", (e) => console.log(e.detail));
el.addEventListener("click", (e) => console.log(e.clientX));

// element.session and element.ready.
const session: OAuthAppLoginSession | null = el.session;
// @ts-expect-error the session may be null
const surely: OAuthAppLoginSession = el.session;
// @ts-expect-error read-only
el.session = null;
void el.ready.then((ready) => console.log(ready.session?.claims.sub));

// Mounting by code, from the module and from the global.
async function mountOne(target: HTMLElement): Promise<OAuthAppLoginHandle> {
  const widget = await OAuthAppLogin.mount(target, {
    appId: 2,
    serverUrl: "https://www.oauthapp.com",
    lang: "en",
    tabs: ["account", "phone"],
    theme: "dark",
    guest: true,
    timeout: 10,
    strings: { "signin.submit": "Log in", "zh-CN:signin.submit": "登 录" },
    onSignIn: (detail) => console.log(detail.token.token_type),
    onSignOut: () => {},
    onError: (detail) => console.warn(detail.message),
  });
  const known: boolean = widget.setOption("lang", "zh-CN");
  widget.setOption("app-id", "3");
  widget.setOption("tabs", ["email"]);
  widget.setOption("theme", null);
  // @ts-expect-error not an option
  widget.setOption("colour", "red");
  // @ts-expect-error not a theme
  widget.setOption("theme", "purple");
  // @ts-expect-error not a tab, by the attribute's name
  widget.setOption("initial-tab", "fax");
  widget.setOption("initial-tab", "email");
  widget.setOption("strings", '{"signin.submit": "Log in"}');
  // @ts-expect-error texts only
  widget.setOption("strings", { "signin.submit": 1 });
  const now: OAuthAppLoginSession | null = widget.session();
  console.log(known, now);
  return widget;
}
// @ts-expect-error not a view
void OAuthAppLogin.mount(el, { view: "dashboard" });
// @ts-expect-error a shadow root is not an element
void OAuthAppLogin.mount(el.shadowRoot!, {});
void globalThis.OAuthAppLogin.mount(el).then((w) => w.unmount());
const Element: typeof OAuthAppLoginElement = OAuthAppLogin.Element;

// Every attribute is an option (camelCase), and every option an attribute.
type Camel<S extends string> = OAuthAppLoginCamelCase<S>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const optionsMatchAttributes: Same<Camel<OAuthAppLoginAttribute>, keyof OAuthAppLoginOptions> = true;

console.log(found, attributes, notAttribute, session, surely, mountOne, Element, optionsMatchAttributes);
