// The index of a vault as one file, so a second opening restores it instead of reading and
// scanning every note. It stores each note's record as the index keeps it (packed syntax, the
// length and hash of the text it was found in, the file's stamp when read; never the text,
// which a restored index reads back through its host when asked), never what follows from them (resolution, backlinks,
// tags are rebuilt on restore), and it is never trusted blindly: a file that is truncated,
// corrupted, foreign, from another version or for other settings is rejected with the reason.
//
// Layout (little-endian):
//   16 bytes  MAGIC
//   u32       FORMAT (this layout)
//   u32       header length H;  u32 checksum of the header
//   H bytes   header, JSON: schema, producer, folder, settings, notes, chunks [{bytes, checksum}],
//             then spaces to fill the room the writer reserved for it (it is written last)
//   (pad to 4) then the chunks, each of a few hundred notes (all parts padded to 4):
//     u32 × 7   notes, new targets, numbers, strings, string bytes, frontmatter bytes, ranges
//     f64 × 2n  each note's stamp (size, mtime)
//     i32 …     the link targets and tag names first met in this chunk (string numbers): the next
//               rows of the cache's target table (targetTable.ts), which links and tags name by row
//     i32 …     each note's path, text length (UTF-16 units), text hash (noteTexts.ts), range
//               count and syntax (syntaxCodec.ts), strings, kinds and targets by number
//     i32 …     where each string of the chunk ends (UTF-16 units), then the strings (UTF-8)
//     JSON      the frontmatter of the notes that have one
//     i32 …     the notes' ranges
// Chunks are read, checked and decoded one at a time (the file is never whole in memory), and
// neither writing nor reading one holds an editor's event loop long.
import type { FileStamp } from '../host';
import type { PackedSyntax, RangeColumn } from '../syntax/packed';
import type { Frontmatter } from '../syntax/types';
import type { TextPrint } from './noteTexts';
import { ChunkStrings, linkCountOf } from './restoredSyntax';
import { SyntaxReader, SyntaxWriter } from './syntaxCodec';
import { TargetNumbering, TargetTable } from './targetTable';
import type { TimeSlices } from './timeSlices';

/**
 * The shape of what a cache stores per note (PackedSyntax and the record around it).
 * Bump it whenever that shape changes: a cache of another schema is rebuilt, never read.
 * test/unit/index/indexCache.test.ts pins the shape this number stands for.
 */
export const CACHE_SCHEMA = 6; // 2: property links, Foam reference links, errorLine (issue 9); 3: titles as plain text, escaped link brackets no math (issue 16); 4: citations (issue 19); 5: frontmatter bibliography (issue 19); 6: a text's length and hash, not the text (issue 20)

const MAGIC = 'MARGINALIA-INDEX';
const FORMAT = 4; // 2: binary syntax (syntaxCodec.ts), read a chunk at a time; 3: kinds as numbers, the lazy part last (restoredSyntax.ts); 4: links name rows of a vault-wide target table (targetTable.ts)
const PREFIX_BYTES = 28;
/** Notes per chunk: writing or reading one takes 5-10 ms (the first ones, before V8 optimizes, up to 40). */
const NOTES_PER_CHUNK = 100;
/** A chunk ends after notes of this much text (UTF-16 units) too: a few large notes (much syntax) make a chunk of their own. */
const TEXT_PER_CHUNK = 1 << 19;
/** Room for a chunk's size in the header: more digits than any chunk has (the syntax of 512 K characters of text). */
const WIDEST_CHUNK_BYTES = 99_999_999_999;

/** A note as a cache kept it, with the stamp its file had when it was read. */
export interface CachedNote {
  readonly stamp: FileStamp;
  /** The length and hash of the text it was found in: the index it is restored into reads the text back when asked. */
  readonly print: TextPrint;
  readonly packed: PackedSyntax;
  /** The cache's target table, whose rows its links name, so they are filed by number (targetTable.ts); only on a note with links. */
  readonly targets?: TargetTable;
}

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
  readonly print: TextPrint;
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
  /** Bytes of the whole chunk, a multiple of 4. */
  readonly bytes: number;
  readonly checksum: number;
}

/** Where a cache file is read from, a piece at a time. */
export interface CacheSource {
  readonly size: number;
  /** `length` bytes from `at` (fewer only where the file ends). */
  read(at: number, length: number): Promise<Uint8Array> | Uint8Array;
}

const COUNTS = 7;
const encoder = new TextEncoder();
const utf8 = new TextDecoder('utf-8', { fatal: true });
const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Where a cache file is written: `bytes` at offset `at` (chunks in order, then the prefix at 0). */
export type CacheSink = (bytes: Uint8Array, at: number) => Promise<void> | void;

/**
 * Writes the cache file for `notes` to `sink` a chunk at a time, so only one chunk's bytes are
 * alive at once (the whole file held until written cost the extension host 60-80 MB that stayed
 * resident). The header, which holds every chunk's size and checksum, is written last, at 0: its
 * room is reserved for the widest numbers and the JSON padded with spaces to fill it (the reader
 * parses it as it is). `stopAfter` bytes: gives up, returning the bytes so far (a size bound).
 * Returns the file's size.
 */
export async function writeIndexCache(identity: CacheIdentity, notes: readonly CacheNote[], sink: CacheSink, slices?: TimeSlices, stopAfter = Infinity): Promise<number> {
  // Chunk bounds come from the texts' lengths alone: their count, and so the header's room, is known first.
  const bounds: number[] = [];
  for (let from = 0; from < notes.length; ) {
    let to = from;
    for (let text = 0; to < notes.length && to - from < NOTES_PER_CHUNK && text < TEXT_PER_CHUNK; to++) text += notes[to].print.length;
    bounds.push(to);
    from = to;
  }
  const headerOf = (chunks: readonly ChunkInfo[]): Header => ({ schema: CACHE_SCHEMA, ...identity, littleEndian, notes: notes.length, chunks });
  const widest = bounds.map(() => ({ bytes: WIDEST_CHUNK_BYTES, checksum: 0xffffffff }));
  const room = encoder.encode(JSON.stringify(headerOf(widest))).length;
  const infos: ChunkInfo[] = [];
  const targets = new TargetNumbering();
  let at = pad4(PREFIX_BYTES + room);
  let from = 0;
  for (const to of bounds) {
    const chunk = encodeNoteChunk(notes.slice(from, to), targets);
    from = to;
    infos.push({ bytes: chunk.length, checksum: checksum(chunk) });
    await sink(chunk, at);
    at += chunk.length;
    if (at > stopAfter) return at;
    if (slices?.due()) await slices.next();
  }
  const json = encoder.encode(JSON.stringify(headerOf(infos)));
  const headerBytes = new Uint8Array(room).fill(0x20); // spaces: JSON allows them after the value
  headerBytes.set(json, 0);
  const prefix = new Uint8Array(pad4(PREFIX_BYTES + room));
  prefix.set(encoder.encode(MAGIC), 0);
  const view = new DataView(prefix.buffer);
  view.setUint32(16, FORMAT, true);
  view.setUint32(20, room, true);
  view.setUint32(24, checksumBytes(headerBytes), true);
  prefix.set(headerBytes, PREFIX_BYTES);
  await sink(prefix, 0);
  return at;
}

/** The cache file for `notes`, as pieces to write one after another (tests, and hosts that write a file whole). */
export async function encodeIndexCache(identity: CacheIdentity, notes: readonly CacheNote[], slices?: TimeSlices): Promise<Uint8Array[]> {
  const pieces: Uint8Array[] = [];
  let prefix: Uint8Array | undefined;
  await writeIndexCache(identity, notes, (bytes, at) => void (at === 0 ? (prefix = bytes) : pieces.push(bytes)), slices);
  return [prefix!, ...pieces];
}

/** One chunk of the file: also what a scan worker sends a build (scanBatch.ts), its stamps left at 0. */
export function encodeNoteChunk(part: readonly CacheNote[], targets: TargetNumbering): Uint8Array {
  const w = new SyntaxWriter(targets);
  let rangeCount = 0;
  for (const n of part) {
    w.nums.push(w.str(n.path), n.print.length, n.print.hash | 0, n.packed.ranges.length);
    w.write(n.packed);
    rangeCount += n.packed.ranges.length;
  }
  const fresh = targets.takeFresh().map(t => w.str(t));
  const ends = new Int32Array(w.strings.length);
  let end = 0;
  for (const [i, str] of w.strings.entries()) ends[i] = end += str.length;
  const strings = encoder.encode(w.strings.join(''));
  const frontmatter = w.frontmatters.length > 0 ? encoder.encode(JSON.stringify(w.frontmatters)) : new Uint8Array(0);
  const counts = [part.length, fresh.length, w.nums.length, ends.length, strings.length, frontmatter.length, rangeCount];
  const out = new ChunkWriter(COUNTS * 4 + part.length * 16 + (fresh.length + w.nums.length + ends.length + rangeCount) * 4 + pad4(strings.length) + pad4(frontmatter.length));
  for (const c of counts) (out.view.setUint32(out.at, c, true), (out.at += 4));
  for (const n of part) {
    out.view.setFloat64(out.at, n.stamp.size, true);
    out.view.setFloat64(out.at + 8, n.stamp.mtime, true);
    out.at += 16;
  }
  out.int32(fresh);
  out.int32(w.nums);
  out.int32(ends);
  out.bytes(strings);
  out.bytes(frontmatter);
  for (const n of part) out.int32(n.packed.ranges);
  return out.done();
}

/** Fills a chunk front to back; every part starts at a multiple of 4. */
class ChunkWriter {
  readonly chunk: Uint8Array;
  readonly view: DataView;
  at = 0;

  constructor(bytes: number) {
    this.chunk = new Uint8Array(bytes);
    this.view = new DataView(this.chunk.buffer);
  }

  int32(values: ArrayLike<number>): void {
    new Int32Array(this.chunk.buffer, this.at, values.length).set(values);
    this.at += values.length * 4;
  }

  bytes(b: Uint8Array): void {
    this.chunk.set(b, this.at);
    this.at += pad4(b.length);
  }

  done(): Uint8Array {
    if (this.at !== this.chunk.length) throw new Error(`index cache chunk: wrote ${this.at} of ${this.chunk.length} bytes`);
    return this.chunk;
  }
}

/**
 * The notes of a cache file written for `identity`; throws CacheRejected if it is not one.
 * A `CacheSource` is read a chunk at a time (the next one while this one decodes), so the
 * file's bytes never stay beside what they decode to.
 */
export async function decodeIndexCache(file: Uint8Array | CacheSource, identity: CacheIdentity, slices?: TimeSlices): Promise<Map<string, CachedNote>> {
  const source = file instanceof Uint8Array ? bytesSource(file) : file;
  const prefix = await readAligned(source, 0, Math.min(source.size, PREFIX_BYTES));
  const magic = String.fromCharCode(...prefix.subarray(0, MAGIC.length));
  if (!MAGIC.startsWith(magic) || magic === '' && source.size > 0) throw new CacheRejected('foreign', 'not a Marginalia index cache');
  if (source.size < PREFIX_BYTES) throw new CacheRejected('truncated', source.size === 0 ? 'the file is empty' : `the file ends at byte ${source.size}`);
  const view = new DataView(prefix.buffer, prefix.byteOffset, prefix.length);
  const format = view.getUint32(16, true);
  if (format !== FORMAT) throw new CacheRejected('outdated', `written in layout ${format}, this version reads ${FORMAT}`);
  const headerLength = view.getUint32(20, true);
  if (PREFIX_BYTES + headerLength > source.size) throw new CacheRejected('truncated', 'the file ends inside its header');
  const headerBytes = await readAligned(source, PREFIX_BYTES, headerLength);
  if (checksumBytes(headerBytes) !== view.getUint32(24, true)) throw new CacheRejected('corrupted', 'its header does not match its checksum');
  const header = parseHeader(headerBytes);
  if (header.schema !== CACHE_SCHEMA || header.producer !== identity.producer) {
    throw new CacheRejected('outdated', `written by version ${header.producer} (schema ${header.schema}), this is ${identity.producer} (schema ${CACHE_SCHEMA})`);
  }
  if (header.littleEndian !== littleEndian) throw new CacheRejected('foreign', 'written on a machine of other byte order');
  if (header.folder !== identity.folder) throw new CacheRejected('other-folder', `written for ${header.folder}`);
  if (header.settings !== identity.settings) throw new CacheRejected('other-settings', 'written with other include, exclude or size settings');
  let at = pad4(PREFIX_BYTES + headerLength);
  // Every length is checked before it reaches a read: a length that is no int32 aborts Node's
  // file read natively (no `try` catches that), and sizes of 2^31 and -2^31 add up to nothing.
  let expected = at;
  for (const [i, c] of header.chunks.entries()) {
    if (!isLength(c?.bytes) || c.bytes % 4 !== 0 || !isLength(c.checksum)) throw new CacheRejected('corrupted', `chunk ${i + 1}'s size or checksum is no length`);
    expected += c.bytes;
    if (expected > source.size) throw new CacheRejected('truncated', `the file ends at byte ${source.size}, before chunk ${i + 1} does`);
  }
  if (!isLength(header.notes)) throw new CacheRejected('corrupted', 'its note count is no count');
  if (source.size < expected) throw new CacheRejected('truncated', `the file ends at byte ${source.size} of ${expected}`);
  if (source.size > expected) throw new CacheRejected('corrupted', `${source.size - expected} bytes more than its header says`);

  const notes = new Map<string, CachedNote>();
  const targets = new TargetTable();
  const chunks = header.chunks;
  // The next chunk is read while this one decodes; if this one is rejected, that read's own
  // failure must not be left as an unhandled rejection (it is caught where it is awaited too).
  const prefetch = (from: number, bytes: number) => {
    const read = readAligned(source, from, bytes);
    read.catch(() => undefined);
    return read;
  };
  let next = chunks.length > 0 ? prefetch(at, chunks[0].bytes) : undefined;
  for (const [i, info] of chunks.entries()) {
    const chunk = await next!;
    at += info.bytes;
    next = i + 1 < chunks.length ? prefetch(at, chunks[i + 1].bytes) : undefined;
    if (chunk.length !== info.bytes) throw new CacheRejected('truncated', `the file ends inside chunk ${i + 1}`);
    if (checksum(chunk) !== info.checksum) throw new CacheRejected('corrupted', `chunk ${i + 1} of ${chunks.length} does not match its checksum`);
    try {
      decodeNoteChunk(chunk, targets, (path, note) => notes.set(path, note));
    } catch (e) {
      throw e instanceof CacheRejected ? e : new CacheRejected('corrupted', `chunk ${i + 1} does not decode (${e instanceof Error ? e.message : String(e)})`);
    }
    if (slices?.due()) await slices.next();
  }
  if (notes.size !== header.notes) throw new CacheRejected('corrupted', `holds ${notes.size} notes, its header says ${header.notes}`);
  return notes;
}

/** The notes of one chunk, in the order written, to `into`; throws (a plain Error) on one that does not decode. */
export function decodeNoteChunk(chunk: Uint8Array, targets: TargetTable, into: (path: string, note: CachedNote) => void): void {
  const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.length);
  const [notes, freshCount, numCount, stringCount, stringBytes, frontmatterBytes, rangeCount] = Array.from({ length: COUNTS }, (_, i) => view.getUint32(i * 4, true));
  const stampsAt = COUNTS * 4;
  const freshAt = stampsAt + notes * 16;
  const numsAt = freshAt + freshCount * 4;
  const endsAt = numsAt + numCount * 4;
  const stringsAt = endsAt + stringCount * 4;
  const frontmatterAt = stringsAt + pad4(stringBytes);
  const rangesAt = frontmatterAt + pad4(frontmatterBytes);
  if (rangesAt + rangeCount * 4 !== chunk.length) throw new Error('its parts do not add up to its size');
  const int32 = (from: number, count: number) => new Int32Array(chunk.buffer, chunk.byteOffset + from, count);

  const blob = utf8.decode(chunk.subarray(stringsAt, stringsAt + stringBytes));
  // Checked here, sliced when first asked (restoredSyntax.ts): most strings of a chunk (heading
  // texts, slugs, TeX) are read by nobody at restore. Copied out of the file's bytes, which can then go.
  const ends = int32(endsAt, stringCount).slice();
  for (let i = 0, start = 0; i < stringCount; start = ends[i++]) {
    if (ends[i] < start || ends[i] > blob.length) throw new Error('its string table is out of order');
  }
  const strings = new ChunkStrings(blob, ends);
  for (const n of int32(freshAt, freshCount)) targets.texts.push(strings.at(n));
  const frontmatters: unknown = frontmatterBytes === 0 ? [] : JSON.parse(utf8.decode(chunk.subarray(frontmatterAt, frontmatterAt + frontmatterBytes)));
  if (!Array.isArray(frontmatters)) throw new Error('its frontmatter is not a list');
  // Copied out of the file's bytes, which can then go; each note's ranges are a view of this.
  const ranges = narrowed(int32(rangesAt, rangeCount));

  const reader = new SyntaxReader(int32(numsAt, numCount), strings, frontmatters as Frontmatter[], targets.texts);
  let rangeAt = 0;
  for (let i = 0; i < notes; i++) {
    const path = reader.str();
    const length = reader.int();
    const hash = reader.int() >>> 0;
    const rangeLength = reader.int();
    if (length < 0 || rangeLength < 0 || rangeAt + rangeLength > rangeCount) throw new Error(`note ${path} runs past the chunk`);
    const own = ranges.subarray(rangeAt, rangeAt + rangeLength);
    const stamp = { size: view.getFloat64(stampsAt + i * 16, true), mtime: view.getFloat64(stampsAt + i * 16 + 8, true) };
    const packed = reader.read(own);
    // One shape for every note, with or without links.
    into(path, { stamp, print: { length, hash }, packed, targets: linkCountOf(packed) > 0 ? targets : undefined });
    rangeAt += rangeLength;
  }
  if (!reader.finished() || rangeAt !== rangeCount) throw new Error('its notes do not add up to its contents');
}

/**
 * A chunk's ranges copied out of the file's bytes: 16-bit when every number fits (its notes are
 * under 64 K characters and lines, most chunks), else 32-bit as written. A restored index keeps
 * these: half the bytes (10,000 notes: 4 MB less). Writing the cache again widens them back.
 */
function narrowed(ranges: Int32Array): RangeColumn {
  for (let i = 0; i < ranges.length; i++) if (ranges[i] >>> 0 > 0xffff) return ranges.slice();
  return new Uint16Array(ranges);
}

function bytesSource(file: Uint8Array): CacheSource {
  return { size: file.length, read: (at, length) => file.subarray(at, at + length) };
}

/** Int32 and checksum views need 4-byte alignment. */
async function readAligned(source: CacheSource, at: number, length: number): Promise<Uint8Array> {
  const bytes = await source.read(at, length);
  return bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
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

/** Arithmetic, not `& ~3`: a count read from the file may be past 2^31, where bit operations wrap. */
function pad4(n: number): number {
  return Math.ceil(n / 4) * 4;
}

/** A length or offset as a file may hold one: an integer, not negative, that a 32-bit read can take. */
function isLength(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 0xffffffff;
}

/** FNV-style over four interleaved lanes of 32-bit words: catches a damaged file (not an attack), at memory speed. Exported for the damage tests. */
export function checksum(aligned: Uint8Array): number {
  const words = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.length >>> 2);
  let a = 0x811c9dc5 ^ aligned.length;
  let b = 0x01000193;
  let c = 0x9e3779b9;
  let d = 0x85ebca6b;
  const whole = words.length & ~3;
  for (let i = 0; i < whole; i += 4) {
    a = Math.imul(a ^ words[i], 0x01000193);
    b = Math.imul(b ^ words[i + 1], 0x01000193);
    c = Math.imul(c ^ words[i + 2], 0x01000193);
    d = Math.imul(d ^ words[i + 3], 0x01000193);
    a ^= a >>> 13;
    b ^= b >>> 13;
    c ^= c >>> 13;
    d ^= d >>> 13;
  }
  let h = Math.imul(a ^ Math.imul(b ^ Math.imul(c ^ d, 0x01000193), 0x01000193), 0x01000193);
  for (let i = whole; i < words.length; i++) h = Math.imul(h ^ words[i], 0x01000193);
  for (let i = words.length * 4; i < aligned.length; i++) h = Math.imul(h ^ aligned[i], 0x01000193);
  return h >>> 0;
}

function checksumBytes(bytes: Uint8Array): number {
  return checksum(bytes.byteOffset % 4 === 0 ? bytes : bytes.slice());
}
