// The notes the user recently opened or linked, per vault: `[[` completion puts them first among
// equally good matches (the core's ranker decides), as VS Code's own suggestions
// (`editor.suggestSelection: recentlyUsed`) and Obsidian's quick switcher do. Kept for the session.
import * as vscode from 'vscode';
import type { CompletionCandidate } from '../../core/index/types';
import type { Vault } from '../vaults/vault';
import type { Vaults } from '../vaults/vaults';

/** Enough to hold what one is working on; a longer list would rank by habit, not by now. */
const KEPT = 20;

/** `[[target]]`, `[[target#part]]` or `[[target|label]]` ending where an edit ended (completion inserts `target]]`). */
const LINK_BEFORE = /!?\[\[([^\]|#\n]*)(?:#[^\]|\n]*)?(?:\|[^\]\n]*)?\]\]$/;

export class RecentNotes implements vscode.Disposable {
  /** Paths, most recent last. */
  private readonly byVault = new WeakMap<Vault, string[]>();
  private readonly listeners: vscode.Disposable[];

  constructor(private readonly vaults: Vaults) {
    const opened = (editor: vscode.TextEditor | undefined) => {
      const at = editor && vaults.locate(editor.document.uri);
      if (at) this.touch(at.vault, at.path);
    };
    opened(vscode.window.activeTextEditor);
    this.listeners = [
      vscode.window.onDidChangeActiveTextEditor(opened),
      vscode.workspace.onDidChangeTextDocument(e => this.linked(e)),
    ];
  }

  /** For the ranker: above 0 for a recent note, the more recent the higher. */
  recencyOf(vault: Vault): (c: CompletionCandidate) => number {
    // Asked of every candidate that matched (10,000 for `[[` alone): one map lookup each.
    const at = new Map((this.byVault.get(vault) ?? []).map((path, i) => [path, i + 1]));
    return c => (c.placeholder ? 0 : at.get(c.path) ?? 0);
  }

  touch(vault: Vault, path: string): void {
    if (!/\.md$/i.test(path)) return;
    let list = this.byVault.get(vault);
    if (!list) this.byVault.set(vault, list = []);
    const at = list.indexOf(path);
    if (at >= 0) list.splice(at, 1);
    list.push(path);
    if (list.length > KEPT) list.shift();
  }

  /** An edit that ends a wiki-link (a completion accepted, a link pasted): its note was just linked. */
  private linked(e: vscode.TextDocumentChangeEvent): void {
    for (const change of e.contentChanges) {
      if (!change.text.endsWith(']]')) continue;
      const at = this.vaults.locate(e.document.uri);
      if (!at) return;
      const end = e.document.positionAt(change.rangeOffset + change.text.length);
      const target = LINK_BEFORE.exec(e.document.lineAt(end.line).text.slice(0, end.character))?.[1]?.trim();
      if (!target) continue;
      const r = at.vault.index.resolve(target, at.path);
      if (r.kind === 'note') this.touch(at.vault, r.path);
    }
  }

  dispose(): void {
    for (const l of this.listeners) l.dispose();
  }
}
