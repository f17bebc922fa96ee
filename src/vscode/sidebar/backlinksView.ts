// The Backlinks view: who links to the active note (or a pinned one, or a note not written
// yet), one row per linking note and under it each link's paragraph, the link highlighted,
// the whole paragraph in the tooltip; a click selects the link in the linking note.
import * as vscode from 'vscode';
import { backlinkGroups, EXPAND_BELOW, linkCount, shownBacklinks, type BacklinkGroup, type BacklinkRow, type BacklinkSort, type BacklinkTarget } from '../../core/views/backlinkRows';
import { citationsOfLiteratureNote } from '../../core/citations/cited';
import type { ActiveNote } from './activeNote';
import type { Vault } from '../vaults/vault';
import type { Vaults } from '../vaults/vaults';
import { escapeMarkdown } from '../../core/editor/inertText';
import { RefreshingView } from './refreshingView';
import { openCommand, plural } from './rows';

export const backlinksViewId = 'marginalia.backlinks';
export const showBacklinksCommand = 'marginalia.showBacklinks';

/** What `marginalia.showBacklinks` takes: a note path or `{ placeholder }` in the vault of `folder`. */
export interface BacklinksRequest {
  readonly folder: vscode.Uri;
  readonly target: BacklinkTarget;
}

interface Shown {
  readonly vault: Vault;
  readonly target: BacklinkTarget;
  readonly key: string;
}

type Element =
  | { readonly kind: 'group'; readonly id: string; readonly vault: Vault; readonly group: BacklinkGroup }
  | { readonly kind: 'link'; readonly id: string; readonly vault: Vault; readonly row: BacklinkRow; readonly parent: Element };

const SORT_KEY = 'marginalia.backlinks.sort';

export class BacklinksView extends RefreshingView<Element> {
  private pinned: Shown | undefined;
  private sort: BacklinkSort;
  private roots: Element[] = [];
  /** Counts refreshes: the rows of an older one that finish reading late are dropped. */
  private loading = 0;
  private readonly mtimes = new Map<string, number>();

  constructor(vaults: Vaults, private readonly active: ActiveNote, private readonly memento: vscode.Memento) {
    super(vaults);
    this.sort = memento.get<BacklinkSort>(SORT_KEY) === 'modified' ? 'modified' : 'title';
    this.disposables.push(active.onDidChange(() => { if (!this.pinned) this.refreshNow(); }));
    void this.setContext();
  }

  /** What the view shows now: the pinned target, else the active note. */
  shown(): Shown | undefined {
    if (this.pinned) return this.pinned;
    const at = this.active.current;
    return at && { vault: at.vault, target: at.path, key: at.path };
  }

  /** The rows of the tree's top level (for tests and the UI). */
  groups(): readonly BacklinkGroup[] {
    return this.roots.flatMap(e => (e.kind === 'group' ? [e.group] : []));
  }

  /** Keeps showing `shown` (default: what is shown now) whatever the active note. */
  pin(shown = this.shown()): void {
    this.pinned = shown;
    void this.setContext();
    this.refreshNow();
  }

  /** Follows the active note again. */
  unpin(): void {
    this.pinned = undefined;
    void this.setContext();
    this.refreshNow();
  }

  setSort(sort: BacklinkSort): void {
    this.sort = sort;
    void this.memento.update(SORT_KEY, sort);
    void this.setContext();
    if (sort === 'modified') void this.loadTimes();
    this.refreshNow();
  }

  protected override update(): void {
    const load = ++this.loading;
    const shown = this.shown();
    if (!shown) {
      this.roots = [];
      this.view.description = undefined;
      this.view.message = 'Open a note to see what links to it.';
      return;
    }
    void this.load(load, shown);
  }

  /** Rows come once the linking notes' texts are read (back, where the index keeps none); a newer refresh drops these. */
  private async load(load: number, shown: NonNullable<ReturnType<BacklinksView['shown']>>): Promise<void> {
    const { vault, target } = shown;
    const citedBy = typeof target === 'string' ? citationsOfLiteratureNote(target, (await vault.index.readText(target)) ?? '', vault.index.packedNotes()) : [];
    const groups = await backlinkGroups(vault.index, target, { sort: this.sort, modified: p => this.modified(vault, p), citedBy });
    if (load !== this.loading) return;
    const label = labelOf(vault, target);
    const prefix = `b:${vault.folder.uri.toString()}|${shown.key}|`;
    this.roots = groups.map(group => ({ kind: 'group', id: prefix + group.source, vault, group }));
    const links = linkCount(groups);
    this.view.description = `${this.pinned ? 'Pinned: ' : ''}${label} · ${links}`;
    this.view.message = links === 0
      ? (vault.indexing ? 'Indexing notes…' : `Nothing links to ${label} yet.`)
      : undefined;
    this.changed();
    if (this.sort === 'modified') void this.loadTimes();
  }

  getChildren(element?: Element): Element[] {
    if (!element) return this.roots;
    if (element.kind !== 'group') return [];
    return element.group.links.map((row, i) => ({ kind: 'link', id: `${element.id}#${i}`, vault: element.vault, row, parent: element }));
  }

  /** For `TreeView.reveal`. */
  getParent(element: Element): Element | undefined {
    return element.kind === 'link' ? element.parent : undefined;
  }

  getTreeItem(element: Element): vscode.TreeItem {
    if (element.kind === 'group') {
      const { group } = element;
      const item = new vscode.TreeItem(group.title, this.collapsible(element.id, this.roots.length < EXPAND_BELOW));
      item.id = element.id;
      item.resourceUri = element.vault.host.uriOf(group.source);
      item.description = group.folder ? `${group.folder} · ${group.links.length}` : String(group.links.length);
      item.tooltip = `${group.source}: ${plural(group.links.length, 'link')}`;
      item.contextValue = 'backlinkSource';
      return item;
    }
    const { row } = element;
    const item = new vscode.TreeItem({ label: row.snippet.text, highlights: row.snippet.highlights.map(h => [h[0], h[1]]) });
    item.id = element.id;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**${escapeMarkdown(row.source)}**, line ${row.range.start.line + 1}\n\n---\n\n`);
    tooltip.appendMarkdown(row.context);
    item.tooltip = tooltip;
    item.command = openCommand(element.vault.host.uriOf(row.source), row.range, 'Open the link');
    item.contextValue = 'backlink';
    return item;
  }

  protected idOf(element: Element): string {
    return element.id;
  }

  private modified(vault: Vault, path: string): number | undefined {
    const uri = vault.host.uriOf(path).toString();
    // An unsaved edit is the newest change of all.
    if (vscode.workspace.textDocuments.some(d => d.isDirty && d.uri.toString() === uri)) return Date.now();
    return this.mtimes.get(uri);
  }

  /** Stats the linking notes whose time is unknown or may have changed, then sorts again. */
  private async loadTimes(): Promise<void> {
    const shown = this.shown();
    if (!shown) return;
    let changed = false;
    await Promise.all(shownBacklinks(shown.vault.index, shown.target).map(async b => {
      const uri = shown.vault.host.uriOf(b.source);
      try {
        const { mtime } = await vscode.workspace.fs.stat(uri);
        if (this.mtimes.get(uri.toString()) !== mtime) {
          this.mtimes.set(uri.toString(), mtime);
          changed = true;
        }
      } catch {
        // Gone: its delete event will refresh the view.
      }
    }));
    if (changed && this.sort === 'modified') this.refreshSoon();
  }

  private async setContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'marginalia.backlinksPinned', this.pinned !== undefined);
    await vscode.commands.executeCommand('setContext', 'marginalia.backlinksSort', this.sort);
  }
}

function labelOf(vault: Vault, target: BacklinkTarget): string {
  if (typeof target === 'string') return vault.index.note(target)?.title ?? target;
  return vault.index.placeholders().find(p => p.name === target.placeholder)?.display ?? target.placeholder;
}

export function registerBacklinksView(vaults: Vaults, active: ActiveNote, memento: vscode.Memento): BacklinksView {
  const view = new BacklinksView(vaults, active, memento);
  view.register(backlinksViewId);
  view.disposables.push(
    vscode.commands.registerCommand('marginalia.backlinks.pin', () => view.pin()),
    vscode.commands.registerCommand('marginalia.backlinks.unpin', () => view.unpin()),
    vscode.commands.registerCommand('marginalia.backlinks.sortByTitle', () => view.setSort('title')),
    vscode.commands.registerCommand('marginalia.backlinks.sortByModified', () => view.setSort('modified')),
    vscode.commands.registerCommand(showBacklinksCommand, async (request?: BacklinksRequest) => {
      const vault = request && vaults.vaultFor(request.folder);
      if (!vault) return;
      const target = request.target;
      view.pin({ vault, target, key: typeof target === 'string' ? target : `placeholder:${target.placeholder}` });
      await vscode.commands.executeCommand(`${backlinksViewId}.focus`);
    }),
  );
  return view;
}
