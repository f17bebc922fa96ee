// The graph as a user meets it, in a real workbench and browser: Show Graph and Show Local
// Graph draw the sample vault (the node count read from the page), a real click on a drawn
// node opens its note in the editor, the dark theme, and no console errors from the webview.
// Screenshots go to .e2e/screenshots/graph-*.png (the README shows them).
const assert = require('assert');
const path = require('path');
const { openWorkbench, SCREENSHOTS } = require('./workbench');
const { graphFrame, settled } = require('./graphFrame');

async function shoot(wb, name, local) {
  await wb.screenshot(name);
  const panels = await wb.page.$$('iframe.webview.ready');
  for (const panel of panels) {
    const frame = await panel.contentFrame();
    const inner = frame && frame.childFrames()[0];
    const isLocal = inner && await inner.evaluate(() => document.body.classList.contains('mg-local')).catch(() => undefined);
    if (isLocal === local) await panel.screenshot({ path: path.join(SCREENSHOTS, `${name}-panel.png`) });
  }
}

suite('graph', function () {
  this.timeout(240000);
  let wb;
  const consoleErrors = [];

  suiteSetup(async () => {
    wb = await openWorkbench({ name: 'graph' });
    wb.page.on('console', m => {
      const url = m.location()?.url ?? '';
      if (m.type() === 'error' && /graph\.js|vscode-webview|vscode-cdn/.test(url)) consoleErrors.push(`${m.text()} (${url})`);
    });
    await wb.page.setViewportSize({ width: 1600, height: 1000 });
    await wb.waitForStatusBarText(/^\d[\d,]* notes?$/, 60000);
  });
  suiteTeardown(async () => { if (wb) await wb.close(); });
  teardown(async function () { if (wb) await wb.screenshotIfFailed(this.currentTest); });

  test('Show Graph draws the 13 notes of the sample vault, grouped by folder with a legend', async () => {
    await wb.openFile('transformers.md');
    await wb.runCommand('Marginalia: Show Graph');
    const frame = await graphFrame(wb.page, false);
    assert.strictEqual(await frame.evaluate(() => window.marginaliaGraph.nodeCount()), 13);
    assert.match(await frame.$eval('#mg-graph-count', e => e.textContent), /^13 notes/);
    const legend = await frame.$$eval('#mg-graph-legend li', es => es.map(e => e.textContent));
    assert.deepStrictEqual(legend, ['/ (8)', 'papers/ (2)', 'people/ (2)', 'podcasts/ (1)']);
    await settled(frame);
    // The bench's timeline (bench/graphVscode.mjs): frames stamped on the epoch clock, after the page began, in order.
    const t = await frame.evaluate(() => ({ ...window.marginaliaGraph.timings(), origin: performance.timeOrigin, now: performance.timeOrigin + performance.now() }));
    assert.ok(t.firstFrameAt > t.origin && t.firstFrameAt <= t.now, JSON.stringify(t).slice(0, 300));
    assert.ok(t.frames.length > 0 && t.frames.every((f, i) => f.at >= t.firstFrameAt && (i === 0 || f.at >= t.frames[i - 1].at) && f.ms >= 0));
    // The layout ran in its web worker (the CSP lets our blob: worker start), not on the page.
    assert.notStrictEqual(await frame.evaluate(() => window.marginaliaGraph.layoutRunsIn()), 'page');
    // No label overlaps another.
    const labels = await frame.evaluate(() => window.marginaliaGraph.labels());
    assert.ok(labels.length >= 3, `labels drawn: ${labels.map(l => l.id)}`);
    for (const [i, a] of labels.entries()) for (const b of labels.slice(i + 1)) {
      assert.ok(!(a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height), `labels of ${a.id} and ${b.id} overlap`);
    }
    await shoot(wb, 'graph-global', false);
  });

  test('a click on a drawn node opens that note in the editor', async () => {
    const frame = await graphFrame(wb.page, false);
    // Where the node is drawn, in the frame; the frame's place on the page added by the iframe's box.
    const at = await frame.evaluate(() => window.marginaliaGraph.positionOf('people/geoffrey-hinton.md'));
    const iframe = await frame.frameElement();
    const box = await iframe.boundingBox();
    await wb.page.mouse.move(box.x + at.x, box.y + at.y);
    await wb.page.mouse.click(box.x + at.x, box.y + at.y);
    await wb.page.waitForFunction(() => [...document.querySelectorAll('.tabs-container .tab.active')].some(t => /geoffrey-hinton\.md/.test(t.getAttribute('aria-label') ?? t.textContent)), null, { timeout: 15000 });
  });

  test('Show Local Graph draws the active note and its neighbours', async () => {
    await wb.openFile('geoffrey-hinton.md');
    await wb.runCommand('Marginalia: Show Local Graph');
    const frame = await graphFrame(wb.page, true);
    await frame.waitForFunction(() => window.marginaliaGraph.nodeCount() === 5, null, { timeout: 15000 });
    await settled(frame);
    await shoot(wb, 'graph-local', true);
  });

  test('in the dark theme the graph follows the theme colours', async () => {
    await wb.setColorTheme('Dark Modern');
    const frame = await graphFrame(wb.page, true);
    await frame.waitForFunction(() => {
      const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
      return r + g + b < 200;
    }, null, { timeout: 15000 });
    await frame.waitForTimeout(500);
    await shoot(wb, 'graph-dark', true);
  });

  test('the webviews logged no errors', async () => {
    assert.deepStrictEqual(consoleErrors, []);
    assert.deepStrictEqual(wb.pageErrors.filter(e => /graph/.test(String(e))), []);
  });
});
