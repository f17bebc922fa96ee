// Where a folder's index cache lives (the workspace's `context.storageUri`), and when it is
// written: in the background once indexing has settled, then at most every few seconds after
// changes; atomically (a temp file renamed over the old one), never above a size bound.
// Reading it rejects a damaged, foreign or outdated file with a log line naming it.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { Logger } from '../../core/host';
import type { CachedNote } from '../../core/index/build';
import { CacheRejected, decodeIndexCache, encodeIndexCache, writeIndexCache, type CacheIdentity, type CacheNote, type CacheSource } from '../../core/index/indexCache';
import { TimeSlices } from '../../core/index/timeSlices';
import { openFileSource } from '../../node/fileSource';

/** A cache larger than this is not written (a vault of about 90,000 notes): reading it would not pay. */
export const MAX_CACHE_BYTES = 512 * 1024 * 1024;
/** After the first build settles, and between writes after changes. */
const WRITE_DELAY_MS = 3000;
const SLICE_MS = 15;

export class IndexCacheStore implements vscode.Disposable {
  readonly file: vscode.Uri;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private disposed = false;
  /** Why the last `load` found no usable cache (none when it found none at all). */
  lastProblem: string | undefined;

  constructor(storage: vscode.Uri, private readonly identity: () => CacheIdentity, private readonly logger: Logger) {
    this.file = vscode.Uri.joinPath(storage, `index-${hashName(identity().folder)}.bin`);
  }

  /** The cached notes, or undefined when there is no usable cache (a damaged one is logged and deleted). */
  async load(): Promise<ReadonlyMap<string, CachedNote> | undefined> {
    this.lastProblem = undefined;
    let file: { source: CacheSource | Uint8Array; close(): Promise<void> };
    try {
      file = await this.open();
    } catch {
      return undefined; // none yet: the first opening of this folder
    }
    try {
      return await decodeIndexCache(file.source, this.identity(), new TimeSlices(SLICE_MS));
    } catch (e) {
      const why = e instanceof CacheRejected ? `${e.reason}: ${e.message}` : `corrupted: ${e instanceof Error ? e.message : String(e)}`;
      this.lastProblem = why;
      const say = e instanceof CacheRejected && (e.reason === 'outdated' || e.reason === 'other-settings') ? this.logger.info : this.logger.warn;
      say(`Index cache ${this.file.fsPath || this.file.toString()} not used (${why}); indexing from the files and writing a new one`);
      await file.close();
      await this.delete();
      return undefined;
    } finally {
      await file.close();
    }
  }

  /** Writes `notes()` after a few seconds, unless a write is already due (bursts of changes make one write). */
  schedule(notes: () => CacheNote[]): void {
    if (this.timer || this.disposed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.save(notes());
    }, WRITE_DELAY_MS);
  }

  /** Writes now (after any write under way). */
  save(notes: CacheNote[]): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.writing = this.writing.then(() => this.write(notes)).catch(e => {
      this.logger.warn(`Index cache ${this.file.fsPath}: could not be written (${e instanceof Error ? e.message : String(e)}); the next opening indexes from the files`);
    });
    return this.writing;
  }

  /** Deletes the cache file; the next opening indexes from the files (until a write after a change). */
  async clear(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.writing;
    await this.delete();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
  }

  private async write(notes: CacheNote[]): Promise<void> {
    if (this.disposed) return;
    const started = performance.now();
    const temp = this.file.with({ path: `${this.file.path}.${process.pid}.tmp` });
    let bytes: number;
    if (this.file.scheme === 'file') {
      // A chunk at a time into the temp file: the whole file is never in memory.
      await fs.promises.mkdir(vscode.Uri.joinPath(this.file, '..').fsPath, { recursive: true });
      const handle = await fs.promises.open(temp.fsPath, 'w');
      try {
        bytes = await writeIndexCache(this.identity(), notes, (b, at) => writeAt(handle, b, at), new TimeSlices(SLICE_MS), MAX_CACHE_BYTES);
      } finally {
        await handle.close();
      }
      if (bytes > MAX_CACHE_BYTES) await fs.promises.rm(temp.fsPath, { force: true });
      else await fs.promises.rename(temp.fsPath, this.file.fsPath);
    } else {
      const pieces = await encodeIndexCache(this.identity(), notes, new TimeSlices(SLICE_MS));
      bytes = pieces.reduce((sum, p) => sum + p.length, 0);
      if (bytes <= MAX_CACHE_BYTES) {
        const whole = new Uint8Array(bytes);
        let at = 0;
        for (const p of pieces) (whole.set(p, at), (at += p.length));
        await vscode.workspace.fs.writeFile(temp, whole);
        await vscode.workspace.fs.rename(temp, this.file, { overwrite: true });
      }
    }
    if (bytes > MAX_CACHE_BYTES) {
      this.logger.info(`Index cache not written: over the ${megabytes(MAX_CACHE_BYTES)} MB bound`);
      return this.delete();
    }
    this.logger.info(`Saved the index cache: ${notes.length} notes, ${megabytes(bytes)} MB, in ${Math.round(performance.now() - started)} ms`);
  }

  /** A local file is read a chunk at a time (its bytes never all in memory); any other whole. */
  private async open(): Promise<{ source: CacheSource | Uint8Array; close(): Promise<void> }> {
    if (this.file.scheme === 'file') {
      const source = await openFileSource(this.file.fsPath);
      return { source, close: source.close };
    }
    return { source: await vscode.workspace.fs.readFile(this.file), close: async () => {} };
  }

  private async delete(): Promise<void> {
    try {
      if (this.file.scheme === 'file') await fs.promises.rm(this.file.fsPath, { force: true });
      else await vscode.workspace.fs.delete(this.file);
    } catch {
      // already gone
    }
  }
}

/** All of `bytes` at `at` (a write may take fewer). */
async function writeAt(handle: fs.promises.FileHandle, bytes: Uint8Array, at: number): Promise<void> {
  for (let done = 0; done < bytes.length; ) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, at + done);
    done += bytesWritten;
  }
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/** A short stable file name for a folder Uri. */
export function hashName(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
