// The Notes Not Written Yet view: every link target with no note yet, the most linked
// first, with **Create Note** inline; a click shows who links to it in Backlinks.
import * as vscode from 'vscode';
import type { Placeholder } from '../../core/index/types';
import { placeholderRows } from '../../core/views/noteRows';
import { showBacklinksCommand, type BacklinksRequest } from './backlinksView';
import { createNoteFromLink } from '../edits/createNote';
import type { Vault } from '../vaults/vault';
import type { Vaults } from '../vaults/vaults';
import { RefreshingView } from './refreshingView';
import { folderItem, plural, vaultRoots } from './rows';

export const placeholdersViewId = 'marginalia.placeholders';

export type PlaceholderElement =
  | { readonly kind: 'folder'; readonly vault: Vault }
  | { readonly kind: 'placeholder'; readonly vault: Vault; readonly placeholder: Placeholder; readonly target: string };

export class PlaceholdersView extends RefreshingView<PlaceholderElement> {
  /** Each vault's rows as of the last update: the tree reads them, nothing is computed twice. */
  private rows = new Map<Vault, PlaceholderElement[]>();

  getChildren(element?: PlaceholderElement): PlaceholderElement[] {
    if (!element) return vaultRoots(this.vaults, vault => ({ kind: 'folder', vault }), vault => this.rowsOf(vault));
    return element.kind === 'folder' ? this.rowsOf(element.vault) : [];
  }

  private rowsOf(vault: Vault): PlaceholderElement[] {
    return this.rows.get(vault) ?? [];
  }

  protected override update(): void {
    // Collapsed at first: nothing is computed until the view is opened (it refreshes then).
    if (!this.view.visible) {
      this.rows.clear();
      return;
    }
    this.rows = new Map(this.vaults.all().map(vault => [vault, placeholderRows(vault.index)
      .map((placeholder): PlaceholderElement => ({ kind: 'placeholder', vault, placeholder, target: placeholder.display }))]));
    const none = [...this.rows.values()].every(rows => rows.length === 0);
    this.view.message = none && !this.vaults.indexing ? 'Every link leads to a note.' : undefined;
  }

  getTreeItem(element: PlaceholderElement): vscode.TreeItem {
    if (element.kind === 'folder') return folderItem(element.vault);
    const { placeholder, vault } = element;
    const item = new vscode.TreeItem(placeholder.display);
    item.id = this.idOf(element);
    item.iconPath = new vscode.ThemeIcon('circle-large-outline');
    item.description = plural(placeholder.backlinks, 'link');
    item.tooltip = `${placeholder.display}: not written yet, ${plural(placeholder.backlinks, 'link')} to it`;
    item.contextValue = 'placeholder';
    const request: BacklinksRequest = { folder: vault.folder.uri, target: { placeholder: placeholder.name } };
    item.command = { command: showBacklinksCommand, title: 'Show Backlinks', arguments: [request] };
    return item;
  }

  protected idOf(element: PlaceholderElement): string {
    const folder = element.vault.folder.uri.toString();
    return element.kind === 'folder' ? `folder:${folder}` : `p:${folder}|${element.placeholder.name}`;
  }
}

/** A row of a note not written yet, from this view or Outgoing Links. */
interface CreatableRow {
  readonly vault: Vault;
  readonly target: string;
  /** The note whose link names it (relative targets and `sameAsNote` need it). */
  readonly from?: string;
}

export function registerPlaceholdersView(vaults: Vaults): PlaceholdersView {
  const view = new PlaceholdersView(vaults);
  view.register(placeholdersViewId);
  view.disposables.push(vscode.commands.registerCommand('marginalia.createNoteFromRow', async (row?: CreatableRow) => {
    if (!row?.vault || typeof row.target !== 'string') return undefined;
    const from = row.from !== undefined ? row.vault.host.uriOf(row.from) : firstLinkingNote(row) ?? row.vault.folder.uri;
    return createNoteFromLink(vaults, row.target, from);
  }));
  return view;
}

/** A placeholder row names no note: its first linking note decides `./` targets and `sameAsNote`. */
function firstLinkingNote(row: CreatableRow): vscode.Uri | undefined {
  const element = row as Partial<Extract<PlaceholderElement, { kind: 'placeholder' }>>;
  const name = element.placeholder?.name;
  const first = name === undefined ? undefined : row.vault.index.backlinks({ placeholder: name })[0];
  return first && row.vault.host.uriOf(first.source);
}
