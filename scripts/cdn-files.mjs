// Writes the drop-in's files under content-hashed names into <bundle>/cdn/, for hosts that
// serve them with a year-long cache, and prints the loader's SRI integrity (sha384):
//   node scripts/cdn-files.mjs dist-bundle
// <bundle>/cdn/ then holds oauthapp-login.<hash>.js (the loader, naming the three below),
// oauthapp_login.<hash>.js, oauthapp_login_bg.<hash>.wasm, oauthapp-login.<hash>.css, and
// integrity.json ({file name: "sha384-…"} for each of them, and "loader": the loader's name).
// <hash> is the first 10 hex digits of the file's SHA-256. Called by scripts/bundle.sh.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const bundle = process.argv[2] || "dist-bundle";
const out = join(bundle, "cdn");
const hex = (data) => createHash("sha256").update(data).digest("hex").slice(0, 10);
const sri = (data) => "sha384-" + createHash("sha384").update(data).digest("base64");
const hashed = (name, data) => name.replace(/\.(js|wasm|css)$/, (ext) => `.${hex(data)}${ext}`);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const integrity = {};
const names = {};
for (const name of ["oauthapp_login.js", "oauthapp_login_bg.wasm", "oauthapp-login.css"]) {
  const data = readFileSync(join(bundle, name));
  names[name] = hashed(name, data);
  writeFileSync(join(out, names[name]), data);
  integrity[names[name]] = sri(data);
}
// The loader names each file by a literal "./<name>": each must be there exactly once.
let loader = readFileSync(join(bundle, "oauthapp-login.js"), "utf8");
for (const [name, renamed] of Object.entries(names)) {
  const literal = `"./${name}"`;
  const count = loader.split(literal).length - 1;
  if (count !== 1) throw new Error(`the loader names ${literal} ${count} times, not once`);
  loader = loader.replace(literal, `"./${renamed}"`);
}
const loaderName = hashed("oauthapp-login.js", loader);
writeFileSync(join(out, loaderName), loader);
integrity[loaderName] = sri(loader);
writeFileSync(join(out, "integrity.json"), JSON.stringify({ loader: loaderName, ...integrity }, null, 2) + "\n");

console.log(`  content-hashed files in ${out}/ (Cache-Control: public, max-age=31536000, immutable):`);
for (const [file, value] of Object.entries(integrity)) console.log(`    ${file.padEnd(34)} ${value}`);
console.log(`  script tag:
    <script type="module" src="https://YOUR.CDN/oauthapp-login/${loaderName}"
            integrity="${integrity[loaderName]}" crossorigin="anonymous"></script>`);
