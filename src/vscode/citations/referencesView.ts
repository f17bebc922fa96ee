// The References view: the keys the active note cites, each with its author, year and title;
// a click opens the literature note or the bibliography entry (as F12 does).
import * as vscode from 'vscode';
import { literatureNoteOf } from '../../core/citations/literatureNote';
import { keysCited } from '../../core/citations/cited';
import { scanNote } from '../../core/syntax/scanNote';
import type { CitationLibraries } from './libraries';
import type { Vaults } from '../vaults/vaults';

export const referencesViewId = 'marginalia.references';

export class ReferencesView implements vscode.TreeDataProvider<string>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private keys: string[] = [];
  private readonly disposables: vscode.Disposable[];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly vaults: Vaults, private readonly libraries: CitationLibraries) {
    this.disposables = [
      vscode.window.registerTreeDataProvider(referencesViewId, this),
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidChangeTextDocument(e => {
        if (e.document === vscode.window.activeTextEditor?.document) {
          clearTimeout(this.timer);
          this.timer = setTimeout(() => this.refresh(), 300);
        }
      }),
      libraries.onDidLoad(() => this.emitter.fire()),
      this.emitter,
    ];
    this.refresh();
  }

  /** The keys shown now (for tests and the API). */
  get shown(): readonly string[] {
    return this.keys;
  }

  private refresh(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const at = doc && doc.languageId === 'markdown' ? this.vaults.locate(doc.uri) : undefined;
    const text = doc?.getText() ?? '';
    this.keys = at && text.includes('@') ? keysCited(scanNote(text).citations) : [];
    if (at && this.keys.length) void this.libraries.forNote(at.vault, at.path, text);
    this.emitter.fire();
  }

  getChildren(element?: string): string[] {
    return element ? [] : this.keys;
  }

  async getTreeItem(key: string): Promise<vscode.TreeItem> {
    const doc = vscode.window.activeTextEditor?.document;
    const at = doc && this.vaults.locate(doc.uri);
    const library = at && this.libraries.loadedForNote(at.vault, at.path, doc.getText());
    const item = new vscode.TreeItem(key);
    const entry = library?.search(key, 50).find(c => c.key === key);
    item.description = entry ? `${entry.author} ${entry.year} — ${entry.title}` : library ? 'not in the bibliography' : '';
    item.contextValue = entry ? 'reference' : 'unknownReference';
    item.iconPath = new vscode.ThemeIcon(entry ? 'book' : 'warning');
    if (at) {
      const note = await literatureNoteOf(at.vault.index, key);
      const full = library?.entry(key);
      const target = note ? at.vault.host.uriOf(note) : full && at.vault.host.uriOf(full.file);
      if (target) item.command = { command: 'vscode.open', title: 'Open', arguments: [target, full && !note ? { selection: new vscode.Range(full.line, 0, full.line, 0) } : {}] };
    }
    return item;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
