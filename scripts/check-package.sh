#!/usr/bin/env bash
# Checks the npm package (scripts/npm-package.sh's tarball, $1, default
# dist-bundle/npm/oauthapp-login-*.tgz) the way a host project gets it:
#   - `npm install <tarball>` into an empty project (no registry needed: it has no dependencies);
#   - node --test bundle/npm-test/ on what was installed (package.json, files, the loader's
#     references, the glue and the wasm);
#   - tsc --noEmit --strict on bundle/types-test/host.ts, importing "oauthapp-login" through
#     the installed package's exports, with the module resolution of bundlers and of Node.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

tarball="${1:-$(ls dist-bundle/npm/oauthapp-login-*.tgz 2>/dev/null | head -n1)}"
if [ -z "$tarball" ] || [ ! -f "$tarball" ]; then
  echo "no npm tarball: run scripts/bundle.sh first" >&2
  exit 1
fi
tarball="$(realpath "$tarball")"
if ! tsc --version 2>/dev/null | grep -qx 'Version 5.9.3'; then
  echo "typescript 5.9.3 from npm is needed (scripts/setup.sh installs it)" >&2
  exit 1
fi

project="$(mktemp -d)"
trap 'rm -rf "$project"' EXIT
printf '\n== package: npm install %s into an empty project\n' "$(basename "$tarball")"
printf '{ "name": "host", "private": true, "type": "module" }\n' > "$project/package.json"
(cd "$project" && npm install --silent --no-audit --no-fund --ignore-scripts "$tarball")

printf '\n== package: node --test bundle/npm-test/\n'
OAUTHAPP_PACKAGE_DIR="$project/node_modules/oauthapp-login" node --test bundle/npm-test/

cp bundle/types-test/host.ts "$project/host.ts"
for resolution in Bundler NodeNext; do
  printf '\n== package: tsc --strict host.ts against the installed package (moduleResolution %s)\n' "$resolution"
  module=ESNext
  [ "$resolution" = NodeNext ] && module=NodeNext
  cat > "$project/tsconfig.json" <<JSON
{
  "compilerOptions": {
    "strict": true, "noEmit": true, "noUnusedLocals": true, "types": [],
    "target": "ES2022", "lib": ["ES2022", "DOM", "DOM.Iterable"],
    "module": "$module", "moduleResolution": "$resolution"
  },
  "files": ["host.ts"]
}
JSON
  tsc -p "$project"
  echo "ok"
done
