// What the engine needs from whoever runs it (the CLI through Node's fs, the extension
// through vscode.workspace.fs). Paths are vault-relative with `/` separators, never absolute.

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export interface VaultFile {
  /** Vault-relative, `/`-separated: `papers/attention.md`. */
  readonly path: string;
  /** Size in bytes when the host knows it cheaply (lets the index skip over-large files unread). */
  readonly size?: number;
}

/** A folder of notes. Every method may reject; the index reports the file and goes on. */
export interface VaultHost {
  /** Every file under the root that is not excluded: notes (`.md`) and attachments alike. */
  listFiles(): Promise<VaultFile[]>;
  readFile(path: string): Promise<Uint8Array>;
}

/** Optional ability: synchronous reads (the CLI's fast path; a host without it is read async). */
export interface SyncReadHost extends VaultHost {
  readFileSync(path: string): Uint8Array;
}

export function canReadSync(host: VaultHost): host is SyncReadHost {
  return typeof (host as Partial<SyncReadHost>).readFileSync === 'function';
}

/**
 * Optional ability: reads into one buffer the host reuses (the CLI's fastest path: a cold build
 * reads thousands of files, and a fresh buffer and a stat for each cost more than reading them).
 */
export interface ReusingReadHost extends VaultHost {
  /**
   * The file's bytes, valid only until the next call; or, when the file holds more than
   * `maxBytes`, its size in bytes (the rest of it unread).
   */
  readFileReusing(path: string, maxBytes: number): Uint8Array | number;
}

export function canReadReusing(host: VaultHost): host is ReusingReadHost {
  return typeof (host as Partial<ReusingReadHost>).readFileReusing === 'function';
}

/** What tells a file's version without reading it: a cached note is trusted only while both match. */
export interface FileStamp {
  readonly size: number;
  /** Modification time, milliseconds since the epoch. */
  readonly mtime: number;
}

/**
 * Optional ability: a file's stamp. A build that restores notes from a cache stamps every note
 * (before reading it, so a file changed in between is re-read next time, never trusted stale).
 */
export interface StampHost extends VaultHost {
  stamp(path: string): FileStamp | Promise<FileStamp>;
}

export function canStamp(host: VaultHost): host is StampHost {
  return typeof (host as Partial<StampHost>).stamp === 'function';
}

/**
 * Optional ability: the stamps of many files at once, off the caller's thread (a second opening
 * checks a whole vault against its cache while the cache decodes). Undefined for a file that
 * cannot be stamped.
 */
export interface BulkStampHost extends StampHost {
  stampMany(paths: readonly string[]): Promise<(FileStamp | undefined)[]>;
}

export function canStampMany(host: VaultHost): host is BulkStampHost {
  return typeof (host as Partial<BulkStampHost>).stampMany === 'function';
}

/** A file that could not be indexed, and why, in words a user can act on. */
export interface FileProblem {
  readonly path: string;
  readonly reason: 'unreadable' | 'binary' | 'too-large' | 'invalid-utf8';
  readonly message: string;
}

/**
 * Notes read, decoded and scanned off the caller's thread (scanBatch.ts), as the cache stores
 * them: a note chunk of indexCache.ts, whose links and tags name rows of the scanner's own
 * target table (`scanner`: one table per scanner, rows added in the order its chunks are made).
 */
export interface ScannedNotes {
  /** Which of the build's scanners made it: chunks of one scanner are decoded in the order they were asked for. */
  readonly scanner: number;
  /** The notes that were read (in the order asked), as `encodeNoteChunk` wrote them. */
  readonly chunk: Uint8Array;
  /** The files that could not be indexed, by their position in the list asked for. */
  readonly problems: readonly { readonly at: number; readonly problem: FileProblem }[];
  /** With `keepTexts`: the notes' bytes one after another, each note's start and end in them; `ascii` when they decode as one string. */
  readonly texts?: { readonly bytes: Uint8Array; readonly spans: Int32Array; readonly ascii: boolean };
}

/** A build's scanners; `scan` gives the reason it could not (the build then reads those notes itself). */
export interface NoteScanner {
  scan(files: readonly VaultFile[]): Promise<ScannedNotes | { failed: string }>;
  stop(): void;
}

export interface ScanOptions {
  readonly maxFileBytes: number;
  /** Whether the notes' texts are sent back too (an index that keeps them), else only their prints. */
  readonly keepTexts: boolean;
  readonly notes: number;
}

/**
 * Optional ability: a cold build's reading and scanning on other threads (Node's worker threads),
 * the caller only filing what comes back. Undefined when none can start.
 */
export interface ScanHost extends VaultHost {
  /** `notes`: how many the build will ask for (a host may find too few worth a worker's start). */
  startScanning(options: ScanOptions): NoteScanner | undefined;
}

export function canScan(host: VaultHost): host is ScanHost {
  return typeof (host as Partial<ScanHost>).startScanning === 'function';
}
