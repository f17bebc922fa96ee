// A cold build: every file of a host into a fresh NoteIndex, in batches so an editor
// stays responsive; a file that cannot be indexed becomes a problem, never a crash.
// Notes a cache still holds unchanged (same size and modification time) are restored, not read.
import {
  canReadReusing,
  canReadSync,
  canScan,
  canStamp,
  canStampMany,
  silentLogger,
  type FileProblem,
  type FileStamp,
  type Logger,
  type NoteScanner,
  type ReusingReadHost,
  type StampHost,
  type SyncReadHost,
  type VaultFile,
  type VaultHost,
} from '../host';
import { decodeNote, DEFAULT_MAX_FILE_BYTES, notScanned, skipUnread, unreadable, type Read } from './decodeNote';
import { JoinedText, readJoined } from './joinedText';
import { NoteIndex } from './noteIndex';
import type { CachedNote } from './indexCache';
import { fileScanned, ScannerTables } from './scanBatch';
import { isNotePath } from './paths';
import { TimeSlices } from './timeSlices';

// Where a cache's notes are read, as the callers have always imported them.
export type { CachedNote };

export interface BuildOptions {
  /** Notes larger than this are reported, not read. Default 5 MB. */
  maxFileBytes?: number;
  logger?: Logger;
  onProgress?(done: number, total: number): void;
  /** Files per batch; between batches the build yields (TimeSlices.next) so an editor stays responsive. */
  batchSize?: number;
  /** Checked between batches: a cancelled build returns what it has indexed so far. */
  isCancelled?(): boolean;
  /**
   * Yield whenever this many milliseconds have run without a break (an editor's event loop
   * must never be held long); without it, the build yields only between batches.
   */
  sliceMs?: number;
  /** The index to fill (empty): lets the caller answer from what is indexed so far. */
  index?: NoteIndex;
  /** Stamp every note (a host that can): the stamps come back in the result, for a cache. */
  stamp?: boolean;
  /**
   * A cache's notes: one whose stamp still matches its file is restored unread. A promise (a
   * cache still decoding) lets the build list and stamp the files meanwhile.
   */
  cached?: ReadonlyMap<string, CachedNote> | Promise<ReadonlyMap<string, CachedNote> | undefined>;
}

export interface BuildResult {
  index: NoteIndex;
  problems: FileProblem[];
  millis: number;
  /** Each indexed note's stamp, taken before it was read (only with `stamp` and a host that can). */
  stamps: Map<string, FileStamp>;
  /** Notes restored from `cached` without reading them. */
  restored: number;
  /** Notes the cache held (undefined without one). */
  cachedNotes: number | undefined;
  /** The longest stretch, in ms, the build ran without yielding. */
  longestSliceMs: number;
}

const DEFAULT_BATCH_SIZE = 500;

export async function buildIndex(host: VaultHost, options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const logger = options.logger ?? silentLogger;
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const index = options.index ?? new NoteIndex();
  const slices = new TimeSlices(options.sliceMs);
  const problems: FileProblem[] = [];
  const report = (problem: FileProblem): void => {
    problems.push(problem);
    logger.warn(problem.message);
  };
  const stamping = (options.stamp || options.cached !== undefined) && canStamp(host) ? host : undefined;
  const stamps = new Map<string, FileStamp>();
  let restored = 0;
  // One per build: a batch's bytes stay in it while its notes are indexed, across yields.
  const joined = new JoinedText();
  const add = (path: string, text: string) => upsert(index, path, text, report);

  // An editor's host lists a folder per task (it awaits the disk): the wait is no task of ours.
  const files = await slices.around(host.listFiles());
  // Every stamp at once, off this thread where the host can, while the cache decodes.
  const early = stamping && canStampMany(stamping) ? stampEarly(stamping.stampMany(files.filter(f => isNotePath(f.path)).map(f => f.path)), files) : undefined;
  const cached = await slices.around(Promise.resolve(options.cached));
  const stampedEarly = early && (await slices.around(early));
  // A cold build (no cache) reads and scans on other threads where the host can. A note is stamped
  // before it is read (a file changed in between is read again next time), and scanners read
  // ahead: only where every stamp is taken already.
  const scanner = cached === undefined && (!stamping || stampedEarly) && canScan(host)
    ? host.startScanning({ maxFileBytes, keepTexts: index.keepsTexts(), notes: countNotes(files) })
    : undefined;
  const scans = scanner ? scanAhead(scanner, files, batchSize) : undefined;
  const tables = new ScannerTables();
  const readNotes = async (notes: readonly VaultFile[]): Promise<void> => {
    if (canReadReusing(host)) {
      await addJoined(joined, host, notes, maxFileBytes, report, add, slices);
    } else if (canReadSync(host)) {
      for (const f of notes) {
        addNote(readSync(host, f, maxFileBytes), maxFileBytes, report, add);
        if (slices.due()) await slices.next();
      }
    } else {
      // Async hosts read a whole batch at once: one round trip per file would dominate.
      const reads = await slices.around(Promise.all(notes.map(f => readAsync(host, f, maxFileBytes))));
      for (const r of reads) {
        addNote(r, maxFileBytes, report, add);
        if (slices.due()) await slices.next();
      }
    }
  };
  let scanFailed = false;
  let done = 0;
  index.beginBulk();
  try {
    for (; done < files.length; done += batchSize) {
      if (done > 0) {
        options.onProgress?.(done, files.length);
        // Every batch, restored or read: going on while a slice was not due (no turn of the event
        // loop for batches restored whole) saved about 20 ms of 10,000 notes in a profile and
        // nothing measurable end to end in quiet A/B starts, whose longest task the collector
        // decides (docs/performance.md): the simpler loop stays.
        await slices.next();
      }
      if (options.isCancelled?.()) break;
      const end = Math.min(files.length, done + batchSize);
      let notes: VaultFile[] = [];
      // Stamps taken at once are by position in the listing: no lookup by path per note.
      const early: (FileStamp | undefined)[] | undefined = stampedEarly ? [] : undefined;
      for (let k = done; k < end; k++) {
        const f = files[k];
        if (!isNotePath(f.path)) {
          index.addAttachment(f.path);
        } else {
          notes.push(f);
          early?.push(stampedEarly![k]);
        }
      }
      if (stamping) {
        const stamped = early ?? (await slices.around(stampAll(stamping, notes)));
        const unread: VaultFile[] = [];
        for (let i = 0; i < notes.length; i++) {
          const stamp = stamped[i];
          if (stamp) stamps.set(notes[i].path, stamp);
          const note = stamp && cached?.get(notes[i].path);
          if (note && note.stamp.size === stamp.size && note.stamp.mtime === stamp.mtime) {
            index.restore(notes[i].path, note.print, note.packed, note.targets);
            restored++;
            if (slices.due()) await slices.next();
          } else {
            unread.push(notes[i]);
          }
        }
        notes = unread;
      }
      if (notes.length === 0) continue;
      const scanned = scans?.get(done);
      if (!scanned) {
        await readNotes(notes);
        continue;
      }
      for (const part of scanned) {
        const outcome = await slices.around(part.outcome);
        let failed = 'failed' in outcome ? outcome.failed : undefined;
        if (!('failed' in outcome)) {
          try {
            await fileScanned(outcome, part.files, tables, index, report, slices);
          } catch (error) {
            // It is decoded whole before a note of it is filed: reading them files each once.
            failed = `its notes did not decode (${error instanceof Error ? error.message : String(error)})`;
          }
        }
        if (failed !== undefined) {
          // Said once: every later request of a failed pool fails too.
          if (!scanFailed) logger.warn(`Scanning on worker threads failed (${failed}); reading the notes on the main thread instead`);
          scanFailed = true;
          await readNotes(part.files);
        }
      }
    }
  } finally {
    // Resolving every link at once is the longest step of a build: spread it too.
    scanner?.stop();
    while (!index.endBulkBy(slices.deadline())) await slices.next();
  }
  for (const p of problems) stamps.delete(p.path);
  if (done >= files.length) options.onProgress?.(files.length, files.length);
  return { index, problems, millis: performance.now() - started, stamps, restored, cachedNotes: cached?.size, longestSliceMs: slices.finish() };
}

function countNotes(files: readonly VaultFile[]): number {
  let n = 0;
  for (const f of files) if (isNotePath(f.path)) n++;
  return n;
}

/** Notes per request to a scanner: decoding a chunk is one step of the build's thread (cold, before V8 optimizes the reader, 100 notes took up to 40 ms), so a small one. */
const SCAN_NOTES = 50;

/**
 * Asks the scanner for every note at once, in requests of SCAN_NOTES, grouped by the build batch
 * (its first file's position) they belong to: the scanners work ahead while the build files.
 */
function scanAhead(scanner: NoteScanner, files: readonly VaultFile[], batchSize: number) {
  const byBatch = new Map<number, { files: VaultFile[]; outcome: ReturnType<NoteScanner['scan']> }[]>();
  for (let done = 0; done < files.length; done += batchSize) {
    const notes = files.slice(done, done + batchSize).filter(f => isNotePath(f.path));
    const parts: { files: VaultFile[]; outcome: ReturnType<NoteScanner['scan']> }[] = [];
    for (let k = 0; k < notes.length; k += SCAN_NOTES) {
      const part = notes.slice(k, k + SCAN_NOTES);
      parts.push({ files: part, outcome: scanner.scan(part) });
    }
    byBatch.set(done, parts);
  }
  return byBatch;
}

/**
 * The notes' stamps by their position in `files` (a file that is no note has none); undefined if
 * the host could not take them at once (then each batch is stamped).
 */
async function stampEarly(stamps: Promise<(FileStamp | undefined)[]>, files: readonly VaultFile[]): Promise<(FileStamp | undefined)[] | undefined> {
  let all: (FileStamp | undefined)[];
  try {
    all = await stamps;
  } catch {
    return undefined;
  }
  const byFile = new Array<FileStamp | undefined>(files.length);
  let i = 0;
  for (let k = 0; k < files.length; k++) if (isNotePath(files[k].path)) byFile[k] = all[i++];
  return byFile;
}

/** Stamps of a batch, undefined for a file that cannot be stamped (its read reports why). */
async function stampAll(host: StampHost, files: readonly VaultFile[]): Promise<(FileStamp | undefined)[]> {
  const out: (FileStamp | Promise<FileStamp | undefined> | undefined)[] = files.map(f => {
    try {
      const s = host.stamp(f.path);
      return s instanceof Promise ? s.catch(() => undefined) : s;
    } catch {
      return undefined;
    }
  });
  return out.some(s => s instanceof Promise) ? Promise.all(out) : (out as (FileStamp | undefined)[]);
}

function readSync(host: SyncReadHost, file: VaultFile, maxFileBytes: number): Read {
  const skipped = skipUnread(file, maxFileBytes);
  if (skipped) return skipped;
  try {
    return { file, bytes: host.readFileSync(file.path) };
  } catch (error) {
    return { file, problem: unreadable(file.path, error) };
  }
}

async function readAsync(host: VaultHost, file: VaultFile, maxFileBytes: number): Promise<Read> {
  const skipped = skipUnread(file, maxFileBytes);
  if (skipped) return skipped;
  try {
    return { file, bytes: await host.readFile(file.path) };
  } catch (error) {
    return { file, problem: unreadable(file.path, error) };
  }
}

type Add = (path: string, text: string) => void;

function addNote(r: Read, maxFileBytes: number, report: (p: FileProblem) => void, add: Add): void {
  if ('problem' in r) return report(r.problem);
  const decoded = decodeNote(r.file.path, r.bytes, maxFileBytes);
  if ('problem' in decoded) return report(decoded.problem);
  add(r.file.path, decoded.text);
}

function upsert(index: NoteIndex, path: string, text: string, report: (p: FileProblem) => void): void {
  try {
    index.upsert(path, text);
  } catch (error) {
    // A scanner bug on one odd note must not cost the user the rest of the vault.
    report(notScanned(path, error));
  }
}

/**
 * A reusing host's batch (the CLI's and the editor's on a local disk): every note read into one
 * buffer, then decoded as one string whose slices are the notes' texts, when the batch is ASCII
 * (see joinedText.ts); else note by note.
 */
async function addJoined(
  joined: JoinedText, host: ReusingReadHost, notes: readonly VaultFile[], maxFileBytes: number,
  report: (p: FileProblem) => void, add: Add, slices: TimeSlices,
): Promise<void> {
  const reads = readJoined(joined, host, notes, maxFileBytes);
  const text = joined.decodeAscii();
  for (const r of reads) {
    if ('problem' in r) report(r.problem);
    else if (text !== undefined) add(notes[r.at].path, text.slice(r.start, r.end));
    else addNote({ file: notes[r.at], bytes: joined.slice(r.start, r.end) }, maxFileBytes, report, add);
    if (slices.due()) await slices.next();
  }
}
