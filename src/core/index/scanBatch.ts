// A cold build's notes read and scanned on another thread, filed on this one (docs/index.md,
// "A cold build on worker threads"). The scanning side (`scanNotes`, run by a worker of
// src/node/scanPool.ts) reads a list of notes as the build would (same reads, same problems,
// same texts), scans them and writes them as one note chunk of the index cache (indexCache.ts):
// numbers in a few typed arrays, sent to the build without copying. The filing side
// (`fileScanned`) decodes the chunk and restores its notes, as a reopening restores a cache's.
import type { FileProblem, ReusingReadHost, ScannedNotes, VaultFile } from '../host';
import { scanNotePacked } from '../syntax/scanNote';
import { decodeNote, notScanned } from './decodeNote';
import { decodeNoteChunk, encodeNoteChunk, type CachedNote, type CacheNote } from './indexCache';
import { JoinedText, readJoined } from './joinedText';
import type { NoteIndex } from './noteIndex';
import { printOf } from './noteTexts';
import { TargetTable, type TargetNumbering } from './targetTable';
import type { TimeSlices } from './timeSlices';

const UNSTAMPED = { size: 0, mtime: 0 };
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** What a scanner posts back, and the buffers it hands over with it. */
export interface ScanOutcome {
  readonly scanned: ScannedNotes;
  readonly transfer: ArrayBuffer[];
}

/**
 * Reads, decodes and scans `files` as a build's batch would be (`addJoined` in build.ts), into
 * one note chunk whose links name rows of `numbering` (the scanner's table, kept across its chunks).
 */
export function scanNotes(
  host: ReusingReadHost, files: readonly VaultFile[], maxFileBytes: number, keepTexts: boolean,
  numbering: TargetNumbering, scanner: number, joined = new JoinedText(),
): ScanOutcome {
  const problems: { at: number; problem: FileProblem }[] = [];
  const reads: { at: number; start: number; end: number }[] = [];
  for (const r of readJoined(joined, host, files, maxFileBytes)) {
    if ('problem' in r) problems.push(r);
    else reads.push(r);
  }
  const ascii = joined.decodeAscii();
  const notes: CacheNote[] = [];
  const spans: number[] = [];
  for (const r of reads) {
    const path = files[r.at].path;
    let text: string;
    if (ascii !== undefined) {
      text = ascii.slice(r.start, r.end);
    } else {
      const decoded = decodeNote(path, joined.slice(r.start, r.end), maxFileBytes);
      if ('problem' in decoded) {
        problems.push({ at: r.at, problem: decoded.problem });
        continue;
      }
      text = decoded.text;
    }
    try {
      // An index that keeps the texts is sent them, and hashes none (the print is the cache's business).
      const print = keepTexts ? { length: text.length, hash: 0 } : printOf(text);
      notes.push({ path, stamp: UNSTAMPED, print, packed: scanNotePacked(text) });
    } catch (error) {
      problems.push({ at: r.at, problem: notScanned(path, error) });
      continue;
    }
    spans.push(r.start, r.end);
  }
  problems.sort((a, b) => a.at - b.at);
  const chunk = encodeNoteChunk(notes, numbering);
  const transfer = [chunk.buffer as ArrayBuffer];
  let texts: ScannedNotes['texts'];
  if (keepTexts) {
    const bytes = joined.slice(0, joined.length).slice();
    const ends = Int32Array.from(spans);
    texts = { bytes, spans: ends, ascii: ascii !== undefined };
    transfer.push(bytes.buffer as ArrayBuffer, ends.buffer as ArrayBuffer);
  }
  return { scanned: { scanner, chunk, problems, texts }, transfer };
}

/** The target tables of a build's scanners, by scanner. */
export class ScannerTables {
  private readonly tables = new Map<number, TargetTable>();

  of(scanner: number): TargetTable {
    let table = this.tables.get(scanner);
    if (!table) this.tables.set(scanner, (table = new TargetTable()));
    return table;
  }
}

/**
 * Files what a scanner made of `files` into `index`, in their order: notes restored, problems
 * reported. Throws if the chunk does not decode (the caller reads those notes itself).
 */
export async function fileScanned(
  scanned: ScannedNotes, files: readonly VaultFile[], tables: ScannerTables, index: NoteIndex,
  report: (p: FileProblem) => void, slices: TimeSlices,
): Promise<void> {
  const paths: string[] = [];
  const notes: CachedNote[] = [];
  decodeNoteChunk(scanned.chunk, tables.of(scanned.scanner), (path, note) => {
    paths.push(path);
    notes.push(note);
  });
  if (notes.length + scanned.problems.length !== files.length) throw new Error(`${notes.length} notes and ${scanned.problems.length} problems for ${files.length} files`);
  const texts = scanned.texts;
  const joined = texts?.ascii ? utf8.decode(texts.bytes) : undefined;
  let p = 0;
  let n = 0;
  for (let at = 0; at < files.length; at++) {
    const problem = scanned.problems[p];
    if (problem?.at === at) {
      report(problem.problem);
      p++;
    } else {
      const note = notes[n];
      const path = paths[n];
      let text: string | undefined;
      if (texts) {
        const start = texts.spans[2 * n];
        const end = texts.spans[2 * n + 1];
        if (joined !== undefined) text = joined.slice(start, end);
        else {
          const decoded = decodeNote(path, texts.bytes.subarray(start, end), Infinity);
          text = 'text' in decoded ? decoded.text : undefined;
        }
      }
      n++;
      try {
        if (texts && text === undefined) throw new Error('its text no longer decodes');
        index.restore(path, text ?? note.print, note.packed, note.targets);
      } catch (error) {
        report(notScanned(path, error));
      }
    }
    if (slices.due()) await slices.next();
  }
}
