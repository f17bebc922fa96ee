// The edit sync when VS Code's events come in the order a loaded host gives them: the edit's
// content change first, its dirty flag in an event of its own more than the 100 ms fold later.
// Driven through the sync's own reactions (createEditSync) with documents and a vault of the
// test's, so the order is the test's, not the machine's.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { createEditSync, type SyncedDocument } from '../../src/vscode/vaults/syncEdits';
import { run } from './marginalia';

const fold = () => new Promise(resolve => setTimeout(resolve, 250));

if (run === 'single') suite('edit sync: the dirty flag after the edit', () => {
  const calls: string[] = [];
  const vault = {
    edit: async (path: string, text: () => string) => void calls.push(`edit ${path}: ${text()}`),
    refresh: async (path: string) => void calls.push(`refresh ${path}`),
  };
  const sync = createEditSync({ locate: uri => ({ vault, path: uri.path.slice(1) }) });
  const doc = (path: string, text: string, isDirty: boolean): SyncedDocument & { isDirty: boolean } =>
    ({ uri: vscode.Uri.from({ scheme: 'untitled', path: `/${path}` }), isDirty, getText: () => text });

  setup(() => void (calls.length = 0));
  suiteTeardown(() => sync.dispose());

  test('an edit synced from the disk (not yet dirty) is synced again with its text once the flag says dirty', async () => {
    const d = doc('draft.md', '# Draft\n\n## Fresh heading\n', false);
    sync.onDidChange({ document: d, contentChanges: [{}] });
    await fold();
    assert.deepStrictEqual(calls, ['refresh draft.md']);
    d.isDirty = true;
    sync.onDidChange({ document: d, contentChanges: [] });
    await fold();
    assert.deepStrictEqual(calls, ['refresh draft.md', 'edit draft.md: # Draft\n\n## Fresh heading\n']);
    // Once synced as an edit, another flag event (saved, dirty again by an undo) asks for nothing.
    sync.onDidChange({ document: d, contentChanges: [] });
    await fold();
    assert.strictEqual(calls.length, 2);
    sync.onDidClose(d);
  });

  test('a dirty flag for an edit already synced as dirty, or for a note never edited, syncs nothing', async () => {
    const d = doc('other.md', 'text', true);
    sync.onDidChange({ document: d, contentChanges: [{}] });
    await fold();
    sync.onDidChange({ document: d, contentChanges: [] });
    sync.onDidChange({ document: doc('untouched.md', 'x', true), contentChanges: [] });
    await fold();
    assert.deepStrictEqual(calls, ['edit other.md: text']);
    sync.onDidClose(d);
    assert.deepStrictEqual(calls, ['edit other.md: text', 'refresh other.md'], 'closing an edited note puts its disk version back');
  });
});
