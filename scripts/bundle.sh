#!/usr/bin/env bash
# Builds the script-tag drop-in into dist-bundle/ (or $1): a folder a site hosts as it is.
#   oauthapp-login.js        the loader: <oauthapp-login> custom element, OAuthAppLogin.mount,
#                            with the first sign-in views as HTML (prerender/, Leptos ssr) and
#                            the styles inlined, so a visitor can type before the wasm arrives
#   oauthapp-login.d.ts      its TypeScript declarations (checked by scripts/check-types.sh)
#   oauthapp_login.js        the wasm-bindgen glue (--target web), imported by the loader
#   oauthapp_login_bg.wasm   the first module: what typing a user name and signing in need
#   __wasm_split.js          the split loader: fetches the chunks below when first needed
#   split_*.wasm, chunk_*.wasm  the views loaded on demand (src/chunks/: QR, reset, signed-in
#                            pages, consent) and code two of them share
#   oauthapp-login.css       bundle/host.css + style/*.css (not demo.css), linked in each shadow root
#   example.html (+ .js, .css) a plain page using it
#   npm/oauthapp-login-<version>.tgz  the npm package of the drop-in (scripts/npm-package.sh)
#   cdn/                     the same files under content-hashed names, integrity.json (SRI)
# The module is split at the split points of src/chunks/views.rs: built with
# `--cfg oauthapp_split` and `--emit-relocs`, split by wasm-split-cli (the crate
# wasm_split_cli_support, what `cargo leptos --split` runs), then wasm-bindgen
# --keep-lld-exports, then wasm-opt on every .wasm.
# Works offline once scripts/setup.sh has installed the tools (wasm-bindgen-cli of
# Cargo.lock's version, wasm-split-cli, wasm-opt from npm binaryen@132 — never Debian's older one).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

out="${1:-dist-bundle}"
# The build folder: $CARGO_TARGET_DIR when set (CI keeps a cache outside the checkout).
wasm="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/oauthapp_login.wasm"

step() { printf '\n== bundle: %s\n' "$*"; }

# Added to .cargo/config.toml's rustflags for wasm32 (`--config` arrays are appended, so
# `--cfg erase_components` stays; RUSTFLAGS would replace it): the split points of
# src/chunks/ and the relocations the splitter reads.
split_flags='target.wasm32-unknown-unknown.rustflags=["--cfg", "oauthapp_split", "-Clink-args=--emit-relocs"]'
step "cargo build --lib --release (wasm32, --cfg oauthapp_split, --emit-relocs)"
cargo build -p oauthapp-login --lib --release --target wasm32-unknown-unknown --locked --offline \
  --config "$split_flags"

wbg="$(wasm_bindgen_version)"
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wbg\$"; then
  echo "wasm-bindgen-cli $wbg is needed (scripts/setup.sh installs it)" >&2
  exit 1
fi
if ! wasm_split_installed; then
  echo "wasm-split-cli (wasm_split_cli_support $WASM_SPLIT_VERSION) is needed (scripts/setup.sh installs it)" >&2
  exit 1
fi
if ! wasm-opt --version 2>/dev/null | grep -q 'version 132'; then
  echo "wasm-opt from npm binaryen@132 is needed (scripts/setup.sh installs it)" >&2
  exit 1
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

step "wasm-split-cli: the first module, the chunks and their loader __wasm_split.js"
# The chunks' loader imports initSync from ./oauthapp_login.js (the glue) and fetches each
# chunk as new URL("./<chunk>.wasm", import.meta.url): same origin, next to it, no eval.
wasm-split-cli --target web --out-name oauthapp_login "$wasm" "$tmp/split"
shopt -s nullglob
chunks=("$tmp/split/"split_*.wasm "$tmp/split/"chunk_*.wasm)
shopt -u nullglob
# No chunk means the split points were not built in (the cfg did not reach rustc).
if [ ${#chunks[@]} -eq 0 ]; then
  echo "wasm-split-cli found no split point in $wasm" >&2
  exit 1
fi
mv "$tmp/split/__wasm_split.js" "${chunks[@]}" "$tmp/"

step "wasm-bindgen --target web --keep-lld-exports"
# --keep-lld-exports: the chunks link to the first module's memory, table and stack
# pointer through its exports; --no-demangle as cargo-leptos does for split modules.
wasm-bindgen --target web --no-typescript --keep-lld-exports --no-demangle \
  --out-dir "$tmp" --out-name oauthapp_login "$tmp/split/oauthapp_login.wasm"
rm -rf "$tmp/split"

step "wasm-opt on every module (WASM_OPT_FLAGS, scripts/env.sh)"
for f in "$tmp"/*.wasm; do
  wasm-opt "${WASM_OPT_FLAGS[@]}" -o "$f.opt" "$f"
  mv "$f.opt" "$f"
done

step "CSS and loader"
{
  cat bundle/host.css
  for f in style/*.css; do
    # The demo page's own styles are not the widget's.
    [ "$(basename "$f")" = demo.css ] && continue
    printf '\n/* ---- %s ---- */\n' "$f"
    cat "$f"
  done
} > "$tmp/oauthapp-login.css"
cp bundle/oauthapp-login.js bundle/oauthapp-login.d.ts bundle/example.html bundle/example.js bundle/example.css "$tmp/"

step "first views as HTML (oauthapp-prerender: the widget's views, rendered by Leptos ssr)"
# Its own workspace and target folder: Leptos' ssr feature must not reach the wasm build.
# Debug Leptos warns of untracked reads on stderr, which a build-time render does on purpose:
# kept in a file, shown only if the render fails.
# Run from prerender/ so that its .cargo/config.toml (erase_components, as for wasm) applies.
prerender_target="$(realpath -m "${CARGO_TARGET_DIR:-target}")/prerender"
if ! (cd prerender && cargo run --locked --offline --quiet --target-dir "$prerender_target") \
    > "$tmp/shell.json" 2> "$tmp/prerender.log"; then
  grep -v "outside a reactive tracking context" "$tmp/prerender.log" >&2 || true
  exit 1
fi
node scripts/inline-shell.mjs "$tmp/oauthapp-login.js" "$tmp/shell.json" "$tmp/oauthapp-login.css"
rm "$tmp/shell.json" "$tmp/prerender.log"

rm -rf "$out"
mkdir -p "$(dirname "$out")"
mv "$tmp" "$out"
chmod 755 "$out"
trap - EXIT

step "built $out/"
for f in "$out"/oauthapp_login_bg.wasm "$out"/oauthapp_login.js "$out"/oauthapp-login.js \
  "$out"/oauthapp-login.css "$out"/__wasm_split.js "$out"/split_*.wasm "$out"/chunk_*.wasm; do
  [ -e "$f" ] || continue
  raw=$(wc -c < "$f")
  gz=$(gzip -9c "$f" | wc -c)
  br=$(command -v brotli >/dev/null && brotli -c -q 11 "$f" | wc -c || echo "-")
  printf '  %-26s raw %8s  gzip %8s  brotli %8s\n' "$(basename "$f")" "$raw" "$gz" "$br"
done

step "npm package (scripts/npm-package.sh -> $out/npm/)"
bash scripts/npm-package.sh "$out"

step "content-hashed files and the loader's SRI integrity (scripts/cdn-files.mjs -> $out/cdn/)"
node scripts/cdn-files.mjs "$out"
