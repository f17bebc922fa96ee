// The graph page's own logic in a real browser, with its clock in the test's hands: the built
// media/graph.js in the page the panel makes (its body and CSP), VS Code's side played by the
// test (acquireVsCodeApi records what the page posts; pictures are delivered as message events).
// Playwright's fake clock holds the page's timers, so "within the filter's 300 ms" is exact and
// "the stale filter was never sent" is checked after running the clock well past it. Also the
// legend's order (a vault can have hundreds of first tags).
// Needs `npm run build` (media/graph.js) and `npx tsc -p .` (out/: the page's body, the packing).
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { chromium } = require('../harness/node_modules/playwright-core');
const { ROOT } = require('../harness/server');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ORIGIN = 'http://graph.test';

function compiled(file) {
  const full = path.join(ROOT, 'out', file);
  if (!fs.existsSync(full)) throw new Error(`${full} is missing: run \`npx tsc -p .\` first`);
  return require(full);
}

/** The page as the panel makes it (html.ts), with the test as its VS Code. */
function pageHtml() {
  const { graphPageBody } = compiled('src/vscode/graph/pageBody.js');
  const { pageHead } = compiled('src/core/render/pageHead.js');
  const { contentSecurityPolicy } = compiled('src/core/render/contentPolicy.js');
  const nonce = 'graph-page-test';
  const csp = contentSecurityPolicy({ self: ORIGIN, scriptNonce: nonce, noteContent: false, workerFromBlob: true });
  return `${pageHead({ title: 'Graph', csp, stylesheets: [`${ORIGIN}/graph.css`] })}
<body>
${graphPageBody()}
<script nonce="${nonce}">
window.posted = [];
window.acquireVsCodeApi = () => ({ postMessage: m => window.posted.push(JSON.parse(JSON.stringify(m))) });
</script>
<script nonce="${nonce}" src="${ORIGIN}/graph.js"></script>
</body>
</html>`;
}

const DEFAULT_VIEW = { depth: 1, placeholders: false, tags: false, attachments: false, orphans: true, groupBy: 'folder', sizeBy: 'links', filter: '' };
/** The named view the drop-down offers: its controls differ from the defaults in every field the page shows. */
const VIEW = { name: 'Papers and tags', state: { depth: 1, placeholders: true, tags: true, attachments: false, orphans: false, groupBy: 'tag', sizeBy: 'pagerank', filter: 'path:papers/' } };

/** A whole picture as the panel posts it, for `state` and the page's change count `seq` the host last saw. */
function picture(state, seq, legend = [{ name: '/', count: 1 }, { name: 'papers/', count: 1 }, { name: 'people/', count: 1 }]) {
  const { packGraph } = compiled('src/core/graph/packedGraph.js');
  const note = (id, group, inLinks, outLinks) => ({ id, type: 'note', title: id.replace(/^.*\/|\.md$/g, ''), folder: id.includes('/') ? id.replace(/\/[^/]*$/, '') : '', group, inLinks, outLinks, weight: 1 });
  const graph = packGraph({
    nodes: [note('index.md', 0, 0, 2), note('papers/attention.md', 1, 1, 0), note('people/turing.md', 2, 1, 0)],
    edges: [{ source: 'index.md', target: 'papers/attention.md', kind: 'link', count: 1 }, { source: 'index.md', target: 'people/turing.md', kind: 'link', count: 1 }],
    groups: legend,
  });
  return { type: 'graph', graph, slots: [0, 1, 2], positions: [0, 0, 10, 0, 0, 10], state, seq, local: false, views: [VIEW.name] };
}

suite('graph page: its own logic (the filter box against the other controls on a held clock, the legend)', function () {
  this.timeout(60000);
  let browser;
  let page;

  /** What the page posted since `from` (its `ready`, and `stats` it reports for the tests, left out). */
  const postedSince = async from => (await page.evaluate(() => window.posted)).slice(from).filter(m => m.type !== 'ready' && m.type !== 'stats');
  const deliver = message => page.evaluate(m => window.dispatchEvent(new MessageEvent('message', { data: m })), message);
  const shownControls = () => page.evaluate(() => ({
    filter: document.getElementById('mg-graph-filter').value,
    placeholders: document.getElementById('mg-graph-placeholders').checked,
    tags: document.getElementById('mg-graph-tags').checked,
    orphans: document.getElementById('mg-graph-orphans').checked,
    groupBy: document.getElementById('mg-graph-group').value,
    sizeBy: document.getElementById('mg-graph-size').value,
  }));

  suiteSetup(async () => {
    if (!fs.existsSync(path.join(ROOT, 'media/graph.js'))) throw new Error('media/graph.js is missing: run `npm run build` first');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  });
  suiteTeardown(async () => { if (browser) await browser.close(); });

  setup(async () => {
    page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    const errors = [];
    page.on('pageerror', e => errors.push(e.message));
    page.errors = errors;
    const html = pageHtml();
    await page.route(`${ORIGIN}/**`, route => {
      const file = new URL(route.request().url()).pathname;
      if (file === '/') return route.fulfill({ contentType: 'text/html', body: html });
      if (file === '/graph.js' || file === '/graph.css') return route.fulfill({ path: path.join(ROOT, 'media', file) });
      return route.fulfill({ status: 404, body: '' });
    });
    await page.clock.install();
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => window.posted.some(m => m.type === 'ready'));
    await deliver(picture(DEFAULT_VIEW, 0));
    await page.waitForFunction(() => Number(document.getElementById('mg-graph-count').dataset.nodes) === 3);
    // From here on, time moves only when the test says so.
    await page.clock.pauseAt(Date.now() + 60000);
  });
  teardown(async () => {
    const errors = page.errors;
    await page.close();
    assert.deepStrictEqual(errors, [], 'the page threw no errors');
  });

  test('a view chosen while the filter\'s change waits: the view is asked for, the typed filter never sent', async () => {
    const from = (await page.evaluate(() => window.posted)).length;
    await page.locator('#mg-graph-filter').pressSequentially('tag:#ml');
    // The user turns to the drop-down (the focus leaves the filter box) within the 300 ms.
    await page.focus('#mg-graph-views');
    await page.selectOption('#mg-graph-views', VIEW.name);
    await page.clock.runFor(2000);
    assert.deepStrictEqual(await postedSince(from), [{ type: 'useView', name: VIEW.name }]);

    // The view's picture, built by a host that saw no control change from the page.
    await deliver(picture(VIEW.state, 0));
    const { depth, attachments, ...shown } = VIEW.state;
    assert.deepStrictEqual(await shownControls(), shown, 'the controls are the view\'s');
    assert.deepStrictEqual(await page.evaluate(() => window.marginaliaGraph.controls().state), VIEW.state);
    await page.clock.runFor(2000);
    assert.deepStrictEqual(await postedSince(from), [{ type: 'useView', name: VIEW.name }], 'nothing more was sent');
  });

  test('another control changed while the filter\'s change waits sends them together, once', async () => {
    const from = (await page.evaluate(() => window.posted)).length;
    await page.locator('#mg-graph-filter').pressSequentially('path:papers/');
    await page.setChecked('#mg-graph-tags', true);
    await page.clock.runFor(2000);
    assert.deepStrictEqual(await postedSince(from), [{ type: 'state', state: { ...DEFAULT_VIEW, tags: true, filter: 'path:papers/' }, seq: 1 }]);
  });

  test('the filter alone is sent 300 ms after the last key, once', async () => {
    const from = (await page.evaluate(() => window.posted)).length;
    await page.locator('#mg-graph-filter').pressSequentially('path:people/');
    await page.clock.runFor(299);
    assert.deepStrictEqual(await postedSince(from), [], 'not yet');
    await page.clock.runFor(1);
    assert.deepStrictEqual(await postedSince(from), [{ type: 'state', state: { ...DEFAULT_VIEW, filter: 'path:people/' }, seq: 1 }]);
    await page.clock.runFor(2000);
    assert.strictEqual((await postedSince(from)).length, 1, 'once');
  });

  test('a picture answering an older change of the controls leaves the newer controls in place', async () => {
    await page.setChecked('#mg-graph-tags', true);
    // The host's picture for the defaults, sent before it saw the page's change (seq 0 < 1).
    await deliver(picture(DEFAULT_VIEW, 0));
    assert.strictEqual(await page.isChecked('#mg-graph-tags'), true);
    await deliver(picture({ ...DEFAULT_VIEW, tags: true }, 1));
    assert.strictEqual(await page.isChecked('#mg-graph-tags'), true);
    assert.deepStrictEqual(await page.evaluate(() => window.marginaliaGraph.controls()), { changed: 1, shown: 1, state: { ...DEFAULT_VIEW, tags: true } });
  });

  test('the legend lists folders and first tags largest first; groups from the settings keep their order', async () => {
    // Met in this order (a vault's first tags can be hundreds): the largest should lead.
    const tags = [{ name: '#stub', count: 1 }, { name: '#math/algebra', count: 5 }, { name: '#reading', count: 1 }, { name: '#computing', count: 9 }];
    const legend = () => page.$$eval('#mg-graph-legend li', items => items.map(i => i.textContent));
    await deliver(picture({ ...DEFAULT_VIEW, groupBy: 'tag' }, 0, tags));
    assert.deepStrictEqual(await legend(), ['#computing (9)', '#math/algebra (5)', '#stub (1)', '#reading (1)']);
    await deliver(picture({ ...DEFAULT_VIEW, groupBy: 'queries' }, 0, tags));
    assert.deepStrictEqual(await legend(), ['#stub (1)', '#math/algebra (5)', '#reading (1)', '#computing (9)']);
  });

  test('more groups than colours: the largest listed in their colours, the rest as one row in the neutral colour', async () => {
    // 14 first tags (the palette has 10 colours), #t0 the smallest, #t13 the largest.
    const tags = Array.from({ length: 14 }, (_, i) => ({ name: `#t${i}`, count: i + 1 }));
    await deliver({ ...picture({ ...DEFAULT_VIEW, groupBy: 'tag' }, 0, tags), slots: undefined });
    const rows = await page.$$eval('#mg-graph-legend li', items => items.map(i => ({ text: i.textContent, fill: i.querySelector('.mg-swatch').style.background, rest: i.classList.contains('mg-legend-rest') })));
    assert.deepStrictEqual(rows.map(r => r.text), [...Array.from({ length: 10 }, (_, i) => `#t${13 - i} (${14 - i})`), '4 more groups (10)']);
    assert.deepStrictEqual(rows.map(r => r.rest), [...Array(10).fill(false), true]);
    const colours = rows.slice(0, 10).map(r => r.fill);
    assert.strictEqual(new Set(colours).size, 10, `ten colours, one each: ${colours}`);
    assert.ok(!colours.includes(rows[10].fill), 'the rest in a colour of its own');
    // Muted between the text colour (no theme here: #9d9d9d) and the background (#1e1e1e), not the text colour itself.
    const rest = rows[10].fill.match(/\d+/g).map(Number);
    assert.ok(rest.every(c => c > 0x1e && c < 0x9d), `the neutral colour ${rows[10].fill} lies between the text's and the background's`);
  });
});
