#!/usr/bin/env bash
# Packs the built drop-in (scripts/bundle.sh's folder, $1, default dist-bundle/) as the npm
# package `oauthapp-login`, a tarball made by `npm pack` into $1/npm/:
#   $1/npm/package/                     what is packed (package.json written here)
#   $1/npm/oauthapp-login-<version>.tgz  what `npm install` takes
# The version is the crate's (Cargo.toml). Called by scripts/bundle.sh; checked by
# scripts/check-package.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

bundle="${1:-dist-bundle}"
version="$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)"
stage="$bundle/npm/package"

rm -rf "$bundle/npm"
mkdir -p "$stage"
# The loader, its declarations, the wasm-bindgen glue, the first module, the split loader
# and its chunks, and the CSS: each finds the others next to itself (new URL("./…",
# import.meta.url), import("./…"), from "./…").
shopt -s nullglob
split_files=()
for f in "$bundle"/__wasm_split.js "$bundle"/split_*.wasm "$bundle"/chunk_*.wasm; do
  split_files+=("$(basename "$f")")
done
shopt -u nullglob
for f in oauthapp-login.js oauthapp-login.d.ts oauthapp_login.js oauthapp_login_bg.wasm oauthapp-login.css \
  "${split_files[@]}"; do
  cp "$bundle/$f" "$stage/$f"
done
# React's JSX types of the element (opt in: "oauthapp-login/react").
cp bundle/react.d.ts "$stage/react.d.ts"
cp bundle/README.md "$stage/README.md"

VERSION="$version" SPLIT_FILES="${split_files[*]}" node --input-type=module -e '
const pkg = {
  name: "oauthapp-login",
  version: process.env.VERSION,
  description: "The OAuthApp sign-in widget as a custom element, <oauthapp-login> (Rust + Leptos, WebAssembly)",
  license: "MIT",
  keywords: ["oauthapp", "login", "sign-in", "custom-element", "web-component", "webassembly"],
  type: "module",
  // Importing the loader defines <oauthapp-login>: bundlers must never drop it.
  sideEffects: ["./oauthapp-login.js"],
  main: "./oauthapp-login.js",
  module: "./oauthapp-login.js",
  types: "./oauthapp-login.d.ts",
  exports: {
    ".": { types: "./oauthapp-login.d.ts", default: "./oauthapp-login.js" },
    "./react": { types: "./react.d.ts" },
    "./oauthapp-login.css": "./oauthapp-login.css",
    "./oauthapp_login_bg.wasm": "./oauthapp_login_bg.wasm",
    "./package.json": "./package.json",
  },
  files: [
    "oauthapp-login.js", "oauthapp-login.d.ts", "oauthapp_login.js",
    "oauthapp_login_bg.wasm", "oauthapp-login.css", "react.d.ts",
    ...process.env.SPLIT_FILES.split(" ").filter(Boolean),
  ],
};
process.stdout.write(JSON.stringify(pkg, null, 2) + "\n");
' > "$stage/package.json"

tarball="$(cd "$stage" && npm pack --silent --pack-destination ..)"
printf '  npm package: %s/npm/%s (%s bytes)\n' "$bundle" "$tarball" "$(wc -c < "$bundle/npm/$tarball")"
