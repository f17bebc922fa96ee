// Where in a link's text its `#Heading` or `#^block` part is, and whether a heading or block
// is the one a link names: shared by references, heading rename and diagnostics.
import { githubSlug } from '../syntax/slug';
import type { HeadingItem, LinkItem, Position, Range } from '../syntax/types';

/** The heading a link names: `[[a#Part#Section]]` names the last part. */
export function wantedHeading(link: LinkItem): string | undefined {
  if (link.heading === undefined) return undefined;
  return link.heading.slice(link.heading.lastIndexOf('#') + 1).trim();
}

/** Heading text (any case), its slug, or the text written as a slug. */
export function headingMatches(heading: HeadingItem, wanted: string): boolean {
  const lower = wanted.toLowerCase();
  return heading.text.toLowerCase() === lower || heading.slug === lower || heading.slug === githubSlug(wanted);
}

export function findHeading(headings: readonly HeadingItem[], wanted: string): HeadingItem | undefined {
  return headings.find(h => h.text.toLowerCase() === wanted.toLowerCase()) ?? headings.find(h => headingMatches(h, wanted));
}

export function blockMatches(blockId: string, id: string): boolean {
  return blockId.toLowerCase() === id.toLowerCase();
}

/**
 * The range of the last heading part (or the block id, without `^`) in the link's text, or
 * undefined when the link has none. `text` is the note the link is in.
 */
export function subpathRange(text: string, link: LinkItem): Range | undefined {
  const wanted = link.block ?? wantedHeading(link);
  if (wanted === undefined || wanted === '') return undefined;
  const from = link.targetRange.endOffset;
  const hash = text.indexOf('#', from);
  if (hash < 0) return undefined;
  // The part ends at `|`, `]]`, `)` or the end of the line.
  const stop = /[|\])\n]|\\\|/.exec(text.slice(hash));
  const end = stop ? hash + stop.index : text.length;
  const part = text.slice(hash, end);
  const at = part.lastIndexOf(link.block !== undefined ? '^' + wanted : wanted);
  if (at < 0) return undefined;
  const start = hash + at + (link.block !== undefined ? 1 : 0);
  return rangeAt(text, link.targetRange, start, start + wanted.length);
}

/** A range from offsets, counting positions from a nearby `base` range on the same text. */
export function rangeAt(text: string, base: Range, startOffset: number, endOffset: number): Range {
  return { start: positionFrom(text, base, startOffset), end: positionFrom(text, base, endOffset), startOffset, endOffset };
}

function positionFrom(text: string, base: Range, offset: number): Position {
  let line = base.start.line;
  let lineStart = base.startOffset - base.start.character;
  if (offset >= base.startOffset) {
    for (let i = text.indexOf('\n', lineStart); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return { line, character: offset - lineStart };
  }
  line = 0;
  lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}
