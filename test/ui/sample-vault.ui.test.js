// The sample vault opens in a real workbench with the extension loaded.
const assert = require('assert');
const { useWorkbench } = require('./workbench');

suite('sample vault in the workbench', function () {
  this.timeout(120000);
  const workbench = useWorkbench({ name: 'sample-vault' });

  test('the explorer shows the notes and folders of the vault', async () => {
    const items = await workbench().explorerItems();
    for (const name of ['papers', 'people', 'podcasts', 'transformers.md', 'gpt3.md']) {
      assert.ok(items.some(i => i.startsWith(name)), `${name} not in the explorer: ${JSON.stringify(items)}`);
    }
  });

  test('a note opens in the editor from Quick Open', async () => {
    const wb = workbench();
    await wb.openFile('transformers.md');
    // Monaco draws spaces as no-break spaces.
    const text = (await wb.page.textContent('.editor-instance .monaco-editor .view-lines')).replace(/\u00a0/g, ' ');
    assert.ok(text.includes('Next Steps for Deep Learning'), `editor shows: ${text.slice(0, 200)}`);
    await wb.waitForStatusBarText(/^13 notes$/, 60000); // so the screenshot shows the extension at work
    await wb.screenshot('sample-vault-transformers');
  });
});
