#!/usr/bin/env bash
# Installs a packaged .vsix into a fresh extensions folder, the way a user's VS Code would,
# and checks that code-server lists it. Used by the vsix UI test and by `npm run demo`.
# Usage: install-vsix.sh VSIX EXTENSIONS_DIR      (EXTENSIONS_DIR is emptied first)
set -euo pipefail
HARNESS=$(cd "$(dirname "$0")" && pwd)
VSIX=${1:?usage: install-vsix.sh VSIX EXTENSIONS_DIR}
EXTS=${2:?usage: install-vsix.sh VSIX EXTENSIONS_DIR}
CS=$HARNESS/node_modules/.bin/code-server
[ -x "$CS" ] || { echo "code-server is not installed: run test/harness/install.sh" >&2; exit 1; }
[ -f "$VSIX" ] || { echo "no such vsix: $VSIX (npm run package makes it)" >&2; exit 1; }
rm -rf "$EXTS" && mkdir -p "$EXTS"
# A scratch HOME and user-data-dir: installing must not touch the user's own code-server.
scratch=$EXTS.home
rm -rf "$scratch" && mkdir -p "$scratch"
HOME=$scratch "$CS" --user-data-dir "$scratch/user-data" --extensions-dir "$EXTS" --install-extension "$VSIX" >&2
id=$(node -p 'const p = require(process.argv[1]); `${p.publisher}.${p.name}@${p.version}`' "$(cd "$HARNESS/../.." && pwd)/package.json")
HOME=$scratch "$CS" --user-data-dir "$scratch/user-data" --extensions-dir "$EXTS" --list-extensions --show-versions \
  | grep -qixF "$id" || { echo "code-server does not list $id after installing $VSIX" >&2; exit 1; }
echo "installed $id into $EXTS" >&2
