// One workspace folder's notes: its NoteIndex, built and kept in line with the disk and the
// open editors, every change through one ChangeQueue.
import * as vscode from 'vscode';
import type { FileProblem, FileStamp, Logger } from '../../core/host';
import { buildIndex } from '../../core/index/build';
import { decodeNote } from '../../core/index/decodeNote';
import type { CacheIdentity, CacheNote } from '../../core/index/indexCache';
import { NoteIndex } from '../../core/index/noteIndex';
import { TimeSlices } from '../../core/index/timeSlices';
import { isNotePath } from '../../core/index/paths';
import { hostFor, type FolderHost } from './folderHost';
import { ChangeQueue } from './changeQueue';
import { IndexCacheStore } from './indexCacheStore';
import { BuildMeter, SettledMemoryLog } from './resourceLog';
import { readSettings, settingsKey } from './settings';

/**
 * The longest stretch a build runs without letting the editor in. DESIGN.md §7 allows 50 ms for
 * any task; a slice can be stretched by a garbage collection or by the other core's work taking
 * this one, so it aims well under that.
 */
const SLICE_MS = 12;
/** Files read at once (a batch is read without a break): small enough to take a few ms (50 reads and their decoding: about 2 ms of the extension host on a quiet machine). */
const BATCH_SIZE = 50;

/** Where the vault's index cache lives and who writes it; none without a workspace storage folder. */
export interface CacheOptions {
  readonly storage: vscode.Uri | undefined;
  /** The extension's version: a cache written by another is rebuilt. */
  readonly producer: string;
}

/** How the last build went: which host read the folder, and whether it started from the cache. */
export interface BuildReport {
  readonly host: FolderHost['kind'];
  readonly fromCache: boolean;
  /** Notes read from disk (all of them without a cache). */
  readonly reread: number;
  /** Why a cache was there but not used. */
  readonly cacheProblem?: string;
  readonly millis: number;
  /** What the listing did with symbolic links, as logged. */
  readonly links: readonly string[];
}

export class Vault implements vscode.Disposable {
  lastBuild: BuildReport | undefined;
  index = this.textlessIndex();
  private readonly unreadable = new Map<string, FileProblem>();
  host: FolderHost;
  readonly cache: IndexCacheStore | undefined;
  /** Each note's file stamp when the index last read it from disk; notes without one (unsaved edits) are not cached. */
  private stamps = new Map<string, FileStamp>();
  /** Only the first build of a session starts from the cache: Reindex means read everything. */
  private fromCacheNext = true;
  /** Settles when the latest build has. */
  ready: Promise<void> = Promise.resolve();
  /** True until the first build is done, so nothing shows a count of an empty index. */
  indexing = true;
  private readonly queue: ChangeQueue;
  private build = { cancelled: false };
  private disposed = false;
  private readonly settledMemory: SettledMemoryLog;
  /** The engine names files by vault path: the folder name tells vaults apart in the log. */
  private readonly logger: Logger;

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    private readonly log: vscode.LogOutputChannel,
    private readonly changed: () => void,
    cache: CacheOptions = { storage: undefined, producer: '' },
  ) {
    this.host = hostFor(folder, readSettings(folder));
    const tagged = (m: string) => `[${folder.name}] ${m}`;
    this.logger = { info: m => log.info(tagged(m)), warn: m => log.warn(tagged(m)), error: m => log.error(tagged(m)) };
    this.queue = new ChangeQueue(this.logger);
    this.settledMemory = new SettledMemoryLog(this.logger);
    const identity = (): CacheIdentity => ({ producer: cache.producer, folder: folder.uri.toString(), settings: settingsKey(this.host.settings) });
    this.cache = cache.storage ? new IndexCacheStore(cache.storage, identity, this.logger) : undefined;
  }

  /** Lists and reads the folder again (settings re-read); an unfinished build is abandoned. */
  rebuild(onProgress: (done: number, total: number) => void, after: Promise<void> = Promise.resolve()): Promise<void> {
    this.build.cancelled = true;
    const build = { cancelled: false };
    this.build = build;
    this.indexing = true;
    this.changed();
    this.ready = this.enqueue(undefined, async () => {
      await after;
      if (build.cancelled) return;
      const meter = new BuildMeter();
      this.host = hostFor(this.folder, readSettings(this.folder));
      const fromCache = this.fromCacheNext;
      // Not awaited: the build lists and stamps the files while the cache decodes.
      const cached = fromCache ? this.cache?.load() : undefined;
      this.fromCacheNext = false;
      // The first build fills the index everyone reads, so completion answers from what is indexed so far.
      const index = this.textlessIndex();
      if (this.index.stats().notes === 0) this.index = index;
      const host = this.host;
      host.planBuild?.({ stamps: this.cache !== undefined });
      const result = await buildIndex(host, {
        onProgress, isCancelled: () => build.cancelled || this.disposed, index, sliceMs: SLICE_MS, batchSize: BATCH_SIZE,
        logger: this.logger, maxFileBytes: host.settings.maxFileBytes, stamp: this.cache !== undefined, cached,
      }).finally(() => host.buildDone?.());
      if (build.cancelled || this.disposed) return meter.cancel();
      this.index = result.index;
      this.stamps = result.stamps;
      this.unreadable.clear();
      for (const p of result.problems) this.unreadable.set(p.path, p);
      // As the command line says it: a symbolic link left out is named, never silently dropped.
      const links = this.host.linksMessages();
      for (const m of links) this.logger.warn(m);
      this.overlayUnsavedEdits();
      const stats = this.index.stats();
      const notes = `${stats.notes} notes, ${stats.attachments} attachments, ${result.problems.length} unreadable`;
      const how = result.cachedNotes !== undefined ? `from cache, ${stats.notes - result.restored} re-read` : `engine ${Math.round(result.millis)} ms`;
      const millis = meter.millis();
      this.lastBuild = { host: this.host.kind, fromCache: result.cachedNotes !== undefined, reread: stats.notes - result.restored, cacheProblem: fromCache ? this.cache?.lastProblem : undefined, millis, links };
      this.log.info(`Indexed ${this.folder.name}: ${notes}, in ${millis} ms (${how})`);
      meter.logCost(this.logger, this.host.kind, result.longestSliceMs);
      this.settledMemory.schedule();
      void this.prepareCompletion(result.index);
      // A cache that held exactly this needs no rewrite.
      const unchanged = result.restored === result.cachedNotes && result.restored === stats.notes;
      if (!unchanged) this.cache?.schedule(() => this.cacheNotes());
    }).finally(() => {
      if (this.build === build) this.indexing = false;
      this.changed();
    });
    return this.ready;
  }

  /**
   * Computes every note's completion entry (its shortest unique target) in short tasks after the
   * index is ready, so the first `[[` finds them; a `[[` typed sooner computes what is left itself.
   * Outside the change queue: changes between tasks are kept by the list (it forgets what they touch).
   */
  private async prepareCompletion(index: NoteIndex): Promise<void> {
    const slices = new TimeSlices(SLICE_MS);
    while (this.index === index && !this.disposed && !index.prepareCompletion(slices.deadline())) await slices.next();
  }

  /** Files that could not be indexed (binary, not UTF-8, too large), each named. */
  get problems(): FileProblem[] {
    return [...this.unreadable.values()];
  }

  /** Brings one note in line with the open editor's unsaved text, or else the disk. */
  refresh(path: string): Promise<void> {
    return this.enqueue(path, async () => {
      if (!isNotePath(path)) return; // an attachment's content means nothing to the index
      if (this.unsavedText(path) !== undefined) return this.upsertUnsavedIfOnDisk(path);
      let bytes: Uint8Array;
      let stamp: FileStamp | undefined;
      try {
        // Stamped before it is read: a change in between makes the next opening read it again.
        stamp = this.cache ? await this.host.stamp(path) : undefined;
        bytes = await this.host.readFile(path);
      } catch (e) {
        // Deleted while its change event waited in the queue (its delete event follows), or
        // long ago (a deleted file's editor reverted): either way the note is gone.
        if (!isNotFound(e)) throw e;
        return this.forget(path);
      }
      const decoded = decodeNote(path, bytes, this.host.settings.maxFileBytes);
      if ('problem' in decoded) {
        this.logger.warn(decoded.problem.message);
        this.unreadable.set(path, decoded.problem);
        this.stamps.delete(path);
        if (this.index.has(path)) this.index.remove(path);
        return;
      }
      this.unreadable.delete(path);
      this.index.upsert(path, decoded.text);
      if (stamp) this.stamps.set(path, stamp);
    });
  }

  /** An unsaved edit: the editor's text is what the user sees, so it is what links mean. */
  edit(path: string, text: () => string): Promise<void> {
    // A note the index holds is on disk (or its delete event is queued behind this): no stat per keystroke.
    return this.enqueue(path, () => this.index.has(path) ? this.upsertUnsaved(path, text()) : this.upsertUnsavedIfOnDisk(path, text));
  }

  /** A file or a whole folder is gone. */
  delete(path: string): Promise<void> {
    return this.enqueue(path, () => {
      for (const p of this.pathsAt(path)) {
        this.index.remove(p);
        this.stamps.delete(p);
      }
      this.unreadable.delete(path);
    });
  }

  /** A file or folder renamed inside this vault; what the index never held is read afresh. */
  rename(from: string, to: string): Promise<void> {
    return this.enqueue(from, () => {
      const moved = this.pathsAt(from);
      for (const p of moved) {
        const moved = to + p.slice(from.length);
        this.index.rename(p, moved);
        // A rename keeps the file's size and modification time.
        const stamp = this.stamps.get(p);
        this.stamps.delete(p);
        if (stamp) this.stamps.set(moved, stamp);
      }
      if (moved.length === 0) void this.refreshCreated(this.host.uriOf(to));
    });
  }

  /** A new file, or a folder moved in from elsewhere (the watcher reports only the folder). */
  async refreshCreated(uri: vscode.Uri): Promise<void> {
    const path = this.host.pathOf(uri);
    if (path === undefined) return;
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      return; // gone again before we looked: its delete event follows
    }
    const files = stat.type & vscode.FileType.Directory
      ? (await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*'))).map(u => this.host.pathOf(u)).filter(isDefined)
      : [path];
    await Promise.all(files.map(p => isNotePath(p) ? this.refresh(p) : this.addAttachment(p)));
  }

  private addAttachment(path: string): Promise<void> {
    return this.enqueue(path, () => {
      if (!this.index.has(path)) this.index.addAttachment(path);
    });
  }

  dispose(): void {
    this.disposed = true;
    this.queue.stop();
    this.settledMemory.dispose();
    this.build.cancelled = true;
    this.cache?.dispose();
  }

  /**
   * An index that keeps no note's text (issue 20): a query that needs one reads it back, from its
   * open editor if it has one (what the user sees, saved or not), else from the file.
   */
  private textlessIndex(): NoteIndex {
    const index = new NoteIndex();
    index.readTextsThrough(async path => {
      // Only an unsaved editor's text: a saved one may still show the disk's previous text for a
      // moment after a change on disk, and reading it would put that old text back in the index.
      const unsaved = this.unsavedText(path);
      if (unsaved !== undefined) return unsaved;
      const decoded = decodeNote(path, await this.host.readFile(path), this.host.settings.maxFileBytes);
      return 'text' in decoded ? decoded.text : undefined;
    });
    return index;
  }

  /** What the cache keeps: every note as the disk holds it (not those showing unsaved edits). */
  cacheNotes(): CacheNote[] {
    const out: CacheNote[] = [];
    for (const n of this.index.packedNotes()) {
      const stamp = this.stamps.get(n.path);
      if (stamp) out.push({ path: n.path, stamp, print: n.print, packed: n.packed });
    }
    return out;
  }

  /** The editor's text is not the file's: the note leaves the cache until it is read from disk again. */
  private upsertUnsaved(path: string, text: string): void {
    this.stamps.delete(path);
    this.index.upsert(path, text);
  }

  /**
   * An unsaved editor counts only while its file exists: the editor of a deleted file (VS Code
   * shows it "(deleted)") keeps the note out until it is saved again, as a Reindex does. Late
   * events (a create or change reported after the delete, or after a Reindex) would bring it back.
   */
  private async upsertUnsavedIfOnDisk(path: string, text: () => string | undefined = () => this.unsavedText(path)): Promise<void> {
    try {
      await this.host.stamp(path);
    } catch (e) {
      if (!isNotFound(e)) throw e;
      return this.forget(path);
    }
    const unsaved = text();
    if (unsaved !== undefined) this.upsertUnsaved(path, unsaved);
  }

  /** A note whose file is not there. */
  private forget(path: string): void {
    if (this.index.has(path)) this.index.remove(path);
    this.stamps.delete(path);
    this.unreadable.delete(path);
  }

  /** The path itself if indexed, else everything under it as a folder. */
  private pathsAt(path: string): string[] {
    if (this.index.has(path)) return [path];
    const prefix = path + '/';
    const inside: string[] = [];
    for (const note of this.index.notes()) if (note.path.startsWith(prefix)) inside.push(note.path);
    for (const a of this.index.attachments()) if (a.startsWith(prefix)) inside.push(a);
    return inside;
  }

  private overlayUnsavedEdits(): void {
    for (const doc of vscode.workspace.textDocuments) {
      const path = doc.isDirty ? this.host.pathOf(doc.uri) : undefined;
      if (path !== undefined && isNotePath(path) && this.index.has(path)) this.upsertUnsaved(path, doc.getText());
    }
  }

  private unsavedText(path: string): string | undefined {
    const uri = this.host.uriOf(path).toString();
    const doc = vscode.workspace.textDocuments.find(d => d.isDirty && d.uri.toString() === uri);
    return doc?.getText();
  }

  /** Queues `op`; a change to one note (not a build) tells the views and schedules the cache. */
  private enqueue(path: string | undefined, op: () => void | Promise<void>): Promise<void> {
    return this.queue.run(path, op, () => {
      if (path === undefined) return;
      this.changed();
      if (!this.indexing) this.cache?.schedule(() => this.cacheNotes());
    });
  }
}

/** The file is not there, as `workspace.fs` or Node's fs says it. */
function isNotFound(e: unknown): boolean {
  return (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') || (e as { code?: unknown }).code === 'ENOENT';
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
