// A citation as a reader meets it in the preview: its full reference in the right margin beside
// the citing sentence at a 1,400 px window, folded away at 600 px and opened by a click on its
// number; a References section at the end. Screenshots: .e2e/screenshots/citations-*.png.
const assert = require('assert');
const { openWorkbench, previewFrame } = require('./workbench');

function layout(frame) {
  return frame.evaluate(() => {
    const note = document.querySelector('.citation-sidenote');
    const para = note.closest('p, li');
    const box = note.getBoundingClientRect();
    return {
      width: window.innerWidth,
      display: getComputedStyle(note).display,
      text: note.textContent,
      noteLeft: box.left,
      noteTop: box.top,
      paraRight: para.getBoundingClientRect().right,
      paraTop: para.getBoundingClientRect().top,
      references: document.querySelectorAll('section.references li').length,
    };
  });
}

suite('citations in the preview', function () {
  this.timeout(180000);
  let wb;
  let frame;

  suiteSetup(async () => {
    wb = await openWorkbench({ name: 'citations' });
    await wb.waitForStatusBarText(/^\d[\d,]* notes?$/, 60000);
  });
  suiteTeardown(async () => { if (wb) await wb.close(); });
  teardown(async function () { if (wb) await wb.screenshotIfFailed(this.currentTest); });

  test('at 1,400 px the reference sits in the right margin beside the citing sentence', async () => {
    await wb.page.setViewportSize({ width: 1400, height: 900 });
    await wb.openFile('deep-learning.md');
    await wb.runCommand('Marginalia: Open Preview');
    frame = await previewFrame(wb.page, 30000, '#mg-content .citation-sidenote');
    await frame.evaluate(() => document.querySelector('.citation-sidenote').closest('p, li').scrollIntoView({ block: 'center' }));
    const wide = await layout(frame);
    assert.strictEqual(wide.display, 'block', JSON.stringify(wide));
    assert.match(wide.text, /Goodfellow, Ian, Yoshua Bengio, and Aaron Courville\. 2016\./);
    assert.ok(wide.noteLeft >= wide.paraRight - 1, `not in the right margin: ${JSON.stringify(wide)}`);
    assert.ok(Math.abs(wide.noteTop - wide.paraTop) < 80, `not beside its sentence: ${JSON.stringify(wide)}`);
    assert.strictEqual(wide.references, 2);
    await wb.screenshot('citations-margin');
  });

  test('at 600 px it folds away, and a click on its number opens it under the line', async () => {
    await wb.page.setViewportSize({ width: 600, height: 900 });
    await frame.waitForFunction(() => getComputedStyle(document.querySelector('.citation-sidenote')).display === 'none', null, { timeout: 20000 });
    const id = await frame.evaluate(() => document.querySelector('.citation-sidenote').previousElementSibling.getAttribute('for'));
    await frame.click(`label.sidenote-number[for="${id}"]`);
    await frame.waitForFunction(() => getComputedStyle(document.querySelector('.citation-sidenote')).display === 'block');
    const open = await layout(frame);
    assert.ok(open.noteTop > open.paraTop, JSON.stringify(open));
    await frame.evaluate(() => document.querySelector('.citation-sidenote').scrollIntoView({ block: 'center' }));
    await wb.screenshot('citations-folded');
  });
});
