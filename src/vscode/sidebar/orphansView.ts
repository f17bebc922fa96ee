// The Orphans view: notes with no link in or out, by title; a click opens one.
import * as vscode from 'vscode';
import { orphanRows, type NoteRow } from '../../core/views/noteRows';
import type { Vault } from '../vaults/vault';
import type { Vaults } from '../vaults/vaults';
import { RefreshingView } from './refreshingView';
import { folderItem, noteItem, vaultRoots } from './rows';

export const orphansViewId = 'marginalia.orphans';

export type OrphanElement = { readonly kind: 'folder'; readonly vault: Vault } | { readonly kind: 'note'; readonly vault: Vault; readonly note: NoteRow };

export class OrphansView extends RefreshingView<OrphanElement> {
  /** Each vault's rows as of the last update: the tree reads them, nothing is computed twice. */
  private rows = new Map<Vault, OrphanElement[]>();

  getChildren(element?: OrphanElement): OrphanElement[] {
    if (!element) return vaultRoots(this.vaults, vault => ({ kind: 'folder', vault }), vault => this.rowsOf(vault));
    return element.kind === 'folder' ? this.rowsOf(element.vault) : [];
  }

  private rowsOf(vault: Vault): OrphanElement[] {
    return this.rows.get(vault) ?? [];
  }

  protected override update(): void {
    // Collapsed at first: nothing is computed until the view is opened (it refreshes then).
    if (!this.view.visible) {
      this.rows.clear();
      return;
    }
    this.rows = new Map(this.vaults.all().map(vault => [vault, orphanRows(vault.index)
      .map((note): OrphanElement => ({ kind: 'note', vault, note }))]));
    const none = [...this.rows.values()].every(rows => rows.length === 0);
    this.view.message = none && !this.vaults.indexing ? 'No orphans: every note links to another or is linked from one.' : undefined;
  }

  getTreeItem(element: OrphanElement): vscode.TreeItem {
    return element.kind === 'folder' ? folderItem(element.vault) : noteItem(element.vault, element.note, undefined, this.idOf(element));
  }

  protected idOf(element: OrphanElement): string {
    const folder = element.vault.folder.uri.toString();
    return element.kind === 'folder' ? `folder:${folder}` : `orphan:${folder}|${element.note.path}`;
  }
}

export function registerOrphansView(vaults: Vaults): OrphansView {
  const view = new OrphansView(vaults);
  view.register(orphansViewId);
  return view;
}
