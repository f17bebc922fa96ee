#!/usr/bin/env bash
# npm run demo: from a fresh clone, one command. Installs what it needs, builds and packages
# the extension, installs the .vsix into a fresh extensions folder, and serves VS Code
# (code-server) on 127.0.0.1 with a fresh copy of the sample vault open. Ctrl-C stops it all.
# Env: PORT (default 8080).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PORT=${PORT:-8080}
RUN=$ROOT/.e2e/runs/demo
EXTS=$ROOT/.e2e/runs/demo-extensions

if ! node -e 'const s=require("net").createServer().once("error",()=>process.exit(1));s.listen(+process.argv[1],"127.0.0.1",()=>s.close())' "$PORT"; then
  echo "port $PORT is in use on 127.0.0.1: choose another, e.g. PORT=8081 npm run demo" >&2
  exit 1
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
bash test/harness/install.sh
npm run package
VSIX=$ROOT/marginalia-$(node -p 'require("./package.json").version').vsix
bash test/harness/install-vsix.sh "$VSIX" "$EXTS"

# Stop the server (its whole process group) however this script ends.
trap 'bash "$ROOT/test/harness/stop.sh" "$RUN"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
CODE_SERVER_EXTENSIONS_DIR=$EXTS CODE_SERVER_PORT=$PORT bash test/harness/start.sh "$RUN" samples/research-notes >/dev/null
pid=$(cat "$RUN/cs.pid")

echo
echo "Marginalia demo: open this in a browser (a fresh copy of samples/research-notes):"
echo
echo "    http://127.0.0.1:$PORT/?folder=$RUN/workspace/research-notes"
echo
echo "Ctrl-C stops the server. Log: ${RUN#"$ROOT"/}/code-server.log"
while kill -0 "$pid" 2>/dev/null; do sleep 1; done
echo "code-server exited; see ${RUN#"$ROOT"/}/code-server.log" >&2
exit 1
