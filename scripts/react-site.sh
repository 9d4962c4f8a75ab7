#!/usr/bin/env bash
# Builds examples/react-site/ (Vite + React 19) the way a React developer would, against the
# npm package scripts/bundle.sh packed (dist-bundle/npm/oauthapp-login-*.tgz, or $1):
#   npm ci                             React and Vite at package-lock.json's versions
#   npm install --no-save <tarball>    the widget (a local tarball: its hash changes each build,
#                                      so it is not in the lock file)
#   tsc -p .                           the app type-checked (strict) with the package's types
#   vite build                         -> examples/react-site/dist/
# e2e/tests/react_site.rs then signs in through the built site. Needs the npm registry
# (npm's cache makes the second run quick).
set -euo pipefail
cd "$(dirname "$0")/.."

tarball="${1:-$(ls dist-bundle/npm/oauthapp-login-*.tgz 2>/dev/null | head -n1)}"
if [ -z "$tarball" ] || [ ! -f "$tarball" ]; then
  echo "no npm tarball: run scripts/bundle.sh first" >&2
  exit 1
fi
tarball="$(realpath "$tarball")"
cd examples/react-site
printf '\n== react-site: npm ci\n'
npm ci --no-audit --no-fund --loglevel=error
printf '\n== react-site: npm install --no-save %s\n' "$(basename "$tarball")"
npm install --no-save --no-audit --no-fund --loglevel=error "$tarball"
printf '\n== react-site: tsc (strict, with oauthapp-login/react JSX types)\n'
npx --no-install tsc -p .
printf '\n== react-site: vite build\n'
start=$(date +%s%3N)
npx --no-install vite build
ms=$(( $(date +%s%3N) - start ))
printf '  vite build took %d.%03d s\n' $((ms / 1000)) $((ms % 1000))
