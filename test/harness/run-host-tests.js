// Runs the in-host suites (out/test/vscode/**/*.test.js) inside a real VS Code: a fresh
// code-server, headless chromium opening its workbench with the working copy as
// extensionDevelopmentPath and out/test/vscode/index.js as extensionTestsPath.
// Usage: node test/harness/run-host-tests.js [single] [single-workspace-fs] [multi-root]   (default: all, in turn)
//   single               a fresh copy of samples/research-notes (read through Node's fs, the fast path)
//   single-workspace-fs  the same, read through findFiles + workspace.fs (the host for remote and virtual folders)
//   multi-root           a fresh copy of test/fixtures/multi-root, opened as its .code-workspace
// Env: MARGINALIA_TEST_GREP (run only matching tests: printed, as the run is partial), VERBOSE=1 (every workbench console line),
//      TEST_TIMEOUT_MS (whole run, default 600000: a run on a loaded 2-core machine took 280 s; the limit only catches a hang). Writes .e2e/results/vscode-<run>.json.
const fs = require('fs');
const path = require('path');
const { startServer, workbenchUrl, ROOT, E2E } = require('./server');
const { launchBrowser, plainConsoleLine } = require('./browser');

const RUNS = {
  single: { fixture: path.join(ROOT, 'samples/research-notes') },
  // The suites of `single`, on the other host (src/vscode/folderHost.ts reads MARGINALIA_HOST).
  'single-workspace-fs': { fixture: path.join(ROOT, 'samples/research-notes'), env: { MARGINALIA_HOST: 'workspace' } },
  'multi-root': { fixture: path.join(ROOT, 'test/fixtures/multi-root'), open: 'multi-root.code-workspace' },
};

const MARK = '[in-host] '; // must match test/vscode/index.ts
const t0 = Date.now();
const lap = m => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

function writeSummary(run, summary) {
  fs.mkdirSync(path.join(E2E, 'results'), { recursive: true });
  fs.writeFileSync(path.join(E2E, 'results', `vscode-${run}.json`), JSON.stringify(summary, null, 1));
}

async function main(run) {
  const spec = RUNS[run];
  if (!spec) throw new Error(`unknown run "${run}": use ${Object.keys(RUNS).join(' or ')}`);
  const testsEntry = path.join(ROOT, 'out/test/vscode/index.js');
  for (const [file, how] of [[path.join(ROOT, 'dist/extension.js'), 'npm run build'], [testsEntry, 'npx tsc -p .']]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run \`${how}\` first`);
  }
  const results = path.join(E2E, 'runs', `vscode-${run}`, 'results.json');
  const server = startServer({
    name: `vscode-${run}`,
    fixture: spec.fixture,
    open: spec.open,
    // Inherited by the extension host: where to write results, which run this is, what to grep.
    env: { MARGINALIA_TEST_RESULTS: results, MARGINALIA_TEST_RUN: run, ...spec.env },
  });
  const open = spec.open ? { workspace: path.join(server.wsDir, spec.open) } : { folder: server.wsDir };
  const url = workbenchUrl(server, { ...open, extensionDevelopmentPath: ROOT, extensionTestsPath: testsEntry });

  const { context, page } = await launchBrowser(path.join(server.runDir, 'chrome-profile'));
  let exitCode;
  try {
    const exited = new Promise(resolve => page.exposeFunction('codeAutomationExit', code => { exitCode = code; resolve(); }));
    page.on('console', async m => {
      const text = await plainConsoleLine(m);
      // test/vscode/index.ts marks the suite's lines; the rest is workbench logging.
      if (process.env.VERBOSE) console.log('  | ' + text);
      else if (text.includes(MARK)) console.log(text.split('\n').map(l => '  | ' + l.slice(l.indexOf(MARK) + MARK.length)).join('\n'));
    });
    page.on('pageerror', e => console.log('pageerror: ' + e.message));
    lap(`${run}: opening the workbench on ${server.authority}`);
    await page.goto(url);
    const limit = +(process.env.TEST_TIMEOUT_MS || 600000);
    let timer;
    const timedOut = new Promise(resolve => { timer = setTimeout(() => resolve('timeout'), limit); });
    if (await Promise.race([exited, timedOut]) === 'timeout') lap(`${run}: no codeAutomationExit after ${limit / 1000}s`);
    clearTimeout(timer);
  } finally {
    await context.close().catch(() => {});
    server.stop();
  }

  let r;
  try {
    r = JSON.parse(fs.readFileSync(results, 'utf8'));
  } catch (e) {
    console.log(`${run}: the suite wrote no results (${e.message}); see ${path.relative(ROOT, server.runDir)}/code-server.log`);
    writeSummary(run, { passed: 0, failed: 0, crashed: true });
    return 1;
  }
  for (const f of r.failures) console.log(`\nFAILED (${run}): ${f.title}\n${f.error}`);
  const skipped = (r.pending || []).length;
  console.log(`${run}: ${r.passes.length} passed, ${r.failures.length} failed, ${skipped} skipped${grepNote()}`);
  writeSummary(run, { passed: r.passes.length, failed: r.failures.length, skipped, crashed: false, failures: r.failures.map(f => ({ title: `${run}: ${f.title}`, error: String(f.error) })) });
  lap(`${run}: done, exit code ${exitCode}`);
  return r.failures.length > 0 || exitCode !== 0 ? 1 : 0;
}

function grepNote() {
  return process.env.MARGINALIA_TEST_GREP ? ` (only tests matching /${process.env.MARGINALIA_TEST_GREP}/)` : '';
}

(async () => {
  if (process.env.MARGINALIA_TEST_GREP) console.log(`MARGINALIA_TEST_GREP is set: only tests matching /${process.env.MARGINALIA_TEST_GREP}/ run`);
  let worst = 0;
  for (const run of process.argv.length > 2 ? process.argv.slice(2) : Object.keys(RUNS)) {
    // One run crashing must not hide the other's results.
    const code = await main(run).catch(e => { console.error(`${run}: ${e.message || e}`); return 2; });
    worst = Math.max(worst, code);
  }
  process.exit(worst);
})();
