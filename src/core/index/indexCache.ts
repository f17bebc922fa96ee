// The index of a vault as one file, so a second opening restores it instead of reading and
// scanning every note. It stores each note's record as the index keeps it (text, packed
// syntax, the file's stamp when read), never what follows from them (resolution, backlinks,
// tags are rebuilt on restore), and it is never trusted blindly: a file that is truncated,
// corrupted, foreign, from another version or for other settings is rejected with the reason.
//
// Layout (little-endian):
//   16 bytes  MAGIC
//   u32       FORMAT (this layout)
//   u32       header length H;  u32 checksum of the header
//   H bytes   header, JSON: schema, producer, folder, settings, notes, chunks [{bytes, meta, ranges, checksum}]
//   (pad to 4) then each chunk: meta JSON (padded to 4), the notes' ranges (Int32), their text (UTF-8, padded to 4)
// A chunk holds a few hundred notes, so neither writing nor reading holds an editor's event loop long.
import type { FileStamp } from '../host';
import type { PackedSyntax } from '../syntax/packed';
import type { CachedNote } from './build';
import type { TimeSlices } from './timeSlices';

/**
 * The shape of what a cache stores per note (PackedSyntax and the record around it).
 * Bump it whenever that shape changes: a cache of another schema is rebuilt, never read.
 * test/unit/index/indexCache.test.ts pins the shape this number stands for.
 */
export const CACHE_SCHEMA = 1;

const MAGIC = 'MARGINALIA-INDEX';
const FORMAT = 1;
const PREFIX_BYTES = 28;
const NOTES_PER_CHUNK = 200;

/** What a cache must have been written for to be read: this extension build, this folder, these settings. */
export interface CacheIdentity {
  /** The writer's version (an extension version); another one's cache is rebuilt. */
  readonly producer: string;
  readonly folder: string;
  /** The settings that decide what the vault holds, as one string. */
  readonly settings: string;
}

export interface CacheNote {
  readonly path: string;
  readonly stamp: FileStamp;
  readonly text: string;
  readonly packed: PackedSyntax;
}

export type CacheRejection = 'truncated' | 'corrupted' | 'foreign' | 'outdated' | 'other-folder' | 'other-settings';

/** A cache file that cannot be used, and why (`reason`), in words for the log. */
export class CacheRejected extends Error {
  constructor(readonly reason: CacheRejection, message: string) {
    super(message);
    this.name = 'CacheRejected';
  }
}

interface Header {
  readonly schema: number;
  readonly producer: string;
  readonly folder: string;
  readonly settings: string;
  readonly littleEndian: boolean;
  readonly notes: number;
  readonly chunks: readonly ChunkInfo[];
}

interface ChunkInfo {
  /** Bytes of the whole chunk (a multiple of 4), and of its meta JSON, ranges and text within it. */
  readonly bytes: number;
  readonly meta: number;
  readonly ranges: number;
  readonly text: number;
  readonly checksum: number;
}

/** Per note: path, size, mtime, text length (UTF-16 units), number of range values, the rest of PackedSyntax. */
type MetaEntry = [string, number, number, number, number, Omit<PackedSyntax, 'ranges'>];

const encoder = new TextEncoder();
const utf8 = new TextDecoder('utf-8', { fatal: true });
const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The cache file for `notes`, as pieces to write one after another. */
export async function encodeIndexCache(identity: CacheIdentity, notes: readonly CacheNote[], slices?: TimeSlices): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  const infos: ChunkInfo[] = [];
  for (let from = 0; from < notes.length; from += NOTES_PER_CHUNK) {
    const part = notes.slice(from, from + NOTES_PER_CHUNK);
    const meta: MetaEntry[] = [];
    let rangeCount = 0;
    for (const n of part) {
      const { ranges, ...rest } = n.packed;
      meta.push([n.path, n.stamp.size, n.stamp.mtime, n.text.length, ranges.length, rest]);
      rangeCount += ranges.length;
    }
    const metaBytes = encoder.encode(JSON.stringify(meta));
    const textBytes = encoder.encode(part.map(n => n.text).join(''));
    const metaPadded = pad4(metaBytes.length);
    const bytes = metaPadded + rangeCount * 4 + pad4(textBytes.length);
    const chunk = new Uint8Array(bytes);
    chunk.set(metaBytes, 0);
    const ranges = new Int32Array(chunk.buffer, metaPadded, rangeCount);
    let at = 0;
    for (const n of part) {
      ranges.set(n.packed.ranges, at);
      at += n.packed.ranges.length;
    }
    chunk.set(textBytes, metaPadded + rangeCount * 4);
    chunks.push(chunk);
    infos.push({ bytes, meta: metaBytes.length, ranges: rangeCount * 4, text: textBytes.length, checksum: checksum(chunk) });
    if (slices?.due()) await slices.next();
  }
  const header: Header = { schema: CACHE_SCHEMA, ...identity, littleEndian, notes: notes.length, chunks: infos };
  const headerBytes = encoder.encode(JSON.stringify(header));
  const prefix = new Uint8Array(pad4(PREFIX_BYTES + headerBytes.length));
  prefix.set(encoder.encode(MAGIC), 0);
  const view = new DataView(prefix.buffer);
  view.setUint32(16, FORMAT, true);
  view.setUint32(20, headerBytes.length, true);
  view.setUint32(24, checksumBytes(headerBytes), true);
  prefix.set(headerBytes, PREFIX_BYTES);
  return [prefix, ...chunks];
}

/** The notes of a cache file written for `identity`; throws CacheRejected if it is not one. */
export async function decodeIndexCache(file: Uint8Array, identity: CacheIdentity, slices?: TimeSlices): Promise<Map<string, CachedNote>> {
  // Int32 and checksum views need 4-byte alignment.
  const bytes = file.byteOffset % 4 === 0 ? file : file.slice();
  const magic = String.fromCharCode(...bytes.subarray(0, MAGIC.length));
  if (!MAGIC.startsWith(magic) || magic === '' && bytes.length > 0) throw new CacheRejected('foreign', 'not a Marginalia index cache');
  if (bytes.length < PREFIX_BYTES) throw new CacheRejected('truncated', bytes.length === 0 ? 'the file is empty' : `the file ends at byte ${bytes.length}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const format = view.getUint32(16, true);
  if (format !== FORMAT) throw new CacheRejected('outdated', `written in layout ${format}, this version reads ${FORMAT}`);
  const headerLength = view.getUint32(20, true);
  if (PREFIX_BYTES + headerLength > bytes.length) throw new CacheRejected('truncated', 'the file ends inside its header');
  const headerBytes = bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + headerLength);
  if (checksumBytes(headerBytes) !== view.getUint32(24, true)) throw new CacheRejected('corrupted', 'its header does not match its checksum');
  const header = parseHeader(headerBytes);
  if (header.schema !== CACHE_SCHEMA || header.producer !== identity.producer) {
    throw new CacheRejected('outdated', `written by version ${header.producer} (schema ${header.schema}), this is ${identity.producer} (schema ${CACHE_SCHEMA})`);
  }
  if (header.littleEndian !== littleEndian) throw new CacheRejected('foreign', 'written on a machine of other byte order');
  if (header.folder !== identity.folder) throw new CacheRejected('other-folder', `written for ${header.folder}`);
  if (header.settings !== identity.settings) throw new CacheRejected('other-settings', 'written with other include, exclude or size settings');
  let at = pad4(PREFIX_BYTES + headerLength);
  const expected = at + header.chunks.reduce((sum, c) => sum + c.bytes, 0);
  if (bytes.length < expected) throw new CacheRejected('truncated', `the file ends at byte ${bytes.length} of ${expected}`);
  if (bytes.length > expected) throw new CacheRejected('corrupted', `${bytes.length - expected} bytes more than its header says`);

  const notes = new Map<string, CachedNote>();
  for (const [i, info] of header.chunks.entries()) {
    const chunk = bytes.subarray(at, at + info.bytes);
    at += info.bytes;
    if (checksum(chunk) !== info.checksum) throw new CacheRejected('corrupted', `chunk ${i + 1} of ${header.chunks.length} does not match its checksum`);
    readChunk(chunk, info, notes);
    if (slices?.due()) await slices.next();
  }
  if (notes.size !== header.notes) throw new CacheRejected('corrupted', `holds ${notes.size} notes, its header says ${header.notes}`);
  return notes;
}

function readChunk(chunk: Uint8Array, info: ChunkInfo, into: Map<string, CachedNote>): void {
  const metaPadded = pad4(info.meta);
  let meta: MetaEntry[];
  let text: string;
  try {
    meta = JSON.parse(utf8.decode(chunk.subarray(0, info.meta))) as MetaEntry[];
    const textAt = metaPadded + info.ranges;
    text = utf8.decode(chunk.subarray(textAt, textAt + info.text));
  } catch (e) {
    throw new CacheRejected('corrupted', `a chunk does not decode (${e instanceof Error ? e.message : String(e)})`);
  }
  const ranges = new Int32Array(chunk.buffer, chunk.byteOffset + metaPadded, info.ranges / 4);
  let textAt = 0;
  let rangeAt = 0;
  for (const entry of meta) {
    if (!Array.isArray(entry) || entry.length !== 6) throw new CacheRejected('corrupted', 'a note entry has the wrong shape');
    const [path, size, mtime, textLength, rangeLength, rest] = entry;
    const own = ranges.slice(rangeAt, rangeAt + rangeLength);
    into.set(path, { stamp: { size, mtime }, text: text.slice(textAt, textAt + textLength), packed: { ...rest, ranges: own } });
    textAt += textLength;
    rangeAt += rangeLength;
  }
  if (textAt !== text.length || rangeAt !== ranges.length) throw new CacheRejected('corrupted', 'a chunk\'s notes do not add up to its contents');
}

function parseHeader(bytes: Uint8Array): Header {
  let header: Header;
  try {
    header = JSON.parse(utf8.decode(bytes)) as Header;
  } catch {
    throw new CacheRejected('corrupted', 'its header is not readable');
  }
  if (!header || typeof header !== 'object' || !Array.isArray(header.chunks)) throw new CacheRejected('foreign', 'its header is not an index cache\'s');
  return header;
}

function pad4(n: number): number {
  return (n + 3) & ~3;
}

/** FNV-style, a 32-bit word at a time: catches a damaged file (not an attack), at memory speed. */
function checksum(aligned: Uint8Array): number {
  const words = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.length >>> 2);
  let h = 0x811c9dc5 ^ aligned.length;
  for (let i = 0; i < words.length; i++) {
    h = Math.imul(h ^ words[i], 0x01000193);
    h ^= h >>> 13;
  }
  for (let i = words.length * 4; i < aligned.length; i++) h = Math.imul(h ^ aligned[i], 0x01000193);
  return h >>> 0;
}

function checksumBytes(bytes: Uint8Array): number {
  return checksum(bytes.byteOffset % 4 === 0 ? bytes : bytes.slice());
}
