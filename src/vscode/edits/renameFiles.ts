// Renaming or moving notes and folders (explorer, WorkspaceEdit.renameFile through applyEdit)
// rewrites every link to them in the same undoable step (workspace.fs.rename fires no such event):
// onWillRenameFiles -> waitUntil(WorkspaceEdit). What changes is planned in src/core/edits/moveLinks.ts.
import * as vscode from 'vscode';
import { plain } from '../messageText';
import { expandMove, planLinkUpdates } from '../../core/edits/moveLinks';
import type { FileMove, TextChange } from '../../core/edits/types';
import { addChanges, catchUp, countText } from './workspaceEdits';
import type { Vault } from '../vaults/vault';
import type { Vaults } from '../vaults/vaults';

export type UpdateLinksOnRename = 'always' | 'prompt' | 'never';

/** Renames whose links someone else (F2 on a link) has already put in the same edit. */
export class PlannedRenames {
  private readonly keys = new Set<string>();

  add(from: vscode.Uri, to: vscode.Uri): vscode.Disposable {
    const key = `${from.toString()}\0${to.toString()}`;
    this.keys.add(key);
    return { dispose: () => this.keys.delete(key) };
  }

  has(from: vscode.Uri, to: vscode.Uri): boolean {
    return this.keys.has(`${from.toString()}\0${to.toString()}`);
  }
}

export function registerRenameFiles(vaults: Vaults, planned: PlannedRenames): vscode.Disposable {
  return vscode.workspace.onWillRenameFiles(e => {
    const files = e.files.filter(f => !planned.has(f.oldUri, f.newUri));
    if (files.length > 0) e.waitUntil(linkUpdates(vaults, files).catch(err => {
      // The move itself goes ahead; say plainly that its links did not follow.
      void vscode.window.showWarningMessage(`Marginalia: the links to ${plain(files[0].oldUri.path.split('/').pop() ?? '')} were not updated: ${plain(err instanceof Error ? err.message : String(err))}`);
      return new vscode.WorkspaceEdit();
    }));
  });
}

/** The moves inside each vault, expanded from folders to files, with the changes they need. */
async function planMoves(vaults: Vaults, files: readonly { oldUri: vscode.Uri; newUri: vscode.Uri }[]): Promise<{ vault: Vault; moves: FileMove[]; changes: TextChange[] }[]> {
  const byVault = new Map<Vault, FileMove[]>();
  for (const { oldUri, newUri } of files) {
    const vault = vaults.vaultFor(oldUri);
    const from = vault?.host.relativePath(oldUri);
    // A move into another workspace folder leaves the vault: its links cannot follow it there.
    const to = vault && vaults.vaultFor(newUri) === vault ? vault.host.relativePath(newUri) : undefined;
    if (!vault || from === undefined || to === undefined) continue;
    byVault.set(vault, [...(byVault.get(vault) ?? []), ...expandMove(vault.index, from, to)]);
  }
  const out = [];
  for (const [vault, moves] of byVault) {
    await catchUp(vault);
    out.push({ vault, moves, changes: await planLinkUpdates(vault.index, moves) });
  }
  return out;
}

async function linkUpdates(vaults: Vaults, files: readonly { readonly oldUri: vscode.Uri; readonly newUri: vscode.Uri }[]): Promise<vscode.WorkspaceEdit> {
  const edit = new vscode.WorkspaceEdit();
  const setting = vscode.workspace.getConfiguration('marginalia', files[0].oldUri).get<UpdateLinksOnRename>('updateLinksOnRename', 'always');
  if (setting === 'never') return edit;
  const plans = (await planMoves(vaults, files)).filter(p => p.changes.length > 0);
  if (plans.length === 0) return edit;
  const all = plans.flatMap(p => p.changes);
  const what = files.length === 1 ? `"${plain(files[0].oldUri.path.split('/').pop() ?? '')}"` : `${files.length} files`;
  if (setting === 'prompt') {
    const update = 'Update Links';
    const answer = await vscode.window.showInformationMessage(
      `Marginalia: update ${countText(all)} that point to ${what}?`, { modal: true }, update, 'Keep Links As They Are');
    if (answer !== update) return edit;
  }
  for (const p of plans) addChanges(edit, p.vault, p.changes, `Update links to ${what}`);
  return edit;
}
