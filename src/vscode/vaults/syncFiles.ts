// Keeps every index in step with the disk: files created, changed or deleted by anyone
// (the watcher), and renames made in VS Code (explorer, refactorings, applyEdit).
import * as vscode from 'vscode';
import type { Vaults } from './vaults';

export function registerFileSync(vaults: Vaults): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher('**/*');
  return vscode.Disposable.from(
    watcher,
    watcher.onDidCreate(uri => void vaults.vaultFor(uri)?.refreshCreated(uri)),
    watcher.onDidChange(uri => {
      const at = vaults.locate(uri);
      if (at) void at.vault.refresh(at.path);
    }),
    watcher.onDidDelete(uri => {
      const at = vaults.locate(uri);
      if (at) void at.vault.delete(at.path);
    }),
    vscode.workspace.onDidRenameFiles(e => {
      for (const { oldUri, newUri } of e.files) {
        const from = vaults.locate(oldUri);
        const to = vaults.locate(newUri);
        if (from && to && from.vault === to.vault) {
          void from.vault.rename(from.path, to.path);
        } else {
          // Into another folder, or across the include/exclude line: a delete and a create.
          if (from) void from.vault.delete(from.path);
          void vaults.vaultFor(newUri)?.refreshCreated(newUri);
        }
      }
    }),
  );
}
