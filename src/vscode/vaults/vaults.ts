// Every workspace folder is a vault with its own NoteIndex (a link never crosses
// folders). Maps a Uri to its vault and vault-relative path, and runs indexing under
// a progress indicator after activation has returned.
import * as vscode from 'vscode';
import { formatCount } from './numbers';
import { Vault, type CacheOptions } from './vault';

/** At most one progress message per this many ms while indexing. */
const PROGRESS_EVERY_MS = 250;

export interface Located {
  readonly vault: Vault;
  /** Vault-relative, `/`-separated. */
  readonly path: string;
}

export class Vaults implements vscode.Disposable {
  private readonly byFolder = new Map<string, Vault>();
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly folderWatch: vscode.Disposable;
  private started: Promise<void> | undefined;
  /** Fires after indexing or any change to an index. */
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly log: vscode.LogOutputChannel, private readonly cache?: CacheOptions) {
    for (const folder of vscode.workspace.workspaceFolders ?? []) this.add(folder);
    this.folderWatch = vscode.workspace.onDidChangeWorkspaceFolders(e => {
      for (const folder of e.removed) this.remove(folder);
      void this.reindex(e.added.map(folder => this.add(folder)));
    });
  }

  /** Starts the first indexing on a later turn, so activation returns at once. */
  start(): void {
    this.started = new Promise(resolve => setTimeout(resolve, 0)).then(() => this.reindex());
  }

  all(): Vault[] {
    return [...this.byFolder.values()];
  }

  /** The vault holding `uri` and its path there; undefined outside every folder or when excluded. */
  locate(uri: vscode.Uri): Located | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const vault = folder && this.byFolder.get(folder.uri.toString());
    const path = vault?.host.pathOf(uri);
    return vault && path !== undefined ? { vault, path } : undefined;
  }

  vaultFor(uri: vscode.Uri): Vault | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder && this.byFolder.get(folder.uri.toString());
  }

  get indexing(): boolean {
    return this.all().some(v => v.indexing);
  }

  /** Settles once every build started so far, and any started meanwhile, has. */
  async ready(): Promise<void> {
    await this.started;
    for (;;) {
      const pending = this.all().map(v => v.ready);
      await Promise.all(pending);
      if (this.all().every((v, i) => v.ready === pending[i])) return;
    }
  }

  /** Rebuilds the given vaults (default: all), one folder after another, with progress. */
  reindex(vaults: Vault[] = this.all()): Promise<void> {
    if (vaults.length === 0) return Promise.resolve();
    let report = (_message: string) => {};
    // Each report crosses to the workbench and redraws it: a few a second are enough to read,
    // while one per batch (200 for 10,000 notes) kept the window's renderer busy on the cores
    // the build needs.
    let reported = -Infinity;
    // Every build is queued at once (so ready() and queued changes wait for it) but each
    // starts when the previous folder is done: two cores, shared with the editor.
    let previous: Promise<void> = Promise.resolve();
    const builds = vaults.map(vault => {
      const suffix = vaults.length > 1 ? ` (${vault.folder.name})` : '';
      previous = vault.rebuild((d, t) => {
        const now = performance.now();
        if (d < t && now - reported < PROGRESS_EVERY_MS) return;
        reported = now;
        report(`Indexing notes ${formatCount(d)}/${formatCount(t)}${suffix}`);
      }, previous);
      return previous;
    });
    const done = Promise.all(builds).then(() => undefined);
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Marginalia' }, progress => {
      report = message => progress.report({ message });
      return done;
    });
    return done;
  }

  /** Drops every index and builds them again as a fresh activation does (from the cache): for tests and the bench. */
  async restart(whileClosed?: () => Promise<void>): Promise<void> {
    const folders = this.all().map(v => v.folder);
    for (const folder of folders) this.remove(folder);
    await whileClosed?.();
    return this.reindex(folders.map(folder => this.add(folder)));
  }

  dispose(): void {
    this.folderWatch.dispose();
    for (const vault of this.all()) vault.dispose();
    this.byFolder.clear();
    this.changeEmitter.dispose();
  }

  private add(folder: vscode.WorkspaceFolder): Vault {
    const vault = new Vault(folder, this.log, () => this.changeEmitter.fire(), this.cache);
    this.byFolder.set(folder.uri.toString(), vault);
    return vault;
  }

  private remove(folder: vscode.WorkspaceFolder): void {
    this.byFolder.get(folder.uri.toString())?.dispose();
    this.byFolder.delete(folder.uri.toString());
    this.changeEmitter.fire();
  }
}
