// The Outgoing Links view: what the active note links to — notes, headings, attachments,
// notes not written yet (with **Create Note**) — each once; a click opens the target.
import * as vscode from 'vscode';
import { loadPlaceOfLink } from '../../core/editor/linkPlace';
import { splitFragment } from '../../core/syntax/fragment';
import { outgoingRows, type OutgoingRow } from '../../core/views/outgoingRows';
import type { Range } from '../../core/syntax/types';
import type { ActiveNote } from './activeNote';
import type { Vault } from '../vaults/vault';
import type { Vaults } from '../vaults/vaults';
import { RefreshingView } from './refreshingView';
import { openCommand, plural } from './rows';

export const outgoingViewId = 'marginalia.outgoing';

export interface OutgoingElement {
  readonly id: string;
  readonly vault: Vault;
  /** The note the links are in. */
  readonly from: string;
  readonly row: OutgoingRow;
  /** For "Create Note": the target as written. */
  readonly target: string;
}

const ICONS = { note: 'file', heading: 'symbol-key', attachment: 'file-media', placeholder: 'circle-large-outline' } as const;

export class OutgoingView extends RefreshingView<OutgoingElement> {
  private roots: OutgoingElement[] = [];

  constructor(vaults: Vaults, private readonly active: ActiveNote) {
    super(vaults);
    this.disposables.push(active.onDidChange(() => this.refreshNow()));
  }

  rows(): readonly OutgoingRow[] {
    return this.roots.map(e => e.row);
  }

  protected override update(): void {
    const at = this.active.current;
    if (!at) {
      this.roots = [];
      this.view.description = undefined;
      this.view.message = 'Open a note to see what it links to.';
      return;
    }
    const rows = outgoingRows(at.vault.index, at.path);
    const prefix = `o:${at.vault.folder.uri.toString()}|${at.path}|`;
    this.roots = rows.map((row, i) => ({ id: `${prefix}${i}`, vault: at.vault, from: at.path, row, target: row.target }));
    const title = at.vault.index.note(at.path)?.title ?? at.path;
    this.view.description = `${title} · ${rows.length}`;
    this.view.message = rows.length === 0 ? `${title} links to nothing yet.` : undefined;
  }

  getChildren(element?: OutgoingElement): OutgoingElement[] {
    return element ? [] : this.roots;
  }

  async getTreeItem(element: OutgoingElement): Promise<vscode.TreeItem> {
    const { row, vault } = element;
    const item = new vscode.TreeItem(row.label);
    item.id = element.id;
    item.iconPath = new vscode.ThemeIcon(ICONS[row.kind]);
    const times = row.count > 1 ? ` · ${row.count}×` : '';
    item.description = (row.missing ? (row.kind === 'attachment' ? 'missing' : 'not written yet') : row.path) + times;
    item.tooltip = `${row.missing ? `${row.label}: ${row.kind === 'attachment' ? 'no such file' : 'a note not written yet'}` : row.path}` +
      ` (${plural(row.count, 'link')})`;
    item.contextValue = row.missing ? (row.kind === 'placeholder' ? 'placeholder' : 'missing') : 'target';
    // A missing target opens where the note links to it.
    item.command = row.missing
      ? openCommand(vault.host.uriOf(element.from), row.firstLink, 'Show the link')
      : openCommand(vault.host.uriOf(row.path), await placeOf(vault, row), 'Open');
    return item;
  }

  protected idOf(element: OutgoingElement): string {
    return element.id;
  }
}

/** The heading or block the link names in its target, if the target has it (a block's first line is read from the text). */
async function placeOf(vault: Vault, row: OutgoingRow): Promise<Range | undefined> {
  if (row.fragment === undefined || row.kind === 'attachment') return undefined;
  return loadPlaceOfLink(vault.index, row.path, splitFragment(row.fragment));
}

export function registerOutgoingView(vaults: Vaults, active: ActiveNote): OutgoingView {
  const view = new OutgoingView(vaults, active);
  view.register(outgoingViewId);
  return view;
}
