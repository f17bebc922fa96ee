// `npm run test:electron`: the same in-host suites (out/test/vscode/index.js) under
// @vscode/test-electron, for machines that can download VS Code. One suite, two launchers:
// this one and run-host-tests.js (code-server), which is what runs here and in CI.
// Env: VSCODE_VERSION (default 1.100.3, the version code-server 4.100.3 carries).
const fs = require('fs');
const path = require('path');
const { downloadAndUnzipVSCode, runTests } = require('@vscode/test-electron');
const { ROOT, E2E } = require('./server');

const VERSION = process.env.VSCODE_VERSION || '1.100.3';
const RUNS = {
  single: { fixture: 'samples/research-notes' },
  'multi-root': { fixture: 'test/fixtures/multi-root', open: 'multi-root.code-workspace' },
};

async function download() {
  try {
    return await downloadAndUnzipVSCode({ version: VERSION, cachePath: path.join(E2E, 'vscode-test') });
  } catch (e) {
    console.error([
      `test:electron cannot download VS Code ${VERSION}: ${e.message || e}`,
      'It needs https://update.code.visualstudio.com; where that is out of reach (as on the',
      'project machines and in CI), the same suites run in code-server: npm run test:vscode',
    ].join('\n'));
    process.exit(1);
  }
}

async function runOne(executable, run) {
  const spec = RUNS[run];
  const runDir = path.join(E2E, 'runs', `electron-${run}`);
  fs.rmSync(runDir, { recursive: true, force: true });
  const ws = path.join(runDir, 'workspace', path.basename(spec.fixture));
  fs.cpSync(path.join(ROOT, spec.fixture), ws, { recursive: true }); // never edit the committed fixture
  const results = path.join(runDir, 'results.json');
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(ROOT, 'out/test/vscode/index.js'),
      extensionTestsEnv: { MARGINALIA_TEST_RUN: run, MARGINALIA_TEST_RESULTS: results },
      launchArgs: [spec.open ? path.join(ws, spec.open) : ws, '--disable-extensions', '--disable-workspace-trust',
        '--user-data-dir', path.join(runDir, 'user-data')],
    });
  } catch (e) {
    console.error(`${run}: ${e.message || e}` + (process.platform === 'linux' && !process.env.DISPLAY
      ? ' (no DISPLAY: on a headless Linux run it under `xvfb-run -a`)' : ''));
  }
  try {
    const r = JSON.parse(fs.readFileSync(results, 'utf8'));
    console.log(`${run}: ${r.passes.length} passed, ${r.failures.length} failed`);
    return r.failures.length === 0;
  } catch {
    console.log(`${run}: the suite wrote no results`);
    return false;
  }
}

(async () => {
  for (const file of ['dist/extension.js', 'out/test/vscode/index.js']) {
    if (!fs.existsSync(path.join(ROOT, file))) { console.error(`${file} is missing: npm run build && npx tsc -p .`); process.exit(1); }
  }
  const executable = await download();
  let ok = true;
  for (const run of Object.keys(RUNS)) ok = (await runOne(executable, run)) && ok;
  process.exit(ok ? 0 : 1);
})();
