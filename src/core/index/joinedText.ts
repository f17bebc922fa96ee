// The notes of a build batch decoded as one string, each note's text a slice of it. A note's
// text decoded alone (4 KB) is born in V8's young generation and copied twice by its collector
// before it settles; a string of a few megabytes is born where it stays, and a slice of it costs
// a few bytes. Only for a batch that is all ASCII: there a byte offset is a UTF-16 offset.
// A slice keeps the whole batch string alive, so this is for builds whose texts mostly stay
// (the command line's); the editor's reads keep a string per note.

import type { FileProblem, ReusingReadHost, VaultFile } from '../host';
import { bytesProblem, readReusing } from './decodeNote';

const ascii = new TextDecoder('utf-8', { fatal: true });

export class JoinedText {
  private bytes = new Uint8Array(1 << 20);
  private used = 0;

  /** Appends a note's bytes; returns where they start. */
  append(bytes: Uint8Array): number {
    const start = this.used;
    if (start + bytes.length > this.bytes.length) {
      const larger = new Uint8Array(Math.max(start + bytes.length, this.bytes.length * 2));
      larger.set(this.bytes.subarray(0, start));
      this.bytes = larger;
    }
    this.bytes.set(bytes, start);
    this.used += bytes.length;
    return start;
  }

  get length(): number {
    return this.used;
  }

  /** Bytes appended earlier (valid until the next `append` or `clear`). */
  slice(start: number, end: number): Uint8Array {
    return this.bytes.subarray(start, end);
  }

  /** All that was appended as one string, when it is ASCII (then offsets match); else undefined. */
  decodeAscii(): string | undefined {
    let text: string;
    try {
      text = ascii.decode(this.bytes.subarray(0, this.used));
    } catch {
      return undefined; // invalid UTF-8 somewhere: each note is decoded alone and the bad one named
    }
    // Every non-ASCII character takes more bytes in UTF-8 than units in UTF-16.
    return text.length === this.used ? text : undefined;
  }

  clear(): void {
    this.used = 0;
  }
}

/** A file of a batch read into a JoinedText (`at`: its position in the batch): where its bytes are, or why it cannot be indexed. */
export type JoinedRead = { at: number; start: number; end: number } | { at: number; problem: FileProblem };

/** Reads `files` (a reusing host's batch) into `joined`, cleared first; what the bytes alone tell against a note is found here. */
export function readJoined(joined: JoinedText, host: ReusingReadHost, files: readonly VaultFile[], maxFileBytes: number): JoinedRead[] {
  joined.clear();
  const reads: JoinedRead[] = [];
  for (let at = 0; at < files.length; at++) {
    const r = readReusing(host, files[at], maxFileBytes);
    const problem = 'problem' in r ? r.problem : bytesProblem(files[at].path, r.bytes, maxFileBytes);
    if (problem) {
      reads.push({ at, problem });
    } else if ('bytes' in r) {
      const start = joined.append(r.bytes);
      reads.push({ at, start, end: start + r.bytes.length });
    }
  }
  return reads;
}
