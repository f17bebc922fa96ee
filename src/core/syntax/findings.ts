// Collects what the block and inline passes find, as the items of NoteSyntax with their ranges
// and the paragraph (or list item, heading, table row) around each link and tag.
import type { BlockSink, TextKind } from './blockState';
import { InlineScanner } from './inline';
import type { NoteTarget } from './noteLink';
import type { LineMap } from './positions';
import type { Definition } from './reference';
import { Slugger } from './slug';
import type { BlockIdItem, FootnoteItem, HeadingItem, LinkItem, MathItem, Range, Span, TagItem } from './types';
import type { WikiLinkParts } from './wikiLink';

/**
 * A LinkItem whose absent parts are absent (not undefined). Written out as literals rather than
 * built with spreads: this runs for every link of every note, and literals are much faster.
 */
function linkItem(kind: LinkItem['kind'], target: string, heading: string | undefined, block: string | undefined, label: string | undefined, range: Range, targetRange: Range, context: Span): LinkItem {
  if (label === undefined) {
    if (heading !== undefined) return { kind, target, heading, range, targetRange, context };
    if (block !== undefined) return { kind, target, block, range, targetRange, context };
    return { kind, target, range, targetRange, context };
  }
  if (heading !== undefined) return { kind, target, heading, label, range, targetRange, context };
  if (block !== undefined) return { kind, target, block, label, range, targetRange, context };
  return { kind, target, label, range, targetRange, context };
}

// One for all notes: a scan runs to its end synchronously, and begin() resets it.
const inlineScanner = new InlineScanner();

interface PendingBlockId {
  id: string;
  range: BlockIdItem['range'];
  block: Span;
}

export class Findings implements BlockSink {
  readonly links: LinkItem[] = [];
  readonly tags: TagItem[] = [];
  readonly headings: HeadingItem[] = [];
  readonly blockIds: PendingBlockId[] = [];
  readonly footnotes: FootnoteItem[] = [];
  readonly mathItems: MathItem[] = [];
  readonly codeSpans: Span[] = [];
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
    private readonly map: LineMap,
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
    this.headings.push({ level, text, slug: this.slugger.slug(text), range: this.map.range(start, end) });
    if (level === 1 && this.firstH1 === undefined) this.firstH1 = text;
  }

  mathBlock(delimiter: '$$' | '\\[', start: number, end: number, tex: string): void {
    this.mathItems.push({ delimiter, display: true, range: this.map.range(start, end), tex });
  }

  code(start: number, end: number): void {
    this.codeSpans.push({ startOffset: start, endOffset: end });
  }

  footnoteDefinition(label: string, start: number, end: number): void {
    this.footnotes.push({ kind: 'definition', label, range: this.map.range(start, end) });
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
    const range = this.map.range(start, parts.end);
    const targetRange = this.map.range(parts.targetStart, parts.targetEnd);
    this.links.push(linkItem(kind, parts.target, parts.heading, parts.block, parts.label, range, targetRange, this.currentContext()));
  }

  markdownLink(note: NoteTarget, label: string, start: number, end: number, targetStart: number, targetEnd: number): void {
    const range = this.map.range(start, end);
    const targetRange = this.map.range(targetStart, targetEnd);
    this.links.push(linkItem('markdown', note.target, note.heading, undefined, label, range, targetRange, this.currentContext()));
  }

  tag(start: number, end: number): void {
    this.tags.push({ name: this.src.slice(start + 1, end), range: this.map.range(start, end), source: 'inline', context: this.currentContext() });
  }

  footnote(kind: FootnoteItem['kind'], label: string, start: number, end: number): void {
    this.footnotes.push({ kind, label, range: this.map.range(start, end) });
  }

  math(delimiter: MathItem['delimiter'], display: boolean, start: number, end: number, tex: string): void {
    this.mathItems.push({ delimiter, display, range: this.map.range(start, end), tex });
  }

  blockId(id: string, start: number, end: number): void {
    const item: PendingBlockId = { id, range: this.map.range(start, end), block: { startOffset: this.textStart, endOffset: this.textEnd } };
    this.blockIds.push(item);
    // The first paragraph of a list item names the whole item (with its sub-items).
    if (this.itemHead && this.openItems.length > 0) this.openItems[this.openItems.length - 1].push(item);
  }

  /** Takes back what was found after the counts given (an image's alt text). */
  retract(links: number, tags: number, footnotes: number, math: number): void {
    this.links.length = links;
    this.tags.length = tags;
    this.footnotes.length = footnotes;
    this.mathItems.length = math;
  }
}
