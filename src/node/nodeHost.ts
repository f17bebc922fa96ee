// A vault on disk through Node's fs: the command line's, and the extension's for `file:`
// folders (one walk and plain reads beat a search process and a round trip per file).
import * as fs from 'node:fs';
import type { FileStamp, NoteScanner, ReusingReadHost, ScanHost, ScanOptions, StampHost, SyncReadHost, VaultFile } from '../core/host';
import type { SkippedLink } from '../core/index/skippedLinks';
import { SCAN_WORKERS_FROM, startScanPool } from './scanPool';
import { followLinks, type WalkState } from './symlinks';

/** Folders the command line never looks in: version control, packages, and hidden folders (`.obsidian`, `.vscode`). */
function skipFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

export interface NodeVaultOptions {
  /**
   * Which vault paths (files, and folders to walk into) belong to the vault; a folder rejected
   * is not walked. Default: the command line's rule (no hidden folders, no node_modules).
   */
  readonly accepts?: (path: string, isFolder: boolean) => boolean;
  /**
   * Read and scan a large cold build on worker threads (scanPool.ts). The extension's host asks for
   * it: its thread, shared with every extension, does 60% less and keeps 35-40 MB less heap after a
   * first opening. The CLI does not: at 10,000 notes its cold index took more CPU (1.8-2.1 against
   * 1.5-1.6 s) and 80 MB more memory, and no less wall time on this machine (docs/performance.md).
   */
  readonly scanOnWorkers?: boolean;
}

export class NodeVaultHost implements SyncReadHost, ReusingReadHost, StampHost, ScanHost {
  /** Grows to the largest note read; `readFileReusing` hands out views of it. */
  private buffer = Buffer.allocUnsafe(64 * 1024);
  private readonly accepts: (path: string, isFolder: boolean) => boolean;
  private readonly scanOnWorkers: boolean;

  constructor(readonly root: string, options: NodeVaultOptions = {}) {
    this.scanOnWorkers = options.scanOnWorkers ?? false;
    this.accepts = options.accepts ?? ((path, isFolder) => !isFolder || !skipFolder(path.slice(path.lastIndexOf('/') + 1)));
  }

  /** Symbolic links the last listing skipped (outside the folder, loops, dangling): see symlinks.ts. */
  skippedLinks: readonly SkippedLink[] = [];

  async listFiles(): Promise<VaultFile[]> {
    return this.listFilesSync();
  }

  /**
   * The same list, one folder per task (each read off the main thread): an editor's event
   * loop is never held for the whole walk and filter of a large vault.
   */
  async listFilesAsync(): Promise<VaultFile[]> {
    this.skippedLinks = [];
    const files: VaultFile[] = [];
    const walked = new Set<string>(['']);
    const links: string[] = [];
    // A level of folders at a time, each of its folders read at once: one wait on the disk per
    // level, not per folder (a turn of an extension host's event loop can be long while it starts).
    for (let level = ['']; level.length > 0; ) {
      const listed = await Promise.all(level.map(relative =>
        fs.promises.readdir(this.absolute(relative), { withFileTypes: true }).catch((): fs.Dirent[] => []))); // unreadable: as listFilesSync
      const next: string[] = [];
      for (let k = 0; k < level.length; k++) {
        const relative = level[k];
        for (const entry of listed[k]) {
          const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
          if (entry.isDirectory()) {
            if (this.accepts(child, true)) {
              next.push(child);
              walked.add(child);
            }
          } else if (entry.isFile() && this.accepts(child, false)) {
            files.push({ path: child });
          } else if (entry.isSymbolicLink()) {
            links.push(child);
          }
        }
      }
      level = next;
    }
    // Symbolic links are few: they are followed as listFilesSync follows them, in one go, in path
    // order (the folders of a level come back in any order).
    if (links.length > 0) this.follow(links.sort(), files, walked);
    return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /**
   * Paths come back `/`-separated and sorted, so a build sees the same order on every platform.
   * No sizes: a stat per file cost more than the reads; `readFileReusing` finds an over-large note.
   */
  listFilesSync(): VaultFile[] {
    this.skippedLinks = [];
    const files: VaultFile[] = [];
    const links: string[] = [];
    const walked = new Set<string>();
    this.walkSync('', files, walked, links);
    if (links.length > 0) this.follow(links, files, walked);
    return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** Files under `relative` into `files`, folders walked into `walked`, symbolic links met into `links`. */
  private walkSync(relative: string, files: VaultFile[], walked: Set<string>, links: string[]): void {
    walked.add(relative);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(this.absolute(relative), { withFileTypes: true });
    } catch {
      return; // a folder we may not read: its files never become notes, and reading them would fail anyway
    }
    for (const entry of entries) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (this.accepts(child, true)) this.walkSync(child, files, walked, links);
      } else if (entry.isFile() && this.accepts(child, false)) {
        files.push({ path: child });
      } else if (entry.isSymbolicLink()) {
        links.push(child);
      }
    }
  }

  /** Follows the symbolic links a walk met (see symlinks.ts); the ones skipped are kept in `skippedLinks`. */
  private follow(links: string[], files: VaultFile[], walked: Set<string>): void {
    const state: WalkState = {
      files: new Set(files.map(f => f.path)),
      folders: walked,
      walk: relative => {
        if (this.accepts(relative, true)) this.walkSync(relative, files, walked, links);
      },
      addFile: relative => {
        if (this.accepts(relative, false)) files.push({ path: relative });
      },
    };
    this.skippedLinks = followLinks(this.root, links, state);
  }

  async readFile(relative: string): Promise<Uint8Array> {
    return this.readFileSync(relative);
  }

  readFileSync(relative: string): Uint8Array {
    return fs.readFileSync(this.absolute(relative));
  }

  /** A cold build's reading and scanning on worker threads (scanPool.ts); undefined when none can start. */
  startScanning(options: ScanOptions): NoteScanner | undefined {
    return !this.scanOnWorkers || options.notes < SCAN_WORKERS_FROM ? undefined : startScanPool(this.root, options);
  }

  stamp(relative: string): FileStamp {
    const stat = fs.statSync(this.absolute(relative));
    return { size: stat.size, mtime: stat.mtimeMs };
  }

  readFileReusing(relative: string, maxBytes: number): Uint8Array | number {
    const fd = fs.openSync(this.absolute(relative), 'r');
    try {
      let length = 0;
      for (;;) {
        if (length === this.buffer.length) {
          if (length > maxBytes) return fs.fstatSync(fd).size;
          const larger = Buffer.allocUnsafe(length * 2);
          this.buffer.copy(larger, 0, 0, length);
          this.buffer = larger;
        }
        const read = fs.readSync(fd, this.buffer, length, this.buffer.length - length, null);
        if (read === 0) break;
        length += read;
      }
      return length > maxBytes ? length : this.buffer.subarray(0, length);
    } finally {
      fs.closeSync(fd);
    }
  }

  /** Vault paths are `/`-separated and clean, and Node takes `/` on every platform: no path.join per file. */
  private absolute(relative: string): string {
    return relative === '' ? this.root : `${this.root}/${relative}`;
  }
}
