// Proves the harness: the working copy is loaded into a real VS Code and activates,
// in whichever workspace this run opened (MARGINALIA_TEST_RUN: single | multi-root).
import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'marginalia.marginalia';

suite('smoke', () => {
  test('the Marginalia extension is loaded into VS Code', () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} is not among the extensions`);
  });

  test('the Marginalia extension activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });

  test('the workspace is the one this run opened', () => {
    const names = (vscode.workspace.workspaceFolders ?? []).map(f => f.name);
    if (process.env.MARGINALIA_TEST_RUN === 'multi-root') {
      assert.deepStrictEqual(names, ['lab-notes', 'reading-list']);
    } else {
      assert.deepStrictEqual(names, ['research-notes']);
    }
  });
});
