// The npm package as `npm install` put it into a project ($OAUTHAPP_PACKAGE_DIR, set by
// scripts/check-package.sh): its package.json, its files, and that the loader names every
// file it loads in the forms bundlers follow, each one present in the package.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.OAUTHAPP_PACKAGE_DIR;
assert.ok(dir && existsSync(join(dir, "package.json")), "OAUTHAPP_PACKAGE_DIR is an installed package");
const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
const text = (name) => readFileSync(join(dir, name), "utf8");
const repo = new URL("../../", import.meta.url);

test("package.json: name, the crate's version, ESM, types, exports, sideEffects", () => {
  const cargo = readFileSync(new URL("Cargo.toml", repo), "utf8");
  assert.equal(pkg.name, "oauthapp-login");
  assert.equal(pkg.version, cargo.match(/^version = "([^"]+)"/m)[1]);
  assert.equal(pkg.type, "module");
  assert.equal(pkg.types, "./oauthapp-login.d.ts");
  assert.deepEqual(pkg.exports["."], { types: "./oauthapp-login.d.ts", default: "./oauthapp-login.js" });
  // The loader defines the element when imported: it must not be tree-shaken away.
  assert.ok(Array.isArray(pkg.sideEffects) && pkg.sideEffects.includes("./oauthapp-login.js"));
  for (const target of Object.values(pkg.exports).flatMap((t) => (typeof t === "string" ? [t] : Object.values(t)))) {
    assert.ok(existsSync(join(dir, target)), `exports target ${target} is in the package`);
  }
});

test("the package holds its files and nothing else", () => {
  const present = readdirSync(dir).sort();
  const expected = [...pkg.files, "package.json", "README.md"].sort();
  assert.deepEqual(present, expected);
  assert.equal(text("oauthapp-login.d.ts"), readFileSync(new URL("bundle/oauthapp-login.d.ts", repo), "utf8"));
  // The loader is the source's, with the first views and the styles put in by
  // scripts/inline-shell.mjs: the packed stylesheet, and a first view for each language.
  const loader = text("oauthapp-login.js");
  const shell = loader.match(/^const SHELL = (.*);$/m);
  const css = loader.match(/^const CSS_TEXT = (.*);$/m);
  assert.ok(shell && css, "the loader carries SHELL and CSS_TEXT");
  assert.equal(JSON.parse(css[1]), text("oauthapp-login.css"));
  const views = Object.keys(JSON.parse(shell[1]).views);
  for (const lang of ["en", "zh-CN"]) assert.ok(views.includes(`${lang}|account,phone,email,qr|`), lang);
  const source = loader.replace(shell[0], "const SHELL = null;").replace(css[0], "const CSS_TEXT = null;");
  assert.equal(source, readFileSync(new URL("bundle/oauthapp-login.js", repo), "utf8"));
});

test("the loader names each file it loads statically, and each is in the package", () => {
  // The code without its comments (which show these forms too).
  const loader = text("oauthapp-login.js").replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const urls = [...loader.matchAll(/new URL\("\.\/([^"]+)", import\.meta\.url\)/g)].map((m) => m[1]);
  const imports = [...loader.matchAll(/import\("\.\/([^"]+)"\)/g)].map((m) => m[1]);
  assert.deepEqual(urls.sort(), ["oauthapp-login.css", "oauthapp_login_bg.wasm"]);
  assert.deepEqual(imports, ["oauthapp_login.js"]);
  // No other way of finding a file: a computed URL is one a bundler cannot follow.
  assert.equal((loader.match(/new URL\(/g) || []).length, urls.length);
  assert.equal((loader.match(/\bimport\(/g) || []).length, imports.length);
  for (const file of [...urls, ...imports]) assert.ok(existsSync(join(dir, file)), file);
});

test("the glue exports what the loader calls, and the wasm is valid", () => {
  const glue = text("oauthapp_login.js");
  assert.match(glue, /export default __wbg_init|export \{[^}]*__wbg_init as default/);
  assert.match(glue, /export function mount\(/);
  const wasm = readFileSync(join(dir, "oauthapp_login_bg.wasm"));
  assert.ok(WebAssembly.validate(wasm), "a valid WebAssembly module");
  const exported = WebAssembly.Module.exports(new WebAssembly.Module(wasm)).map((e) => e.name);
  assert.ok(exported.includes("mount"), "the wasm exports mount");
});

test("the split loader fetches each chunk by a path bundlers follow, and each is in the package", () => {
  const chunks = pkg.files.filter((f) => /^(split|chunk)_.*\.wasm$/.test(f));
  if (chunks.length === 0) return; // a build that is not split
  assert.ok(pkg.files.includes("__wasm_split.js"), "the split loader is packed");
  assert.match(text("oauthapp_login.js"), /from "\.\/__wasm_split\.js"/);
  const split = text("__wasm_split.js");
  assert.match(split, /^import \{ initSync \} from "\.\/oauthapp_login\.js";/m);
  const urls = [...split.matchAll(/new URL\("\.\/([^"]+)", import\.meta\.url\)/g)].map((m) => m[1]);
  assert.deepEqual([...urls].sort(), [...chunks].sort());
  // Fetched from next to the loader, never evaluated as text.
  assert.doesNotMatch(split, /\beval\(|new Function\(/);
  for (const file of chunks) {
    assert.ok(WebAssembly.validate(readFileSync(join(dir, file))), `${file} is a valid WebAssembly module`);
  }
});
