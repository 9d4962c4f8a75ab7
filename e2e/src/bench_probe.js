// Loaded first by the benchmark's pages: counts what the page starts (timers, animation
// frames, fetches) and notes when the sign-in form's first input exists and can be typed in.
(() => {
  const counts = { timeouts: 0, intervals: 0, frames: 0, fetches: 0 };
  window.__bench = { counts, firstInput: null };
  // Our own polling uses the browser's frame callback before it is wrapped (not counted).
  const ownFrame = window.requestAnimationFrame.bind(window);
  const wrap = (name, key) => {
    const original = window[name];
    window[name] = function (...args) {
      counts[key] += 1;
      return original.apply(this, args);
    };
  };
  wrap("setTimeout", "timeouts");
  wrap("setInterval", "intervals");
  wrap("requestAnimationFrame", "frames");
  wrap("fetch", "fetches");
  const firstInput = () => {
    const host = document.querySelector("oauthapp-login");
    const root = host ? host.shadowRoot : document;
    const input = root && root.querySelector("input:not([disabled]):not([readonly])");
    return input && input.isConnected ? input : null;
  };
  const poll = () => {
    if (firstInput()) {
      window.__bench.firstInput = performance.now();
    } else {
      ownFrame(poll);
    }
  };
  ownFrame(poll);
})();
