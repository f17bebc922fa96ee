// Unsaved edits count: links typed into an open note show in backlinks before it is
// saved. Bursts of keystrokes are folded into one update per note (~100 ms), and closing
// a note without saving puts its disk version back.
import * as vscode from 'vscode';
import { isNotePath } from '../../core/index/paths';
import type { Vaults } from './vaults';

const debounceMs = 100;

/** What the sync needs of a document and of the vaults (a test gives its own). */
export type SyncedDocument = Pick<vscode.TextDocument, 'uri' | 'isDirty' | 'getText'>;
export interface SyncTarget {
  locate(uri: vscode.Uri): { readonly vault: { edit(path: string, text: () => string): Promise<void>; refresh(path: string): Promise<void> }; readonly path: string } | undefined;
}

/** The sync's reactions to VS Code's document events; `registerEditSync` wires them. */
export function createEditSync(vaults: SyncTarget) {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const edited = new Set<string>();
  /** Documents whose last edit was synced from the disk (the editor said it was not dirty). */
  const syncedClean = new Set<string>();

  const onChange = (doc: SyncedDocument) => {
    const at = vaults.locate(doc.uri);
    if (!at || !isNotePath(at.path)) return;
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => {
      timers.delete(key);
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
    }, debounceMs));
  };

  return {
    onDidChange(e: { readonly document: SyncedDocument; readonly contentChanges: readonly unknown[] }): void {
      if (e.contentChanges.length) return onChange(e.document);
      // The dirty flag comes in an event of its own, without content changes, and on a loaded
      // host after the edit's 100 ms (CI: a typed heading never indexed, the edit synced from the
      // disk as if undone): an edit synced as clean is synced again once the flag says dirty.
      if (e.document.isDirty && syncedClean.delete(e.document.uri.toString())) onChange(e.document);
    },
    onDidClose(doc: SyncedDocument): void {
      const key = doc.uri.toString();
      clearTimeout(timers.get(key));
      timers.delete(key);
      syncedClean.delete(key);
      if (!edited.delete(key)) return;
      const at = vaults.locate(doc.uri);
      if (at) void at.vault.refresh(at.path);
    },
    dispose(): void {
      timers.forEach(clearTimeout);
    },
  };
}

export function registerEditSync(vaults: Vaults): vscode.Disposable {
  const sync = createEditSync(vaults);
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeTextDocument(e => sync.onDidChange(e)),
    vscode.workspace.onDidCloseTextDocument(doc => sync.onDidClose(doc)),
    { dispose: () => sync.dispose() },
  );
}
