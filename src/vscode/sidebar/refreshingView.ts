// What the sidebar's tree views share: a provider base that refreshes on index changes
// (bursts folded into one), expansion kept across refreshes, rows that open a note at a
// place, and one root row per workspace folder in a multi-root workspace.
import * as vscode from 'vscode';
import type { NoteRow } from '../../core/views/noteRows';
import type { Range } from '../../core/syntax/types';
import type { Vault } from '../vaults/vault';
import type { Vaults } from '../vaults/vaults';

/** Index changes come in bursts (a build, typing): one refresh per burst. */
const REFRESH_MS = 60;

export abstract class RefreshingView<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<T | undefined | void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  readonly disposables: vscode.Disposable[] = [];
  private readonly expanded = new Map<string, boolean>();
  readonly onDidChangeTreeData = this.emitter.event;
  view!: vscode.TreeView<T>;

  constructor(protected readonly vaults: Vaults) {
    this.disposables.push(vaults.onDidChange(() => this.refreshSoon()));
  }

  /** Creates the tree view and keeps the user's expand/collapse choices by item id. */
  register(id: string): vscode.Disposable {
    this.view = vscode.window.createTreeView(id, { treeDataProvider: this, showCollapseAll: true });
    const remember = (state: boolean) => (e: vscode.TreeViewExpansionEvent<T>) => {
      const key = this.idOf(e.element);
      if (key !== undefined) this.expanded.set(key, state);
    };
    this.disposables.push(this.view, this.view.onDidExpandElement(remember(true)), this.view.onDidCollapseElement(remember(false)),
      this.view.onDidChangeVisibility(e => { if (e.visible) this.refreshNow(); }));
    this.refreshNow();
    return this;
  }

  abstract getTreeItem(element: T): vscode.TreeItem;
  abstract getChildren(element?: T): vscode.ProviderResult<T[]>;
  /** The id of an element's tree item, for remembered expansion. */
  protected abstract idOf(element: T): string | undefined;

  /** The collapsible state of a parent row: the user's last choice, else `byDefault`. */
  protected collapsible(id: string, byDefault: boolean): vscode.TreeItemCollapsibleState {
    return (this.expanded.get(id) ?? byDefault) ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  }

  refreshSoon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.refreshNow(), REFRESH_MS);
  }

  refreshNow(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.update();
    this.emitter.fire();
  }

  /** Recomputes what the view shows (title, message) before the tree asks for rows. */
  protected update(): void {}

  /** For views whose rows arrive later than `update()` returns: asks the tree to read them again. */
  protected changed(): void {
    this.emitter.fire();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.emitter.dispose();
  }
}

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

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
