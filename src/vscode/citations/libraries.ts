// One CitationLibrary per vault, read the first time a citation needs it (never at activation),
// re-read file by file when a bibliography changes on disk (Zotero rewrites its export on every
// edit). Malformed entries are named, file:line, in the Marginalia output channel.
import * as vscode from 'vscode';
import { bibliographyFiles, isDefaultBibliography } from '../../core/citations/discovery';
import { CitationLibrary } from '../../core/citations/library';
import { NoteBibliographies, type CitationLookup } from '../../core/citations/noteLibrary';
import type { CitationStyle } from '../../core/citations/format';
import type { SiteCitations } from '../../core/publish/site';
import type { PageCitations } from '../../core/render/page';
import type { Vault } from '../vaults/vault';
import type { Vaults } from '../vaults/vaults';

interface Loaded {
  readonly library: CitationLibrary;
  readonly ready: Promise<CitationLibrary>;
  readonly configured: boolean;
  loaded: boolean;
}

let current: CitationLibraries | undefined;

/** The libraries of this window (set when the extension registers them). */
export function citationLibraries(): CitationLibraries | undefined {
  return current;
}

export class CitationLibraries implements vscode.Disposable {
  private readonly byVault = new Map<Vault, Loaded>();
  /** The files notes name in frontmatter `bibliography:`, per vault. */
  private readonly noteFiles = new Map<Vault, NoteBibliographies>();
  private readonly emitter = new vscode.EventEmitter<Vault>();
  /** A vault's library was read or re-read. */
  readonly onDidLoad = this.emitter.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly vaults: Vaults, private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{bib,json}');
    const changed = (uri: vscode.Uri, gone: boolean) => {
      const at = this.vaults.locate(uri);
      const noteFiles = at && this.noteFiles.get(at.vault);
      if (at && noteFiles?.holds(at.path)) void noteFiles.reload(at.path).then(() => this.emitter.fire(at.vault));
      const loaded = at && this.byVault.get(at.vault);
      if (!at || !loaded?.loaded) return;
      const mine = loaded.configured ? loaded.library.paths().includes(at.path) : isDefaultBibliography(at.path);
      if (!mine) return;
      if (gone) loaded.library.remove(at.path);
      void (gone ? Promise.resolve() : loaded.library.load(at.path, loaded.configured)).then(() => this.loadedNow(at.vault, loaded.library));
    };
    this.disposables = [
      watcher,
      watcher.onDidChange(uri => changed(uri, false)),
      watcher.onDidCreate(uri => changed(uri, false)),
      watcher.onDidDelete(uri => changed(uri, true)),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration('marginalia.bibliography')) this.byVault.clear(), this.noteFiles.clear();
      }),
      this.emitter,
    ];
    current = this;
  }

  /** The vault's library, read now if it has not been. */
  of(vault: Vault): Promise<CitationLibrary> {
    let loaded = this.byVault.get(vault);
    if (!loaded) {
      const configured = vscode.workspace.getConfiguration('marginalia', vault.folder.uri).get<string[]>('bibliography', []);
      const library = new CitationLibrary(vault.host);
      const isConfigured = Array.isArray(configured) && configured.length > 0;
      const files = bibliographyFiles([...vault.index.attachments()], isConfigured ? configured : []);
      const entry: Loaded = {
        library,
        configured: isConfigured,
        loaded: false,
        ready: library.loadAll(files, isConfigured).then(() => {
          entry.loaded = true;
          this.loadedNow(vault, library);
          return library;
        }),
      };
      this.byVault.set(vault, (loaded = entry));
    }
    return loaded.ready;
  }

  private noteFilesOf(vault: Vault): NoteBibliographies {
    let files = this.noteFiles.get(vault);
    if (!files) this.noteFiles.set(vault, (files = new NoteBibliographies(vault.host)));
    return files;
  }

  /** The library of the note at `path` with `text`: its frontmatter `bibliography:` files, then the vault's. */
  async forNote(vault: Vault, path: string, text: string): Promise<CitationLookup> {
    const workspace = await this.of(vault);
    const files = this.noteFilesOf(vault);
    const fresh = files.libraries().length;
    const lookup = await files.lookupFor(workspace, path, text);
    if (files.libraries().length > fresh) this.loadedNow(vault, workspace);
    return lookup;
  }

  /** The same if everything it needs has been read (for renders and views, which cannot wait); starts the reading otherwise. */
  loadedForNote(vault: Vault, path: string, text: string): CitationLookup | undefined {
    const workspace = this.loadedFor(vault);
    if (!workspace) {
      void this.of(vault);
      return undefined;
    }
    void this.forNote(vault, path, text);
    return this.noteFilesOf(vault).loadedLookupFor(workspace, path, text);
  }

  /** The vault's library if it has been read (for renders, which cannot wait). */
  loadedFor(vault: Vault): CitationLibrary | undefined {
    const loaded = this.byVault.get(vault);
    return loaded?.loaded ? loaded.library : undefined;
  }

  /** How the page of the note at `path` draws its citations; undefined until the library is read. */
  pageCitations(vault: Vault, path: string, text: string): PageCitations | undefined {
    const library = this.loadedForNote(vault, path, text);
    if (!library) return undefined;
    return { ...this.settings(vault), item: key => library.item(key) };
  }

  /** `marginalia.citations.style` and `.margin` for the vault. */
  private settings(vault: Vault): { style: CitationStyle; margin: boolean } {
    const config = vscode.workspace.getConfiguration('marginalia.citations', vault.folder.uri);
    const style: CitationStyle = config.get<string>('style') === 'numeric' ? 'numeric' : 'author-date';
    return { style, margin: config.get<boolean>('margin', true) };
  }

  /** How the vault's published site draws citations, as its preview does; the library is read once a page draws one. */
  siteCitations(vault: Vault, textOf: (path: string) => string | undefined): SiteCitations {
    const none = { item: () => undefined };
    return {
      ...this.settings(vault),
      read: async paths => {
        await Promise.all(paths.map(p => this.forNote(vault, p, textOf(p) ?? '')));
      },
      lookup: path => (path === undefined ? this.loadedFor(vault) : this.loadedForNote(vault, path, textOf(path) ?? '')) ?? none,
    };
  }

  private loadedNow(vault: Vault, library: CitationLibrary): void {
    this.log.info(`[${vault.folder.name}] citations: ${library.size} entries from ${library.paths().join(', ') || 'no bibliography file'}`);
    const ofNotes = this.noteFiles.get(vault)?.libraries() ?? [];
    if (ofNotes.length) this.log.info(`[${vault.folder.name}] citations: notes' own bibliography: ${ofNotes.flatMap(l => l.paths()).join(', ')}`);
    for (const p of [library, ...ofNotes].flatMap(l => l.problems())) this.log.warn(`[${vault.folder.name}] ${p.file}:${p.line + 1}: ${p.message}`);
    this.emitter.fire(vault);
  }

  dispose(): void {
    if (current === this) current = undefined;
    for (const d of this.disposables) d.dispose();
  }
}
