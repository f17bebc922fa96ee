#!/usr/bin/env bash
# npm test: build, unit tests in Node, growth (perf) tests, the harness, the in-host suites in
# a real VS Code (single folder and multi-root), the UI tests in a real browser. A failing
# stage does not stop the next; the last line sums every stage: "N passed, N failed, N skipped".
# Exit 1 if any test failed or any stage crashed or ran no tests (each counts as one failure).
# Each stage writes its counts as JSON into .e2e/results/ (no scraping of coloured text).
#
# Usage: npm test [-- --grep PATTERN]   PATTERN filters the tests of every stage. Only this
# option filters: a MARGINALIA_TEST_GREP left in the environment is ignored, so a shell
# that exported it once cannot make a later run skip tests unseen.
set -uo pipefail
cd "$(dirname "$0")/.."
RESULTS=.e2e/results

unset MARGINALIA_TEST_GREP
grep_args=()
while [ $# -gt 0 ]; do
  case $1 in
    --grep) [ $# -ge 2 ] || { echo "--grep needs a pattern"; exit 2; }
            export MARGINALIA_TEST_GREP=$2; grep_args=(--grep "$2"); shift 2 ;;
    *) echo "unknown option $1 (usage: npm test [-- --grep PATTERN])"; exit 2 ;;
  esac
done

rm -rf "$RESULTS" .e2e/screenshots && mkdir -p "$RESULTS"   # what is there after a run is from that run
[ -n "${MARGINALIA_TEST_GREP:-}" ] && echo "=== only tests matching /$MARGINALIA_TEST_GREP/ (--grep): a partial run"

passed=0
failed=0
skipped=0
report=()
failures=()

# stage NAME RESULT_FILES COMMAND...: runs COMMAND, then adds up the JSON counts it wrote.
# Every result file must show at least one test run (passed or failed): a stage that finds
# no tests (a wrong glob, a suite that stopped loading, a grep left behind) is a failure.
stage() {
  local name=$1 files=$2
  shift 2
  echo
  echo "=== $name: $*"
  local t0=$SECONDS
  "$@"
  local rc=$? took=$((SECONDS - t0))
  local p=0 f=0 s=0 crashed=
  for file in $files; do
    if [ -f "$RESULTS/$file" ] && counts=$(node -e '
        const r = require(process.argv[1]);
        if (r.crashed) process.exit(1);
        console.log(r.passed, r.failed, r.skipped || 0);' "$PWD/$RESULTS/$file"); then
      read -r fp ff fs <<< "$counts"
      p=$((p + fp)); f=$((f + ff)); s=$((s + fs))
      # Under --grep a run may rightly match nothing (the stage as a whole is checked below).
      [ -z "${MARGINALIA_TEST_GREP:-}" ] && [ $((fp + ff)) -eq 0 ] && crashed="${crashed:+$crashed, }$file ran no tests"
    else
      crashed="${crashed:+$crashed, }no results from $file"
    fi
  done
  [ -n "$files" ] && [ -z "$crashed" ] && [ $((p + f)) -eq 0 ] && crashed="ran no tests"
  # A non-zero exit with no failing test means the stage itself broke (or, for build, failed).
  [ $rc -ne 0 ] && [ $f -eq 0 ] && [ -z "$crashed" ] && crashed="exit code $rc"
  [ -n "$crashed" ] && f=$((f + 1))
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  report+=("$(printf '%-22s %4d passed %4d failed %4d skipped %5ss%s' "$name" "$p" "$f" "$s" "$took" "${crashed:+   FAILED: $crashed}")")
  # The failing tests by name, under the summary: a log read from its end says what failed.
  for file in $files; do
    [ -f "$RESULTS/$file" ] && while IFS= read -r line; do failures+=("$line"); done < <(node -e '
      for (const f of require(process.argv[1]).failures || [])
        console.log(`  ${process.argv[2]}: ${f.title}: ${String(f.error).split("\n")[0].slice(0, 300)}`);' "$PWD/$RESULTS/$file" "$name" 2>/dev/null)
  done
}

# The build has no tests of its own: it passes, or counts as one failure.
build() {
  local rc=0
  npm run build || rc=1
  # A fresh out/: a test file deleted from test/ must not keep running from an old out/.
  # tsc emits even with type errors: run it anyway, and the stages below test what it emitted.
  rm -rf out
  npx tsc -p . || rc=1
  # The engine alone, without the DOM or VS Code (media/ is checked by npm run build).
  npx tsc -p src/core || rc=1
  return $rc
}

# A fresh clone has no node_modules yet: `npm test` is the first command a newcomer runs.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund || { echo "npm ci failed"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
fi

stage build "" build
stage unit unit.json env MARGINALIA_RESULTS="$RESULTS/unit.json" \
  npx mocha --reporter test/harness/summary-reporter.js "${grep_args[@]}"
stage perf perf.json env MARGINALIA_RESULTS="$RESULTS/perf.json" \
  npx mocha --no-config --ui tdd --timeout 300000 --reporter test/harness/summary-reporter.js "${grep_args[@]}" 'out/test/perf/**/*.test.js'
stage "harness install" "" bash test/harness/install.sh
# Without the harness the next stages could only fail with "Cannot find module" traces: say so once.
if [ -d test/harness/node_modules/playwright-core ] && [ -x test/harness/node_modules/.bin/code-server ]; then
stage "vscode (in-host)" "vscode-single.json vscode-single-workspace-fs.json vscode-multi-root.json" \
  node test/harness/run-host-tests.js single single-workspace-fs multi-root
stage ui ui.json env MARGINALIA_RESULTS="$RESULTS/ui.json" \
  npx mocha --no-config --ui tdd --timeout 180000 --reporter test/harness/summary-reporter.js "${grep_args[@]}" 'test/ui/*.ui.test.js'
else
  echo "=== vscode (in-host), ui: skipped: the harness is not installed (see \"harness install\" above)"
  report+=("vscode (in-host), ui   skipped: the harness install failed")
fi

echo
echo "=== summary${MARGINALIA_TEST_GREP:+ (only tests matching /$MARGINALIA_TEST_GREP/)}"
printf '%s\n' "${report[@]}"
[ ${#failures[@]} -gt 0 ] && { echo "failing:"; printf '%s\n' "${failures[@]}"; }
echo "screenshots: .e2e/screenshots/"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
