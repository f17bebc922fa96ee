// The first slice as a person meets it: wait for the note count, type `[[tra`, pick
// `transformers` from the list, get `[[transformers]]`, and follow it with F12.
const assert = require('assert');
const { openWorkbench } = require('./workbench');

/** The editor lines as text (monaco draws spaces as no-break spaces). */
async function editorLines(page) {
  return page.$$eval('.editor-instance .monaco-editor .view-lines .view-line',
    lines => lines.map(l => ({ top: parseFloat(l.style.top), text: l.textContent.replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top).map(l => l.text));
}

suite('linking notes in the editor', function () {
  this.timeout(180000);
  let wb;

  suiteSetup(async () => { wb = await openWorkbench({ name: 'editor' }); });
  suiteTeardown(async () => { if (wb) await wb.close(); });
  teardown(async function () { if (wb) await wb.screenshotIfFailed(this.currentTest); });

  test('the status bar shows the number of notes once they are indexed', async () => {
    const text = await wb.waitForStatusBarText(/^\d[\d,]* notes?$/, 60000);
    assert.ok(Number(text.replace(/\D/g, '')) > 0, text);
    await wb.screenshot('editor-1-indexed');
  });

  test('typing [[tra offers transformers first', async () => {
    await wb.openFile('gpt3.md');
    await wb.goToEndOfEditor();
    await wb.type('\n\nSee [[tra');
    const labels = await wb.suggestions(15000);
    assert.ok(labels, 'the suggestion list did not show');
    assert.strictEqual(labels[0], 'transformers', JSON.stringify(labels));
    await wb.screenshot('editor-2-suggestions');
  });

  test('accepting the suggestion leaves [[transformers]] and nothing more', async () => {
    await wb.page.keyboard.press('Enter');
    await wb.page.waitForFunction(() => !document.querySelector('.suggest-widget.visible'));
    const lines = await editorLines(wb.page);
    assert.ok(lines.includes('See [[transformers]]'), JSON.stringify(lines.slice(-5)));
    await wb.screenshot('editor-3-accepted');
  });

  test('F12 on the link opens transformers.md', async () => {
    await wb.page.keyboard.press('ArrowLeft');
    await wb.page.keyboard.press('ArrowLeft');
    await wb.page.keyboard.press('ArrowLeft');
    await wb.page.keyboard.press('F12');
    await wb.page.waitForFunction(() => document.querySelector('.tab.active')?.textContent.includes('transformers.md'),
      null, { timeout: 15000 });
    await wb.screenshot('editor-4-definition');
  });
});
