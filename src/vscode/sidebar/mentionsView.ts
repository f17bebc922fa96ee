// The Unlinked Mentions view: where other notes name the active note (its title or an
// alias) without linking it, one row per line. **Link** on a row links every mention on its
// line (each highlighted), **Link All** every one shown, each as a single undoable edit that
// checks the words are still there first.
import * as vscode from 'vscode';
import { mentionCount, mentionSnapshot, mentionsLastFirst, mentionsUnchanged, searchMentions, type Mention, type MentionGroup, type MentionRow, type MentionSnapshot } from '../../core/views/mentionRows';
import type { ActiveNote } from './activeNote';
import type { Vault } from '../vaults/vault';
import type { Vaults } from '../vaults/vaults';
import { toRange } from '../ranges';
import { RefreshingView } from './refreshingView';
import { openCommand, plural } from './rows';

export const mentionsViewId = 'marginalia.mentions';

/** How long one turn of the search may hold the extension host before it yields (typing never waits longer). */
const TURN_MS = 12;

type Element =
  | { readonly kind: 'group'; readonly id: string; readonly vault: Vault; readonly group: MentionGroup }
  | { readonly kind: 'line'; readonly id: string; readonly vault: Vault; readonly row: MentionRow };

export class MentionsView extends RefreshingView<Element> {
  private roots: Element[] = [];
  private search = 0;
  private shownPath = '';
  /** What the rows on show were found in: while it holds, a refresh has nothing to search. */
  private snapshot: { key: string; at: MentionSnapshot } | undefined;

  constructor(vaults: Vaults, private readonly active: ActiveNote) {
    super(vaults);
    this.disposables.push(active.onDidChange(() => this.refreshNow()));
  }

  groups(): readonly MentionGroup[] {
    return this.roots.flatMap(e => (e.kind === 'group' ? [e.group] : []));
  }

  protected override update(): void {
    const at = this.active.current;
    const search = ++this.search;
    // Searching every note's text costs: only while the view is on screen (it refreshes when shown).
    if (!at || !this.view.visible) {
      this.roots = [];
      this.snapshot = undefined;
      this.shownPath = '';
      this.view.description = undefined;
      this.view.message = at ? undefined : 'Open a note to see where other notes mention it.';
      return;
    }
    const key = `${at.vault.folder.uri.toString()}|${at.path}`;
    if (this.snapshot?.key === key && mentionsUnchanged(at.vault.index, this.snapshot.at)) return;
    this.snapshot = undefined;
    const title = at.vault.index.note(at.path)?.title ?? at.path;
    const before = mentionSnapshot(at.vault.index, at.path);
    const steps = searchMentions(at.vault.index, at.path);
    // A big vault is read a slice at a time, yielding when a turn has run long so typing never
    // waits; a newer search (another note, another change) drops this one.
    const step = async () => {
      if (search !== this.search) return;
      // As many slices as fit in a few milliseconds: once the notes' word filters are made, all of them.
      const until = Date.now() + TURN_MS;
      let next = await steps.next();
      while (!next.done && Date.now() < until && search === this.search) next = await steps.next();
      if (search !== this.search) return;
      if (!next.done) {
        if (this.roots.length === 0) this.view.message = `Looking for mentions of ${title}…`;
        setTimeout(() => void step(), 0);
        return;
      }
      const groups = next.value;
      // The search ran over several turns: its result stands for what the index held when it started.
      this.snapshot = { key, at: before };
      const prefix = `m:${at.vault.folder.uri.toString()}|${at.path}|`;
      this.roots = groups.map(group => ({ kind: 'group', id: prefix + group.source, vault: at.vault, group }));
      const count = mentionCount(groups);
      this.view.description = `${title} · ${count}`;
      this.view.message = count === 0 ? `No other note mentions ${title} without linking it.` : undefined;
      this.changed();
    };
    if (this.shownPath !== key) {
      // Another note: its rows, not the last note's, once they are found.
      this.shownPath = key;
      this.roots = [];
      this.view.description = title;
    }
    void step();
  }

  getChildren(element?: Element): Element[] {
    if (!element) return this.roots;
    if (element.kind !== 'group') return [];
    return element.group.rows.map(row => ({ kind: 'line', id: `${element.id}#${row.line}`, vault: element.vault, row }));
  }

  getTreeItem(element: Element): vscode.TreeItem {
    if (element.kind === 'group') {
      const { group } = element;
      const item = new vscode.TreeItem(group.title, this.collapsible(element.id, this.roots.length < 30));
      item.id = element.id;
      item.resourceUri = element.vault.host.uriOf(group.source);
      const count = mentionCount([group]);
      item.description = group.folder ? `${group.folder} · ${count}` : String(count);
      item.tooltip = `${group.source}: ${plural(count, 'mention')}`;
      item.contextValue = 'mentionSource';
      return item;
    }
    const { row } = element;
    const item = new vscode.TreeItem({ label: row.snippet.text, highlights: row.snippet.highlights.map(h => [h[0], h[1]]) });
    item.id = element.id;
    const becomes = [...new Set(row.mentions.map(m => m.replacement))].join(', ');
    item.tooltip = new vscode.MarkdownString().appendText(`${row.source}, line ${row.line + 1}: ${plural(row.mentions.length, 'mention')}, linked as ${becomes}\n\n`).appendMarkdown(row.context);
    item.command = openCommand(element.vault.host.uriOf(row.source), row.mentions[0]!.range, 'Show the mention');
    item.contextValue = 'mention';
    return item;
  }

  protected idOf(element: Element): string {
    return element.id;
  }

  /** Every mention on show, with its vault. */
  all(): Located[] {
    return this.roots.flatMap(e => (e.kind === 'group' ? located(e.vault, e.group.rows) : []));
  }
}

/** A mention on show and the vault of the note it is in. */
type Located = { readonly vault: Vault; readonly mention: Mention & { readonly source: string } };

function located(vault: Vault, rows: readonly MentionRow[]): Located[] {
  return mentionsLastFirst(rows).map(mention => ({ vault, mention }));
}

/**
 * Links the given mentions as one workspace edit (one undo). A mention whose words have
 * changed since the view was drawn is left alone; returns how many were linked.
 */
async function linkMentions(mentions: readonly Located[]): Promise<number> {
  const edit = new vscode.WorkspaceEdit();
  let linked = 0;
  const toSave = new Set<vscode.TextDocument>();
  for (const { vault, mention } of mentions) {
    const uri = vault.host.uriOf(mention.source);
    const doc = await vscode.workspace.openTextDocument(uri);
    if (!doc.isDirty) toSave.add(doc);
    const range = toRange(mention.range);
    if (doc.getText(range) !== mention.text) continue;
    edit.replace(uri, range, mention.replacement, { label: `Link ${mention.text}`, needsConfirmation: false });
    linked++;
  }
  if (linked === 0) return 0;
  if (!(await vscode.workspace.applyEdit(edit, { isRefactoring: true }))) return 0;
  // As Obsidian does, the link is written to the note; a note with unsaved changes of the
  // user's own is left for the user to save.
  await Promise.all([...toSave].map(doc => doc.save()));
  return linked;
}

export function registerMentionsView(vaults: Vaults, active: ActiveNote): MentionsView {
  const view = new MentionsView(vaults, active);
  view.register(mentionsViewId);
  view.disposables.push(
    vscode.commands.registerCommand('marginalia.mentions.link', async (element?: Element) => {
      // A row is a line: every mention it highlights is linked, as Link All would on that line.
      if (element?.kind === 'line') await linkMentions(located(element.vault, [element.row]));
      else if (element?.kind === 'group') await linkMentions(located(element.vault, element.group.rows));
    }),
    vscode.commands.registerCommand('marginalia.mentions.linkAll', async () => {
      const all = view.all();
      if (all.length === 0) return;
      const linked = await linkMentions(all);
      void vscode.window.setStatusBarMessage(`Marginalia: linked ${plural(linked, 'mention')}`, 4000);
    }),
  );
  return view;
}
