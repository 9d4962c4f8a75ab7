#!/usr/bin/env bash
# Screenshots of the main views, in English and Simplified Chinese, from the real release
# build (headless Chromium, a phone's width) into docs/screenshots/. Installs Debian's
# fonts-noto-cjk when missing, so Chinese text is not drawn as boxes.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
bash scripts/setup.sh >/dev/null
if ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  apt-get install -y -qq fonts-noto-cjk >/dev/null
fi
trunk build --release --offline >/dev/null 2>&1
cargo build -q -p oauthapp-server
cargo run -q -p oauthapp-e2e --bin screenshots -- "$@"
