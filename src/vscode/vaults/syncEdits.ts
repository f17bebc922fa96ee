// Unsaved edits count: links typed into an open note show in backlinks before it is
// saved. Bursts of keystrokes are folded into one update per note (~100 ms), and closing
// a note without saving puts its disk version back.
import * as vscode from 'vscode';
import { isNotePath } from '../../core/index/paths';
import type { Vaults } from './vaults';

const debounceMs = 100;

export function registerEditSync(vaults: Vaults): vscode.Disposable {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const edited = new Set<string>();

  const onChange = (doc: vscode.TextDocument) => {
    const at = vaults.locate(doc.uri);
    if (!at || !isNotePath(at.path)) return;
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => {
      timers.delete(key);
      edited.add(key);
      // Reads the text when the queue gets to it: never older than the last keystroke. An edit
      // that left the note as saved (undo, revert) reads the disk, so a file deleted meanwhile stays gone.
      void (doc.isDirty ? at.vault.edit(at.path, () => doc.getText()) : at.vault.refresh(at.path));
    }, debounceMs));
  };

  const onClose = (doc: vscode.TextDocument) => {
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    timers.delete(key);
    if (!edited.delete(key)) return;
    const at = vaults.locate(doc.uri);
    if (at) void at.vault.refresh(at.path);
  };

  return vscode.Disposable.from(
    vscode.workspace.onDidChangeTextDocument(e => { if (e.contentChanges.length) onChange(e.document); }),
    vscode.workspace.onDidCloseTextDocument(onClose),
    { dispose: () => timers.forEach(clearTimeout) },
  );
}
