// The edit sync when VS Code's events come in the order a loaded host gives them: the edit's
// content change first, its dirty flag in an event of its own after the edit was synced. Driven
// through the sync's own reactions (createEditSync) with documents and a vault of the test's and a
// clock the test moves by hand, so the order and the timing are the test's, not the machine's.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { createEditSync, type SyncedDocument } from '../../src/vscode/vaults/syncEdits';
import { ManualClock } from '../unit/manualClock';
import { run } from './marginalia';

if (run === 'single') suite('edit sync: a lone edit at once, the dirty flag after the edit', () => {
  const calls: string[] = [];
  const vault = {
    edit: async (path: string, text: () => string) => void calls.push(`edit ${path}: ${text()}`),
    refresh: async (path: string) => void calls.push(`refresh ${path}`),
  };
  let clock: ManualClock;
  let sync: ReturnType<typeof createEditSync>;
  const doc = (path: string, text: string, isDirty: boolean): SyncedDocument & { isDirty: boolean; text: string } => {
    const d = { uri: vscode.Uri.from({ scheme: 'untitled', path: `/${path}` }), isDirty, text, getText: () => d.text };
    return d;
  };

  setup(() => {
    calls.length = 0;
    clock = new ManualClock();
    sync = createEditSync({ locate: uri => ({ vault, path: uri.path.slice(1) }) }, clock);
  });
  teardown(() => sync.dispose());

  test('an edit after a pause is synced on the next turn, not after the 100 ms fold', () => {
    const d = doc('lone.md', 'A [[link]] pasted', true);
    sync.onDidChange({ document: d, contentChanges: [{}] });
    assert.deepStrictEqual(calls, []);
    clock.advance(0);
    assert.deepStrictEqual(calls, ['edit lone.md: A [[link]] pasted']);
  });

  test('the changes coming close after it are folded: one sync once they pause for 25 ms, with the latest text', () => {
    const d = doc('typed.md', 'a', true);
    sync.onDidChange({ document: d, contentChanges: [{}] });
    clock.advance(0);
    for (const text of ['ab', 'abc', 'abcd']) {
      clock.advance(10);
      d.text = text;
      sync.onDidChange({ document: d, contentChanges: [{}] });
    }
    clock.advance(24);
    assert.deepStrictEqual(calls, ['edit typed.md: a'], 'no sync per change');
    clock.advance(1);
    assert.deepStrictEqual(calls, ['edit typed.md: a', 'edit typed.md: abcd']);
  });

  test('a text inserted as one change per character over several turns: the rest synced 25 ms after the last, not 100 ms', () => {
    // As bench/graphVscode.mjs traced an insert of 35 characters: the first alone, the others 1 ms apart.
    const d = doc('insert.md', ' ', true);
    sync.onDidChange({ document: d, contentChanges: [{}] });
    clock.advance(0);
    const text = ' [[a-note-far-away-in-the-vault]]';
    for (let i = 2; i <= text.length; i++) {
      clock.advance(1);
      d.text = text.slice(0, i);
      sync.onDidChange({ document: d, contentChanges: [{}] });
    }
    clock.advance(25);
    assert.deepStrictEqual(calls, ['edit insert.md:  ', `edit insert.md: ${text}`]);
  });

  test('a lone edit synced before its dirty flag came (from the disk) is synced again with its text as soon as the flag arrives', () => {
    const d = doc('draft.md', '# Draft\n\n## Fresh heading\n', false);
    sync.onDidChange({ document: d, contentChanges: [{}] });
    clock.advance(0);
    assert.deepStrictEqual(calls, ['refresh draft.md'], 'not yet dirty: as an undo, from the disk');
    // The flag comes 20 ms later (on a loaded host it came after more than 100 ms).
    clock.advance(20);
    d.isDirty = true;
    sync.onDidChange({ document: d, contentChanges: [] });
    clock.advance(0);
    assert.deepStrictEqual(calls, ['refresh draft.md', 'edit draft.md: # Draft\n\n## Fresh heading\n'], 'at once, not at the end of a fold');
    // Once synced as an edit, another flag event (saved, dirty again by an undo) asks for nothing.
    sync.onDidChange({ document: d, contentChanges: [] });
    clock.advance(500);
    assert.strictEqual(calls.length, 2);
  });

  test('the dirty flag arriving while a burst\'s sync waits: that one sync reads it', () => {
    const d = doc('burst.md', 'x', false);
    sync.onDidChange({ document: d, contentChanges: [{}] });
    clock.advance(0);
    clock.advance(10);
    d.text = 'xy';
    sync.onDidChange({ document: d, contentChanges: [{}] });
    d.isDirty = true;
    sync.onDidChange({ document: d, contentChanges: [] });
    clock.advance(500);
    assert.deepStrictEqual(calls, ['refresh burst.md', 'edit burst.md: xy']);
  });

  test('a dirty flag for an edit already synced as dirty, or for a note never edited, syncs nothing', () => {
    const d = doc('other.md', 'text', true);
    sync.onDidChange({ document: d, contentChanges: [{}] });
    clock.advance(250);
    sync.onDidChange({ document: d, contentChanges: [] });
    sync.onDidChange({ document: doc('untouched.md', 'x', true), contentChanges: [] });
    clock.advance(250);
    assert.deepStrictEqual(calls, ['edit other.md: text']);
    sync.onDidClose(d);
    assert.deepStrictEqual(calls, ['edit other.md: text', 'refresh other.md'], 'closing an edited note puts its disk version back');
  });

  test('closing a note drops its waiting sync', () => {
    const d = doc('closed.md', 'a', true);
    sync.onDidChange({ document: d, contentChanges: [{}] });
    clock.advance(0);
    clock.advance(10);
    sync.onDidChange({ document: d, contentChanges: [{}] });
    sync.onDidClose(d);
    clock.advance(500);
    assert.deepStrictEqual(calls, ['edit closed.md: a', 'refresh closed.md']);
  });
});
