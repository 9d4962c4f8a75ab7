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
