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
    // The sample vault holds 13 notes (test/fixtures/EXPECTED.md).
    await wb.waitForStatusBarText(/^13 notes$/, 60000);
    await wb.screenshot('editor-1-indexed');
  });

  test('typing [[tra offers transformers first and the note not written yet last', async () => {
    await wb.openFile('gpt3.md');
    await wb.goToEndOfEditor();
    await wb.type('\n\nSee [[tra');
    const labels = await wb.suggestions(15000);
    assert.ok(labels, 'the suggestion list did not show');
    // Names that start with `tra`, then notes found by an alias, shown as that alias (bert's
    // "Bidirectional Encoder Representations from Transformers", attention-is-all-you-need's
    // "the transformer paper"), then the one note not written yet whose letters follow t-r-a
    // (toread, test/fixtures/EXPECTED.md), last.
    assert.deepStrictEqual(labels, ['transformers', 'Bidirectional Encoder Representations from Transformers', 'the transformer paper', 'toread']);
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

  test('closing an edited note without saving forgets the links typed into it', async () => {
    const { page } = wb;
    // insertText, not typing: the editor's bracket auto-closing varies with typing speed.
    await wb.openFile('reading-list.md');
    await wb.goToEndOfEditor();
    await page.keyboard.insertText('\n\nTo write: [[qqx-draft]]');
    await wb.openFile('bert.md');
    await wb.goToEndOfEditor();
    await page.keyboard.insertText('\n\nAlso to write: [[qqx-kept]]\n');
    await wb.type('[[qqx');
    const before = await qqxSuggestions(labels => labels.includes('qqx-kept'));
    assert.ok(before.includes('qqx-draft'), `the unsaved link is offered as a note to write: ${JSON.stringify(before)}`);
    await wb.screenshot('editor-5-unsaved-link-offered');
    await page.keyboard.press('Escape');

    const tab = page.locator('.tab', { hasText: 'reading-list.md' });
    await tab.hover();
    await tab.locator('.tab-actions .action-label').click();
    await page.click('.monaco-dialog-box .monaco-button:has-text("Don\'t Save")', { timeout: 15000 });
    await page.waitForFunction(() => document.querySelector('.tab.active')?.textContent.includes('bert.md'), null, { timeout: 15000 });
    const after = await qqxSuggestions(labels => labels.includes('qqx-kept') && !labels.includes('qqx-draft'));
    await wb.screenshot('editor-6-closed-unsaved');
    assert.ok(!after.includes('qqx-draft'), JSON.stringify(after));
  });

  /**
   * The suggestions at the cursor once `done` holds, asking again (Ctrl+Space) for up to
   * 10 s: the index hears of edits and closes a moment after they happen.
   */
  async function qqxSuggestions(done) {
    let labels = [];
    for (const deadline = Date.now() + 10000; Date.now() < deadline;) {
      labels = await wb.suggestions(3000) || [];
      if (done(labels)) break;
      await wb.page.keyboard.press('Escape');
      await wb.page.waitForTimeout(200);
      await wb.page.keyboard.press('Control+Space');
    }
    return labels;
  }
});
