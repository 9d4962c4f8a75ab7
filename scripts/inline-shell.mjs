// Puts the first views and the styles into the built loader (scripts/bundle.sh):
//   node scripts/inline-shell.mjs <loader.js> <shell.json> <styles.css>
// replaces the loader's `const SHELL = null;` with the JSON oauthapp-prerender printed and
// `const CSS_TEXT = null;` with the stylesheet's text, so a visitor gets both with the loader
// itself, without another request.
import { readFileSync, writeFileSync } from "node:fs";

const [loaderPath, shellPath, cssPath] = process.argv.slice(2);
if (!cssPath) {
  console.error("usage: node scripts/inline-shell.mjs <loader.js> <shell.json> <styles.css>");
  process.exit(2);
}
const shell = JSON.parse(readFileSync(shellPath, "utf8"));
if (!shell.views || Object.keys(shell.views).length === 0) {
  console.error(`${shellPath}: no views`);
  process.exit(1);
}
let loader = readFileSync(loaderPath, "utf8");
for (const [line, value] of [
  ["const SHELL = null;", JSON.stringify(shell)],
  ["const CSS_TEXT = null;", JSON.stringify(readFileSync(cssPath, "utf8"))],
]) {
  const at = loader.indexOf(line);
  if (at < 0 || loader.indexOf(line, at + 1) >= 0) {
    console.error(`${loaderPath}: expected one \`${line}\``);
    process.exit(1);
  }
  const name = line.slice("const ".length, line.indexOf(" = "));
  // A function as the replacement: `$` in the value stays as it is.
  loader = loader.replace(line, () => `const ${name} = ${value};`);
}
writeFileSync(loaderPath, loader);
console.log(`inlined ${Object.keys(shell.views).length} first views and the styles into ${loaderPath}`);
