#!/usr/bin/env bash
# The project's test command (README, .ci/run): formatting, lints on both targets, native
# tests (widget logic + reference server), browser tests in headless Chromium, the release
# build, and the end-to-end tests that load that release build against the reference server.
# Run scripts/setup.sh first on a fresh machine (.ci/run does).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
use_private_tmpdir

step() { printf '\n== test: %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy (native, whole workspace)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "clippy (wasm32, widget)"
cargo clippy -p oauthapp-login --all-targets --locked --target wasm32-unknown-unknown -- -D warnings

step "build-time renderer of the drop-in's first views (prerender/: own workspace, Leptos ssr)"
prerender_target="$(realpath -m "${CARGO_TARGET_DIR:-target}")/prerender"
(
  cd prerender
  cargo fmt -- --check
  cargo clippy --all-targets --locked --target-dir "$prerender_target" -- -D warnings
  cargo test --locked --target-dir "$prerender_target"
)

step "native tests (widget logic, reference server)"
cargo test --workspace --exclude oauthapp-e2e --locked

step "browser tests (wasm-bindgen-test in headless Chromium)"
cargo test -p oauthapp-login --locked --target wasm32-unknown-unknown

step "publishable crate (rustdoc -D warnings, cargo publish --dry-run)"
RUSTDOCFLAGS="-D warnings" cargo doc -p oauthapp-login --no-deps --locked
cargo publish --dry-run -p oauthapp-login --allow-dirty --locked

step "TypeScript declarations of the drop-in (tsc --strict, node --test)"
bash scripts/check-types.sh

step "release build (trunk, wasm-opt -Oz)"
trunk build --release --offline

step "script-tag drop-in and its npm package (scripts/bundle.sh -> dist-bundle/)"
bash scripts/bundle.sh

step "npm package of the drop-in (npm install of the tarball, node --test, tsc --strict)"
bash scripts/check-package.sh

step "Vite + React example against the npm package (scripts/react-site.sh, for the e2e tests)"
bash scripts/react-site.sh

step "size budget (script-tag bundle, brotli)"
python3 scripts/sizes.py --json "${CARGO_TARGET_DIR:-target}/bench/sizes.json" --budget size-budget.json

step "reference server binary for the end-to-end tests"
cargo build -p oauthapp-server --locked

step "end-to-end tests (release build in headless Chromium against the reference server)"
cargo test -p oauthapp-e2e --locked --tests -- --test-threads 1
