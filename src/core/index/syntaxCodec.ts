// A note's PackedSyntax (minus its ranges) as a stream of Int32 numbers, strings by their number
// in a table shared by a chunk of notes, kinds by their number: what the index cache stores
// (indexCache.ts). Reading it back decodes the title and frontmatter; links, tags and the rest stay
// numbers until asked for (restoredSyntax.ts), and the index files links and tags from those numbers.
// A link's target and a tag's name are rows of the cache's vault-wide table (targetTable.ts), one
// string for the vault.
// Every field of PackedSyntax and of its items is written here by name: a field added there must
// be added here too, and CACHE_SCHEMA bumped (the shape and round-trip tests in indexCache.test.ts fail until then).
import type { PackedSyntax, RangeColumn } from '../syntax/packed';
import type { Frontmatter, Span } from '../syntax/types';
import { groupTarget, type TargetNumbering } from './targetTable';
import {
  ChunkStrings,
  checkLazyPart,
  checkLinksAndTags,
  copyLazyPart,
  copyLinksAndTags,
  FOOTNOTE_KINDS,
  LINK_KINDS,
  MATH_DELIMITERS,
  RestoredSyntax,
  TAG_SOURCES,
  type LazyChunk,
} from './restoredSyntax';

const NONE = -1;

/** Collects the streams of a chunk's notes: numbers, the strings they name, their frontmatter. */
export class SyntaxWriter {
  readonly nums: number[] = [];
  readonly strings: string[] = [];
  readonly frontmatters: Frontmatter[] = [];
  private readonly numbered = new Map<string, number>();

  constructor(private readonly targets: TargetNumbering) {}

  str(s: string): number {
    let n = this.numbered.get(s);
    if (n === undefined) {
      n = this.strings.length;
      this.strings.push(s);
      this.numbered.set(s, n);
    }
    return n;
  }

  private optional(s: string | undefined): number {
    return s === undefined ? NONE : this.str(s);
  }

  private span(s: Span): void {
    this.nums.push(s.startOffset, s.endOffset);
  }

  write(p: PackedSyntax): void {
    const n = this.nums;
    n.push(p.codeAt, p.lineCount, this.optional(p.title), p.frontmatter ? 1 : 0);
    if (p.frontmatter) this.frontmatters.push(p.frontmatter);
    // A restored note's parts that nobody read: their numbers as they are, strings and rows renumbered.
    const restored = p instanceof RestoredSyntax ? p : undefined;
    const filed = restored?.undecodedLinksAndTags();
    if (filed) copyLinksAndTags(filed.chunk, filed.at, n, s => this.str(s), t => this.targets.row(t));
    else this.writeLinksAndTags(p);
    const undecoded = restored?.undecoded();
    if (undecoded) return copyLazyPart(undecoded.chunk, undecoded.at, n, s => this.str(s));
    // The lazy part (restoredSyntax.ts LAZY_LISTS): headings, block ids, footnotes, math, citations.
    n.push(p.headings.length);
    for (const h of p.headings) n.push(h.level, this.str(h.text), this.str(h.slug), h.range);
    n.push(p.blockIds.length);
    for (const b of p.blockIds) {
      n.push(this.str(b.id), b.range);
      this.span(b.block);
    }
    n.push(p.footnotes.length);
    for (const f of p.footnotes) n.push(FOOTNOTE_KINDS.indexOf(f.kind), this.str(f.label), f.range);
    n.push(p.math.length);
    for (const m of p.math) n.push(MATH_DELIMITERS.indexOf(m.delimiter), m.display ? 1 : 0, m.range, this.str(m.tex));
    const citations = p.citations ?? [];
    n.push(citations.length);
    for (const c of citations) {
      n.push(this.str(c.key), c.range, (c.bracketed ? 1 : 0) | (c.suppressAuthor ? 2 : 0));
      this.span(c.context);
    }
  }

  /** Links and tags (restoredSyntax.ts LINK_SIZE, TAG_SIZE numbers each). */
  private writeLinksAndTags(p: PackedSyntax): void {
    const n = this.nums;
    n.push(p.links.length);
    for (const l of p.links) {
      // The row of the text its group is keyed by; the target as written only beside a reference.
      n.push(LINK_KINDS.indexOf(l.kind), this.targets.row(groupTarget(l)), l.reference === undefined ? NONE : this.str(l.target));
      n.push(this.optional(l.heading), this.optional(l.block), this.optional(l.label), this.optional(l.property), l.range);
      this.span(l.context);
    }
    n.push(p.tags.length);
    for (const t of p.tags) {
      // A tag's name is a row of the same vault-wide table: one string per name for the vault.
      n.push(this.targets.row(t.name), TAG_SOURCES.indexOf(t.source), t.range);
      this.span(t.context);
    }
  }
}

/**
 * The first `count` numbers of `from` copied out: 16-bit when every one fits (string numbers,
 * target rows below 32,768, offsets in notes under 32 K characters: most chunks), else 32-bit.
 * A restored index keeps these until its notes' parts are read: half the bytes.
 */
function narrowed(from: Int32Array, count: number): LazyChunk['nums'] {
  for (let i = 0; i < count; i++) if (from[i] !== (from[i] << 16) >> 16) return from.slice(0, count);
  return new Int16Array(from.subarray(0, count));
}

/** Scratch room for a chunk's lazy parts, copied out once the chunk is read (one allocation per chunk). */
const LAZY_SCRATCH = 1 << 16;
let lazyScratch = new Int32Array(LAZY_SCRATCH);

/**
 * Reads what SyntaxWriter wrote; throws (a plain Error) on a stream that does not fit its tables.
 * Lazy parts are checked here, when the cache is read, so one that is damaged rejects the cache.
 */
export class SyntaxReader {
  private at = 0;
  private frontmatterAt = 0;
  private lazyUsed = 0;
  private readonly lazy: LazyChunk;

  constructor(
    private readonly nums: Int32Array,
    private readonly strings: ChunkStrings,
    private readonly frontmatters: readonly Frontmatter[],
    /** The vault-wide target table as read so far (this chunk's new targets included). */
    private readonly targets: readonly string[],
  ) {
    this.lazy = { nums: lazyScratch, strings, targets };
  }

  /** The next number (0 past the end: the caller checks `finished()` once the stream is read). */
  int(): number {
    return this.nums[this.at++] | 0;
  }

  str(): string {
    return this.strings.at(this.nums[this.at++]);
  }

  private optional(): string | undefined {
    const n = this.nums[this.at++];
    return n === NONE ? undefined : this.strings.at(n);
  }

  read(ranges: RangeColumn): PackedSyntax {
    const codeAt = this.int();
    const lineCount = this.int();
    const title = this.optional();
    let frontmatter: Frontmatter | undefined;
    if (this.int() === 1) {
      frontmatter = this.frontmatters[this.frontmatterAt++];
      if (frontmatter === undefined) throw new Error('more notes with frontmatter than frontmatter');
    }
    const from = this.at;
    this.at = checkLinksAndTags(this.nums, from, this.strings.count, this.targets.length);
    this.at = checkLazyPart(this.nums, this.at, this.strings.count);
    const at = this.keepLazy(from, this.at);
    return new RestoredSyntax(ranges, codeAt, lineCount, title, frontmatter, this.lazy, at);
  }

  /** Copies a note's lazy numbers beside the chunk's others; returns where they start. */
  private keepLazy(from: number, to: number): number {
    const at = this.lazyUsed;
    if (at + to - from > lazyScratch.length) {
      const grown = new Int32Array(Math.max(lazyScratch.length * 2, at + to - from));
      grown.set(lazyScratch.subarray(0, at));
      // The notes read so far see it too (the cache reader counts a note's links as it reads it).
      (this.lazy as { nums: Int32Array }).nums = lazyScratch = grown;
    }
    lazyScratch.set(this.nums.subarray(from, to), at);
    this.lazyUsed = at + to - from;
    return at;
  }

  /**
   * Whether every number and frontmatter was read, no more. Ends the chunk's reading: its notes'
   * lazy parts get their own copy of their numbers, and the strings sliced while reading are let go.
   */
  finished(): boolean {
    (this.lazy as { nums: LazyChunk['nums'] }).nums = narrowed(lazyScratch, this.lazyUsed);
    // A chunk of a few huge notes grew it: not kept that large for the rest of the session.
    if (lazyScratch.length > LAZY_SCRATCH) lazyScratch = new Int32Array(LAZY_SCRATCH);
    this.strings.forget();
    return this.at === this.nums.length && this.frontmatterAt === this.frontmatters.length;
  }
}

export type { LazyChunk };
