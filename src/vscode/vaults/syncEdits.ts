// Unsaved edits count: links typed into an open note show in backlinks before it is
// saved. An edit after a pause (a paste, a completion accepted, the first key) reaches the
// index on the next turn; the changes of a burst (within 100 ms of the last sync) are folded into
// one update per note when they pause for 25 ms: a text inserted in one input event can come as
// one change per character over several turns, keys typed by hand come 50 ms apart or more.
// Closing a note without saving puts its disk version back.
import * as vscode from 'vscode';
import { BurstFold, realClock, type FoldClock } from '../../core/index/burstFold';
import { isNotePath } from '../../core/index/paths';
import type { Vaults } from './vaults';

const burstMs = 100;
const settleMs = 25;

/** What the sync needs of a document and of the vaults (a test gives its own). */
export type SyncedDocument = Pick<vscode.TextDocument, 'uri' | 'isDirty' | 'getText'>;
export interface SyncTarget {
  locate(uri: vscode.Uri): { readonly vault: { edit(path: string, text: () => string): Promise<void>; refresh(path: string): Promise<void> }; readonly path: string } | undefined;
}

/** The sync's reactions to VS Code's document events; `registerEditSync` wires them (a test gives its own clock). */
export function createEditSync(vaults: SyncTarget, clock: FoldClock = realClock, trace?: (message: string) => void) {
  const folds = new Map<string, BurstFold>();
  const edited = new Set<string>();
  /** Documents whose last edit was synced from the disk (the editor said it was not dirty). */
  const syncedClean = new Set<string>();

  const onChange = (doc: SyncedDocument, atOnce = false) => {
    const at = vaults.locate(doc.uri);
    if (!at || !isNotePath(at.path)) return;
    const key = doc.uri.toString();
    let fold = folds.get(key);
    if (!fold) folds.set(key, (fold = new BurstFold(burstMs, clock, settleMs)));
    fold.call(() => {
      trace?.(`Edit: synced ${doc.isDirty ? 'unsaved text' : 'from disk'} at ${Date.now()}`);
      edited.add(key);
      // Reads the text when the queue gets to it: never older than the last keystroke. An edit
      // that left the note as saved (undo, revert) reads the disk, so a file deleted meanwhile stays gone.
      if (doc.isDirty) {
        syncedClean.delete(key);
        void at.vault.edit(at.path, () => doc.getText());
      } else {
        syncedClean.add(key);
        void at.vault.refresh(at.path);
      }
    }, atOnce);
  };

  return {
    onDidChange(e: { readonly document: SyncedDocument; readonly contentChanges: readonly unknown[] }): void {
      // The bench's timeline (bench/graphVscode.mjs --trace): from the editor's event to the graph's frame, on one epoch clock.
      trace?.(`Edit: ${e.contentChanges.length} changes, ${e.document.isDirty ? 'dirty' : 'clean'}, at ${Date.now()}`);
      if (e.contentChanges.length) return onChange(e.document);
      // The dirty flag comes in an event of its own, without content changes, and can come after
      // the edit was synced (a lone edit on the next turn; on a loaded host even after 100 ms: CI,
      // a typed heading never indexed, the edit synced from the disk as if undone): an edit synced
      // as clean is synced again, at once, when the flag says dirty.
      if (e.document.isDirty && syncedClean.delete(e.document.uri.toString())) onChange(e.document, true);
    },
    onDidClose(doc: SyncedDocument): void {
      const key = doc.uri.toString();
      folds.get(key)?.cancel();
      folds.delete(key);
      syncedClean.delete(key);
      if (!edited.delete(key)) return;
      const at = vaults.locate(doc.uri);
      if (at) void at.vault.refresh(at.path);
    },
    dispose(): void {
      folds.forEach(f => f.cancel());
    },
  };
}

export function registerEditSync(vaults: Vaults, log?: vscode.LogOutputChannel): vscode.Disposable {
  const sync = createEditSync(vaults, realClock, log && (m => log.debug(m)));
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeTextDocument(e => sync.onDidChange(e)),
    vscode.workspace.onDidCloseTextDocument(doc => sync.onDidClose(doc)),
    { dispose: () => sync.dispose() },
  );
}
