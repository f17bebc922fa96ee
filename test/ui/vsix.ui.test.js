// The packaged extension, as users get it: `npm run package` makes a .vsix holding only
// what runs, it installs into a fresh code-server, and it activates there on the sample vault.
const assert = require('assert');
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { openWorkbench } = require('./workbench');
const { ROOT, E2E } = require('../harness/server');

const { version } = require('../../package.json');
const VSIX = path.join(ROOT, `marginalia-${version}.vsix`);
const EXTENSIONS = path.join(E2E, 'runs', 'vsix-extensions');

// The vsix is a zip: list it with python3's zipfile (the harness installs python3).
function vsixEntries(file) {
  const out = execFileSync('python3', ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', file],
    { encoding: 'utf8' });
  return out.split('\n').filter(Boolean).sort();
}

suite('packaged extension (.vsix)', function () {
  this.timeout(180000);
  let wb;

  suiteSetup(() => {
    fs.rmSync(VSIX, { force: true });
    execFileSync('npm', ['run', 'package'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  });
  suiteTeardown(async () => {
    if (wb) await wb.close();
    // `npm run package` left a minified bundle without source maps: put the development build
    // back (a broken build is the build stage's failure to report, not this suite's).
    spawnSync('node', ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  });
  teardown(async function () { if (wb) await wb.screenshotIfFailed(this.currentTest); });

  test('the vsix holds only the bundles, media, the users\' page and its screenshots, LICENSE and package.json', () => {
    // vsce stores LICENSE as LICENSE.txt and the README (docs/marketplace.md, --readme-path) as readme.md.
    const allowed = /^(\[Content_Types\]\.xml|extension\.vsixmanifest|extension\/(package\.json|LICENSE\.txt|readme\.md|dist\/(extension|cli|render|bibtex|citeproc|scanWorkerMain)\.js|docs\/screenshots\/[^/]+\.png|media\/(?!README\.md$).+|syntaxes\/[^/]+\.tmLanguage\.json))$/;
    const entries = vsixEntries(VSIX);
    assert.deepStrictEqual(entries.filter(e => !allowed.test(e)), [], `unexpected files in ${path.basename(VSIX)}`);
    const required = ['extension/package.json', 'extension/LICENSE.txt', 'extension/dist/extension.js', 'extension/dist/scanWorkerMain.js', 'extension/dist/cli.js', 'extension/dist/render.js',
      'extension/dist/bibtex.js', 'extension/dist/citeproc.js', // loaded on demand: the full BibTeX reader, citeproc with its styles
      'extension/media/preview.js', 'extension/media/preview.css', 'extension/media/notes.css', 'extension/media/katex/katex.min.css',
      'extension/media/katex/fonts/KaTeX_Main-Regular.woff2', 'extension/media/marginalia.svg'];
    required.push('extension/readme.md');
    assert.deepStrictEqual(required.filter(e => !entries.includes(e)), [], 'missing from the vsix');
    // The users' page, not the developers' README; every screenshot it shows is in the package.
    const readme = execFileSync('python3', ['-c', 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("extension/readme.md").decode())', VSIX], { encoding: 'utf8' });
    assert.strictEqual(readme, fs.readFileSync(path.join(ROOT, 'docs/marketplace.md'), 'utf8'));
    const images = [...readme.matchAll(/\]\(([^)\s]+\.png)\)/g)].map(m => `extension/${m[1]}`);
    assert.ok(images.length > 0, 'the page shows screenshots');
    assert.deepStrictEqual(images.filter(i => !entries.includes(i)), [], 'screenshots the page shows but the vsix lacks');
  });

  test('the vsix installs into a fresh code-server extensions folder', () => {
    execFileSync('bash', [path.join(ROOT, 'test/harness/install-vsix.sh'), VSIX, EXTENSIONS], { stdio: 'inherit' });
    assert.ok(fs.existsSync(path.join(EXTENSIONS, `marginalia.marginalia-${version}`, 'dist', 'extension.js')));
  });

  test('the installed extension activates on the sample vault and counts its notes', async () => {
    wb = await openWorkbench({ name: 'vsix', development: false, extensionsDir: EXTENSIONS });
    await wb.waitForStatusBarText(/^13 notes$/, 60000); // the sample vault (test/fixtures/EXPECTED.md)
    await wb.screenshot('vsix-installed');
  });

  test('the installed extension previews a note: its render stack, KaTeX stylesheet and fonts are in the package', async () => {
    await wb.openFile('transformers.md');
    await wb.runCommand('Marginalia: Open Preview to the Side');
    let frame;
    for (const deadline = Date.now() + 30000; !frame && Date.now() < deadline; await wb.page.waitForTimeout(100)) {
      for (const f of wb.page.frames()) if (await f.$('#mg-content .katex').catch(() => null)) frame = f;
    }
    assert.ok(frame, 'the preview did not render math');
    // KaTeX_Main is a web font from media/katex/fonts: loaded means the packaged CSS found it.
    await frame.waitForFunction(() => document.fonts.check('16px KaTeX_Main'), null, { timeout: 20000 });
    await frame.evaluate(() => document.fonts.ready);
    const loaded = await frame.evaluate(() => [...document.fonts].some(f => f.family.includes('KaTeX_Main') && f.status === 'loaded'));
    assert.ok(loaded, 'KaTeX_Main was not loaded from the package');
    await wb.screenshot('vsix-preview');
  });
});
