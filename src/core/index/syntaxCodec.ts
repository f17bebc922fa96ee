// A note's PackedSyntax (minus its ranges) as a stream of Int32 numbers, strings by their number
// in a table shared by a chunk of notes: what the index cache stores (indexCache.ts). Reading it
// back is typed-array reads and object literals, about a tenth of JSON.parse's time on the same
// items, and a string met twice in a chunk (a tag, a link target, `wiki`) comes back as one string.
// Every field of PackedSyntax and of its items is written here by name: a field added there must
// be added here too, and CACHE_SCHEMA bumped (the shape and round-trip tests in indexCache.test.ts fail until then).
import type { PackedBlockId, PackedCitation, PackedFootnote, PackedHeading, PackedLink, PackedMath, PackedSyntax, PackedTag } from '../syntax/packed';
import type { Frontmatter, Span } from '../syntax/types';

const NONE = -1;
/** One empty list for all notes, as the scanner's (scanNote.ts `fit`). */
const EMPTY: readonly never[] = Object.freeze([]);

/** Collects the streams of a chunk's notes: numbers, the strings they name, their frontmatter. */
export class SyntaxWriter {
  readonly nums: number[] = [];
  readonly strings: string[] = [];
  readonly frontmatters: Frontmatter[] = [];
  private readonly numbered = new Map<string, number>();

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
    n.push(p.links.length);
    for (const l of p.links) {
      n.push(this.str(l.kind), this.str(l.target), this.optional(l.heading), this.optional(l.block), this.optional(l.label));
      n.push(this.optional(l.property), this.optional(l.reference), l.range);
      this.span(l.context);
    }
    n.push(p.tags.length);
    for (const t of p.tags) {
      n.push(this.str(t.name), this.str(t.source), t.range);
      this.span(t.context);
    }
    n.push(p.headings.length);
    for (const h of p.headings) n.push(h.level, this.str(h.text), this.str(h.slug), h.range);
    n.push(p.blockIds.length);
    for (const b of p.blockIds) {
      n.push(this.str(b.id), b.range);
      this.span(b.block);
    }
    n.push(p.footnotes.length);
    for (const f of p.footnotes) n.push(this.str(f.kind), this.str(f.label), f.range);
    n.push(p.math.length);
    for (const m of p.math) n.push(this.str(m.delimiter), m.display ? 1 : 0, m.range, this.str(m.tex));
    const citations = p.citations ?? [];
    n.push(citations.length);
    for (const c of citations) {
      n.push(this.str(c.key), c.range, (c.bracketed ? 1 : 0) | (c.suppressAuthor ? 2 : 0));
      this.span(c.context);
    }
  }
}

/** Reads what SyntaxWriter wrote; throws (a plain Error) on a stream that does not fit its tables. */
export class SyntaxReader {
  private at = 0;
  private frontmatterAt = 0;
  // Links and tags of one paragraph share their context object, as the scanner's do.
  private lastSpan: Span = { startOffset: -1, endOffset: -1 };

  constructor(
    private readonly nums: Int32Array,
    private readonly strings: readonly string[],
    private readonly frontmatters: readonly Frontmatter[],
  ) {}

  /** The next number (0 past the end: the caller checks `finished()` once the stream is read). */
  int(): number {
    return this.nums[this.at++] | 0;
  }

  str(): string {
    const s = this.strings[this.nums[this.at++]];
    if (s === undefined) throw new Error(`string ${this.nums[this.at - 1]} of ${this.strings.length} at number ${this.at - 1}`);
    return s;
  }

  private optional(): string | undefined {
    const n = this.nums[this.at++];
    if (n === NONE) return undefined;
    const s = this.strings[n];
    if (s === undefined) throw new Error(`string ${n} of ${this.strings.length} at number ${this.at - 1}`);
    return s;
  }

  /** A count of items of `size` numbers each, no more than the stream still holds. */
  private count(size: number): number {
    const c = this.int();
    if (c < 0 || c * size > this.nums.length - this.at) throw new Error(`a count of ${c} at number ${this.at - 1}`);
    return c;
  }

  private list<T>(size: number, item: () => T): readonly T[] {
    const c = this.count(size);
    if (c === 0) return EMPTY;
    const out: T[] = new Array(c);
    for (let i = 0; i < c; i++) out[i] = item();
    return out;
  }

  private span(): Span {
    const startOffset = this.int();
    const endOffset = this.int();
    const last = this.lastSpan;
    if (last.startOffset === startOffset && last.endOffset === endOffset) return last;
    return (this.lastSpan = { startOffset, endOffset });
  }

  read(ranges: Int32Array): PackedSyntax {
    const codeAt = this.int();
    const lineCount = this.int();
    const title = this.optional();
    let frontmatter: Frontmatter | undefined;
    if (this.int() === 1) {
      frontmatter = this.frontmatters[this.frontmatterAt++];
      if (frontmatter === undefined) throw new Error('more notes with frontmatter than frontmatter');
    }
    const links = this.list(10, () => this.link());
    const tags = this.list(5, (): PackedTag => {
      const name = this.str();
      const source = this.str() as PackedTag['source'];
      return { name, range: this.int(), source, context: this.span() };
    });
    const headings = this.list(4, (): PackedHeading => ({ level: this.int(), text: this.str(), slug: this.str(), range: this.int() }));
    const blockIds = this.list(4, (): PackedBlockId => ({ id: this.str(), range: this.int(), block: this.span() }));
    const footnotes = this.list(3, (): PackedFootnote => ({ kind: this.str() as PackedFootnote['kind'], label: this.str(), range: this.int() }));
    const math = this.list(4, (): PackedMath => ({ delimiter: this.str() as PackedMath['delimiter'], display: this.int() === 1, range: this.int(), tex: this.str() }));
    const citations = this.list(5, (): PackedCitation => {
      const key = this.str();
      const range = this.int();
      const flags = this.int();
      return { key, range, bracketed: (flags & 1) !== 0, suppressAuthor: (flags & 2) !== 0, context: this.span() };
    });
    this.lastSpan = { startOffset: -1, endOffset: -1 };
    const syntax: { -readonly [K in keyof PackedSyntax]: PackedSyntax[K] } = { ranges, codeAt, links, tags, headings, blockIds, footnotes, math, lineCount };
    // Absent, not undefined, when there is none (as the scanner gives it).
    if (frontmatter) syntax.frontmatter = frontmatter;
    if (title !== undefined) syntax.title = title;
    if (citations.length > 0) syntax.citations = citations;
    return syntax;
  }

  /** Whether every number and frontmatter was read, no more. */
  finished(): boolean {
    return this.at === this.nums.length && this.frontmatterAt === this.frontmatters.length;
  }

  private link(): PackedLink {
    const kind = this.str() as PackedLink['kind'];
    const target = this.str();
    const heading = this.optional();
    const block = this.optional();
    const label = this.optional();
    const property = this.optional();
    const reference = this.optional();
    const range = this.int();
    const context = this.span();
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
    if (reference !== undefined) link = { ...link, reference };
    return link;
  }
}
