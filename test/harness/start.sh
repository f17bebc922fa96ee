#!/usr/bin/env bash
# Starts a fresh code-server for one run and waits until it answers.
# Usage: start.sh RUN_DIR FIXTURE [OPEN]
#   RUN_DIR  wiped and refilled: home/, user-data/, extensions/, workspace/NAME (a fresh copy
#            of FIXTURE), config.yaml, code-server.log, cs.pid, port
#   FIXTURE  the folder to copy, so no run ever edits the committed files
#   OPEN     what code-server opens, relative to the copy (a .code-workspace file); default the copy
# Env: REOPEN=1 (keep RUN_DIR's workspace and user data: reopen it), CODE_SERVER_PORT (default: a free port picked now), CODE_SERVER_EXTENSIONS_DIR (default: RUN_DIR/extensions, empty).
# Everything exported here reaches the extension host (e.g. MARGINALIA_TEST_RESULTS).
# Prints the port on stdout; progress goes to stderr. Stop with stop.sh RUN_DIR.
set -euo pipefail
HARNESS=$(cd "$(dirname "$0")" && pwd)
RUN=${1:?usage: start.sh RUN_DIR FIXTURE [OPEN]}
FIXTURE=${2:?usage: start.sh RUN_DIR FIXTURE [OPEN]}
CS=$HARNESS/node_modules/.bin/code-server
[ -x "$CS" ] || { echo "code-server is not installed: run test/harness/install.sh" >&2; exit 1; }
[ -d "$FIXTURE" ] || { echo "no fixture folder $FIXTURE" >&2; exit 1; }

"$HARNESS/stop.sh" "$RUN"   # a run left over from a crash must not keep its port or its files
# REOPEN=1 starts again on the run's workspace copy and user data as they are: a second opening.
[ -n "${REOPEN:-}" ] || rm -rf "$RUN"
mkdir -p "$RUN/home" "$RUN/user-data/User"
RUN=$(cd "$RUN" && pwd)
WS=$RUN/workspace/$(basename "$FIXTURE")
[ -n "${REOPEN:-}" ] || { mkdir -p "$RUN/workspace" && cp -r "$FIXTURE" "$WS"; }
OPEN_PATH=$WS${3:+/$3}
EXTS=${CODE_SERVER_EXTENSIONS_DIR:-$RUN/extensions}
mkdir -p "$EXTS"

# The web default is files.autoSave=afterDelay: typed test text would land in the fixture.
cat > "$RUN/user-data/User/settings.json" <<'JSON'
{
  "files.autoSave": "off",
  "files.hotExit": "off",
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "git.enabled": false,
  "editor.quickSuggestions": { "other": false, "comments": false, "strings": false }
}
JSON

# code-server lets these override its arguments (PORT beats --bind-addr), or, inside a VS Code
# terminal, hands the folder to that VS Code instead of starting: none of them may leak in.
unset PORT CODE_SERVER_HOST CODE_SERVER_CONFIG VSCODE_IPC_HOOK_CLI CODE_SERVER_PARENT_PID CODE_SERVER_SESSION_SOCKET

# Node rather than curl: a fresh machine may have Node and nothing else.
answers() { node -e 'require("http").get(`http://127.0.0.1:${process.argv[1]}/healthz`, r => process.exit(r.statusCode === 200 ? 0 : 1)).on("error", () => process.exit(1))' "$1"; }
free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

# A free port can be taken between picking and binding: try again with another one.
for attempt in 1 2 3; do
  port=${CODE_SERVER_PORT:-$(free_port)}
  printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$port" > "$RUN/config.yaml"
  # HOME and --config keep code-server out of ~/.config and ~/.local/share; setsid makes it
  # the leader of its own process group, so stop.sh can end the whole group (watcher, pty host).
  HOME=$RUN/home setsid "$CS" --config "$RUN/config.yaml" --bind-addr "127.0.0.1:$port" --auth none \
    --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override \
    --user-data-dir "$RUN/user-data" --extensions-dir "$EXTS" "$OPEN_PATH" \
    > "$RUN/code-server.log" 2>&1 < /dev/null &
  pid=$!
  echo "$pid" > "$RUN/cs.pid"
  echo "$port" > "$RUN/port"
  for _ in $(seq 1 200); do
    if answers "$port"; then
      echo "code-server up on 127.0.0.1:$port (pgid $pid), run dir $RUN" >&2
      echo "$port"
      exit 0
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  "$HARNESS/stop.sh" "$RUN"
  if grep -q EADDRINUSE "$RUN/code-server.log" && [ -z "${CODE_SERVER_PORT:-}" ]; then
    echo "port $port was taken, trying another" >&2
    continue
  fi
  break
done
echo "code-server did not come up; its log ($RUN/code-server.log):" >&2
tail -30 "$RUN/code-server.log" >&2
exit 1
