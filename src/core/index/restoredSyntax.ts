// A note's PackedSyntax as a cache restores it: what the index files a note by (links, tags,
// title, frontmatter, ranges) is decoded at once; headings, block ids, footnotes, math and
// citations stay numbers in their chunk's stream until a caller first reads one of them (then all
// five are decoded and kept). At restore nothing asks for them: at 10,000 notes they are 105,000
// objects and 100,000 strings that the restore no longer makes, holds or collects (docs/index.md).
import type { PackedBlockId, PackedCitation, PackedFootnote, PackedHeading, PackedLink, PackedMath, PackedSyntax, PackedTag } from '../syntax/packed';
import type { Frontmatter, Span } from '../syntax/types';

/** One empty list for all notes, as the scanner's (scanNote.ts `fit`). */
export const EMPTY: readonly never[] = Object.freeze([]);

/** Room for `count` items, filled by the caller; the shared EMPTY when there are none. */
export function listOf<T>(count: number): T[] {
  return count === 0 ? (EMPTY as never[]) : new Array<T>(count);
}

// Kinds are written as their number in these lists (a damaged number is rejected on reading).
export const LINK_KINDS: readonly PackedLink['kind'][] = ['wiki', 'embed', 'markdown'];
export const TAG_SOURCES: readonly PackedTag['source'][] = ['inline', 'frontmatter'];
export const FOOTNOTE_KINDS: readonly PackedFootnote['kind'][] = ['ref', 'definition', 'inline'];
export const MATH_DELIMITERS: readonly PackedMath['delimiter'][] = ['$', '$$', '\\(', '\\['];

/**
 * What each number of a lazy item is, list by list in stream order (headings, block ids,
 * footnotes, math, citations): `s` a string's number, `k` a kind's number among that many, `n` any
 * number. Checking and copying a lazy part reads this; decoding it is written out below.
 */
const LAZY_LISTS: readonly (readonly (number | 's' | 'n')[])[] = [
  ['n', 's', 's', 'n'], // heading: level, text, slug, range
  ['s', 'n', 'n', 'n'], // block id: id, range, block start, block end
  [FOOTNOTE_KINDS.length, 's', 'n'], // footnote: kind, label, range
  [MATH_DELIMITERS.length, 2, 'n', 's'], // math: delimiter, display, range, tex
  ['s', 'n', 'n', 'n', 'n'], // citation: key, range, flags, context start, context end
];

/** The strings of a chunk: one decoded run and where each ends; each string sliced out when first asked. */
export class ChunkStrings {
  private readonly cache: (string | undefined)[];

  constructor(
    private readonly blob: string,
    /** End of each string in `blob` (UTF-16 units); its own copy, not a view of the file's bytes. */
    private readonly ends: Int32Array,
  ) {
    this.cache = new Array<string | undefined>(ends.length);
  }

  get count(): number {
    return this.ends.length;
  }

  /** String `n`, the same string each time it is asked while the chunk is read (a target met twice is one string). */
  at(n: number): string {
    let s = this.cache[n];
    if (s === undefined) {
      if (!(n >= 0 && n < this.ends.length)) throw new Error(`string ${n} of ${this.ends.length}`);
      s = this.cache[n] = this.blob.slice(n === 0 ? 0 : this.ends[n - 1], this.ends[n]);
    }
    return s;
  }

  /** String `n` sliced anew (`at` without keeping it): what a lazy part reads once the chunk is read. */
  fresh(n: number): string {
    return this.blob.slice(n === 0 ? 0 : this.ends[n - 1], this.ends[n]);
  }

  /** Drops the strings sliced while reading the chunk: the notes keep those they use. */
  forget(): void {
    this.cache.length = 0;
  }
}

/** What the undecoded parts of a chunk's notes keep, shared by them: their numbers and the chunk's strings. */
export interface LazyChunk {
  readonly nums: Int32Array;
  readonly strings: ChunkStrings;
}

/**
 * Checks the lazy part of a note that starts at `nums[at]` (counts within the stream, string
 * numbers within the table, kinds among theirs) and returns where it ends. Throws a plain Error
 * on damage: the cache reader turns it into a rejection, so a damaged part is never met later.
 */
export function checkLazyPart(nums: Int32Array, at: number, strings: number): number {
  for (const layout of LAZY_LISTS) {
    const count = nums[at++];
    const size = layout.length;
    if (!(count >= 0) || count * size > nums.length - at) throw new Error(`a count of ${count} at number ${at - 1}`);
    for (let i = 0; i < count; i++, at += size) {
      for (let k = 0; k < size; k++) {
        const what = layout[k];
        const v = nums[at + k];
        if (what === 's' ? !(v >= 0 && v < strings) : typeof what === 'number' && !(v >= 0 && v < what)) {
          throw new Error(`${what === 's' ? 'string' : 'kind'} ${v} at number ${at + k}`);
        }
      }
    }
  }
  return at;
}

/** Writes a checked lazy part into `out`, its strings renumbered by `str` (a cache written again from a restored index). */
export function copyLazyPart(chunk: LazyChunk, at: number, out: number[], str: (s: string) => number): void {
  const nums = chunk.nums;
  for (const layout of LAZY_LISTS) {
    const count = nums[at++];
    out.push(count);
    for (let i = 0; i < count; i++) for (const what of layout) out.push(what === 's' ? str(chunk.strings.fresh(nums[at++])) : nums[at++]);
  }
}

interface LazyLists {
  headings: readonly PackedHeading[];
  blockIds: readonly PackedBlockId[];
  footnotes: readonly PackedFootnote[];
  math: readonly PackedMath[];
  citations: readonly PackedCitation[] | undefined;
}

function decodeLazyPart(chunk: LazyChunk, at: number): LazyLists {
  const n = chunk.nums;
  const strings = chunk.strings;
  // Each string sliced anew: sharing the few that repeat within a note (a footnote's label and its
  // definition's) through a map cost more time than the bytes it saved.
  const s = (k: number): string => strings.fresh(k);
  const span = (): Span => ({ startOffset: n[at++], endOffset: n[at++] });
  let count = n[at++];
  const headings = listOf<PackedHeading>(count);
  for (let i = 0; i < count; i++, at += 4) headings[i] = { level: n[at], text: s(n[at + 1]), slug: s(n[at + 2]), range: n[at + 3] };
  count = n[at++];
  const blockIds = listOf<PackedBlockId>(count);
  for (let i = 0; i < count; i++) {
    const id = s(n[at++]);
    const range = n[at++];
    blockIds[i] = { id, range, block: span() };
  }
  count = n[at++];
  const footnotes = listOf<PackedFootnote>(count);
  for (let i = 0; i < count; i++, at += 3) footnotes[i] = { kind: FOOTNOTE_KINDS[n[at]], label: s(n[at + 1]), range: n[at + 2] };
  count = n[at++];
  const math = listOf<PackedMath>(count);
  for (let i = 0; i < count; i++, at += 4) math[i] = { delimiter: MATH_DELIMITERS[n[at]], display: n[at + 1] === 1, range: n[at + 2], tex: s(n[at + 3]) };
  count = n[at++];
  const citations: PackedCitation[] | undefined = count === 0 ? undefined : new Array(count);
  // Citations of one group share their context object, as the scanner's do.
  let last: Span | undefined;
  for (let i = 0; i < count; i++) {
    const key = s(n[at++]);
    const range = n[at++];
    const flags = n[at++];
    const start = n[at++];
    const end = n[at++];
    if (last?.startOffset !== start || last.endOffset !== end) last = { startOffset: start, endOffset: end };
    citations![i] = { key, range, bracketed: (flags & 1) !== 0, suppressAuthor: (flags & 2) !== 0, context: last };
  }
  return { headings, blockIds, footnotes, math, citations };
}

/** PackedSyntax whose headings, block ids, footnotes, math and citations are decoded when first read (see the top of this file). */
export class RestoredSyntax implements PackedSyntax {
  private lists: LazyLists | undefined;

  constructor(
    readonly ranges: Int32Array,
    readonly codeAt: number,
    readonly lineCount: number,
    readonly title: string | undefined,
    readonly frontmatter: Frontmatter | undefined,
    readonly links: readonly PackedLink[],
    readonly tags: readonly PackedTag[],
    /** Where the undecoded part is, until it is decoded (then both go, and with them the chunk once all its notes are decoded). */
    private chunk: LazyChunk | undefined,
    private at: number,
  ) {}

  private open(): LazyLists {
    if (!this.lists) {
      this.lists = decodeLazyPart(this.chunk!, this.at);
      this.chunk = undefined;
    }
    return this.lists;
  }

  get headings(): readonly PackedHeading[] {
    return this.open().headings;
  }

  get blockIds(): readonly PackedBlockId[] {
    return this.open().blockIds;
  }

  get footnotes(): readonly PackedFootnote[] {
    return this.open().footnotes;
  }

  get math(): readonly PackedMath[] {
    return this.open().math;
  }

  get citations(): readonly PackedCitation[] | undefined {
    return this.open().citations;
  }

  /** The undecoded part, for writing it again as it is; undefined once decoded. */
  undecoded(): { chunk: LazyChunk; at: number } | undefined {
    return this.chunk && { chunk: this.chunk, at: this.at };
  }
}
