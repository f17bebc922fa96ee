// The base of every sidebar tree view: refreshes on index changes (bursts folded into one)
// and keeps the user's expand/collapse choices across refreshes.
import * as vscode from 'vscode';
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

  abstract getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem>;
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
