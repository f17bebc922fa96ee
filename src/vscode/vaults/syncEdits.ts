// Unsaved edits count: links typed into an open note show in backlinks before it is
// saved. An edit after a pause (a paste, a completion accepted, the first key) reaches the
// index at once; the keys of a burst are folded into one update per note when they stop
// (~100 ms), as before. Closing a note without saving puts its disk version back.
import * as vscode from 'vscode';
import { BurstFold } from '../../core/index/burstFold';
import { isNotePath } from '../../core/index/paths';
import type { Vaults } from './vaults';

const debounceMs = 100;

export function registerEditSync(vaults: Vaults): vscode.Disposable {
  const folds = new Map<string, BurstFold>();
  const edited = new Set<string>();

  const onChange = (doc: vscode.TextDocument) => {
    const at = vaults.locate(doc.uri);
    if (!at || !isNotePath(at.path)) return;
    const key = doc.uri.toString();
    let fold = folds.get(key);
    if (!fold) folds.set(key, (fold = new BurstFold(debounceMs)));
    fold.call(() => {
      edited.add(key);
      // Reads the text when the queue gets to it: never older than the last keystroke. An edit
      // that left the note as saved (undo, revert) reads the disk, so a file deleted meanwhile stays gone.
      void (doc.isDirty ? at.vault.edit(at.path, () => doc.getText()) : at.vault.refresh(at.path));
    });
  };

  const onClose = (doc: vscode.TextDocument) => {
    const key = doc.uri.toString();
    folds.get(key)?.cancel();
    folds.delete(key);
    if (!edited.delete(key)) return;
    const at = vaults.locate(doc.uri);
    if (at) void at.vault.refresh(at.path);
  };

  return vscode.Disposable.from(
    vscode.workspace.onDidChangeTextDocument(e => { if (e.contentChanges.length) onChange(e.document); }),
    vscode.workspace.onDidCloseTextDocument(onClose),
    { dispose: () => folds.forEach(f => f.cancel()) },
  );
}
