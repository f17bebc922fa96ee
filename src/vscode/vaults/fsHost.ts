// A `file:` workspace folder read with Node's fs: one walk that honours `marginalia.include`
// and `exclude` (an excluded folder is never entered), and the command line's reads (one
// reused buffer, a batch decoded at once). Chosen by `hostFor` (folderHost.ts).
import type * as vscode from 'vscode';
import type { BulkStampHost, FileStamp, ReusingReadHost, SyncReadHost, VaultFile } from '../../core/host';
import { NodeVaultHost } from '../../node/nodeHost';
import { startStamper } from '../../node/stampWorker';
import { skippedLinksMessage } from '../../core/index/skippedLinks';
import { FolderPaths, type FolderHost } from './folderPaths';
import type { VaultSettings } from './settings';

export class FsHost extends FolderPaths implements FolderHost, SyncReadHost, ReusingReadHost, BulkStampHost {
  readonly kind = 'fs';
  private readonly disk: NodeVaultHost;
  /** Started with each listing, so its start-up overlaps the walk; the stamps of the listed notes follow. */
  private stamper: ReturnType<typeof startStamper> | undefined;

  constructor(folder: vscode.WorkspaceFolder, settings: VaultSettings) {
    super(folder, settings);
    // A folder is skipped only when excluded itself (then so is all it holds); include
    // patterns name files, so folders are walked whatever they say.
    const filter = settings.filter;
    this.disk = new NodeVaultHost(folder.uri.fsPath, {
      accepts: (path, isFolder) => (isFolder ? !filter.excludes(path) : filter.acceptsWalked(path)),
    });
  }

  listFiles(): Promise<VaultFile[]> {
    this.stamper = startStamper(this.disk.root);
    return this.disk.listFilesAsync();
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

  stampMany(paths: readonly string[]): Promise<(FileStamp | undefined)[]> {
    const stamper = this.stamper ?? startStamper(this.disk.root);
    this.stamper = undefined;
    return stamper(paths);
  }
}
