#!/usr/bin/env bash
# npm test: build, unit tests in Node, the harness, the in-host suites in a real VS Code
# (single folder and multi-root), the UI tests in a real browser. A failing stage does not
# stop the next; the last line sums every stage: "N passed, N failed". Exit 1 if any test
# failed or any stage crashed (a crashed stage counts as one failure).
# Each stage writes its counts as JSON into .e2e/results/ (no scraping of coloured text).
set -uo pipefail
cd "$(dirname "$0")/.."
RESULTS=.e2e/results
rm -rf "$RESULTS" .e2e/screenshots && mkdir -p "$RESULTS"   # what is there after a run is from that run

passed=0
failed=0
report=()

# stage NAME RESULT_FILES COMMAND...: runs COMMAND, then adds up the JSON counts it wrote.
stage() {
  local name=$1 files=$2
  shift 2
  echo
  echo "=== $name: $*"
  local t0=$SECONDS
  "$@"
  local rc=$? took=$((SECONDS - t0))
  local p=0 f=0 crashed=
  for file in $files; do
    if [ -f "$RESULTS/$file" ] && counts=$(node -e '
        const r = require(process.argv[1]);
        if (r.crashed) process.exit(1);
        console.log(r.passed, r.failed);' "$PWD/$RESULTS/$file"); then
      read -r fp ff <<< "$counts"
      p=$((p + fp)); f=$((f + ff))
    else
      crashed="${crashed:+$crashed, }no results from $file"
    fi
  done
  # A non-zero exit with no failing test means the stage itself broke (or, for build, failed).
  [ $rc -ne 0 ] && [ $f -eq 0 ] && [ -z "$crashed" ] && crashed="exit code $rc"
  [ -n "$crashed" ] && f=$((f + 1))
  passed=$((passed + p)); failed=$((failed + f))
  report+=("$(printf '%-22s %4d passed %4d failed %5ss%s' "$name" "$p" "$f" "$took" "${crashed:+   CRASHED: $crashed}")")
}

# The build has no tests of its own: it passes, or counts as one failure.
build() {
  local rc=0
  npm run build || rc=1
  # tsc emits even with type errors: run it anyway, and the stages below test what it emitted.
  npx tsc -p . || rc=1
  return $rc
}

# A fresh clone has no node_modules yet: `npm test` is the first command a newcomer runs.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
fi

stage build "" build
stage unit unit.json env MARGINALIA_RESULTS="$RESULTS/unit.json" \
  npx mocha --reporter test/harness/summary-reporter.js
stage "harness install" "" bash test/harness/install.sh
stage "vscode (in-host)" "vscode-single.json vscode-single-workspace-fs.json vscode-multi-root.json" \
  node test/harness/run-host-tests.js single single-workspace-fs multi-root
stage ui ui.json env MARGINALIA_RESULTS="$RESULTS/ui.json" \
  npx mocha --no-config --ui tdd --timeout 180000 --reporter test/harness/summary-reporter.js 'test/ui/*.ui.test.js'

echo
echo "=== summary"
printf '%s\n' "${report[@]}"
echo "screenshots: .e2e/screenshots/"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
