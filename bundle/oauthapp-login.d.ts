// Type declarations for the drop-in (bundle/oauthapp-login.js): the <oauthapp-login> element,
// its attributes and events, OAuthAppLogin.mount() and element.session.
//
// Read from the loader and src/embed/ (options.rs, events.rs, handle.rs). scripts/check-types.sh
// type-checks bundle/types-test/host.ts against this file with `tsc --noEmit --strict`, and
// bundle/test/package.test.mjs keeps `OAuthAppLoginAttribute` equal to the loader's ATTRIBUTES
// (which a Rust test keeps equal to `embed::ATTRIBUTES`).

/** Every attribute `<oauthapp-login>` observes; changing one updates the widget. */
export type OAuthAppLoginAttribute =
  | "app-id"
  | "server-url"
  | "lang"
  | "view"
  | "tabs"
  | "initial-tab"
  | "theme"
  | "countdown"
  | "min-pwd"
  | "allow-international"
  | "verify-phone"
  | "verify-email"
  | "guest"
  | "guest-platform"
  | "timeout"
  | "qr-template"
  | "qr-scopes"
  | "strings";

/** `zh-CN`, `en` (any `zh-*` / `en-*` tag is accepted), or `auto`: the browser's language. */
export type OAuthAppLoginLang = "zh-CN" | "en" | "auto" | (string & {});

/** The page the widget shows. */
export type OAuthAppLoginView = "signin" | "consent" | "apps" | "profile" | "points";

/** A sign-in tab. */
export type OAuthAppLoginTab = "account" | "phone" | "email" | "qr";

/** `light`, `dark`, or `auto`: follow the system. */
export type OAuthAppLoginTheme = "light" | "dark" | "auto";

/** The token of the signed-in person, as the API answered it. */
export interface OAuthAppLoginToken {
  /** The access token (a JWT). */
  access_token: string;
  /** The token type, `Bearer`. */
  token_type: string;
  /** When it expires, in milliseconds since the epoch. */
  expires_at: number;
}

/** The JWT's payload, decoded without verification: never trust it on a server. */
export interface OAuthAppLoginClaims {
  sub?: string;
  exp?: number;
  iat?: number;
  [claim: string]: unknown;
}

/** The signed-in person: `element.session`, the `signin` event's detail, `handle.session()`. */
export interface OAuthAppLoginSession {
  token: OAuthAppLoginToken;
  /** Every claim of the JWT (an empty object if it cannot be read). */
  claims: OAuthAppLoginClaims;
}

/** The `oauthapp-login:error` event's detail. */
export interface OAuthAppLoginErrorDetail {
  message: string;
}

/** `oauthapp-login:signin`: someone signed in. */
export type OAuthAppLoginSignInEvent = CustomEvent<OAuthAppLoginSession>;
/** `oauthapp-login:signout`: the session ended (`detail` is `null`). */
export type OAuthAppLoginSignOutEvent = CustomEvent<null>;
/** `oauthapp-login:error`: an invalid option, a missing `app-id`, a load failure. */
export type OAuthAppLoginErrorEvent = CustomEvent<OAuthAppLoginErrorDetail>;

/** The events the widget dispatches on its element (they bubble and cross the shadow root). */
export interface OAuthAppLoginEventMap {
  "oauthapp-login:signin": OAuthAppLoginSignInEvent;
  "oauthapp-login:signout": OAuthAppLoginSignOutEvent;
  "oauthapp-login:error": OAuthAppLoginErrorEvent;
}

/**
 * The options: each attribute in camelCase. Invalid values are reported as an
 * `oauthapp-login:error` event and the option keeps its default.
 */
export interface OAuthAppLoginOptions {
  /** The application's id (required). */
  appId?: number | string;
  /** The API's origin; empty: the page's origin. */
  serverUrl?: string;
  lang?: OAuthAppLoginLang;
  view?: OAuthAppLoginView;
  /** The tabs to show, in order: an array or `"account,phone"`. */
  tabs?: readonly OAuthAppLoginTab[] | string;
  initialTab?: OAuthAppLoginTab;
  theme?: OAuthAppLoginTheme;
  /** Seconds before a verification code may be sent again. */
  countdown?: number | string;
  /** The shortest password accepted. */
  minPwd?: number | string;
  allowInternational?: boolean | string;
  verifyPhone?: boolean | string;
  verifyEmail?: boolean | string;
  /** Offer the guest sign-in. */
  guest?: boolean | string;
  /** The guest sign-in's platform (`web`). */
  guestPlatform?: string;
  /** Request timeout, in seconds (more than 0, at most 3600). */
  timeout?: number | string;
  /** What the QR code encodes (API.md D5), e.g. `weixin://x?k={signInKey}`. */
  qrTemplate?: string;
  /** The scopes the QR sign-in asks for (`openid profile`). */
  qrScopes?: string;
  /**
   * Replacements for the widget's texts: a message name (`"signin.submit"`) replaces it in
   * every language, `"zh-CN:signin.submit"` in that language only. As an attribute, the
   * object's JSON. Shown as text, never as markup. A name the widget has no text of is
   * reported as an `error` event. With replacements, the first view waits
   * for the wasm (the one rendered at build time has the built-in texts).
   */
  strings?: Record<string, string> | string;
}

/** `app-id` -> `appId`. */
export type OAuthAppLoginCamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<OAuthAppLoginCamelCase<Tail>>}`
  : S;

/** An option's name: camelCase (`appId`) or the attribute's (`app-id`). */
export type OAuthAppLoginOptionName = keyof OAuthAppLoginOptions | OAuthAppLoginAttribute;

/** `OAuthAppLogin.mount()`'s options: the widget's options and three callbacks. */
export interface OAuthAppLoginMountOptions extends OAuthAppLoginOptions {
  onSignIn?: (detail: OAuthAppLoginSession) => void;
  onSignOut?: (detail: null) => void;
  onError?: (detail: OAuthAppLoginErrorDetail) => void;
}

/** A widget mounted by `OAuthAppLogin.mount()`. */
export interface OAuthAppLoginHandle {
  /**
   * Changes one option, by its camelCase or attribute name; `null` resets it. Returns whether
   * `name` is an option (and `false` once unmounted).
   */
  setOption<K extends OAuthAppLoginOptionName>(
    name: K,
    value: OAuthAppLoginOptions[OAuthAppLoginCamelCase<K> & keyof OAuthAppLoginOptions] | null,
  ): boolean;
  /** The signed-in person, or `null`. */
  session(): OAuthAppLoginSession | null;
  /** Removes the widget and stops everything it runs. Idempotent. */
  unmount(): void;
}

/** The `<oauthapp-login>` element. */
export declare class OAuthAppLoginElement extends HTMLElement {
  static readonly observedAttributes: OAuthAppLoginAttribute[];
  /** The signed-in person, or `null` (also while the widget loads). */
  readonly session: OAuthAppLoginSession | null;
  /** Resolves once the widget is on screen. */
  readonly ready: Promise<this>;
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(name: string, oldValue: string | null, newValue: string | null): void;

  addEventListener<K extends keyof OAuthAppLoginEventMap>(
    type: K,
    listener: (this: OAuthAppLoginElement, ev: OAuthAppLoginEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: OAuthAppLoginElement, ev: HTMLElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof OAuthAppLoginEventMap>(
    type: K,
    listener: (this: OAuthAppLoginElement, ev: OAuthAppLoginEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: OAuthAppLoginElement, ev: HTMLElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

/** What the loader exports (and sets as `globalThis.OAuthAppLogin`). */
export interface OAuthAppLoginApi {
  /**
   * Mounts a widget into `element`'s (new or existing) open shadow root. Events are
   * dispatched on `element` as for `<oauthapp-login>`. The sign-in view shows at
   * once as ready HTML that can be typed into; the promise resolves once the widget has taken
   * it over. If the widget cannot be loaded, an `error` is dispatched (and `onError` called)
   * and the widget offers the person a retry; the promise resolves after a retry succeeds.
   */
  mount(element: HTMLElement, options?: OAuthAppLoginMountOptions): Promise<OAuthAppLoginHandle>;
  /** The class registered as `<oauthapp-login>`. */
  Element: typeof OAuthAppLoginElement;
}

export declare const OAuthAppLogin: OAuthAppLoginApi;

declare global {
  interface HTMLElementTagNameMap {
    "oauthapp-login": OAuthAppLoginElement;
  }
  // The events bubble and are composed: a listener on any ancestor, the document or the
  // window hears them.
  interface HTMLElementEventMap extends OAuthAppLoginEventMap {}
  interface DocumentEventMap extends OAuthAppLoginEventMap {}
  interface WindowEventMap extends OAuthAppLoginEventMap {}
  // Set by the loader, for pages that load it with a plain script tag.
  var OAuthAppLogin: OAuthAppLoginApi;
}
