// A multi-root workspace (test/fixtures/multi-root): every folder is its own vault and a
// link never crosses into another folder.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { folder, marginalia, run, uriOf, waitFor, writeNote } from './marginalia';

/** Settles on the next change of workspace folders. */
function nextFolderChange(): Promise<void> {
  return new Promise(resolve => {
    const listener = vscode.workspace.onDidChangeWorkspaceFolders(() => { listener.dispose(); resolve(); });
  });
}

function notePaths(index: { notes(): Iterable<{ path: string }> }): string[] {
  return [...index.notes()].map(n => n.path).sort();
}

if (run === 'multi-root') suite('multi-root workspace', () => {
  test('each folder gets its own index', async () => {
    const api = await marginalia();
    assert.deepStrictEqual(notePaths(api.indexFor(folder('lab-notes'))!), ['ablation.md', 'experiment-log.md', 'todo.md']);
    assert.deepStrictEqual(notePaths(api.indexFor(folder('reading-list'))!), ['attention-paper.md', 'todo.md']);
  });

  test('the note count covers every folder', async () => {
    const api = await marginalia();
    assert.strictEqual(api.noteCount(), 5);
    assert.strictEqual(api.statusText(), '$(book) 5 notes');
  });

  test('a link resolves within its own folder', async () => {
    const api = await marginalia();
    const lab = api.indexFor(folder('lab-notes'))!;
    assert.deepStrictEqual(lab.resolve('todo', 'experiment-log.md'), { kind: 'note', path: 'todo.md', via: 'path' });
  });

  test('a note of another folder is a placeholder from here', async () => {
    const api = await marginalia();
    const lab = api.indexFor(folder('lab-notes'))!;
    assert.strictEqual(lab.resolve('attention-paper', 'experiment-log.md').kind, 'placeholder');
  });

  test('go to definition stays in the folder of the link', async () => {
    await marginalia();
    const doc = await vscode.workspace.openTextDocument(uriOf('experiment-log.md', 'lab-notes'));
    const at = doc.positionAt(doc.getText().indexOf('[[todo]]') + 3);
    const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider', doc.uri, at);
    const uris = found.map(l => ('targetUri' in l ? l.targetUri : l.uri).toString());
    assert.deepStrictEqual(uris, [uriOf('todo.md', 'lab-notes').toString()]);
  });

  test('a note created in one folder is indexed only there', async () => {
    const api = await marginalia();
    await writeNote(uriOf('fresh.md', 'reading-list'), '# Fresh, see [[todo]]');
    try {
      await waitFor('reading-list has it', () => api.indexFor(folder('reading-list'))!.has('fresh.md'));
      assert.strictEqual(api.indexFor(folder('lab-notes'))!.has('fresh.md'), false);
      assert.deepStrictEqual(api.indexFor(folder('reading-list'))!.backlinks('todo.md').map(b => b.source).sort(),
        ['attention-paper.md', 'fresh.md']);
    } finally {
      await vscode.workspace.fs.delete(uriOf('fresh.md', 'reading-list'));
    }
  });

  test('a folder added to the workspace gets an index of its own, dropped when it is removed', async () => {
    const api = await marginalia();
    const extra = vscode.Uri.joinPath(folder('lab-notes'), '..', 'extra-notes');
    await writeNote(vscode.Uri.joinPath(extra, 'extra.md'), '# Extra, see [[todo]]');
    const added = nextFolderChange();
    assert.ok(vscode.workspace.updateWorkspaceFolders(2, 0, { uri: extra }));
    await added;
    try {
      await waitFor('extra-notes is indexed', () => api.indexFor(extra)?.has('extra.md') === true);
      assert.strictEqual(api.indexFor(extra)!.resolve('todo', 'extra.md').kind, 'placeholder');
      assert.strictEqual(api.noteCount(), 6);
    } finally {
      const removed = nextFolderChange();
      vscode.workspace.updateWorkspaceFolders(2, 1);
      await removed;
    }
    assert.strictEqual(api.indexFor(extra), undefined);
    assert.strictEqual(api.noteCount(), 5);
  });
});

