// The preview as a reader meets it, in a real workbench and browser: a note with sidenotes
// and math, laid out in the margin at a wide window and folded at a narrow one (opened by a
// click on the number), KaTeX drawn, a wiki-link followed by the editor, the dark theme, and
// a tag page. Screenshots go to .e2e/screenshots/preview-*.png (the README shows them).
const assert = require('assert');
const path = require('path');
const { openWorkbench, previewFrame, SCREENSHOTS } = require('./workbench');

/** Where the first sidenote and its paragraph's text column are, in the frame's CSS px. */
function sidenoteLayout(frame) {
  return frame.evaluate(() => {
    const note = document.querySelector('.sidenote');
    const para = note.closest('p, li');
    const style = getComputedStyle(note);
    const text = document.querySelector('#mg-content > article > p, #mg-content > article > ul');
    return {
      width: window.innerWidth,
      display: style.display,
      noteLeft: note.getBoundingClientRect().left,
      textRight: text.getBoundingClientRect().right,
      paraTop: para.getBoundingClientRect().top,
      noteTop: note.getBoundingClientRect().top,
    };
  });
}

/** The whole window as `NAME.png`, and the preview panel alone as `NAME-panel.png` (for the README). */
async function shoot(wb, name) {
  await wb.screenshot(name);
  const panel = await wb.page.$('iframe.webview.ready');
  if (panel) await panel.screenshot({ path: path.join(SCREENSHOTS, `${name}-panel.png`) });
}

async function setWindowWidth(wb, width) {
  await wb.page.setViewportSize({ width, height: 900 });
}

suite('preview', function () {
  this.timeout(180000);
  let wb;
  let frame;

  suiteSetup(async () => {
    wb = await openWorkbench({ name: 'preview' });
    await wb.waitForStatusBarText(/^\d[\d,]* notes?$/, 60000);
  });
  suiteTeardown(async () => { if (wb) await wb.close(); });
  teardown(async function () { if (wb) await wb.screenshotIfFailed(this.currentTest); });

  test('Open Preview to the Side renders the note: KaTeX and no errors', async () => {
    await setWindowWidth(wb, 2100);
    await wb.openFile('transformers.md');
    await wb.runCommand('Marginalia: Open Preview to the Side');
    frame = await previewFrame(wb.page);
    await frame.waitForSelector('.katex', { timeout: 20000 });
    assert.strictEqual(await frame.$$eval('.katex-error', e => e.length), 0);
    assert.ok(await frame.$$eval('.katex', e => e.length) >= 3);
    assert.strictEqual(await frame.$$eval('#mg-content > article > p .sidenote, #mg-content > article > ul .sidenote', e => e.length), 3);
  });

  test('at a wide window the sidenotes sit right of the text column, beside their paragraph', async () => {
    await frame.waitForFunction(() => window.innerWidth >= 760, null, { timeout: 20000 });
    const layout = await sidenoteLayout(frame);
    assert.ok(layout.width >= 760, JSON.stringify(layout));
    assert.strictEqual(layout.display, 'block', JSON.stringify(layout));
    assert.ok(layout.noteLeft >= layout.textRight, `sidenote left of the text's right edge: ${JSON.stringify(layout)}`);
    assert.ok(Math.abs(layout.noteTop - layout.paraTop) < 80, `not beside its paragraph: ${JSON.stringify(layout)}`);
    await frame.evaluate(() => document.querySelector('.sidenote').closest('p, li').scrollIntoView({ block: 'center' }));
    await shoot(wb, 'preview-wide');
  });

  test('scrolling syncs both ways by source line', async () => {
    const firstVisibleBlockLine = () => frame.evaluate(() => {
      const blocks = [...document.querySelectorAll('#mg-content > article > [data-line]')];
      const top = blocks.find(b => b.getBoundingClientRect().bottom > 0);
      return top ? Number(top.dataset.line) : -1;
    });
    const firstEditorLine = () => wb.page.evaluate(() => Math.min(...[...document.querySelectorAll('.editor-instance .margin-view-overlays .line-numbers')]
      .filter(e => e.getBoundingClientRect().top >= e.closest('.monaco-editor').getBoundingClientRect().top)
      .map(e => Number(e.textContent)).filter(n => n > 0)));
    // The editor moves: the preview follows.
    await wb.page.click('.editor-instance .monaco-editor .view-lines');
    await wb.page.keyboard.press('Control+G');
    await wb.page.keyboard.type('100');
    await wb.page.keyboard.press('Enter');
    await frame.waitForFunction(() => {
      const blocks = [...document.querySelectorAll('#mg-content > article > [data-line]')];
      const top = blocks.find(b => b.getBoundingClientRect().bottom > 0);
      return top && Number(top.dataset.line) >= 60;
    }, null, { timeout: 15000 });
    const editorLine = await firstEditorLine();
    const previewLine = await firstVisibleBlockLine();
    assert.ok(Math.abs(previewLine + 1 - editorLine) < 20, `editor at ${editorLine}, preview at ${previewLine + 1}`);
    // The preview moves: the editor follows. The preview takes scroll events right after a sync
    // from the editor as that sync's own, and one from the editor may still be on its way: scroll
    // again (to another pixel near the top, so a scroll event fires) until the editor shows the top.
    const editorAtTop = () => wb.page.waitForFunction(() => {
      const numbers = [...document.querySelectorAll('.editor-instance .margin-view-overlays .line-numbers')].map(e => Number(e.textContent));
      return numbers.includes(1) || numbers.includes(2);
    }, null, { timeout: 3000 }).then(() => true, () => false);
    let followed = false;
    for (let attempt = 0; attempt < 5 && !followed; attempt++) {
      await frame.evaluate(y => window.scrollTo(0, y), attempt + 1);
      followed = await editorAtTop();
    }
    assert.ok(followed, 'the editor did not follow the preview to the top');
  });

  test('at a narrow window they fold away, and a click on the number opens one under its line', async () => {
    await setWindowWidth(wb, 1100);
    await frame.waitForFunction(() => window.innerWidth < 760, null, { timeout: 20000 });
    const folded = await sidenoteLayout(frame);
    assert.strictEqual(folded.display, 'none', JSON.stringify(folded));
    await frame.click('label.sidenote-number[for="mg-sn-1"]');
    await frame.waitForFunction(() => getComputedStyle(document.querySelector('.sidenote')).display === 'block');
    const open = await sidenoteLayout(frame);
    assert.ok(open.noteTop > open.paraTop, JSON.stringify(open));
    await frame.evaluate(() => document.querySelector('.sidenote').scrollIntoView({ block: 'center' }));
    await shoot(wb, 'preview-narrow');
  });

  test('the sidenote toggle answers the keyboard (Space on the focused checkbox)', async () => {
    await frame.focus('#mg-sn-2');
    await wb.page.keyboard.press('Space');
    await frame.waitForFunction(() => document.querySelector('#mg-sn-2').checked);
  });

  test('clicking a wiki-link opens that note in the editor, and the preview follows', async () => {
    await setWindowWidth(wb, 2100);
    await frame.click('a.wikilink[data-target="papers/attention-is-all-you-need"]');
    await wb.page.waitForFunction(() => document.querySelector('.tab.active')?.textContent.includes('attention-is-all-you-need.md'),
      null, { timeout: 15000 });
    frame = await previewFrame(wb.page);
    await frame.waitForFunction(() => document.querySelector('#mg-content > article')?.dataset.path === 'papers/attention-is-all-you-need.md',
      null, { timeout: 15000 });
  });

  test('typing updates the preview in place, math included (the time it takes is logged, not asserted)', async () => {
    await wb.goToEndOfEditor();
    await frame.evaluate(() => { window.mgNotReloaded = true; });
    await wb.type('\n\nTyped here: \\(a^2\\) done');
    const started = Date.now();
    await wb.type('!');
    await frame.waitForFunction(() => [...document.querySelectorAll('#mg-content p')].some(p => p.textContent.includes('done!')),
      null, { timeout: 15000 });
    console.log(`      keystroke to preview: ${Date.now() - started} ms (load average ${require('os').loadavg()[0].toFixed(1)})`);
    assert.ok(await frame.evaluate(() => [...document.querySelectorAll('#mg-content p')].some(p => p.textContent.includes('done!') && p.querySelector('.katex'))));
    assert.strictEqual(await frame.evaluate(() => window.mgNotReloaded), true, 'the same document, updated in place');
    await wb.page.keyboard.press('Control+Z');
  });

  test('in the dark theme the page follows the theme colours', async () => {
    await wb.openFile('transformers.md');
    frame = await previewFrame(wb.page);
    await frame.waitForFunction(() => document.querySelector('#mg-content > article')?.dataset.path === 'transformers.md', null, { timeout: 15000 });
    const light = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await wb.setColorTheme('Dark Modern');
    frame = await previewFrame(wb.page);
    await frame.waitForFunction(old => getComputedStyle(document.body).backgroundColor !== old, light, { timeout: 15000 });
    const dark = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = dark.match(/\d+/g).map(Number);
    assert.ok(r + g + b < 200, `dark background expected, got ${dark}`);
    await frame.evaluate(() => document.querySelector('.sidenote').closest('p, li').scrollIntoView({ block: 'center' }));
    await shoot(wb, 'preview-dark');
  });

  test('Show Tag Page lists every note of the tag, each in full with a header', async () => {
    await wb.runCommand('Marginalia: Show Tag Page');
    await wb.page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input');
    await wb.page.keyboard.type('#attention');
    await wb.page.waitForFunction(() => document.querySelector('.quick-input-list .monaco-list-row.focused')?.textContent.includes('#attention'));
    await wb.page.keyboard.press('Enter');
    frame = await previewFrame(wb.page);
    await frame.waitForSelector('.tag-page-title', { timeout: 15000 });
    const titles = await frame.$$eval('.tag-page-note .note-link', es => es.map(e => e.textContent));
    assert.ok(titles.length >= 2, JSON.stringify(titles));
    assert.deepStrictEqual(titles, [...titles].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));
    await shoot(wb, 'preview-tag-page');
  });
});
