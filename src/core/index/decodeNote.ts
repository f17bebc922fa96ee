// Bytes of a note file -> its text, or a problem a user can act on.
import type { FileProblem, ReusingReadHost, VaultFile } from '../host';

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Like git: a NUL byte near the start means the file is not text. */
const BINARY_SNIFF_BYTES = 8 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function tooLarge(path: string, bytes: number, maxFileBytes: number): FileProblem {
  return {
    path,
    reason: 'too-large',
    message: `${path}: too large to index (${megabytes(bytes)} MB, the limit is ${megabytes(maxFileBytes)} MB); split it or raise the limit`,
  };
}

export function unreadable(path: string, error: unknown): FileProblem {
  const why = error instanceof Error ? error.message : String(error);
  return { path, reason: 'unreadable', message: `${path}: could not be read (${why}); check that it exists and you may read it` };
}

/** A note the scanner failed on (a bug: the rest of the vault is indexed). */
export function notScanned(path: string, error: unknown): FileProblem {
  const why = error instanceof Error ? error.message : String(error);
  return { path, reason: 'unreadable', message: `${path}: could not be scanned (${why}); please report this note` };
}

/** What the bytes alone tell against a note: too large, or binary. */
export function bytesProblem(path: string, bytes: Uint8Array, maxFileBytes = DEFAULT_MAX_FILE_BYTES): FileProblem | undefined {
  if (bytes.length > maxFileBytes) return tooLarge(path, bytes.length, maxFileBytes);
  const nul = bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0);
  if (nul >= 0) {
    const message = `${path}: looks binary (a NUL byte at offset ${nul}), not a markdown note; rename it if it is not one`;
    return { path, reason: 'binary', message };
  }
  return undefined;
}

export function decodeNote(
  path: string,
  bytes: Uint8Array,
  maxFileBytes = DEFAULT_MAX_FILE_BYTES,
): { text: string } | { problem: FileProblem } {
  const problem = bytesProblem(path, bytes, maxFileBytes);
  if (problem) return { problem };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const at = bad < 0 ? '' : ` (byte 0x${bytes[bad].toString(16).padStart(2, '0')} at offset ${bad})`;
    const message = `${path}: not valid UTF-8${at}; save it as UTF-8 to index it`;
    return { problem: { path, reason: 'invalid-utf8', message } };
  }
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** Offset of the first byte that breaks UTF-8, or -1 (only called once decoding failed). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return -1;
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

/** A file read for a build: its bytes, or why it cannot be indexed. */
export type Read = { file: VaultFile; bytes: Uint8Array } | { file: VaultFile; problem: FileProblem };

/** Hosts that know sizes let an over-large note be skipped unread. */
export function skipUnread(file: VaultFile, maxFileBytes: number): Read | undefined {
  if (file.size !== undefined && file.size > maxFileBytes) return { file, problem: tooLarge(file.path, file.size, maxFileBytes) };
  return undefined;
}

export function readReusing(host: ReusingReadHost, file: VaultFile, maxFileBytes: number): Read {
  const skipped = skipUnread(file, maxFileBytes);
  if (skipped) return skipped;
  try {
    const bytes = host.readFileReusing(file.path, maxFileBytes);
    return typeof bytes === 'number' ? { file, problem: tooLarge(file.path, bytes, maxFileBytes) } : { file, bytes };
  } catch (error) {
    return { file, problem: unreadable(file.path, error) };
  }
}
