// A cold build: every file of a host into a fresh NoteIndex, in batches so an editor
// stays responsive; a file that cannot be indexed becomes a problem, never a crash.
import {
  canReadReusing,
  canReadSync,
  silentLogger,
  type FileProblem,
  type Logger,
  type ReusingReadHost,
  type SyncReadHost,
  type VaultFile,
  type VaultHost,
} from '../host';
import { bytesProblem, decodeNote, DEFAULT_MAX_FILE_BYTES, tooLarge, unreadable } from './decodeNote';
import { JoinedText } from './joinedText';
import { NoteIndex } from './noteIndex';
import { isNotePath } from './paths';

export interface BuildOptions {
  /** Notes larger than this are reported, not read. Default 5 MB. */
  maxFileBytes?: number;
  logger?: Logger;
  onProgress?(done: number, total: number): void;
  /** Files per batch; between batches the build yields (setTimeout 0) so an editor stays responsive. */
  batchSize?: number;
  /** Checked between batches: a cancelled build returns what it has indexed so far. */
  isCancelled?(): boolean;
}

export interface BuildResult {
  index: NoteIndex;
  problems: FileProblem[];
  millis: number;
}

const DEFAULT_BATCH_SIZE = 500;

type Read = { file: VaultFile; bytes: Uint8Array } | { file: VaultFile; problem: FileProblem };

export async function buildIndex(host: VaultHost, options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const logger = options.logger ?? silentLogger;
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const index = new NoteIndex();
  const problems: FileProblem[] = [];
  const report = (problem: FileProblem): void => {
    problems.push(problem);
    logger.warn(problem.message);
  };

  const files = await host.listFiles();
  let done = 0;
  index.beginBulk();
  try {
    for (; done < files.length; done += batchSize) {
      if (done > 0) {
        options.onProgress?.(done, files.length);
        await new Promise(resolve => setTimeout(resolve, 0));
      }
      if (options.isCancelled?.()) break;
      const batch = files.slice(done, done + batchSize);
      const notes = batch.filter(f => isNotePath(f.path));
      for (const f of batch) if (!isNotePath(f.path)) index.addAttachment(f.path);
      if (canReadReusing(host)) {
        addJoined(index, host, notes, maxFileBytes, report);
      } else if (canReadSync(host)) {
        for (const f of notes) addNote(index, readSync(host, f, maxFileBytes), maxFileBytes, report);
      } else {
        // Async hosts read a whole batch at once: one round trip per file would dominate.
        const reads = await Promise.all(notes.map(f => readAsync(host, f, maxFileBytes)));
        for (const r of reads) addNote(index, r, maxFileBytes, report);
      }
    }
  } finally {
    index.endBulk();
  }
  if (done >= files.length) options.onProgress?.(files.length, files.length);
  return { index, problems, millis: performance.now() - started };
}

/** Hosts that know sizes let an over-large note be skipped unread. */
function skipUnread(file: VaultFile, maxFileBytes: number): Read | undefined {
  if (file.size !== undefined && file.size > maxFileBytes) return { file, problem: tooLarge(file.path, file.size, maxFileBytes) };
  return undefined;
}

function readReusing(host: ReusingReadHost, file: VaultFile, maxFileBytes: number): Read {
  const skipped = skipUnread(file, maxFileBytes);
  if (skipped) return skipped;
  try {
    const bytes = host.readFileReusing(file.path, maxFileBytes);
    return typeof bytes === 'number' ? { file, problem: tooLarge(file.path, bytes, maxFileBytes) } : { file, bytes };
  } catch (error) {
    return { file, problem: unreadable(file.path, error) };
  }
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

function addNote(index: NoteIndex, r: Read, maxFileBytes: number, report: (p: FileProblem) => void): void {
  if ('problem' in r) return report(r.problem);
  const decoded = decodeNote(r.file.path, r.bytes, maxFileBytes);
  if ('problem' in decoded) return report(decoded.problem);
  upsert(index, r.file.path, decoded.text, report);
}

function upsert(index: NoteIndex, path: string, text: string, report: (p: FileProblem) => void): void {
  try {
    index.upsert(path, text);
  } catch (error) {
    // A scanner bug on one odd note must not cost the user the rest of the vault.
    const why = error instanceof Error ? error.message : String(error);
    report({ path, reason: 'unreadable', message: `${path}: could not be scanned (${why}); please report this note` });
  }
}

// One for all builds: a batch is decoded before the next one is read.
const joined = new JoinedText();

/**
 * A reusing host's batch (the CLI's): every note read into one buffer, then decoded as one string
 * whose slices are the notes' texts, when the batch is ASCII (see joinedText.ts); else note by note.
 */
function addJoined(index: NoteIndex, host: ReusingReadHost, notes: readonly VaultFile[], maxFileBytes: number, report: (p: FileProblem) => void): void {
  joined.clear();
  const reads: ({ file: VaultFile; start: number; end: number } | { file: VaultFile; problem: FileProblem })[] = [];
  for (const file of notes) {
    const r = readReusing(host, file, maxFileBytes);
    const problem = 'problem' in r ? r.problem : bytesProblem(file.path, r.bytes, maxFileBytes);
    if (problem) {
      reads.push({ file, problem });
    } else if ('bytes' in r) {
      const start = joined.append(r.bytes);
      reads.push({ file, start, end: start + r.bytes.length });
    }
  }
  const text = joined.decodeAscii();
  for (const r of reads) {
    if ('problem' in r) report(r.problem);
    else if (text !== undefined) upsert(index, r.file.path, text.slice(r.start, r.end), report);
    else addNote(index, { file: r.file, bytes: joined.slice(r.start, r.end) }, maxFileBytes, report);
  }
}
