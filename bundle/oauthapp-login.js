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
//
// What a visitor waits for: the moment this file runs, each widget shows its sign-in view as
// ready HTML (SHELL, rendered at build time from the widget's own view code by
// oauthapp-prerender; styles from CSS_TEXT, adopted without a request), and the wasm and its
// glue are fetched at once, in parallel. A person can type, switch tabs and submit at once;
// when the wasm is ready it renders the same view and takes over: what was typed, the tab,
// the focus and the caret move over, and a submit or click made meanwhile ("Just a moment…")
// goes through then. If the wasm cannot be loaded, the widget says so and offers a retry.

// Every file next to this one is named by a literal `new URL("./…", import.meta.url)` or
// `import("./…")`: the forms bundlers (Vite, webpack 5, Rollup) follow when they copy and
// rename assets, and that a browser resolves against this file's URL when it is served as is.
const CSS_URL = new URL("./oauthapp-login.css", import.meta.url).href;
const WASM_URL = new URL("./oauthapp_login_bg.wasm", import.meta.url);
const EVENT_PREFIX = "oauthapp-login:";

/** Attributes the element watches; each maps onto the option of the same name. Kept equal to
 * `embed::options::ATTRIBUTES` by a test. */
const ATTRIBUTES = [
  "app-id", "server-url", "lang", "view", "tabs", "initial-tab", "theme", "countdown",
  "min-pwd", "allow-international", "verify-phone", "verify-email", "guest", "guest-platform",
  "timeout", "qr-template", "qr-scopes", "strings",
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

// The first views as HTML and the widget's styles, put here by scripts/bundle.sh (the source
// file has none, and then behaves as before: nothing shown until the wasm is ready, the
// stylesheet linked). SHELL: {views: {"<lang>|<tabs>|<guest>": html}, strings: {<lang>:
// {starting, failed, retry}}, themes: {light, dark}}.
const SHELL = null;
const CSS_TEXT = null;

let wasmModule = null;

/** The wasm-bindgen module, fetched and instantiated once for the whole page: the glue and
 * the .wasm are requested together, not one after the other. */
function loadModule() {
  if (!wasmModule) {
    const wasm = fetch(WASM_URL);
    wasmModule = import("./oauthapp_login.js").then(async (mod) => {
      await mod.default({ module_or_path: wasm });
      return mod;
    });
    // A failed load may be retried (the retry button, or the next widget).
    wasmModule.catch(() => { wasmModule = null; });
  }
  return wasmModule;
}

let sheet = null;

/** The widget's styles as one constructed stylesheet shared by every shadow root, or null
 * where the browser cannot adopt one (the stylesheet is linked instead). */
function sharedSheet() {
  if (sheet === null && CSS_TEXT !== null) {
    try {
      const made = new CSSStyleSheet();
      made.replaceSync(CSS_TEXT);
      sheet = made;
    } catch {
      sheet = false;
    }
  }
  return sheet || null;
}

/** Options by a normalized name (`app-id`, `appId`, `appid` are one), as the wasm reads them. */
function optionReader(options) {
  const byName = new Map();
  for (const [k, v] of Object.entries(options)) byName.set(k.toLowerCase().replace(/[-_]/g, ""), v);
  return (...names) => {
    for (const name of names) if (byName.has(name)) return byName.get(name);
    return undefined;
  };
}

/** `zh-CN` or `en` for a language tag, or null (Lang::parse). */
function langOf(tag) {
  const primary = String(tag ?? "").trim().split(/[-_]/)[0].toLowerCase();
  return primary === "zh" ? "zh-CN" : primary === "en" ? "en" : null;
}

/** Whether `value` turns a boolean option on (as the wasm reads flags). */
function flagOn(value) {
  if (value === undefined || value === null) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  return !["false", "0", "no", "off"].includes(String(value).trim().toLowerCase());
}

/** Whether a session of application `appId` is saved (the wasm would show the signed-in view,
 * not the sign-in form: no shell then). */
function savedSession(appId) {
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i) || "";
      if (key.startsWith("oauthapp-login:v1:") && key.endsWith(":" + appId)
        && !/^oauthapp-login:v1:(countdown|device-id|thirdparty)/.test(key)) return true;
    }
  } catch {
    // No storage: nothing saved.
  }
  return false;
}

/** The language the widget will show for `options` (Lang::detect when none is set). */
function langFor(options) {
  const languages = [optionReader(options)("lang"), ...(navigator.languages || []), navigator.language];
  return languages.map(langOf).find(Boolean) || "en";
}

/** What the loader itself says, in `lang`. */
function loaderStrings(lang) {
  return (SHELL && SHELL.strings[lang])
    || { starting: "Just a moment…", failed: "The sign-in could not be loaded. Check your connection and try again.", retry: "Try again" };
}

/** Whether the `strings` option replaces any text (a non-empty object, or its JSON). */
function hasStrings(value) {
  if (value == null) return false;
  if (typeof value === "object") return Object.keys(value).length > 0;
  const text = String(value).trim();
  return text !== "" && !/^\{\s*\}$/.test(text);
}

/** The build-time view for `options`, or null when none fits (another view, an unusual tab
 * list, a saved session, no app id, texts of the host's own). */
function pickShell(options, lang) {
  if (!SHELL) return null;
  const get = optionReader(options);
  const view = String(get("view") ?? "").toLowerCase().replace(/[-_]/g, "");
  const appId = String(get("appid") ?? "").trim();
  if (!["", "signin", "login"].includes(view) || !/^[0-9]+$/.test(appId) || savedSession(appId)) return null;
  // The first views carry the built-in texts: with the host's own, the wasm renders the first.
  if (hasStrings(get("strings"))) return null;
  let tabs = get("tabs");
  if (typeof tabs === "string") tabs = tabs.split(/[ ,]/).filter((t) => t.trim());
  tabs = Array.isArray(tabs) && tabs.length ? tabs.map((t) => String(t).trim().toLowerCase()) : ["account", "phone", "email", "qr"];
  const guest = flagOn(get("guest", "showguest")) ? "guest" : "";
  const key = `${lang}|${tabs.join(",")}|${guest}`;
  if (!Object.hasOwn(SHELL.views, key)) return null;
  const html = SHELL.views[key];
  const theme = String(get("theme") ?? "").trim().toLowerCase();
  const initial = String(get("initialtab", "tab") ?? "").trim().toLowerCase();
  const themeClass = Object.hasOwn(SHELL.themes, theme) ? SHELL.themes[theme] : null;
  return { html, themeClass, initial: tabs.indexOf(initial) };
}

const FIELDS = "input, textarea, select";
const FOCUSABLE = "input, textarea, select, button, a[href], [tabindex]";

/** Selects tab `index` of the shell as the widget's tab list does: aria-selected, the roving
 * tabindex, the selected class, and only its panel shown. */
function selectShellTab(root, index, focus) {
  const tabs = [...root.querySelectorAll('[role="tab"]')];
  if (!tabs[index]) return;
  tabs.forEach((tab, i) => {
    const on = i === index;
    tab.setAttribute("aria-selected", String(on));
    tab.tabIndex = on ? 0 : -1;
    tab.classList.toggle("oa-tabs__tab--selected", on);
    const panel = root.querySelector("#" + CSS.escape(tab.getAttribute("aria-controls") || ""));
    if (panel) panel.hidden = !on;
  });
  if (focus) tabs[index].focus();
}

/** The index of the shell's selected tab, or -1. */
function selectedTab(root) {
  return [...root.querySelectorAll('[role="tab"]')].findIndex((t) => t.getAttribute("aria-selected") === "true");
}

/** The next tab for a key, as the widget's tab list moves (ui::tabs::next_index). */
function nextTab(key, current, count) {
  if (count === 0) return -1;
  switch (key) {
    case "ArrowRight": case "ArrowDown": return (current + 1) % count;
    case "ArrowLeft": case "ArrowUp": return (current + count - 1) % count;
    case "Home": return 0;
    case "End": return count - 1;
    default: return -1;
  }
}

/**
 * Shows the build-time view in `container` and makes it usable before the wasm is ready:
 * fields take text as any form does, tabs switch, and a submit or another button's click is
 * held ("Just a moment…" in the widget's status line) to be done once the wasm has taken over.
 * Returns {held()}: the action held, if any.
 */
function showShell(container, shell, strings) {
  // Our own markup, rendered at build time from the widget's view code: no host or person's
  // text is in it.
  container.innerHTML = shell.html;
  container.dataset.oaShell = "";
  const section = container.querySelector("section");
  if (shell.themeClass && section) section.className = shell.themeClass;
  if (shell.initial > 0) selectShellTab(container, shell.initial, false);
  let held = null;
  const hold = (action, busy) => {
    held = action;
    if (busy) busy.setAttribute("aria-busy", "true");
    const status = container.querySelector(".oa-status");
    if (status) status.textContent = strings.starting;
  };
  container.addEventListener("submit", (e) => {
    e.preventDefault();
    const buttons = [...container.querySelectorAll("button")];
    hold({ form: [...container.querySelectorAll("form")].indexOf(e.target), submitter: buttons.indexOf(e.submitter) }, e.submitter);
  });
  container.addEventListener("click", (e) => {
    const button = e.target instanceof Element ? e.target.closest("button") : null;
    if (!button || button.type === "submit") return;
    if (button.getAttribute("role") === "tab") {
      selectShellTab(container, [...container.querySelectorAll('[role="tab"]')].indexOf(button), true);
    } else {
      hold({ button: [...container.querySelectorAll("button")].indexOf(button) }, button);
    }
  });
  container.addEventListener("keydown", (e) => {
    if (!(e.target instanceof Element) || e.target.getAttribute("role") !== "tab") return;
    const next = nextTab(e.key, selectedTab(container), container.querySelectorAll('[role="tab"]').length);
    if (next < 0) return;
    e.preventDefault();
    selectShellTab(container, next, true);
  });
  return { held: () => held };
}

/** Lets microtasks run (the widget's effects) until `done()` or a few rounds have passed, all
 * before the browser paints again. */
async function settle(done) {
  for (let i = 0; i < 20 && !done(); i++) await Promise.resolve();
}

/**
 * Puts `fresh` (the wasm's own rendering of the same view) in place of the shell, with what
 * the person did: the selected tab, what was typed, the focus and caret, then the held submit
 * or click. Everything happens before the next paint: nothing flashes, moves or is lost.
 */
async function takeOver(shellEl, fresh, held) {
  const tab = selectedTab(shellEl);
  const freshTab = fresh.querySelectorAll('[role="tab"]')[tab];
  if (freshTab && freshTab.getAttribute("aria-selected") !== "true") {
    freshTab.click();
    await settle(() => freshTab.getAttribute("aria-selected") === "true");
  }
  const active = shellEl.getRootNode().activeElement;
  const focusAt = [...shellEl.querySelectorAll(FOCUSABLE)].indexOf(active);
  let caret = null;
  try {
    if (active && typeof active.selectionStart === "number") {
      caret = [active.selectionStart, active.selectionEnd, active.selectionDirection];
    }
  } catch {
    // Inputs without a caret (email in some browsers): the focus alone moves.
  }
  const from = [...shellEl.querySelectorAll(FIELDS)];
  shellEl.replaceWith(fresh);
  const to = [...fresh.querySelectorAll(FIELDS)];
  from.forEach((field, i) => {
    const twin = to[i];
    if (!twin || twin.name !== field.name || twin.type !== field.type) return;
    if (field.type === "checkbox" || field.type === "radio") {
      if (twin.checked !== field.checked) twin.click();
    } else if (twin.value !== field.value) {
      twin.value = field.value;
      twin.dispatchEvent(new Event("input", { bubbles: true }));
    }
  });
  const target = [...fresh.querySelectorAll(FOCUSABLE)][focusAt];
  if (target) {
    target.focus({ preventScroll: true });
    if (caret) {
      try { target.setSelectionRange(...caret); } catch { /* no caret here */ }
    }
  }
  if (!held) return;
  if (held.button !== undefined) {
    const button = fresh.querySelectorAll("button")[held.button];
    if (button) button.click();
  } else {
    const form = fresh.querySelectorAll("form")[held.form];
    const submitter = fresh.querySelectorAll("button")[held.submitter];
    if (form) form.requestSubmit(submitter && submitter.form === form && submitter.type === "submit" ? submitter : undefined);
  }
}

/** Focuses the first empty field shown in `root`, else its first field shown, else the first
 * thing shown that takes the focus (the signed-in view has no field): where a person goes on
 * after "Try again". */
function focusFirstField(root) {
  const shown = (selector) => [...root.querySelectorAll(selector)].filter((el) => el.getClientRects().length > 0);
  const fields = shown(FIELDS);
  const target = fields.find((el) => !el.value) || fields[0]
    || shown(FOCUSABLE).find((el) => el.tabIndex >= 0);
  if (target) target.focus({ preventScroll: true });
}

/** Says the widget could not be loaded, in `strings`' language, with a retry button;
 * resolves when it is pressed. One notice per widget, reused by later failures. */
function offerRetry(container, strings) {
  return new Promise((resolve) => {
    let notice = container.querySelector(":scope > .oa-embed__notice--load");
    if (!notice) {
      notice = document.createElement("div");
      notice.className = "oa-embed__notice oa-embed__notice--load";
      notice.setAttribute("role", "alert");
      const text = document.createElement("p");
      text.textContent = strings.failed;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "oa-button oa-button--secondary";
      button.textContent = strings.retry;
      notice.append(text, button);
      container.prepend(notice);
    }
    const button = notice.querySelector("button");
    // aria-disabled, not disabled: a disabled button loses the focus to the page's body.
    button.removeAttribute("aria-disabled");
    button.removeAttribute("aria-busy");
    button.addEventListener("click", () => {
      button.setAttribute("aria-disabled", "true");
      button.setAttribute("aria-busy", "true");
      resolve();
    }, { once: true });
  });
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

/** A shadow root holding the widget's styles (the shared constructed sheet, else a link to
 * the stylesheet) and an empty container; `styled` resolves once the styles apply. */
function prepareShadow(host) {
  const shadow = host.shadowRoot || host.attachShadow({ mode: "open" });
  shadow.replaceChildren();
  const container = document.createElement("div");
  container.className = "oa-host";
  const adopted = sharedSheet();
  if (adopted) {
    shadow.adoptedStyleSheets = [adopted];
    shadow.append(container);
    return { shadow, container, styled: Promise.resolve() };
  }
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = CSS_URL;
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
 * allowInternational, verifyPhone, verifyEmail, guest, guestPlatform, timeout, qrTemplate,
 * qrScopes, strings, onSignIn(detail), onSignOut(), onError(detail)}.
 * Resolves to {setOption(name, value), session(), unmount()}; events are dispatched on
 * `element` as for the custom element.
 */
async function mount(element, options = {}) {
  const prepared = prepareShadow(element);
  const { shadow, styled } = prepared;
  let { container } = prepared;
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
  const lang = langFor(plain);
  const strings = loaderStrings(lang);
  const found = pickShell(plain, lang);
  let shell = null;
  if (found) {
    await styled;
    try {
      shell = showShell(container, found, strings);
    } catch {
      container.replaceChildren();
    }
  }
  const observer = exposeParts(shadow);
  let mod;
  for (;;) {
    try {
      [mod] = await Promise.all([loadModule(), styled]);
      break;
    } catch (e) {
      onEvent("error", { message: "oauthapp-login: cannot load the widget: " + e });
      await offerRetry(container, strings);
    }
  }
  const notice = container.querySelector(":scope > .oa-embed__notice--load");
  // "Try again" had the focus: it goes into the widget that replaces the notice.
  const retried = !!notice && notice.contains(shadow.activeElement);
  notice?.remove();
  let handle;
  if (shell) {
    // Rendered apart, then put in place of the shell with what the person did.
    const fresh = document.createElement("div");
    fresh.className = "oa-host";
    handle = mod.mount(fresh, { ...plain, onEvent });
    await takeOver(container, fresh, shell.held());
    container = fresh;
  } else {
    handle = mod.mount(container, { ...plain, onEvent });
  }
  if (retried) focusFirstField(container);
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

// A page that loads this file means to show a widget: fetch the wasm now, in parallel with
// everything else, rather than when the first element connects.
loadModule().catch(() => {});

if (!customElements.get("oauthapp-login")) {
  customElements.define("oauthapp-login", OAuthAppLoginElement);
}
