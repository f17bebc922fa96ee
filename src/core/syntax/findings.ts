// Collects what the block and inline passes find, as the items of PackedSyntax (ranges by slot
// in a RangeWriter) and the paragraph (or list item, heading, table row) around each link and tag.
import type { BlockSink, TextKind } from './blockState';
import type { CiteGroup } from './citation';
import { InlineScanner } from './inline';
import type { InlineSink } from './inlineSink';
import { definitionTarget, type NoteTarget } from './noteLink';
import type { PackedCitation, PackedFootnote, PackedHeading, PackedLink, PackedMath, PackedTag, RangeWriter } from './packed';
import { normalizeLabel, type Definition } from './reference';
import { Slugger } from './slug';
import type { FootnoteItem, MathItem, Span } from './types';
import type { WikiLinkParts } from './wikiLink';

/**
 * A PackedLink whose absent parts are absent (not undefined). Written out as literals rather than
 * built with spreads: this runs for every link of every note, and literals are much faster.
 */
function packedLink(kind: PackedLink['kind'], target: string, heading: string | undefined, block: string | undefined, label: string | undefined, range: number, context: Span): PackedLink {
  if (label === undefined) {
    if (heading !== undefined) return { kind, target, heading, range, context };
    if (block !== undefined) return { kind, target, block, range, context };
    return { kind, target, range, context };
  }
  if (heading !== undefined) return { kind, target, heading, label, range, context };
  if (block !== undefined) return { kind, target, block, label, range, context };
  return { kind, target, label, range, context };
}

// One for all notes: a scan runs to its end synchronously, and begin() resets it.
const inlineScanner = new InlineScanner();

interface PendingBlockId {
  id: string;
  range: number;
  block: Span;
}

export class Findings implements BlockSink, InlineSink {
  readonly links: PackedLink[] = [];
  readonly tags: PackedTag[] = [];
  readonly headings: PackedHeading[] = [];
  readonly blockIds: PendingBlockId[] = [];
  readonly footnotes: PackedFootnote[] = [];
  readonly mathItems: PackedMath[] = [];
  readonly citationItems: PackedCitation[] = [];
  /** Start and end offsets of code blocks and spans. */
  readonly codeSpans: number[] = [];
  /** Text of the first level-1 heading. */
  firstH1: string | undefined;

  private readonly inline: InlineScanner;
  private readonly slugger = new Slugger();
  // The text being read inline and its context span (made only once something needs it).
  private contextStart = 0;
  private contextEnd = 0;
  private context: Span | undefined;
  private textStart = 0;
  private textEnd = 0;
  private itemHead = false;
  /** Open list items, innermost last: block ids that name an item wait here for its end. */
  private readonly openItems: PendingBlockId[][] = [];

  constructor(
    private readonly src: string,
    private readonly ranges: RangeWriter,
    /** The note's link reference definitions, by normalized label (read before this pass). */
    readonly definitions: ReadonlyMap<string, Definition> | undefined,
    /** Labels of the note's footnote definitions: `[^x]` is a reference only when `[^x]:` exists. */
    readonly footnoteLabels: ReadonlySet<string> | undefined,
  ) {
    this.inline = inlineScanner;
    inlineScanner.begin(src, this);
  }

  // ---- from the block pass

  inlineText(kind: TextKind, segStart: Int32Array, segEnd: Int32Array, count: number, contextStart: number, contextEnd: number, itemHead: boolean): void {
    this.contextStart = contextStart;
    this.contextEnd = contextEnd;
    this.context = undefined;
    this.textStart = segStart[0];
    this.textEnd = segEnd[count - 1];
    this.itemHead = itemHead;
    this.inline.scan(kind, segStart, segEnd, count);
  }

  heading(level: number, text: string, start: number, end: number): void {
    this.headings.push({ level, text, slug: this.slugger.slug(text), range: this.ranges.add(start, end) });
    if (level === 1 && this.firstH1 === undefined) this.firstH1 = text;
  }

  mathBlock(delimiter: '$$' | '\\[', start: number, end: number, tex: string): void {
    this.mathItems.push({ delimiter, display: true, range: this.ranges.add(start, end), tex });
  }

  code(start: number, end: number): void {
    this.codeSpans.push(start, end);
  }

  footnoteDefinition(label: string, start: number, end: number): void {
    this.footnotes.push({ kind: 'definition', label, range: this.ranges.add(start, end) });
  }

  definition(): void {
    // Already known: collectDefinitions read them all before this pass.
  }

  listItemOpen(): void {
    this.openItems.push([]);
  }

  listItemClose(start: number, end: number): void {
    const waiting = this.openItems.pop();
    if (!waiting || waiting.length === 0) return;
    const block: Span = { startOffset: start, endOffset: end };
    for (const item of waiting) item.block = block;
  }

  // ---- from the inline pass

  private currentContext(): Span {
    return (this.context ??= { startOffset: this.contextStart, endOffset: this.contextEnd });
  }

  wikiLink(kind: 'wiki' | 'embed', parts: WikiLinkParts, start: number): void {
    const range = this.ranges.add(start, parts.end);
    this.ranges.add(parts.targetStart, parts.targetEnd); // the next slot: see PackedLink
    const link = packedLink(kind, parts.target, parts.heading, parts.block, parts.label, range, this.currentContext());
    // Foam's link reference definitions: `[[x]]` with `[x]: path.md` in the note means that file.
    const definition = this.definitions && parts.target !== '' ? this.definitions.get(normalizeLabel(parts.target)) : undefined;
    const reference = definition && definitionTarget(definition.href);
    this.links.push(reference ? { ...link, reference } : link);
  }

  markdownLink(note: NoteTarget, label: string, start: number, end: number, targetStart: number, targetEnd: number): void {
    const range = this.ranges.add(start, end);
    this.ranges.add(targetStart, targetEnd); // the next slot: see PackedLink
    this.links.push(packedLink('markdown', note.target, note.heading, undefined, label, range, this.currentContext()));
  }

  tag(start: number, end: number): void {
    this.tags.push({ name: this.src.slice(start + 1, end), range: this.ranges.add(start, end), source: 'inline', context: this.currentContext() });
  }

  footnote(kind: FootnoteItem['kind'], label: string, start: number, end: number): void {
    this.footnotes.push({ kind, label, range: this.ranges.add(start, end) });
  }

  math(delimiter: MathItem['delimiter'], display: boolean, start: number, end: number, tex: string): void {
    this.mathItems.push({ delimiter, display, range: this.ranges.add(start, end), tex });
  }

  blockId(id: string, start: number, end: number): void {
    const item: PendingBlockId = { id, range: this.ranges.add(start, end), block: { startOffset: this.textStart, endOffset: this.textEnd } };
    this.blockIds.push(item);
    // The first paragraph of a list item names the whole item (with its sub-items).
    if (this.itemHead && this.openItems.length > 0) this.openItems[this.openItems.length - 1].push(item);
  }

  citations(group: CiteGroup): void {
    for (const cite of group.cites) {
      const range = this.ranges.add(cite.start, cite.end);
      this.ranges.add(group.start, group.end); // the next slot: see PackedCitation
      this.citationItems.push({ key: cite.key, range, bracketed: group.bracketed, suppressAuthor: cite.suppressAuthor, context: this.currentContext() });
    }
  }

  /** Takes back the citations that start after `start` (those in a link's text or an image's alt). */
  retractCitationsAfter(start: number): void {
    const items = this.citationItems;
    while (items.length > 0 && this.ranges.startOf(items[items.length - 1].range) > start) items.pop();
  }

  /** Takes back what was found after the counts given (an image's alt text); its ranges stay, unused. */
  retract(links: number, tags: number, footnotes: number, math: number): void {
    this.links.length = links;
    this.tags.length = tags;
    this.footnotes.length = footnotes;
    this.mathItems.length = math;
  }
}
