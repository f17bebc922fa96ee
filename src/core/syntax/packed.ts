// NoteSyntax as the index keeps it: every range of a note as six numbers in one Int32Array,
// and items that name their range by slot. Range and Position objects were 1.3 million of a
// 10,000-note vault's 2 million objects: half the memory and most of the garbage collector's
// time. `unpackSyntax` gives back the plain NoteSyntax, equal to what `scanNote` returns.
import type { LineMap } from './positions';
import type {
  BlockIdItem,
  CitationItem,
  FootnoteItem,
  Frontmatter,
  HeadingItem,
  LinkItem,
  MathItem,
  NoteSyntax,
  Range,
  Span,
  TagItem,
} from './types';

/** Numbers per range: startOffset, endOffset, start line, start character, end line, end character. */
const STRIDE = 6;

/**
 * A note's ranges: the scanner's are 32-bit; a restored note's 16-bit when every number of its
 * cache chunk fits (notes under 64 K characters and lines: most), half the bytes kept (indexCache.ts).
 */
export type RangeColumn = Int32Array | Uint16Array;

export interface PackedLink {
  readonly kind: LinkItem['kind'];
  readonly target: string;
  readonly heading?: string;
  readonly block?: string;
  readonly label?: string;
  /** Slot of the whole link; its target range is the next slot. */
  readonly range: number;
  readonly context: Span;
  readonly property?: string;
  readonly reference?: string;
}

export interface PackedTag {
  readonly name: string;
  readonly range: number;
  readonly source: TagItem['source'];
  readonly context: Span;
}

export interface PackedHeading {
  readonly level: number;
  readonly text: string;
  readonly slug: string;
  readonly range: number;
}

export interface PackedBlockId {
  readonly id: string;
  readonly range: number;
  readonly block: Span;
}

export interface PackedFootnote {
  readonly kind: FootnoteItem['kind'];
  readonly label: string;
  readonly range: number;
}

export interface PackedMath {
  readonly delimiter: MathItem['delimiter'];
  readonly display: boolean;
  readonly range: number;
  readonly tex: string;
}

export interface PackedCitation {
  readonly key: string;
  /** Slot of `@key`; the group's range is the next slot. */
  readonly range: number;
  readonly bracketed: boolean;
  readonly suppressAuthor: boolean;
  readonly context: Span;
}

export function citationAt(ranges: RangeColumn, c: PackedCitation): CitationItem {
  return { key: c.key, range: rangeAt(ranges, c.range), group: rangeAt(ranges, c.range + 1), bracketed: c.bracketed, suppressAuthor: c.suppressAuthor, context: c.context };
}

/** Everything of NoteSyntax, ranges packed (see the top of this file). Items are in NoteSyntax's order. */
export interface PackedSyntax {
  /**
   * The ranges, six numbers each; from `codeAt` on, the code blocks and spans, start and end
   * offsets (one array per note: each typed array costs a few hundred bytes beside its numbers).
   */
  readonly ranges: RangeColumn;
  readonly codeAt: number;
  /** Kept as objects: one per note at most. */
  readonly frontmatter?: Frontmatter;
  readonly title?: string;
  readonly links: readonly PackedLink[];
  readonly tags: readonly PackedTag[];
  readonly headings: readonly PackedHeading[];
  readonly blockIds: readonly PackedBlockId[];
  readonly footnotes: readonly PackedFootnote[];
  readonly math: readonly PackedMath[];
  /** Absent when the note cites nothing (most notes). */
  readonly citations?: readonly PackedCitation[];
  readonly lineCount: number;
}

export function startOf(ranges: RangeColumn, slot: number): number {
  return ranges[slot * STRIDE];
}

export function endOf(ranges: RangeColumn, slot: number): number {
  return ranges[slot * STRIDE + 1];
}

export function rangeAt(ranges: RangeColumn, slot: number): Range {
  const i = slot * STRIDE;
  return {
    start: { line: ranges[i + 2], character: ranges[i + 3] },
    end: { line: ranges[i + 4], character: ranges[i + 5] },
    startOffset: ranges[i],
    endOffset: ranges[i + 1],
  };
}

/** A LinkItem whose absent parts are absent (not undefined), as the scanner gives them. */
export function linkAt(ranges: RangeColumn, link: PackedLink): LinkItem {
  const item = bodyLinkAt(ranges, link);
  if (link.property !== undefined) return { ...item, property: link.property };
  if (link.reference !== undefined) return { ...item, reference: link.reference };
  return item;
}

function bodyLinkAt(ranges: RangeColumn, link: PackedLink): LinkItem {
  const { kind, target, heading, block, label, context } = link;
  const range = rangeAt(ranges, link.range);
  const targetRange = rangeAt(ranges, link.range + 1);
  if (label === undefined) {
    if (heading !== undefined) return { kind, target, heading, range, targetRange, context };
    if (block !== undefined) return { kind, target, block, range, targetRange, context };
    return { kind, target, range, targetRange, context };
  }
  if (heading !== undefined) return { kind, target, heading, label, range, targetRange, context };
  if (block !== undefined) return { kind, target, block, label, range, targetRange, context };
  return { kind, target, label, range, targetRange, context };
}

export function tagAt(ranges: RangeColumn, tag: PackedTag): TagItem {
  return { name: tag.name, range: rangeAt(ranges, tag.range), source: tag.source, context: tag.context };
}

export function unpackSyntax(packed: PackedSyntax): NoteSyntax {
  const r = packed.ranges;
  const code: Span[] = [];
  for (let i = packed.codeAt; i < r.length; i += 2) code.push({ startOffset: r[i], endOffset: r[i + 1] });
  const syntax: { -readonly [K in keyof NoteSyntax]: NoteSyntax[K] } = {
    links: packed.links.map(l => linkAt(r, l)),
    tags: packed.tags.map(t => tagAt(r, t)),
    headings: packed.headings.map((h): HeadingItem => ({ level: h.level, text: h.text, slug: h.slug, range: rangeAt(r, h.range) })),
    blockIds: packed.blockIds.map((b): BlockIdItem => ({ id: b.id, range: rangeAt(r, b.range), block: b.block })),
    footnotes: packed.footnotes.map((f): FootnoteItem => ({ kind: f.kind, label: f.label, range: rangeAt(r, f.range) })),
    math: packed.math.map((m): MathItem => ({ delimiter: m.delimiter, display: m.display, range: rangeAt(r, m.range), tex: m.tex })),
    code,
    lineCount: packed.lineCount,
  };
  // Absent, not undefined, when there is none.
  if (packed.frontmatter) syntax.frontmatter = packed.frontmatter;
  if (packed.title !== undefined) syntax.title = packed.title;
  if (packed.citations) syntax.citations = packed.citations.map(c => citationAt(r, c));
  return syntax;
}

/** Numbers per slab of finished notes' ranges (64 KB; a typical note holds a few hundred). */
const SLAB = 16 * 1024;

/**
 * Collects one note's ranges while it is scanned. One for all notes (a scan runs to its end
 * synchronously): only the finished note's ranges are copied out, into a view of their size (see `finish`).
 */
export class RangeWriter {
  private buffer = new Int32Array(STRIDE * 512);
  private slab = new Int32Array(0);
  private slabUsed = 0;
  private count = 0;
  private map!: LineMap;

  begin(map: LineMap): void {
    this.map = map;
    this.count = 0;
  }

  /** Adds a range and returns its slot. */
  add(startOffset: number, endOffset: number): number {
    if ((this.count + 1) * STRIDE > this.buffer.length) {
      const next = new Int32Array(this.buffer.length * 2);
      next.set(this.buffer);
      this.buffer = next;
    }
    const b = this.buffer;
    const i = this.count * STRIDE;
    const map = this.map;
    b[i] = startOffset;
    b[i + 1] = endOffset;
    b[i + 2] = map.lineOf(startOffset);
    b[i + 3] = map.characterOf(startOffset, b[i + 2]);
    b[i + 4] = map.lineOf(endOffset);
    b[i + 5] = map.characterOf(endOffset, b[i + 4]);
    return this.count++;
  }

  startOf(slot: number): number {
    return this.buffer[slot * STRIDE];
  }

  /**
   * The note's ranges, then `code` (see PackedSyntax.ranges): a view of a shared slab, not an
   * array of its own. An Int32Array of its own takes a buffer from outside V8's heap (an
   * allocation, and a buffer the collector tracks and frees), which cost more than the rest of
   * `finish` together (10,000 notes: about 3% of a cold build). A slab lives while one of its
   * notes' views does: at most SLAB numbers held per note whose newest scan is its slab's last,
   * as the cache's restored notes share their chunk's (indexCache.ts).
   */
  finish(code: readonly number[]): Int32Array {
    const at = this.count * STRIDE;
    const size = at + code.length;
    if (this.slabUsed + size > this.slab.length) {
      this.slab = new Int32Array(Math.max(SLAB, size));
      this.slabUsed = 0;
    }
    const out = this.slab.subarray(this.slabUsed, this.slabUsed + size);
    this.slabUsed += size;
    out.set(this.buffer.subarray(0, at));
    for (let i = 0; i < code.length; i++) out[at + i] = code[i];
    return out;
  }
}
