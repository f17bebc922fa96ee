// A note's PackedSyntax as a cache restores it: title, frontmatter and ranges are decoded at once;
// everything else stays numbers in its chunk's stream until a caller first reads it, in two parts:
// links and tags (decoded together on the first read of either), then headings, block ids,
// footnotes, math and citations (all five on the first read of any). The index files a note's
// links and tags straight from the numbers (`linkCountOf`, `linkTargetOf`, `tagNameOf`, ...): at
// 10,000 notes the restore no longer makes, holds or collects 90,000 links, 36,000 tags and
// 105,000 other items with their strings (docs/index.md).
import type { PackedBlockId, PackedCitation, PackedFootnote, PackedHeading, PackedLink, PackedMath, PackedSyntax, PackedTag, RangeColumn } from '../syntax/packed';
import type { Frontmatter, Span } from '../syntax/types';
import { groupTarget } from './targetTable';

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
  /** 16-bit when every number of the chunk's lazy parts fits (`SyntaxReader.finished`), else 32-bit. */
  readonly nums: Int32Array | Int16Array;
  readonly strings: ChunkStrings;
  /** The texts of the cache's target table (targetTable.ts), which links and tags name by row: one array for the whole cache. */
  readonly targets: readonly string[];
}

/** Numbers per link and per tag in the stream: what `SyntaxWriter` writes for each. */
export const LINK_SIZE = 10;
export const TAG_SIZE = 5;
/** Where a link's kind, row in the target table, target as written, property and range slot are, within its numbers; a tag's row and range slot within its. */
const LINK_KIND = 0;
const LINK_ROW = 1;
const LINK_WRITTEN = 2;
const LINK_PROPERTY = 6;
const LINK_RANGE = 7;
const TAG_ROW = 0;
const TAG_RANGE = 2;
const NONE = -1;

/** A count of items of `size` numbers each at `nums[at]`, no more than the stream still holds. */
function countAt(nums: Int32Array, at: number, size: number): number {
  const count = nums[at];
  if (!(count >= 0) || count * size > nums.length - at - 1) throw new Error(`a count of ${count} at number ${at}`);
  return count;
}

/**
 * Checks the links and tags of a note that start at `nums[at]` (counts, kinds, string numbers
 * within the chunk's table, target rows within the vault's table as read so far: `rows` of them)
 * and returns where they end. Throws a plain Error on damage, as `checkLazyPart`.
 */
export function checkLinksAndTags(nums: Int32Array, at: number, strings: number, rows: number): number {
  const links = countAt(nums, at++, LINK_SIZE);
  for (let i = 0; i < links; i++, at += LINK_SIZE) {
    if (!(nums[at] >= 0 && nums[at] < LINK_KINDS.length)) throw new Error(`kind ${nums[at]} at number ${at}`);
    checkRow(nums, at + LINK_ROW, rows);
    // The target as written, heading, block, label, property: a string's number or none.
    for (let k = 2; k <= 6; k++) {
      const v = nums[at + k];
      if (v !== NONE && !(v >= 0 && v < strings)) throw new Error(`string ${v} at number ${at + k}`);
    }
  }
  const tags = countAt(nums, at++, TAG_SIZE);
  for (let i = 0; i < tags; i++, at += TAG_SIZE) {
    checkRow(nums, at + TAG_ROW, rows);
    if (!(nums[at + 1] >= 0 && nums[at + 1] < TAG_SOURCES.length)) throw new Error(`kind ${nums[at + 1]} at number ${at + 1}`);
  }
  return at;
}

function checkRow(nums: Int32Array, at: number, rows: number): void {
  const row = nums[at];
  if (!(row >= 0 && row < rows)) throw new Error(`target ${row} at number ${at} (the table has ${rows})`);
}

/**
 * Writes checked, undecoded links and tags into `out`: strings renumbered by `str`, target rows by
 * `row` (a cache written again numbers its table anew), in the order `SyntaxWriter` numbers them.
 */
export function copyLinksAndTags(chunk: LazyChunk, at: number, out: number[], str: (s: string) => number, row: (text: string) => number): void {
  const { nums, strings, targets } = chunk;
  const links = nums[at++];
  out.push(links);
  for (let i = 0; i < links; i++, at += LINK_SIZE) {
    out.push(nums[at], row(targets[nums[at + LINK_ROW]]));
    for (let k = 2; k <= 6; k++) out.push(nums[at + k] === NONE ? NONE : str(strings.fresh(nums[at + k])));
    out.push(nums[at + 7], nums[at + 8], nums[at + 9]);
  }
  const tags = nums[at++];
  out.push(tags);
  for (let i = 0; i < tags; i++, at += TAG_SIZE) out.push(row(targets[nums[at]]), nums[at + 1], nums[at + 2], nums[at + 3], nums[at + 4]);
}

interface LinksAndTags {
  links: readonly PackedLink[];
  tags: readonly PackedTag[];
}

function decodeLinksAndTags(chunk: LazyChunk, at: number): LinksAndTags {
  const { nums: n, strings, targets } = chunk;
  const optional = (k: number): string | undefined => (k === NONE ? undefined : strings.fresh(k));
  // Links and tags of one paragraph share their context object, as the scanner's do.
  let last: Span = { startOffset: -1, endOffset: -1 };
  const span = (start: number, end: number): Span =>
    last.startOffset === start && last.endOffset === end ? last : (last = { startOffset: start, endOffset: end });
  let count = n[at++];
  const links = listOf<PackedLink>(count);
  for (let i = 0; i < count; i++, at += LINK_SIZE) {
    const kind = LINK_KINDS[n[at]];
    const text = targets[n[at + 1]];
    const written = optional(n[at + 2]);
    const target = written ?? text;
    const heading = optional(n[at + 3]);
    const block = optional(n[at + 4]);
    const label = optional(n[at + 5]);
    const property = optional(n[at + 6]);
    const range = n[at + 7];
    const context = span(n[at + 8], n[at + 9]);
    // Literals, as the scanner's packedLink (findings.ts) writes them: absent parts absent.
    let link: PackedLink;
    if (label === undefined) {
      if (heading !== undefined) link = { kind, target, heading, range, context };
      else if (block !== undefined) link = { kind, target, block, range, context };
      else link = { kind, target, range, context };
    } else if (heading !== undefined) link = { kind, target, heading, label, range, context };
    else if (block !== undefined) link = { kind, target, block, label, range, context };
    else link = { kind, target, label, range, context };
    if (property !== undefined) link = { ...link, property };
    if (written !== undefined) link = { ...link, reference: text };
    links[i] = link;
  }
  count = n[at++];
  const tags = listOf<PackedTag>(count);
  for (let i = 0; i < count; i++, at += TAG_SIZE) {
    tags[i] = { name: targets[n[at]], range: n[at + 2], source: TAG_SOURCES[n[at + 1]], context: span(n[at + 3], n[at + 4]) };
  }
  return { links, tags };
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

/** PackedSyntax whose links, tags and other lists are decoded when first read (see the top of this file). */
export class RestoredSyntax implements PackedSyntax {
  private filed: LinksAndTags | undefined;
  private lists: LazyLists | undefined;

  constructor(
    readonly ranges: RangeColumn,
    readonly codeAt: number,
    readonly lineCount: number,
    readonly title: string | undefined,
    readonly frontmatter: Frontmatter | undefined,
    /** The note's numbers (links and tags, then the other lists), until all are decoded (then the chunk goes once all its notes are). */
    private chunk: LazyChunk | undefined,
    /** Where its numbers start: the count of its links. */
    private readonly at: number,
  ) {}

  /** Where the count of its tags is (the chunk is there: its links and tags are undecoded). */
  private tagsAt(): number {
    return this.at + 1 + this.chunk!.nums[this.at] * LINK_SIZE;
  }

  /** Where its headings' count is, past its links and tags. */
  private listsAt(): number {
    const tagsAt = this.tagsAt();
    return tagsAt + 1 + this.chunk!.nums[tagsAt] * TAG_SIZE;
  }

  private letGo(): void {
    if (this.filed && this.lists) this.chunk = undefined;
  }

  private openLinksAndTags(): LinksAndTags {
    if (!this.filed) {
      this.filed = decodeLinksAndTags(this.chunk!, this.at);
      this.letGo();
    }
    return this.filed;
  }

  private open(): LazyLists {
    if (!this.lists) {
      this.lists = decodeLazyPart(this.chunk!, this.listsAt());
      this.letGo();
    }
    return this.lists;
  }

  get links(): readonly PackedLink[] {
    return this.openLinksAndTags().links;
  }

  get tags(): readonly PackedTag[] {
    return this.openLinksAndTags().tags;
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

  get linkCount(): number {
    return this.filed ? this.filed.links.length : this.chunk!.nums[this.at];
  }

  get tagCount(): number {
    return this.filed ? this.filed.tags.length : this.chunk!.nums[this.tagsAt()];
  }

  /** Number `k` of link `i` (its links are undecoded). */
  private linkNumber(i: number, k: number): number {
    return this.chunk!.nums[this.at + 1 + i * LINK_SIZE + k];
  }

  /** The text link `i`'s group is keyed by (`groupTarget`). */
  linkTarget(i: number): string {
    return this.filed ? groupTarget(this.filed.links[i]) : this.chunk!.targets[this.linkNumber(i, LINK_ROW)];
  }

  /** Link `i`'s target as written (`PackedLink.target`). */
  linkWrittenTarget(i: number): string {
    if (this.filed) return this.filed.links[i].target;
    const written = this.linkNumber(i, LINK_WRITTEN);
    return written === NONE ? this.chunk!.targets[this.linkNumber(i, LINK_ROW)] : this.chunk!.strings.fresh(written);
  }

  linkKind(i: number): PackedLink['kind'] {
    return this.filed ? this.filed.links[i].kind : LINK_KINDS[this.linkNumber(i, LINK_KIND)];
  }

  linkProperty(i: number): string | undefined {
    if (this.filed) return this.filed.links[i].property;
    const property = this.linkNumber(i, LINK_PROPERTY);
    return property === NONE ? undefined : this.chunk!.strings.fresh(property);
  }

  /** The slot of link `i`'s range. */
  linkRange(i: number): number {
    return this.filed ? this.filed.links[i].range : this.linkNumber(i, LINK_RANGE);
  }

  /** Link `i`'s row in the target table whose texts are `table`, while its links are undecoded; else -1. */
  linkRow(i: number, table: readonly string[]): number {
    const chunk = this.chunk;
    return !this.filed && chunk?.targets === table ? this.linkNumber(i, LINK_ROW) : -1;
  }

  tagName(i: number): string {
    if (this.filed) return this.filed.tags[i].name;
    const chunk = this.chunk!;
    return chunk.targets[chunk.nums[this.tagsAt() + 1 + i * TAG_SIZE + TAG_ROW]];
  }

  /** The slot of tag `i`'s range. */
  tagRange(i: number): number {
    if (this.filed) return this.filed.tags[i].range;
    return this.chunk!.nums[this.tagsAt() + 1 + i * TAG_SIZE + TAG_RANGE];
  }

  /** The undecoded links and tags, for writing them again as they are; undefined once decoded. */
  undecodedLinksAndTags(): { chunk: LazyChunk; at: number } | undefined {
    return this.filed ? undefined : { chunk: this.chunk!, at: this.at };
  }

  /** The undecoded headings, block ids, footnotes, math and citations, for writing them again as they are; undefined once decoded. */
  undecoded(): { chunk: LazyChunk; at: number } | undefined {
    return this.lists ? undefined : { chunk: this.chunk!, at: this.listsAt() };
  }
}

// What the index files a note by, read from a restored note's numbers without decoding its links
// and tags, from the objects of any other (a scanned note's).

export function linkCountOf(s: PackedSyntax): number {
  return s instanceof RestoredSyntax ? s.linkCount : s.links.length;
}

/** The text link `i`'s group is keyed by: its Foam reference's, else its own target. */
export function linkTargetOf(s: PackedSyntax, i: number): string {
  return s instanceof RestoredSyntax ? s.linkTarget(i) : groupTarget(s.links[i]);
}

/** Link `i`'s target as written. */
export function linkWrittenTargetOf(s: PackedSyntax, i: number): string {
  return s instanceof RestoredSyntax ? s.linkWrittenTarget(i) : s.links[i].target;
}

export function linkKindOf(s: PackedSyntax, i: number): PackedLink['kind'] {
  return s instanceof RestoredSyntax ? s.linkKind(i) : s.links[i].kind;
}

export function linkPropertyOf(s: PackedSyntax, i: number): string | undefined {
  return s instanceof RestoredSyntax ? s.linkProperty(i) : s.links[i].property;
}

/** The slot of link `i`'s range in `s.ranges`. */
export function linkRangeOf(s: PackedSyntax, i: number): number {
  return s instanceof RestoredSyntax ? s.linkRange(i) : s.links[i].range;
}

export function tagCountOf(s: PackedSyntax): number {
  return s instanceof RestoredSyntax ? s.tagCount : s.tags.length;
}

/** Tag `i`'s name as written. */
export function tagNameOf(s: PackedSyntax, i: number): string {
  return s instanceof RestoredSyntax ? s.tagName(i) : s.tags[i].name;
}

/** The slot of tag `i`'s range in `s.ranges`. */
export function tagRangeOf(s: PackedSyntax, i: number): number {
  return s instanceof RestoredSyntax ? s.tagRange(i) : s.tags[i].range;
}
