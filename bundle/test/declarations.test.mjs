// The declarations (bundle/oauthapp-login.d.ts) name what the loader really has: run by
// scripts/check-types.sh with `node --test`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";

const read = (name) => readFileSync(new URL(`../${name}`, import.meta.url), "utf8");
const loader = read("oauthapp-login.js");
const types = read("oauthapp-login.d.ts");

/** The quoted strings between `start` and the next `end`. */
function quoted(text, start, end) {
  const from = text.indexOf(start);
  assert.notEqual(from, -1, `${start} is there`);
  const to = text.indexOf(end, from + start.length);
  return [...text.slice(from + start.length, to).matchAll(/"([^"]+)"/g)].map((m) => m[1]);
}

test("the declared attributes are the loader's (and so embed::ATTRIBUTES)", () => {
  const observed = quoted(loader, "const ATTRIBUTES = [", "];");
  const declared = quoted(types, "export type OAuthAppLoginAttribute =", ";");
  assert.ok(observed.length > 10);
  assert.deepEqual(declared, observed);
});

test("the declared events are the ones the loader dispatches", () => {
  assert.match(loader, /const EVENT_PREFIX = "oauthapp-login:";/);
  // mount()'s callbacks name every event the wasm module reports (src/embed/events.rs).
  const callbacks = loader.match(/const callbacks = \{([^}]*)\}/);
  assert.ok(callbacks, "the loader maps events to callbacks");
  const kinds = [...callbacks[1].matchAll(/(\w+): options\.on\w+/g)].map((m) => m[1]);
  const declared = quoted(types, "export interface OAuthAppLoginEventMap {", "}")
    .map((name) => name.replace("oauthapp-login:", ""));
  assert.deepEqual(declared.sort(), kinds.sort());
  for (const [kind, option] of [["signin", "onSignIn"], ["signout", "onSignOut"], ["error", "onError"]]) {
    assert.match(loader, new RegExp(`${kind}: options\\.${option}\\b`));
    assert.match(types, new RegExp(`${option}\\?: \\(detail: `));
  }
});

test("every event the wasm module emits is declared", () => {
  const dir = new URL("../../src/embed/", import.meta.url);
  const emitted = new Set();
  for (const file of readdirSync(dir)) {
    const rust = readFileSync(new URL(file, dir), "utf8");
    for (const m of rust.matchAll(/\.emit\("(\w+)"/g)) emitted.add(m[1]);
  }
  assert.deepEqual([...emitted].sort(), ["error", "signin", "signout"]);
  for (const kind of emitted) assert.match(types, new RegExp(`"oauthapp-login:${kind}": `));
});

test("the declared handle and element members are the loader's", () => {
  for (const member of ["setOption", "session", "unmount"]) {
    assert.match(loader, new RegExp(`\\b${member}: `), `handle.${member} in the loader`);
    assert.match(types, new RegExp(`\\b${member}(<[^>]*>)?\\(`), `handle.${member} declared`);
  }
  for (const getter of ["session", "ready"]) {
    assert.match(loader, new RegExp(`get ${getter}\\(\\)`), `element.${getter} in the loader`);
    assert.match(types, new RegExp(`readonly ${getter}: `), `element.${getter} declared`);
  }
  assert.match(loader, /export const OAuthAppLogin = \{ mount, Element: OAuthAppLoginElement \};/);
  assert.match(loader, /customElements\.define\("oauthapp-login", /);
  assert.match(types, /"oauthapp-login": OAuthAppLoginElement;/);
});
