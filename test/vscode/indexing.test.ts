// Indexing the sample vault: activation, counts, the status bar, and files that are
// not notes at all (binary, not UTF-8) named and skipped without stopping the rest.
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { folder, marginalia, run, uriOf, waitFor, writeNote } from './marginalia';

const excluded = '{**/node_modules/**,**/.git/**,**/out/**,**/dist/**,**/.obsidian/**,**/.trash/**,**/.vscode/**}';

async function markdownFiles(): Promise<string[]> {
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder(), '**/*.md'), excluded);
  return found.map(u => vscode.workspace.asRelativePath(u, false)).sort();
}

if (run === 'single') suite('indexing the vault', () => {
  test('the extension activates by itself on a folder of notes', async () => {
    const extension = vscode.extensions.getExtension('marginalia.marginalia');
    assert.ok(extension);
    await waitFor('Marginalia is active', () => extension.isActive, 20000);
  });

  test('every markdown file of the folder is a note in the index', async () => {
    const api = await marginalia();
    const files = await markdownFiles();
    const index = api.indexFor(folder())!;
    assert.ok(files.length > 0, 'the fixture has notes');
    assert.deepStrictEqual([...index.notes()].map(n => n.path).sort(), files);
    assert.strictEqual(api.noteCount(), files.length);
  });

  test('the status bar shows the note count once indexing is done', async () => {
    const api = await marginalia();
    // Redrawn at most every 200 ms while notes change: earlier suites just deleted theirs.
    await waitFor('the status shows the count', () => api.statusText() === `$(book) ${api.noteCount().toLocaleString('en')} notes`);
  });

  test('the reindex command builds the index again from disk', async () => {
    const api = await marginalia();
    const before = api.indexFor(folder());
    await vscode.commands.executeCommand('marginalia.reindex');
    await api.ready();
    assert.notStrictEqual(api.indexFor(folder()), before);
    assert.strictEqual(api.noteCount(), (await markdownFiles()).length);
  });

  // A deleted file's dirty editor stays open, marked "(deleted)" (VS Code; Obsidian closes it):
  // its text is not a note of the vault until it is saved again, whatever events come late.
  test('after Reindex, an unsaved editor of a note deleted on disk does not bring it back, until saved', async function () {
    this.timeout(90000); // two rebuilds' worth of waiting, and a save, on a busy machine
    const api = await marginalia();
    const index = () => api.indexFor(folder())!;
    const gone = uriOf('deleted-while-open.md');
    await writeNote(gone, new TextEncoder().encode('# Deleted while open\n'));
    const editor = await vscode.window.showTextDocument(gone);
    await editor.edit(e => e.insert(new vscode.Position(1, 0), 'typed, not saved\n'));
    // The unsaved text is in the index (edits reach it after a short pause) before the file goes.
    await waitFor('the unsaved edit indexed', () => index().indexedFrom('deleted-while-open.md', editor.document.getText()), 30000);
    assert.ok(editor.document.getText().includes('typed, not saved'));
    await vscode.workspace.fs.delete(gone);
    const other = await vscode.window.showTextDocument(uriOf('bert.md'), { viewColumn: vscode.ViewColumn.Beside });
    try {
      await vscode.commands.executeCommand('marginalia.reindex');
      await api.ready();
      assert.ok(!index().has('deleted-while-open.md'), 'the deleted note is not in the index');
      assert.strictEqual(api.noteCount(), (await markdownFiles()).length);
      // Typing on in the deleted file's editor does not bring it back either. Edits reach the
      // index in the order typed, so once a later edit of another note is in, this one was seen.
      await editor.edit(e => e.insert(new vscode.Position(0, 0), 'more, still not saved\n'));
      await new Promise(resolve => setTimeout(resolve, 150));
      await other.edit(e => e.insert(new vscode.Position(0, 0), 'marker-after-the-deleted-edit\n'));
      await waitFor('the later edit indexed', () => other.document.getText().includes('marker-after-the-deleted-edit') && index().indexedFrom('bert.md', other.document.getText()));
      assert.ok(!index().has('deleted-while-open.md'), 'typing in the deleted file\'s editor does not index it');
      // Saved again, it is a file and a note once more.
      assert.ok(await editor.document.save(), 'the deleted file saved again');
      await waitFor('the saved note indexed', () => index().indexedFrom('deleted-while-open.md', editor.document.getText()));
      assert.ok(editor.document.getText().includes('more, still not saved'));
    } finally {
      for (const e of [other, editor]) {
        await vscode.window.showTextDocument(e.document, e.viewColumn);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
      try { await vscode.workspace.fs.delete(gone); } catch { /* never saved again */ }
      // Cleaning up only: a failure above is the one to report.
      await waitFor('the note gone again', () => !index().has('deleted-while-open.md')).catch(() => undefined);
    }
  });

  test('a note that is not valid UTF-8 is reported by name and the rest is still indexed', async () => {
    const api = await marginalia();
    const bad = uriOf('latin1-note.md');
    await writeNote(bad, new Uint8Array([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a])); // "# Café" in Latin-1
    try {
      await vscode.commands.executeCommand('marginalia.reindex');
      await api.ready();
      const problem = api.problemsFor(folder()).find(p => p.path === 'latin1-note.md');
      assert.strictEqual(problem?.reason, 'invalid-utf8');
      assert.strictEqual(api.noteCount(), (await markdownFiles()).length - 1);
    } finally {
      await vscode.workspace.fs.delete(bad);
    }
  });

  test('a folder linked in by a symbolic link is indexed under the link; a dangling link breaks nothing and is named', async () => {
    const api = await marginalia();
    const root = folder().fsPath;
    // Its real place is a folder the vault excludes (`.trash`, by default), so only the link brings it in.
    fs.mkdirSync(path.join(root, '.trash/linked'), { recursive: true });
    fs.writeFileSync(path.join(root, '.trash/linked/linked-note.md'), '# Linked note\n\nSee [[transformers]].\n');
    fs.symlinkSync(path.join(root, '.trash/linked'), path.join(root, 'linked'));
    fs.symlinkSync(path.join(root, 'nothing-here.md'), path.join(root, 'dangling.md'));
    try {
      await vscode.commands.executeCommand('marginalia.reindex');
      await api.ready();
      const index = api.indexFor(folder())!;
      assert.ok(index.note('linked/linked-note.md'), 'the linked note is indexed under the link');
      assert.ok(index.backlinks('transformers.md').some(b => b.source === 'linked/linked-note.md'));
      assert.strictEqual(index.note('dangling.md'), undefined);
      assert.strictEqual(api.noteCount(), (await markdownFiles()).length);
      // Both hosts name it in the output channel, in the command line's words.
      const links = api.lastBuildOf(folder())!.links;
      assert.ok(links.some(m => m.startsWith('skipped 1 symbolic link') && m.includes('dangling.md points nowhere')), links.join('\n'));
    } finally {
      fs.rmSync(path.join(root, 'linked'));
      fs.rmSync(path.join(root, 'dangling.md'));
      fs.rmSync(path.join(root, '.trash'), { recursive: true });
      await vscode.commands.executeCommand('marginalia.reindex');
      await api.ready();
    }
  });

  test('a binary file named .md that appears on disk is reported and not indexed', async () => {
    const api = await marginalia();
    const bad = uriOf('binary-note.md');
    await writeNote(bad, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]));
    try {
      await waitFor('the binary note is reported', () => api.problemsFor(folder()).some(p => p.path === 'binary-note.md'));
      assert.strictEqual(api.indexFor(folder())!.has('binary-note.md'), false);
    } finally {
      await vscode.workspace.fs.delete(bad);
    }
    await waitFor('the report is dropped with the file', () => !api.problemsFor(folder()).some(p => p.path === 'binary-note.md'));
  });
});
