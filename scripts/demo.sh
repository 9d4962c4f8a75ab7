#!/usr/bin/env bash
# Runs the demo: installs what is missing, starts the reference server (outbox on, its
# database in target/demo/), then serves the demo page with `trunk serve`, which proxies
# /api and /dev to the server. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
bash scripts/setup.sh

SERVER_ADDR="${OAUTHAPP_SERVER_ADDR:-127.0.0.1:8787}"
DEMO_DIR="target/demo"
mkdir -p "$DEMO_DIR"

cargo build -p oauthapp-server
server_bin="$(cargo metadata --format-version 1 --no-deps \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/debug/oauthapp-server"
"$server_bin" --addr "$SERVER_ADDR" --db "$DEMO_DIR/oauthapp.db" --outbox &
server_pid=$!
trap 'kill $server_pid 2>/dev/null || true' EXIT INT TERM

printf '\n  Reference server: http://%s  (codes it "sends": http://%s/dev/outbox)\n' "$SERVER_ADDR" "$SERVER_ADDR"
printf '  Demo page:        http://127.0.0.1:8080/\n\n'
trunk serve --offline
