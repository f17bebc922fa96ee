// The index cache as a person meets it: written into the workspace's storage after indexing,
// and gone after "Marginalia: Clear Index Cache" from the command palette, which says so.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { openWorkbench } = require('./workbench');

/** The index cache files in this server's workspace storage. */
function cacheFiles(runDir) {
  const storage = path.join(runDir, 'user-data', 'User', 'workspaceStorage');
  if (!fs.existsSync(storage)) return [];
  return fs.readdirSync(storage).flatMap(id => {
    const dir = path.join(storage, id, 'marginalia.marginalia');
    return fs.existsSync(dir) ? fs.readdirSync(dir).filter(f => /^index-.*\.bin$/.test(f)).map(f => path.join(dir, f)) : [];
  });
}

async function waitUntil(what, check, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

suite('the index cache', function () {
  this.timeout(180000);
  let wb;

  suiteSetup(async () => { wb = await openWorkbench({ name: 'cache' }); });
  suiteTeardown(async () => { if (wb) await wb.close(); });
  teardown(async function () { if (wb) await wb.screenshotIfFailed(this.currentTest); });

  test('the cache is written into the workspace storage after indexing', async () => {
    await wb.waitForStatusBarText(/^\d[\d,]* notes?$/, 60000);
    await waitUntil('the cache file is written', () => cacheFiles(wb.server.runDir).length === 1);
  });

  test('Marginalia: Clear Index Cache deletes it and says so', async () => {
    await wb.runCommand('Marginalia: Clear Index Cache');
    let shown = [];
    const deadline = Date.now() + 15000;
    while (!shown.some(t => t.includes('index cache cleared')) && Date.now() < deadline) {
      await new Promise(resolve => setTimeout(resolve, 200));
      shown = await wb.notifications();
    }
    assert.ok(shown.some(t => t.includes('Marginalia: index cache cleared. The next opening reads every note again.')), JSON.stringify(shown));
    assert.deepStrictEqual(cacheFiles(wb.server.runDir), []);
    await wb.screenshot('cache-cleared');
  });
});
