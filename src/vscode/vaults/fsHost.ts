// A `file:` workspace folder read with Node's fs: one walk that honours `marginalia.include`
// and `exclude` (an excluded folder is never entered), and the command line's reads (one
// reused buffer, a batch decoded at once). Chosen by `hostFor` (folderHost.ts).
import type * as vscode from 'vscode';
import type { BulkStampHost, FileStamp, NoteScanner, ReusingReadHost, ScanHost, ScanOptions, SyncReadHost, VaultFile } from '../../core/host';
import { NodeVaultHost } from '../../node/nodeHost';
import { StampWorker, stampMany } from '../../node/stampWorker';
import { isNotePath } from '../../core/index/paths';
import { skippedLinksMessage } from '../../core/index/skippedLinks';
import { FolderPaths, type BuildPlan, type FolderHost } from './folderPaths';
import type { VaultSettings } from './settings';

export class FsHost extends FolderPaths implements FolderHost, SyncReadHost, ReusingReadHost, BulkStampHost, ScanHost {
  readonly kind = 'fs';
  private readonly disk: NodeVaultHost;
  private plan: BuildPlan | undefined;
  /** Started with the listing of a build that stamps, so its start-up overlaps the walk. */
  private worker: StampWorker | undefined;
  /** The listed notes' stamps, asked of the worker as the listing ends. */
  private listedStamps: { paths: readonly string[]; stamps: Promise<(FileStamp | undefined)[]> } | undefined;

  constructor(folder: vscode.WorkspaceFolder, settings: VaultSettings) {
    super(folder, settings);
    // A folder is skipped only when excluded itself (then so is all it holds); include
    // patterns name files, so folders are walked whatever they say.
    const filter = settings.filter;
    this.disk = new NodeVaultHost(folder.uri.fsPath, {
      accepts: (path, isFolder) => (isFolder ? !filter.excludes(path) : filter.acceptsWalked(path)),
      scanOnWorkers: true,
    });
  }

  /** The next listing of a build that stamps starts the stamp worker, and asks it for the listed notes' stamps as it ends. */
  planBuild(plan: BuildPlan): void {
    this.plan = plan;
  }

  /** The build is over: the worker stops (one still starting, for a build abandoned early, too). */
  buildDone(): void {
    this.plan = undefined;
    this.listedStamps = undefined;
    this.worker?.stop();
    this.worker = undefined;
  }

  async listFiles(): Promise<VaultFile[]> {
    const plan = this.plan;
    this.worker?.stop();
    const worker = (this.worker = plan?.stamps ? new StampWorker(this.disk.root) : undefined);
    const files = await this.disk.listFilesAsync();
    if (plan && worker && this.worker === worker) {
      const notes = files.filter(f => isNotePath(f.path)).map(f => f.path);
      const stamps = worker.stamp(notes);
      stamps.catch(() => {}); // a worker that fails: the build's stampMany gets the rejection and stamps a batch at a time
      this.listedStamps = { paths: notes, stamps };
    }
    return files;
  }

  /** Symbolic links the last listing skipped, as the command line says it. */
  linksMessages(): string[] {
    const skipped = skippedLinksMessage(this.disk.skippedLinks);
    return skipped ? [skipped] : [];
  }

  async readFile(path: string): Promise<Uint8Array> {
    return this.disk.readFileSync(path);
  }

  readFileSync(path: string): Uint8Array {
    return this.disk.readFileSync(path);
  }

  readFileReusing(path: string, maxBytes: number): Uint8Array | number {
    return this.disk.readFileReusing(path, maxBytes);
  }

  stamp(path: string): FileStamp {
    return this.disk.stamp(path);
  }

  /** The files it is asked for are the listed ones: the workers read them as readFileReusing does. */
  startScanning(options: ScanOptions): NoteScanner | undefined {
    return this.disk.startScanning(options);
  }

  stampMany(paths: readonly string[]): Promise<(FileStamp | undefined)[]> {
    const listed = this.listedStamps;
    this.listedStamps = undefined;
    if (listed && sameList(listed.paths, paths)) return listed.stamps;
    return stampMany(this.disk.root, paths);
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
