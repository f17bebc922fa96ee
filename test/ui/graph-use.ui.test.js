// Working the graph panel as a user does, in a real workbench and browser: Save View into the
// workspace settings and choosing it again from the drop-down and from Use Graph View; a click
// that opens the note with the focus in the editor while the graph stays in view; Ctrl+click to
// the side; hovering a node (title, path, links in and out as `marginalia graph --json` counts
// them, the rest dimmed); + - and the arrows on the focused canvas; the list shown when the
// canvas cannot draw, walked with the keyboard and following the editor; hostile titles, folder
// and view names as text only; the canvas in the theme's colours, two dark themes included.
// Screenshots go to .e2e/screenshots/graph-use-*.png.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { openWorkbench } = require('./workbench');
const { ROOT } = require('../harness/server');
const { graphFrame, settled } = require('./graphFrame');

const nodesShown = frame => frame.$eval('#mg-graph-count', e => Number(e.dataset.nodes));
const waitForNodes = (frame, n) => frame.waitForFunction(n => Number(document.getElementById('mg-graph-count').dataset.nodes) === n, n, { timeout: 30000 });

/** Where a node is drawn, on the page: the frame's place added by its iframe's box. */
async function pageXY(frame, id) {
  const at = await frame.evaluate(id => window.marginaliaGraph.positionOf(id), id);
  assert.ok(at, `${id} is drawn`);
  const box = await (await frame.frameElement()).boundingBox();
  return { x: box.x + at.x, y: box.y + at.y };
}

/** The colour drawn on the canvas at a node's centre (or at a point of the canvas). */
function pixelAt(frame, where) {
  return frame.evaluate(where => {
    const canvas = document.getElementById('mg-graph-canvas');
    const r = canvas.getBoundingClientRect();
    // A node's centre (page coordinates in the frame), or a point given relative to the canvas.
    const p = typeof where === 'string' ? window.marginaliaGraph.positionOf(where) : { x: r.left + where.x, y: r.top + where.y };
    const dpr = canvas.width / r.width;
    return [...canvas.getContext('2d').getImageData(Math.round((p.x - r.left) * dpr), Math.round((p.y - r.top) * dpr), 1, 1).data].slice(0, 3);
  }, where);
}

/** The editor groups left to right: the label of each one's active tab. */
const groups = page => page.$$eval('.part.editor .editor-group-container', gs => gs.map(g => {
  const tab = g.querySelector('.tabs-container .tab.active');
  return tab ? (tab.getAttribute('aria-label') || tab.textContent).trim() : '';
}));

/** The graph panels' iframes that are on screen now. */
async function graphsInView(page) {
  let n = 0;
  for (const el of await page.$$('iframe.webview.ready')) if (await el.isVisible()) n++;
  return n;
}

function settingsViews(wsDir) {
  const file = path.join(wsDir, '.vscode', 'settings.json');
  if (!fs.existsSync(file)) return [];
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'))['marginalia.graph.views'] ?? [];
  } catch {
    return []; // being written
  }
}

async function waitUntil(what, check, timeout = 15000) {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise(r => setTimeout(r, 200));
  }
}

/**
 * Back to the default controls, through the controls, and the picture that answers the last
 * change drawn: built for the default controls, and no later change asked for (the filter box
 * sends its text 300 ms after the last key, so the count alone could be read before it).
 */
async function resetControls(frame) {
  await frame.fill('#mg-graph-filter', '');
  for (const [id, on] of [['placeholders', false], ['tags', false], ['attachments', false], ['orphans', true]]) {
    await frame.setChecked(`#mg-graph-${id}`, on);
  }
  await frame.selectOption('#mg-graph-group', 'folder');
  await frame.selectOption('#mg-graph-size', 'links');
  await frame.waitForFunction(() => {
    const { changed, shown, state: s } = window.marginaliaGraph.controls();
    return shown === changed && s.filter === '' && !s.placeholders && !s.tags && !s.attachments && s.orphans && s.groupBy === 'folder' && s.sizeBy === 'links';
  }, null, { timeout: 30000 });
}

suite('graph, as a user works it', function () {
  this.timeout(240000);
  let wb;
  const consoleErrors = [];
  const dialogs = [];

  suiteSetup(async () => {
    wb = await openWorkbench({ name: 'graph-use' });
    wb.page.on('console', m => {
      const url = m.location()?.url ?? '';
      if (m.type() === 'error' && /graph\.js|vscode-webview|vscode-cdn/.test(url)) consoleErrors.push(`${m.text()} (${url})`);
    });
    wb.page.on('dialog', d => { dialogs.push(d.message()); void d.dismiss(); });
    await wb.page.setViewportSize({ width: 1600, height: 1000 });
    await wb.waitForStatusBarText(/^\d[\d,]* notes?$/, 150000); // a busy machine
    await wb.openFile('transformers.md');
    await wb.runCommand('Marginalia: Show Graph');
    const frame = await graphFrame(wb.page, false);
    await waitForNodes(frame, 13);
    await settled(frame);
  });
  suiteTeardown(async () => { if (wb) await wb.close(); });
  teardown(async function () { if (wb) await wb.screenshotIfFailed(this.currentTest); });

  test('Save View keeps the controls in the workspace settings; the drop-down brings them back', async () => {
    const frame = await graphFrame(wb.page, false);
    await frame.fill('#mg-graph-filter', 'path:papers/');
    await waitForNodes(frame, 2);
    await frame.setChecked('#mg-graph-tags', true);
    await frame.selectOption('#mg-graph-group', 'tag');
    await frame.selectOption('#mg-graph-size', 'pagerank');
    await frame.waitForFunction(() => Number(document.getElementById('mg-graph-count').dataset.nodes) > 2, null, { timeout: 15000 });
    const withTags = await nodesShown(frame);
    await frame.click('#mg-graph-save');
    await wb.page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 15000 });
    await wb.type('Papers and tags');
    await wb.page.keyboard.press('Enter');
    await waitUntil('the view is in .vscode/settings.json', () => settingsViews(wb.wsDir).some(v => v.name === 'Papers and tags'));
    const saved = settingsViews(wb.wsDir).find(v => v.name === 'Papers and tags');
    assert.deepStrictEqual(saved, { name: 'Papers and tags', depth: 1, placeholders: false, tags: true, attachments: false, orphans: true, groupBy: 'tag', sizeBy: 'pagerank', filter: 'path:papers/' });
    await frame.waitForFunction(() => [...document.querySelectorAll('#mg-graph-views option')].some(o => o.value === 'Papers and tags'), null, { timeout: 15000 });

    await resetControls(frame);
    assert.strictEqual(await nodesShown(frame), 13);
    // The focus is in the panel's controls (no editor active): the note in the editor stays the active one.
    await frame.waitForFunction(() => window.marginaliaGraph.active() === 'transformers.md', null, { timeout: 10000 });
    await frame.selectOption('#mg-graph-views', 'Papers and tags');
    await waitForNodes(frame, withTags);
    assert.strictEqual(await frame.inputValue('#mg-graph-filter'), 'path:papers/');
    assert.strictEqual(await frame.isChecked('#mg-graph-tags'), true);
    assert.strictEqual(await frame.inputValue('#mg-graph-group'), 'tag');
    assert.strictEqual(await frame.inputValue('#mg-graph-size'), 'pagerank');
    await wb.screenshot('graph-use-view');
  });

  test('Use Graph View from the command palette applies a saved view', async () => {
    const frame = await graphFrame(wb.page, false);
    await resetControls(frame);
    assert.strictEqual(await nodesShown(frame), 13);
    await wb.runCommand('Marginalia: Use Graph View');
    await wb.page.waitForFunction(t => document.querySelector('.quick-input-list .monaco-list-row.focused')?.textContent.includes(t), 'Papers and tags', { timeout: 15000 });
    await wb.page.keyboard.press('Enter');
    await frame.waitForFunction(() => document.getElementById('mg-graph-filter').value === 'path:papers/', null, { timeout: 15000 });
    assert.ok(await nodesShown(frame) > 2);
    await resetControls(frame);
    assert.strictEqual(await nodesShown(frame), 13);
  });

  test('a click opens the note in the editor, with the focus; the graph stays in view', async () => {
    const frame = await graphFrame(wb.page, false);
    await settled(frame);
    const at = await pageXY(frame, 'gpt3.md');
    await wb.page.mouse.move(at.x, at.y);
    await wb.page.mouse.click(at.x, at.y);
    await wb.page.waitForFunction(() => /gpt3\.md/.test(document.querySelector('.part.editor .editor-group-container.active .tab.active')?.getAttribute('aria-label') ?? ''), null, { timeout: 15000 });
    await wb.page.waitForFunction(() => !!document.activeElement?.closest('.editor-instance .monaco-editor'), null, { timeout: 10000 });
    assert.deepStrictEqual((await groups(wb.page)).map(l => l.split(',')[0]), ['gpt3.md', 'Graph']);
    assert.strictEqual(await graphsInView(wb.page), 1, 'the graph is still in view');
    // Typing goes to the note now.
    await wb.page.keyboard.press('Control+End');
    await wb.type('typed after a click in the graph');
    await wb.page.waitForSelector('.tab.active.dirty', { timeout: 10000 });
    await wb.runCommand('File: Revert File');
    await wb.page.waitForSelector('.tab.active.dirty', { state: 'detached', timeout: 10000 });
  });

  test('hovering a node shows its title, path and links in and out as the CLI counts them, and dims the rest', async () => {
    const frame = await graphFrame(wb.page, false);
    await settled(frame);
    const cli = JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'graph', wb.wsDir, '--json', '--no-placeholders', '--no-attachments'], { encoding: 'utf8' }));
    const hinton = cli.nodes.find(n => n.id === 'people/geoffrey-hinton.md');
    const far = 'reading-list.md'; // not a neighbour of Geoffrey Hinton
    assert.ok(!cli.edges.some(e => [e.source, e.target].includes(far) && [e.source, e.target].includes(hinton.id)));
    await wb.page.mouse.move(5, 500); // off the graph (the last click left the pointer on a node): nothing dimmed
    await frame.waitForSelector('.mg-graph-tooltip', { state: 'hidden', timeout: 10000 });
    await frame.waitForTimeout(300);
    const before = await pixelAt(frame, far);
    const at = await pageXY(frame, hinton.id);
    await wb.page.mouse.move(at.x - 30, at.y - 30);
    await wb.page.mouse.move(at.x, at.y, { steps: 3 });
    await frame.waitForSelector('.mg-graph-tooltip:not([hidden])', { timeout: 10000 });
    const lines = await frame.$$eval('.mg-graph-tooltip > *', es => es.map(e => e.textContent));
    assert.deepStrictEqual(lines, ['Geoffrey Hinton', 'people/geoffrey-hinton.md', `${hinton.inLinks} in · ${hinton.outLinks} out`]);
    await frame.waitForTimeout(300);
    const after = await pixelAt(frame, far);
    const background = await pixelAt(frame, { x: 2, y: 2 });
    const distance = (a, b) => a.reduce((s, v, i) => s + Math.abs(v - b[i]), 0);
    assert.ok(distance(after, background) < distance(before, background) / 2, `reading-list.md dimmed: ${before} → ${after} (background ${background})`);
    await wb.screenshot('graph-use-hover');
    await wb.page.mouse.move(5, 500);
    await frame.waitForSelector('.mg-graph-tooltip', { state: 'hidden', timeout: 10000 });
  });

  test('Ctrl+click opens the note to the side: the editor keeps its note, the graph stays in view', async () => {
    const frame = await graphFrame(wb.page, false);
    const at = await pageXY(frame, 'bert.md');
    await wb.page.mouse.move(at.x, at.y);
    await wb.page.keyboard.down('Control');
    await wb.page.mouse.click(at.x, at.y);
    await wb.page.keyboard.up('Control');
    await wb.page.waitForFunction(() => document.querySelectorAll('.part.editor .editor-group-container').length === 3, null, { timeout: 15000 });
    const labels = (await groups(wb.page)).map(l => l.split(',')[0]);
    assert.deepStrictEqual(labels, ['gpt3.md', 'Graph', 'bert.md']);
    assert.strictEqual(await graphsInView(wb.page), 1, 'the graph is still in view');
    await wb.screenshot('graph-use-side');
    await wb.page.click('.part.editor .editor-group-container.active .tab.active .tab-actions .action-label');
    await wb.page.waitForFunction(() => document.querySelectorAll('.part.editor .editor-group-container').length === 2, null, { timeout: 15000 });
  });

  test('with the canvas focused, + and - zoom around the centre and the arrows pan', async () => {
    const frame = await graphFrame(wb.page, false);
    await settled(frame);
    const box = await (await frame.$('#mg-graph-canvas')).boundingBox();
    await wb.page.mouse.click(box.x + 4, box.y + 4); // the background: nothing opens, the canvas has the focus
    await frame.waitForFunction(() => document.activeElement?.id === 'mg-graph-canvas', null, { timeout: 10000 }).catch(async e => {
      const where = await frame.evaluate(() => `${document.activeElement?.tagName}#${document.activeElement?.id}, hasFocus ${document.hasFocus()}`);
      throw new Error(`a click on the canvas did not focus it (focus: ${where}): ${e.message}`);
    });
    const where = () => frame.evaluate(() => ['transformers.md', 'gpt3.md'].map(id => window.marginaliaGraph.positionOf(id)));
    const apart = ([a, b]) => Math.hypot(a.x - b.x, a.y - b.y);
    const start = await where();
    await wb.page.keyboard.press('+');
    await frame.waitForTimeout(100);
    const zoomed = await where();
    assert.ok(Math.abs(apart(zoomed) / apart(start) - 1.25) < 0.01, `+ zooms in by 1.25 (${apart(start)} → ${apart(zoomed)})`);
    await wb.page.keyboard.press('-');
    await frame.waitForTimeout(100);
    const back = await where();
    assert.ok(Math.abs(apart(back) / apart(start) - 1) < 0.01, '- zooms out again');
    await wb.page.keyboard.press('ArrowLeft');
    await wb.page.keyboard.press('ArrowUp');
    await frame.waitForTimeout(100);
    const panned = await where();
    assert.ok(Math.abs(panned[0].x - back[0].x - 60) < 1 && Math.abs(panned[0].y - back[0].y - 60) < 1, `the arrows pan the view (${JSON.stringify(back[0])} → ${JSON.stringify(panned[0])})`);
    await wb.page.keyboard.press('ArrowRight');
    await wb.page.keyboard.press('ArrowDown');
    await frame.waitForTimeout(100);
    const home = await where();
    assert.ok(Math.abs(home[0].x - back[0].x) < 1 && Math.abs(home[0].y - back[0].y) < 1);
    assert.strictEqual(await groups(wb.page).then(g => g.length), 2, 'no note opened');
  });

  test('when the canvas cannot draw, the panel says so and lists the neighbourhood, walked with the keyboard', async () => {
    await wb.page.keyboard.press('Control+1'); // the editor's group, not the graph's
    await wb.openFile('geoffrey-hinton.md');
    await wb.runCommand('Marginalia: Show Local Graph');
    const frame = await graphFrame(wb.page, true);
    await waitForNodes(frame, 5);
    // As on a remote setup without a canvas: from now on the page gets none.
    await frame.evaluate(() => { HTMLCanvasElement.prototype.getContext = () => null; });
    await frame.selectOption('#mg-graph-depth', '2');
    await frame.waitForSelector('#mg-graph-fallback:not([hidden])', { timeout: 15000 });
    await frame.selectOption('#mg-graph-depth', '1');
    await waitForNodes(frame, 5);
    const said = await frame.$eval('#mg-graph-fallback p', e => e.textContent);
    assert.match(said, /cannot be drawn here/);
    const titles = () => frame.$$eval('#mg-graph-fallback li button', bs => bs.map(b => b.textContent));
    assert.deepStrictEqual((await titles()).sort(), ['Deep Learning', 'Geoffrey Hinton', 'Ilya Sutskever', 'Self-supervised learning', 'Transformers']);
    // Nothing covers the list: the first item is what a pointer over it hits.
    assert.ok(await frame.$eval('#mg-graph-fallback li button', b => {
      const r = b.getBoundingClientRect();
      return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === b;
    }), 'the list is on top, not under the canvas');
    await wb.screenshot('graph-use-fallback');

    // Keyboard: into the list with Tab (one tab stop), the arrows walk it, Enter opens.
    await frame.click('#mg-graph-fallback p');
    await wb.page.keyboard.press('Tab');
    const focused = () => frame.evaluate(() => document.activeElement?.textContent);
    const list = await titles();
    assert.strictEqual(await focused(), list[0]);
    await wb.page.keyboard.press('ArrowDown');
    assert.strictEqual(await focused(), list[1]);
    await wb.page.keyboard.press('End');
    assert.strictEqual(await focused(), list[list.length - 1]);
    await wb.page.keyboard.press('Home');
    assert.strictEqual(await focused(), list[0]);
    for (let i = 0; i < list.indexOf('Ilya Sutskever'); i++) await wb.page.keyboard.press('ArrowDown');
    assert.strictEqual(await focused(), 'Ilya Sutskever');
    await wb.page.keyboard.press('Enter');
    await wb.page.waitForFunction(() => /ilya-sutskever\.md/.test(document.querySelector('.part.editor .tab.active')?.getAttribute('aria-label') ?? ''), null, { timeout: 15000 });
    // The list follows the editor: Ilya Sutskever's neighbourhood now.
    await frame.waitForFunction(() => [...document.querySelectorAll('#mg-graph-fallback li button')].some(b => b.textContent === 'Episode with Ilya'), null, { timeout: 15000 });
    assert.deepStrictEqual((await titles()).sort(), ['Deep Learning', 'Episode with Ilya', 'GPT-3', 'Geoffrey Hinton', 'Ilya Sutskever']);
  });

  test('hostile titles, folder and view names show as text only', async () => {
    const evil = '<img src=x onerror="window.__pwned=1;alert(1)">';
    const folderName = '<b onmouseover=alert(2)>hostile';
    fs.mkdirSync(path.join(wb.wsDir, folderName), { recursive: true });
    fs.writeFileSync(path.join(wb.wsDir, folderName, 'evil.md'), `---\ntitle: '${evil}'\ntags: ['<svg onload=alert(3)>']\n---\n#x<script>alert(4)</script>\n[[gpt3]]\n`);
    const id = `${folderName}/evil.md`;
    const frameBefore = await graphFrame(wb.page, false);
    const scripts = await frameBefore.evaluate(() => document.scripts.length); // ours and VS Code's
    const settingsFile = path.join(wb.wsDir, '.vscode', 'settings.json');
    const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
    settings['marginalia.graph.views'] = [...settings['marginalia.graph.views'], { name: '<img src=y onerror=alert(5)>', depth: 1, placeholders: false, tags: true, attachments: false, orphans: true, groupBy: 'folder', sizeBy: 'links', filter: '' }];
    fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
    // The global graph again, in front of the local one: a click on its tab.
    const tabs = await wb.page.$$('.part.editor .tab');
    for (const tab of tabs) if ((await tab.textContent()).trim() === 'Graph') await tab.click();
    const frame = await graphFrame(wb.page, false);
    await frame.waitForFunction(id => window.marginaliaGraph.ids().includes(id), id, { timeout: 20000 });
    await frame.setChecked('#mg-graph-tags', true); // a whole picture: the views' names come with it
    await frame.waitForFunction(() => [...document.querySelectorAll('#mg-graph-views option')].some(o => o.value.startsWith('<img')), null, { timeout: 15000 });
    await settled(frame);
    const at = await pageXY(frame, id);
    await wb.page.mouse.move(at.x - 30, at.y - 30);
    await wb.page.mouse.move(at.x, at.y, { steps: 3 });
    await frame.waitForSelector('.mg-graph-tooltip:not([hidden])', { timeout: 10000 });
    assert.deepStrictEqual(await frame.$$eval('.mg-graph-tooltip > *', es => es.map(e => e.textContent)).then(l => l.slice(0, 2)), [evil, id]);
    const legend = await frame.$$eval('#mg-graph-legend li', es => es.map(e => e.textContent));
    assert.ok(legend.includes(`${folderName}/ (1)`), `the folder is in the legend as text: ${legend}`);
    for (const tag of (await frame.evaluate(() => window.marginaliaGraph.ids())).filter(t => t.startsWith('#') && /[<>]/.test(t))) {
      const p = await pageXY(frame, tag);
      await wb.page.mouse.move(p.x, p.y, { steps: 3 });
      await frame.waitForFunction(t => document.querySelector('.mg-graph-tooltip:not([hidden]) strong')?.textContent === t, tag, { timeout: 10000 });
    }
    await wb.screenshot('graph-use-hostile');
    const markup = await frame.evaluate(() => ({
      elements: document.querySelectorAll('img, svg, b').length,
      scripts: document.scripts.length,
      pwned: window.__pwned === 1,
    }));
    assert.deepStrictEqual(markup, { elements: 0, scripts, pwned: false });
    assert.deepStrictEqual(dialogs, []);
    await wb.page.mouse.move(5, 500);
    await frame.setChecked('#mg-graph-tags', false);
  });

  test('the canvas is drawn in the theme\'s colours: light, Dark Modern, Solarized Dark', async () => {
    const frame = await graphFrame(wb.page, false);
    const background = () => frame.evaluate(() => getComputedStyle(document.body).backgroundColor.match(/\d+/g).slice(0, 3).map(Number));
    const canvasMatchesTheme = async () => {
      await frame.waitForTimeout(300);
      const want = await background();
      const got = await pixelAt(frame, { x: 2, y: 2 });
      return want.every((v, i) => Math.abs(v - got[i]) <= 2) ? undefined : `canvas ${got}, theme ${want}`;
    };
    assert.strictEqual(await canvasMatchesTheme(), undefined);
    for (const theme of ['Dark Modern', 'Solarized Dark']) {
      const was = await background();
      await wb.setColorTheme(theme);
      await frame.waitForFunction(was => getComputedStyle(document.body).backgroundColor.match(/\d+/g).slice(0, 3).join() !== was.join(), was, { timeout: 15000 });
      await waitUntil(`the canvas follows ${theme}`, async () => (await canvasMatchesTheme()) === undefined);
      await wb.screenshot(`graph-use-${theme.toLowerCase().replace(/ /g, '-')}`);
    }
  });

  test('the webviews logged no errors', async () => {
    assert.deepStrictEqual(consoleErrors, []);
    assert.deepStrictEqual(wb.pageErrors.filter(e => /graph/.test(String(e))), []);
  });
});
