// Where a folder's index cache lives (the workspace's `context.storageUri`), and when it is
// written: in the background once indexing has settled, then at most every few seconds after
// changes; atomically (a temp file renamed over the old one), never above a bound that scales
// with the notes' size.
// Reading it rejects a damaged, foreign or outdated file with a log line naming it.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { Logger } from '../../core/host';
import type { CachedNote } from '../../core/index/build';
import { CacheRejected, decodeIndexCache, writeIndexCache, type CacheIdentity, type CacheNote, type CacheSource } from '../../core/index/indexCache';
import { TimeSlices } from '../../core/index/timeSlices';
import { openFileSource } from '../../node/fileSource';

/**
 * A cache larger than this many times its notes' bytes on disk (plus a floor) is not written: it
 * is a function of the notes, about 1.4 times their size with their texts (10,000 notes: 56 MB
 * for 40 MB of notes; 100,000: 591 MB for 400 MB), less without. One much larger means something
 * went wrong, and reading it would not pay. A bound that scales with the vault, not a fixed size:
 * a local cache is written and read a chunk at a time, so its size never sits in memory.
 */
const MAX_CACHE_PER_NOTE_BYTE = 3;
const MIN_CACHE_BOUND_BYTES = 64 * 1024 * 1024;
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
    let damage: unknown;
    try {
      return await decodeIndexCache(file.source, this.identity(), new TimeSlices(SLICE_MS));
    } catch (e) {
      damage = e;
    } finally {
      await file.close(); // once, before a damaged file is deleted
    }
    const e = damage;
    const why = e instanceof CacheRejected ? `${e.reason}: ${e.message}` : `corrupted: ${e instanceof Error ? e.message : String(e)}`;
    this.lastProblem = why;
    const say = e instanceof CacheRejected && (e.reason === 'outdated' || e.reason === 'other-settings') ? this.logger.info : this.logger.warn;
    say(`Index cache ${this.file.fsPath || this.file.toString()} not used (${why}); indexing from the files and writing a new one`);
    await this.delete();
    return undefined;
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
    const bound = cacheBound(notes);
    let bytes: number;
    if (this.file.scheme === 'file') {
      // A chunk at a time into the temp file: the whole file is never in memory.
      await fs.promises.mkdir(vscode.Uri.joinPath(this.file, '..').fsPath, { recursive: true });
      const handle = await fs.promises.open(temp.fsPath, 'w');
      try {
        bytes = await writeIndexCache(this.identity(), notes, (b, at) => writeAt(handle, b, at), new TimeSlices(SLICE_MS), bound);
      } finally {
        await handle.close();
      }
      if (bytes > bound) await fs.promises.rm(temp.fsPath, { force: true });
      else await fs.promises.rename(temp.fsPath, this.file.fsPath);
    } else {
      // workspace.fs writes a file whole: each chunk is copied into one buffer as it is encoded
      // and then dropped, so the file is in memory once (not its chunks and their copy).
      const whole = new GrowingBytes(Math.min(bound, notes.reduce((sum, n) => sum + n.stamp.size, 0) * 1.5 + 4096));
      bytes = await writeIndexCache(this.identity(), notes, (b, at) => whole.set(b, at), new TimeSlices(SLICE_MS), bound);
      if (bytes <= bound) {
        await vscode.workspace.fs.writeFile(temp, whole.bytes(bytes));
        await vscode.workspace.fs.rename(temp, this.file, { overwrite: true });
      }
    }
    if (bytes > bound) {
      this.logger.info(`Index cache not written: over ${megabytes(bound)} MB (${MAX_CACHE_PER_NOTE_BYTE} times the notes' size)`);
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

/** The largest cache written for `notes`, in bytes. */
function cacheBound(notes: readonly CacheNote[]): number {
  let noteBytes = 0;
  for (const n of notes) noteBytes += n.stamp.size;
  return MIN_CACHE_BOUND_BYTES + MAX_CACHE_PER_NOTE_BYTE * noteBytes;
}

/** Bytes written at offsets into one buffer, grown (by half again) when a write passes its end. */
class GrowingBytes {
  private buffer: Uint8Array;

  constructor(expected: number) {
    this.buffer = new Uint8Array(Math.max(4096, Math.ceil(expected)));
  }

  set(bytes: Uint8Array, at: number): void {
    if (at + bytes.length > this.buffer.length) {
      const larger = new Uint8Array(Math.max(at + bytes.length, Math.ceil(this.buffer.length * 1.5)));
      larger.set(this.buffer);
      this.buffer = larger;
    }
    this.buffer.set(bytes, at);
  }

  /** The first `length` bytes, without a copy. */
  bytes(length: number): Uint8Array {
    return this.buffer.subarray(0, length);
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
