#!/usr/bin/env bash
# Checks the drop-in's TypeScript declarations (bundle/oauthapp-login.d.ts):
#   - tsc --noEmit --strict type-checks a small host file (bundle/types-test/host.ts) against
#     them; its `@ts-expect-error` lines must stay errors, so loose declarations fail too;
#   - node --test bundle/test/ keeps them equal to what the loader and src/embed/ really have.
# Needs typescript 5.9.3 from npm (scripts/setup.sh installs it into the tools folder).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

if ! tsc --version 2>/dev/null | grep -qx 'Version 5.9.3'; then
  echo "typescript 5.9.3 from npm is needed (scripts/setup.sh installs it)" >&2
  exit 1
fi
printf '\n== types: tsc --noEmit --strict bundle/types-test/host.ts (%s)\n' "$(tsc --version)"
tsc -p bundle/types-test --noEmit --strict
echo "ok"

printf '\n== types: node --test bundle/test/ (declarations match the loader and src/embed/)\n'
node --test bundle/test/
