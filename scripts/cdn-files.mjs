// Writes the drop-in's files under content-hashed names into <bundle>/cdn/, for hosts that
// serve them with a year-long cache, and prints the loader's SRI integrity (sha384):
//   node scripts/cdn-files.mjs dist-bundle
// <bundle>/cdn/ then holds oauthapp-login.<hash>.js (the loader, naming the three below),
// oauthapp_login.<hash>.js, oauthapp_login_bg.<hash>.wasm, oauthapp-login.<hash>.css, the
// split loader __wasm_split.<hash>.js with the chunks it fetches (split_*.<hash>.wasm,
// chunk_*.<hash>.wasm), and integrity.json ({file name: "sha384-…"} for each of them, and
// "loader": the loader's name). <hash> is the first 10 hex digits of the file's SHA-256.
// Called by scripts/bundle.sh.
//
// Each file names the others by a literal `from "./<name>"`, `import("./<name>")` or
// `new URL("./<name>", import.meta.url)`, rewritten here. The glue and the split loader
// import each other (the glue imports the chunks' loaders, the split loader the glue's
// initSync), so neither can be named after the other's final bytes: both take one hash of
// the two files together, which still changes whenever either does.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const bundle = process.argv[2] || "dist-bundle";
const out = join(bundle, "cdn");
const hex = (data) => createHash("sha256").update(data).digest("hex").slice(0, 10);
const sri = (data) => "sha384-" + createHash("sha384").update(data).digest("base64");
const withHash = (name, hash) => name.replace(/\.(js|wasm|css)$/, (ext) => `.${hash}${ext}`);
const read = (name) => readFileSync(join(bundle, name));

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const integrity = {};
const names = {};
const emit = (name, renamed, data) => {
  names[name] = renamed;
  writeFileSync(join(out, renamed), data);
  integrity[renamed] = sri(data);
};

/** `text` with every module or asset reference to a renamed file pointing at its new name;
 * throws unless each name of `expect` is referenced `count` times (or at least once). */
function rewrite(text, expect, count) {
  for (const name of expect) {
    const forms = [`from "./${name}"`, `import("./${name}")`, `new URL("./${name}", import.meta.url)`];
    const found = forms.reduce((n, form) => n + text.split(form).length - 1, 0);
    if (count !== undefined ? found !== count : found === 0) {
      throw new Error(`./${name} is referenced ${found} times, not ${count ?? "at least once"}`);
    }
    for (const form of forms) text = text.split(form).join(form.replace(name, names[name] ?? name));
  }
  return text;
}

// The files nothing else is named in: the first module, the chunks, the CSS.
const chunks = readdirSync(bundle).filter((f) => /^(split|chunk)_.*\.wasm$/.test(f)).sort();
for (const name of ["oauthapp_login_bg.wasm", "oauthapp-login.css", ...chunks]) {
  const data = read(name);
  emit(name, withHash(name, hex(data)), data);
}

// The glue and the split loader: one hash of both. The glue's wasm imports keep the module
// name "./__wasm_split.js" (the wasm module asks for it by that name): only its `from` is
// rewritten.
const glue = "oauthapp_login.js";
const splitLoader = "__wasm_split.js";
const hasSplit = chunks.length > 0;
const glueText = read(glue).toString("utf8");
const splitText = hasSplit ? read(splitLoader).toString("utf8") : "";
const pairHash = hex(glueText + "\0" + splitText);
names[glue] = withHash(glue, pairHash);
if (hasSplit) names[splitLoader] = withHash(splitLoader, pairHash);
emit(glue, names[glue], hasSplit ? rewrite(glueText, [splitLoader]) : glueText);
if (hasSplit) emit(splitLoader, names[splitLoader], rewrite(splitText, [glue, ...chunks], 1));

// The loader names the glue, the first module and the CSS by a literal "./<name>", each
// exactly once.
let loader = read("oauthapp-login.js").toString("utf8");
for (const name of [glue, "oauthapp_login_bg.wasm", "oauthapp-login.css"]) {
  const literal = `"./${name}"`;
  const count = loader.split(literal).length - 1;
  if (count !== 1) throw new Error(`the loader names ${literal} ${count} times, not once`);
  loader = loader.replace(literal, `"./${names[name]}"`);
}
const loaderName = withHash("oauthapp-login.js", hex(loader));
writeFileSync(join(out, loaderName), loader);
integrity[loaderName] = sri(loader);
writeFileSync(join(out, "integrity.json"), JSON.stringify({ loader: loaderName, ...integrity }, null, 2) + "\n");

console.log(`  content-hashed files in ${out}/ (Cache-Control: public, max-age=31536000, immutable):`);
for (const [file, value] of Object.entries(integrity)) console.log(`    ${file.padEnd(34)} ${value}`);
console.log(`  script tag:
    <script type="module" src="https://YOUR.CDN/oauthapp-login/${loaderName}"
            integrity="${integrity[loaderName]}" crossorigin="anonymous"></script>`);
