// oauthapp-login — the script-tag drop-in.
//
//   <script type="module" src="https://your.site/oauthapp-login/oauthapp-login.js"></script>
//   <oauthapp-login app-id="2" server-url="https://www.oauthapp.com" lang="zh-CN"></oauthapp-login>
//
// Defines the <oauthapp-login> custom element: an open Shadow DOM holding the widget (the
// stylesheet oauthapp-login.css, next to this file, is linked inside it), options from
// attributes (changing one updates the widget), and DOM events that bubble out of the shadow
// root: oauthapp-login:signin {token, claims}, oauthapp-login:signout,
// oauthapp-login:error {message}. `element.session` is the current session or null.
// Hosts that mount by code call OAuthAppLogin.mount(element, options).
//
// Works under a strict Content-Security-Policy: no inline script or style, no eval; the
// page needs script-src with the origin of these files and 'wasm-unsafe-eval', style-src
// with their origin, and connect-src with their origin (the .wasm is fetched) and the API's.

// Every file next to this one is named by a literal `new URL("./…", import.meta.url)` or
// `import("./…")`: the forms bundlers (Vite, webpack 5, Rollup) follow when they copy and
// rename assets, and that a browser resolves against this file's URL when it is served as is.
const CSS_URL = new URL("./oauthapp-login.css", import.meta.url).href;
const EVENT_PREFIX = "oauthapp-login:";

/** Attributes the element watches; each maps onto the option of the same name. Kept equal to
 * `embed::options::ATTRIBUTES` by a test. */
const ATTRIBUTES = [
  "app-id", "server-url", "lang", "view", "tabs", "initial-tab", "theme", "countdown",
  "min-pwd", "allow-international", "verify-phone", "verify-email", "guest", "guest-platform",
  "timeout", "qr-template", "qr-scopes",
];

/** Class of an element inside the widget -> the ::part() names it gets. */
const PARTS = [
  [".oa-widget", "widget"],
  [".oa-tabs", "tabs"],
  [".oa-tabs__tab", "tab"],
  [".oa-tabs__tab--selected", "tab-selected"],
  [".oa-panel", "panel"],
  [".oa-form", "form"],
  [".oa-form__title", "title"],
  [".oa-field__label", "label"],
  [".oa-field__input", "input"],
  [".oa-field__error", "field-error"],
  [".oa-form__error", "error"],
  [".oa-button", "button"],
  [".oa-button--primary", "button-primary"],
  [".oa-button--secondary", "button-secondary"],
  [".oa-send-code", "send-code"],
  [".oa-link", "link"],
  [".oa-status", "status"],
  [".oa-embed__notice", "notice"],
];

let wasmModule = null;

/** The wasm-bindgen module, fetched and instantiated once for the whole page. */
function loadModule() {
  if (!wasmModule) {
    wasmModule = import("./oauthapp_login.js").then(async (mod) => {
      await mod.default({ module_or_path: new URL("./oauthapp_login_bg.wasm", import.meta.url) });
      return mod;
    });
    // A failed load may be retried by the next widget.
    wasmModule.catch(() => { wasmModule = null; });
  }
  return wasmModule;
}

/** Gives the widget's elements their ::part() names, now and whenever they change. */
function exposeParts(root) {
  const apply = () => {
    for (const [selector, part] of PARTS) {
      for (const el of root.querySelectorAll(selector)) {
        if (!el.part.contains(part)) el.part.add(part);
      }
    }
    for (const el of root.querySelectorAll(".oa-tabs__tab:not(.oa-tabs__tab--selected)")) {
      el.part.remove("tab-selected");
    }
  };
  apply();
  const observer = new MutationObserver(apply);
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["class"] });
  return observer;
}

/** A shadow root holding the stylesheet and an empty container; resolves once styled. */
function prepareShadow(host) {
  const shadow = host.shadowRoot || host.attachShadow({ mode: "open" });
  shadow.replaceChildren();
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = CSS_URL;
  const container = document.createElement("div");
  container.className = "oa-host";
  shadow.append(link, container);
  // Mount once the CSS is in (or failed), so the widget never shows unstyled.
  const styled = new Promise((resolve) => {
    link.addEventListener("load", resolve, { once: true });
    link.addEventListener("error", resolve, { once: true });
  });
  return { shadow, container, styled };
}

/** Dispatches oauthapp-login:<type> on `target`, crossing the shadow boundary. */
function dispatch(target, type, detail) {
  target.dispatchEvent(new CustomEvent(EVENT_PREFIX + type, {
    detail: detail ?? null, bubbles: true, composed: true,
  }));
}

/**
 * Mounts a widget into `element`'s (new or existing) open shadow root.
 *
 * options: {appId, serverUrl, lang, view, tabs, initialTab, theme, countdown, minPwd,
 * allowInternational, verifyPhone, verifyEmail, guest, timeout,
 * onSignIn(detail), onSignOut(), onError(detail)}.
 * Resolves to {setOption(name, value), session(), unmount()}; events are dispatched on
 * `element` as for the custom element.
 */
async function mount(element, options = {}) {
  const { shadow, container, styled } = prepareShadow(element);
  const callbacks = { signin: options.onSignIn, signout: options.onSignOut, error: options.onError };
  const onEvent = (type, detail) => {
    dispatch(element, type, detail);
    const cb = callbacks[type];
    if (typeof cb === "function") cb(detail);
  };
  const plain = {};
  for (const [k, v] of Object.entries(options)) {
    if (typeof v !== "function") plain[k] = v;
  }
  let mod;
  try {
    [mod] = await Promise.all([loadModule(), styled]);
  } catch (e) {
    onEvent("error", { message: "oauthapp-login: cannot load the widget: " + e });
    throw e;
  }
  const handle = mod.mount(container, { ...plain, onEvent });
  const observer = exposeParts(shadow);
  let live = true;
  return {
    setOption: (name, value) => live && handle.setOption(name, value),
    session: () => (live ? handle.session() : null),
    unmount: () => {
      if (!live) return;
      live = false;
      observer.disconnect();
      handle.unmount();
      handle.free();
      container.remove();
    },
  };
}

/** The <oauthapp-login> element. */
class OAuthAppLoginElement extends HTMLElement {
  static get observedAttributes() {
    return ATTRIBUTES;
  }

  constructor() {
    super();
    this._widget = null;
    this._mounting = null;
  }

  connectedCallback() {
    if (this._widget || this._mounting) return;
    const options = {};
    for (const attr of this.attributes) options[attr.name] = attr.value;
    this._mounting = mount(this, options)
      .then((widget) => {
        this._mounting = null;
        // Removed while loading: nothing to keep.
        if (!this.isConnected) widget.unmount();
        else this._widget = widget;
      })
      .catch(() => { this._mounting = null; });
  }

  disconnectedCallback() {
    // A move (remove then insert in the same task) keeps the widget.
    queueMicrotask(() => {
      if (!this.isConnected && this._widget) {
        this._widget.unmount();
        this._widget = null;
      }
    });
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (this._widget && oldValue !== newValue) this._widget.setOption(name, newValue);
    // Changes made while loading are read from the attributes when mounting finishes.
    else if (this._mounting && oldValue !== newValue) {
      this._mounting.then(() => this._widget && this._widget.setOption(name, this.getAttribute(name)));
    }
  }

  /** The signed-in person, {token: {access_token, token_type, expires_at}, claims}, or null. */
  get session() {
    return this._widget ? this._widget.session() : null;
  }

  /** Resolves once the widget is on screen. */
  get ready() {
    return this._mounting ? this._mounting.then(() => this) : Promise.resolve(this);
  }
}

export const OAuthAppLogin = { mount, Element: OAuthAppLoginElement };
globalThis.OAuthAppLogin = OAuthAppLogin;

if (!customElements.get("oauthapp-login")) {
  customElements.define("oauthapp-login", OAuthAppLoginElement);
}
