// The benchmark's probe. Not served: the benchmark injects it through the DevTools protocol
// (Page.addScriptToEvaluateOnNewDocument), so it runs before anything of the page, costs the
// page no request and no byte, and needs no CSP exception. `window.__benchOptions` is set just
// before it ({signIn: bool, user, pwd}).
//
// It notes (performance.now(), ms since the navigation started):
// - firstInput: the first moment a visible, enabled input exists — seen by MutationObservers
//   on the document and on every shadow root as it is attached (so the moment the DOM changes,
//   at the end of the task that changed it);
// - firstInputFrame: the same, seen by polling once per animation frame (the old method): the
//   first frame that can show it, a cross-check a frame or so later;
// - with signIn: as soon as the widget's account form is there, in the next task it types the
//   user name and password (value + input event, as typing does) and presses Enter (the form's
//   implicit submission, requestSubmit); typedAt is that moment and signInSent the moment
//   the page calls fetch for …/SignIn (cross-checked by Resource Timing in the benchmark);
// - counts: timers and frames created, and their callbacks actually fired (every
//   setTimeout, setInterval tick and requestAnimationFrame callback), and fetch calls.
(() => {
  const options = window.__benchOptions || {};
  const counts = {
    timeouts_set: 0, intervals_set: 0, frames_requested: 0,
    timeouts_fired: 0, interval_ticks_fired: 0, frames_fired: 0, fetches: 0,
  };
  const bench = {
    counts, firstInput: null, firstInputFrame: null, typedAt: null, signInSent: null,
    timeOrigin: performance.timeOrigin, errors: [],
  };
  window.__bench = bench;
  const ownTimeout = window.setTimeout.bind(window);
  const ownFrame = window.requestAnimationFrame.bind(window);

  // Every callback that fires is counted, not every timer created.
  const wrapTimer = (name, setKey, firedKey) => {
    const original = window[name];
    window[name] = function (callback, ...rest) {
      counts[setKey] += 1;
      if (typeof callback !== "function") return original.call(this, callback, ...rest);
      const counted = function (...args) {
        counts[firedKey] += 1;
        return callback.apply(this, args);
      };
      return original.call(this, counted, ...rest);
    };
  };
  wrapTimer("setTimeout", "timeouts_set", "timeouts_fired");
  wrapTimer("setInterval", "intervals_set", "interval_ticks_fired");
  wrapTimer("requestAnimationFrame", "frames_requested", "frames_fired");

  const originalFetch = window.fetch;
  window.fetch = function (input, init) {
    counts.fetches += 1;
    try {
      const url = typeof input === "string" ? input : input && input.url ? input.url : String(input);
      if (bench.signInSent === null && /\/signin(\?|$)/i.test(url)) bench.signInSent = performance.now();
    } catch (e) {
      bench.errors.push(String(e));
    }
    return originalFetch.apply(this, arguments);
  };

  // Roots to search: the document and every shadow root attached since.
  const roots = [document];
  const usable = (input) =>
    input.isConnected && !input.disabled && !input.readOnly && input.type !== "hidden" &&
    input.getClientRects().length > 0 && getComputedStyle(input).visibility !== "hidden";
  const findInput = () => {
    for (const root of roots) {
      for (const input of root.querySelectorAll("input")) if (usable(input)) return input;
    }
    return null;
  };
  const accountForm = () => {
    for (const root of roots) {
      const user = root.querySelector && root.querySelector("input[name=userName]");
      const pwd = root.querySelector && root.querySelector("input[name=pwd]");
      if (user && pwd && usable(user) && usable(pwd) && user.form) return { user, pwd };
    }
    return null;
  };
  const type = (input, text) => {
    input.focus();
    input.value = text;
    input.dispatchEvent(new InputEvent("input", { bubbles: true, composed: true, data: text, inputType: "insertText" }));
  };
  let signInScheduled = false;
  const check = () => {
    if (bench.firstInput === null && findInput()) bench.firstInput = performance.now();
    if (options.signIn && !signInScheduled && bench.firstInput !== null) {
      const form = accountForm();
      if (form) {
        signInScheduled = true;
        ownTimeout(() => {
          try {
            bench.typedAt = performance.now();
            type(form.user, options.user || "bench");
            type(form.pwd, options.pwd || "bench-password");
            // Enter in a field: the form's implicit submission.
            form.pwd.form.requestSubmit();
          } catch (e) {
            bench.errors.push(String(e));
          }
        }, 0);
      }
    }
    return bench.firstInput !== null && (!options.signIn || signInScheduled);
  };
  const observers = [];
  const observe = (root) => {
    const observer = new MutationObserver(() => {
      if (check()) for (const o of observers) o.disconnect();
    });
    observer.observe(root, { subtree: true, childList: true, attributes: true });
    observers.push(observer);
  };
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (...args) {
    const root = attachShadow.apply(this, args);
    roots.push(root);
    if (!check()) observe(root);
    return root;
  };
  observe(document);

  // The cross-check: the first animation frame in which an input is there.
  const poll = () => {
    if (findInput()) bench.firstInputFrame = performance.now();
    else ownFrame(poll);
  };
  ownFrame(poll);
})();
