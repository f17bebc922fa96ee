// Creates a note the user asked for — by following a link to a note not written yet, a quick
// fix, a placeholder's "Create Note" — as one undoable workspace edit that never overwrites a
// file. Where the note goes is decided in src/core/notes/newNote.ts.
import * as vscode from 'vscode';
import { plain } from '../messageText';
import { newNoteText, planNewNote } from '../../core/notes/newNote';
import type { Vault } from '../vaults/vault';
import type { Vaults } from '../vaults/vaults';

export const createNoteCommand = 'marginalia.createNote';

export type CreatedNote = { readonly uri: vscode.Uri; readonly existed: boolean };

/**
 * Creates `path` in `vault` with `text`, unless a file is already there (then it is left
 * as it is and `existed` says so). Undefined when VS Code refused the edit.
 */
export async function createNoteAt(vault: Vault, path: string, text: string): Promise<CreatedNote | undefined> {
  const uri = vault.host.uriOf(path);
  if (await exists(uri)) return { uri, existed: true };
  const edit = new vscode.WorkspaceEdit();
  // ignoreIfExists: a file that appears between the check and the edit is kept, not replaced.
  edit.createFile(uri, { overwrite: false, ignoreIfExists: true, contents: new TextEncoder().encode(text) },
    { label: `Create ${path}`, needsConfirmation: false });
  return (await vscode.workspace.applyEdit(edit)) ? { uri, existed: false } : undefined;
}

/**
 * Creates the note a link names (`target` as written, without `#heading` or `|label`) and
 * opens it; a target that would leave the vault is refused with a message saying why.
 */
export async function createNoteFromLink(vaults: Vaults, target: string, from: vscode.Uri): Promise<vscode.Uri | undefined> {
  const at = vaults.locate(from) ?? firstVault(vaults, from);
  if (!at) {
    void vscode.window.showWarningMessage(`Marginalia: ${plain(from.fsPath || from.toString())} is not in a workspace folder, so there is no vault to create "${plain(target)}" in.`);
    return undefined;
  }
  const folder = vscode.workspace.getConfiguration('marginalia', at.vault.folder.uri).get<string>('newNoteFolder', '');
  const plan = planNewNote(target, { fromPath: at.path, folder: typeof folder === 'string' ? folder : '' });
  if (!plan.ok) {
    void vscode.window.showWarningMessage(`Marginalia: cannot create a note for [[${plain(target)}]]: ${plain(plan.reason)}.`);
    return undefined;
  }
  const created = await createNoteAt(at.vault, plan.path, newNoteText(plan.title));
  if (!created) {
    void vscode.window.showErrorMessage(`Marginalia: VS Code did not create ${plain(plan.path)}.`);
    return undefined;
  }
  await vscode.window.showTextDocument(created.uri);
  return created.uri;
}

/** `marginalia.createNote(target, fromUri?)`: for command links in hovers, quick fixes and views. */
export function registerCreateNote(vaults: Vaults): vscode.Disposable {
  return vscode.commands.registerCommand(createNoteCommand, async (target: unknown, from?: unknown) => {
    const name = typeof target === 'string' ? target : undefined;
    const uri = from instanceof vscode.Uri ? from : typeof from === 'string' ? vscode.Uri.parse(from)
      : vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    if (name === undefined || !uri) return undefined;
    return createNoteFromLink(vaults, name, uri);
  });
}

/** Whether anything (file or folder) is at `uri`: checked before every write that must not overwrite. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** A command run with a folder's own uri (a placeholder row has no note): that folder's vault, at its root. */
function firstVault(vaults: Vaults, uri: vscode.Uri): { vault: Vault; path: string } | undefined {
  const vault = vaults.vaultFor(uri) ?? (vaults.all().length === 1 ? vaults.all()[0] : undefined);
  return vault && { vault, path: '' };
}
