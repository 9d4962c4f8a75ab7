#!/usr/bin/env bash
# Installs what building, testing and the demo need, skipping whatever is already there:
# the wasm target, Debian's chromium + chromedriver and postgresql, Trunk 0.21.14, the
# wasm-bindgen-cli of Cargo.lock's version, wasm-split-cli (crate wasm_split_cli_support
# 0.2.4), wasm-opt from the npm package binaryen@132
# (Debian's binaryen is too old: its output fails at start in the browser), and
# typescript@5.9.3 from npm.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

step() { printf '\n== setup: %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
for comp in rustfmt clippy; do
  rustup component list --installed | grep -q "^$comp" || rustup component add "$comp"
done

missing_debs=()
[ -x /usr/bin/chromium ] || missing_debs+=(chromium)
[ -x /usr/bin/chromedriver ] || missing_debs+=(chromium-driver)
command -v brotli >/dev/null || missing_debs+=(brotli)
# PostgreSQL for the reference server's second store: its tests start a throw-away cluster
# with initdb + pg_ctl (Debian keeps them in /usr/lib/postgresql/<version>/bin).
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || command -v initdb >/dev/null \
  || missing_debs+=(postgresql)
if [ ${#missing_debs[@]} -gt 0 ]; then
  step "apt: ${missing_debs[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_debs[@]}" >/dev/null
fi

if ! trunk --version 2>/dev/null | grep -q '0\.21\.14'; then
  step "trunk 0.21.14 (about 9 minutes on 2 cores)"
  cargo install trunk --version 0.21.14 --locked
fi

wbg="$(wasm_bindgen_version)"
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wbg\$"; then
  step "wasm-bindgen-cli $wbg"
  cargo install wasm-bindgen-cli --version "$wbg" --force
fi

# The splitter of the drop-in's module: a binary of a crates.io crate, built from source
# with its own Cargo.lock (--locked), like Trunk (about 2 minutes on 2 cores).
if ! wasm_split_installed; then
  step "wasm-split-cli (wasm_split_cli_support $WASM_SPLIT_VERSION)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary \
    --locked --force
fi

if ! wasm-opt --version 2>/dev/null | grep -q 'version 132'; then
  step "wasm-opt (npm binaryen@132) into $TOOLS_DIR"
  mkdir -p "$TOOLS_DIR"
  (cd "$TOOLS_DIR" && npm install --silent --no-audit --no-fund binaryen@132)
fi

# TypeScript, for the drop-in's declarations (scripts/check-types.sh): pinned, local to the
# tools folder like binaryen, never global.
if ! tsc --version 2>/dev/null | grep -qx 'Version 5.9.3'; then
  step "typescript 5.9.3 (npm) into $TOOLS_DIR"
  mkdir -p "$TOOLS_DIR"
  (cd "$TOOLS_DIR" && npm install --silent --no-audit --no-fund --save-exact typescript@5.9.3)
fi

step "ready: $(trunk --version), $(wasm-bindgen --version), wasm-split-cli $WASM_SPLIT_VERSION, $(wasm-opt --version), tsc $(tsc --version), $(chromium --version 2>/dev/null)"
