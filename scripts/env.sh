# Sourced by the other scripts: where the project's tools live and how to find them.
# Tools installed by scripts/setup.sh go to a cache outside the checkout, so a second run
# (and a second clone) reuses them.
TOOLS_DIR="${OAUTHAPP_TOOLS_DIR:-$HOME/.cache/oauthapp-login/tools}"
export PATH="$HOME/.cargo/bin:$TOOLS_DIR/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROME_BIN="${CHROME_BIN:-/usr/bin/chromium}"
# The version of wasm-bindgen in Cargo.lock: wasm-bindgen-cli must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}
# The splitter of the drop-in's module (scripts/bundle.sh): the CLI of the crate
# wasm_split_cli_support (feature build-binary), the version cargo-leptos' --split builds on.
# It ships no --version flag: cargo's own list of installed crates tells.
WASM_SPLIT_VERSION=0.2.4
wasm_split_installed() {
  command -v wasm-split-cli >/dev/null \
    && cargo install --list 2>/dev/null | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"
}
# wasm-opt's flags for a release module (scripts/bundle.sh, and the benchmark's bare Leptos
# page; index.html passes the same to Trunk). --converge repeats -Oz until it stops helping;
# --low-memory-unused (Rust leaves the first 1 KiB of memory unused) and --zero-filled-memory
# (the module defines its own memory, which starts zeroed) let it drop more: about 1% in all.
# rustc 1.95 emits these wasm features, which wasm-opt must be told it may keep.
WASM_OPT_FLAGS=(-Oz --converge --low-memory-unused --zero-filled-memory
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
# Chromium leaves folders in the temp folder: wasm-bindgen-test's runner stops chromedriver
# before it tidies up, so every browser test binary left an 84 MB profile in /tmp, and 354 of
# them once filled this machine's disk until a link step of the tests crashed. The test and
# benchmark scripts call this to give their run a temp folder of its own, removed when the
# script exits however it ends.
use_private_tmpdir() {
  OAUTHAPP_RUN_TMP="$(mktemp -d "${TMPDIR:-/tmp}/oauthapp-run.XXXXXX")"
  trap 'rm -rf "$OAUTHAPP_RUN_TMP"' EXIT
  export TMPDIR="$OAUTHAPP_RUN_TMP"
}
