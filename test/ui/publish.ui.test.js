// The published site in a real browser (headless chromium through playwright-core, as the
// other UI tests): `marginalia publish` on the sample vault, served over http, then read the
// way a visitor reads it: no console errors, sidenotes in the margin beside their reference
// without overlapping at 1,400 px, folded and opening on a click at 600 px, a popover on
// hover, search by a word of a body, and every page still reading with JavaScript off.
// Screenshots go to .e2e/screenshots/publish-*.png (the README's come from here).
const assert = require('assert');
const fs = require('fs');
const http = require('http');
const path = require('path');
const { spawnSync } = require('child_process');
// playwright-core is installed with the harness (test/harness/install.sh), as the other UI tests use it.
const { chromium } = require('../harness/node_modules/playwright-core');

const ROOT = path.resolve(__dirname, '../..');
const E2E = path.join(ROOT, '.e2e');
const SITE = path.join(E2E, 'runs', 'publish-site');
const SHOTS = path.join(E2E, 'screenshots');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json',
  '.png': 'image/png', '.woff2': 'font/woff2', '.xml': 'application/xml' };

/** A static file server over `root` (what GitHub Pages does: a folder's index.html for its URL). */
function serve(root) {
  const server = http.createServer((req, res) => {
    let file = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404).end('not found'); return; }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(server)));
}

suite('publish: the sample vault as a site, in chromium', function () {
  this.timeout(180000);
  let server;
  let browser;
  let base;
  const problems = [];

  suiteSetup(async () => {
    if (!fs.existsSync(path.join(ROOT, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
    fs.rmSync(SITE, { recursive: true, force: true });
    fs.mkdirSync(SHOTS, { recursive: true });
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'publish', path.join(ROOT, 'samples/research-notes'), SITE], { encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    server = await serve(SITE);
    base = `http://127.0.0.1:${server.address().port}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  });
  suiteTeardown(async () => {
    await browser?.close();
    server?.close();
  });

  async function open(url, { width = 1400, height = 900, javaScript = true, colorScheme = 'light' } = {}) {
    const context = await browser.newContext({ viewport: { width, height }, javaScriptEnabled: javaScript, colorScheme });
    const page = await context.newPage();
    page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${url}: ${m.text()}`); });
    page.on('pageerror', e => problems.push(`${url}: ${e.message}`));
    page.on('response', r => { if (r.status() >= 400) problems.push(`${url}: ${r.status()} ${r.url()}`); });
    await page.goto(base + url, { waitUntil: 'networkidle' });
    return { page, close: () => context.close() };
  }

  test('every page of the site opens with no console error, no failed request', async () => {
    const pages = [];
    const walk = dir => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name === 'index.html') pages.push(path.relative(SITE, path.dirname(p)).split(path.sep).join('/'));
      }
    };
    walk(SITE);
    assert.ok(pages.length > 25, `${pages.length} pages`);
    for (const url of pages) {
      const { close } = await open(url === '' ? '' : `${url}/`);
      await close();
    }
    assert.deepStrictEqual(problems, []);
  });

  test('at 1,400 px the sidenotes sit right of the text, beside their reference, none over another', async () => {
    const { page, close } = await open('transformers/');
    const boxes = await page.evaluate(() => {
      const text = document.querySelector('article.note > p').getBoundingClientRect();
      return [...document.querySelectorAll('article.note .sidenote')].filter(s => !s.closest('.backlinks')).map(s => {
        const r = s.getBoundingClientRect();
        const label = s.previousElementSibling.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, labelTop: label.top, textRight: text.right, visible: getComputedStyle(s).display !== 'none' };
      });
    });
    assert.ok(boxes.length >= 3, `${boxes.length} sidenotes`);
    boxes.forEach((b, i) => {
      assert.ok(b.visible, `sidenote ${i + 1} is shown`);
      assert.ok(b.left >= b.textRight, `sidenote ${i + 1} starts at ${b.left}, right of the text (${b.textRight})`);
      assert.ok(b.top >= b.labelTop - 24, `sidenote ${i + 1} (top ${b.top}) is not above its reference (${b.labelTop})`);
      if (i > 0) assert.ok(b.top >= boxes[i - 1].bottom - 0.5, `sidenote ${i + 1} (top ${b.top}) overlaps the one before (bottom ${boxes[i - 1].bottom})`);
    });
    // Beside: the first, which nothing pushes, starts on its reference's line.
    assert.ok(Math.abs(boxes[0].top - boxes[0].labelTop) < 24, `first sidenote at ${boxes[0].top}, its reference at ${boxes[0].labelTop}`);
    await page.locator('article.note label.sidenote-number').first().evaluate(e => e.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: path.join(SHOTS, 'publish-note-wide.png') });
    await close();
  });

  test('at 600 px the sidenotes fold behind their number and open on a click', async () => {
    const { page, close } = await open('transformers/', { width: 600, height: 900 });
    const first = page.locator('article.note label.sidenote-number').first();
    const note = page.locator('article.note .sidenote').first();
    assert.strictEqual(await note.isVisible(), false, 'folded');
    await first.scrollIntoViewIfNeeded();
    await first.click();
    assert.strictEqual(await note.isVisible(), true, 'opened by a click');
    await page.screenshot({ path: path.join(SHOTS, 'publish-note-narrow.png') });
    await close();
  });

  test('hovering a link to a note shows its opening in a popover', async () => {
    const { page, close } = await open('transformers/');
    const link = page.locator('article.note > p a.wikilink[href]').first();
    const target = await link.getAttribute('href');
    await link.hover();
    const popover = page.locator('.popover');
    await popover.waitFor({ state: 'visible', timeout: 5000 });
    const text = await popover.innerText();
    assert.ok(text.trim().length > 20, `popover for ${target}: ${text}`);
    await page.screenshot({ path: path.join(SHOTS, 'publish-popover.png') });
    await close();
  });

  test('search finds a note by a word of its body, and tags are searchable', async () => {
    const { page, close } = await open('search/');
    // "denoising" is written only in the bodies of bert.md and gpt3.md (a sidenote), never in a title.
    await page.fill('#mg-search-input', 'denoising');
    await page.locator('#mg-search-results li').first().waitFor({ timeout: 10000 });
    const titles = await page.locator('#mg-search-results li a').allInnerTexts();
    assert.ok(titles.includes('BERT') && titles.includes('GPT-3'), titles.join(', '));
    await page.screenshot({ path: path.join(SHOTS, 'publish-search.png') });
    await page.fill('#mg-search-input', 'econometrics');
    await page.waitForFunction(() => document.getElementById('mg-search-status').textContent.includes('note'));
    assert.ok((await page.locator('#mg-search-results li').count()) >= 1, 'a tag finds its notes');
    await close();
  });

  test('a tag page reads like the seed page, light and dark', async () => {
    const { page, close } = await open('tags/attention/');
    assert.ok((await page.locator('article.tag-page-note').count()) >= 2);
    await page.screenshot({ path: path.join(SHOTS, 'publish-tag-page.png') });
    await close();
    const dark = await open('transformers/', { colorScheme: 'dark' });
    const bg = await dark.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.notStrictEqual(bg, 'rgb(255, 255, 252)', 'the dark theme changes the background');
    await dark.page.screenshot({ path: path.join(SHOTS, 'publish-dark.png') });
    await dark.close();
  });

  test('the graph page draws the published notes with the graph view\'s renderer', async () => {
    const { page, close } = await open('graph/');
    await page.locator('#mg-graph').waitFor({ state: 'visible', timeout: 15000 });
    const box = await page.locator('#mg-graph').boundingBox();
    assert.ok(box && box.width > 300 && box.height > 200);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: path.join(SHOTS, 'publish-graph.png') });
    await close();
  });

  test('with JavaScript off every page still reads: text, sidenotes, links', async () => {
    const { page, close } = await open('transformers/', { javaScript: false });
    assert.ok((await page.locator('article.note p').count()) > 3);
    const boxes = await page.locator('article.note .sidenote').first().boundingBox();
    assert.ok(boxes && boxes.width > 100, 'sidenotes are laid out without a script');
    await close();
    const narrow = await open('transformers/', { javaScript: false, width: 600 });
    await narrow.page.locator('article.note label.sidenote-number').first().click();
    assert.ok(await narrow.page.locator('article.note .sidenote').first().isVisible(), 'a folded sidenote opens without a script');
    await narrow.close();
  });
});
