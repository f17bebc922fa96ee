// The engine's planned text changes as one VS Code WorkspaceEdit (one undo step), and the
// unsaved edits the plan must see first.
import * as vscode from 'vscode';
import type { TextChange } from '../../core/edits/types';
import { isNotePath } from '../../core/index/paths';
import type { Vault } from '../vaults/vault';

/** Adds `changes` (ranges in the index's texts) to `edit`, labelled for the undo menu and refactor preview. */
export function addChanges(edit: vscode.WorkspaceEdit, vault: Vault, changes: readonly TextChange[], label: string): vscode.WorkspaceEdit {
  const metadata: vscode.WorkspaceEditEntryMetadata = { label, needsConfirmation: false };
  for (const c of changes) {
    const r = c.range;
    edit.replace(vault.host.uriOf(c.path), new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character), c.newText, metadata);
  }
  return edit;
}

/** Waits until the index holds every open note's current text, so planned ranges match what the editor shows. */
export async function catchUp(vault: Vault): Promise<void> {
  const pending: Promise<void>[] = [];
  for (const doc of vscode.workspace.textDocuments) {
    const path = doc.isDirty ? vault.host.pathOf(doc.uri) : undefined;
    if (path !== undefined && isNotePath(path) && !vault.index.indexedFrom(path, doc.getText())) {
      pending.push(vault.edit(path, () => doc.getText()));
    }
  }
  await Promise.all(pending);
}

/** How many notes and links an edit touches, for messages: "12 links in 5 notes". */
export function countText(changes: readonly TextChange[]): string {
  const notes = new Set(changes.map(c => c.path)).size;
  return `${changes.length} link${changes.length === 1 ? '' : 's'} in ${notes} note${notes === 1 ? '' : 's'}`;
}
