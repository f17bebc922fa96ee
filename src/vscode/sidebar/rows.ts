// The rows the sidebar's views share: a note that opens at a place, and one root row per
// workspace folder in a multi-root workspace.
import * as vscode from 'vscode';
import type { Range } from '../../core/syntax/types';
import type { NoteRow } from '../../core/views/noteRows';
import { toRange } from '../ranges';
import type { Vault } from '../vaults/vault';
import type { Vaults } from '../vaults/vaults';

/** The command a row runs to open `uri` with `range` selected (none: the top). */
export function openCommand(uri: vscode.Uri, range?: Range, title = 'Open'): vscode.Command {
  const options: vscode.TextDocumentShowOptions = range ? { selection: toRange(range), preserveFocus: false } : {};
  return { command: 'vscode.open', title, arguments: [uri, options] };
}

/** A note's row: its title, folder as description, the file icon, click opens it (at `range`). */
export function noteItem(vault: Vault, note: NoteRow, range?: Range, id?: string): vscode.TreeItem {
  const uri = vault.host.uriOf(note.path);
  const item = new vscode.TreeItem(note.title, vscode.TreeItemCollapsibleState.None);
  item.id = id;
  item.resourceUri = uri;
  item.description = note.folder;
  item.tooltip = note.path;
  item.command = openCommand(uri, range);
  item.contextValue = 'note';
  return item;
}

/** The root row of one workspace folder, shown only when there are several. */
export function folderItem(vault: Vault): vscode.TreeItem {
  const item = new vscode.TreeItem(vault.folder.name, vscode.TreeItemCollapsibleState.Expanded);
  item.id = `folder:${vault.folder.uri.toString()}`;
  item.iconPath = vscode.ThemeIcon.Folder;
  item.resourceUri = vault.folder.uri;
  return item;
}

/** In a multi-root workspace each folder is a root row; with one folder its rows are the roots. */
export function vaultRoots<T>(vaults: Vaults, folderRow: (v: Vault) => T, rowsOf: (v: Vault) => T[]): T[] {
  const all = vaults.all();
  return all.length === 1 ? rowsOf(all[0]) : all.map(folderRow);
}

/** How many: `1 link`, `3 links`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
