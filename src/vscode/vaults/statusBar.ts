// `$(book) 1,234 notes` once indexing is done: the sign that links will complete and
// resolve (UI tests wait for it). The tooltip breaks it down per folder; a click reindexes.
import * as vscode from 'vscode';
import { formatCount } from './numbers';
import type { Vaults } from './vaults';

export class NotesStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('marginalia.notes', vscode.StatusBarAlignment.Left, 10);
  private readonly listener: vscode.Disposable;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private showsIndexing = false;

  constructor(private readonly vaults: Vaults) {
    this.item.name = 'Marginalia Notes';
    this.item.command = { command: 'marginalia.reindex', title: 'Reindex Notes' };
    // Counting walks the index: once per burst of changes is enough, except when indexing
    // starts or ends, which shows at once (ready() resolves with the count already shown).
    this.listener = vaults.onDidChange(() => {
      clearTimeout(this.timer);
      if (vaults.indexing !== this.showsIndexing) this.update();
      else this.timer = setTimeout(() => this.update(), 200);
    });
    this.update();
  }

  get text(): string {
    return this.item.text;
  }

  update(): void {
    const vaults = this.vaults.all();
    if (vaults.length === 0) return this.item.hide();
    this.showsIndexing = this.vaults.indexing;
    // While indexing, the progress indicator beside it says it all (with a count).
    if (this.showsIndexing) return this.item.hide();
    const perFolder = vaults.map(v => ({ name: v.folder.name, stats: v.index.stats(), problems: v.problems.length }));
    const notes = perFolder.reduce((sum, f) => sum + f.stats.notes, 0);
    this.item.text = `$(book) ${formatCount(notes)} ${notes === 1 ? 'note' : 'notes'}`;
    this.item.tooltip = perFolder.map(f =>
      `${f.name}: ${formatCount(f.stats.notes)} notes, ${formatCount(f.stats.unresolved)} unresolved links` +
      (f.problems ? `, ${formatCount(f.problems)} unreadable files` : '')).join('\n') + '\nClick to reindex';
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.listener.dispose();
    this.item.dispose();
  }
}
