// The opening of a note as a hover shows it: markdown of its first paragraphs (after the
// frontmatter and the title heading), or of the section or block a link names, with wiki-links
// written as the words they show. Host-free; the hover renders the markdown it returns.
import { resolveFragment, sectionEndIndex } from '../syntax/fragment';
import { escapeMarkdown } from './inertText';
import type { LinkItem, NoteSyntax } from '../syntax/types';

export interface ExcerptOptions {
  /** Start at this heading (`[[note#Method]]`): text or slug, the last part of `A#B` counts. */
  readonly heading?: string;
  /** Only this block (`[[note#^claim]]`). */
  readonly block?: string;
  readonly maxParagraphs?: number;
  readonly maxChars?: number;
}

export function noteExcerpt(text: string, syntax: NoteSyntax, options: ExcerptOptions = {}): string {
  const maxParagraphs = options.maxParagraphs ?? 3;
  const maxChars = options.maxChars ?? 500;
  const { start, end } = excerptSpan(text, syntax, options);
  const readable = readableLinks(text, syntax.links, start, end);
  const paragraphs: string[] = [];
  let chars = 0;
  for (const paragraph of paragraphsOf(readable)) {
    if (chars + paragraph.length > maxChars) {
      // What room is left holds the start of this paragraph, unless it would be a few words.
      const room = maxChars - chars;
      paragraphs.push(paragraphs.length === 0 || room >= 120 ? cut(paragraph, room) : '…');
      break;
    }
    paragraphs.push(paragraph);
    chars += paragraph.length;
    if (paragraphs.length >= maxParagraphs) break;
  }
  return paragraphs.join('\n\n');
}

/**
 * The part of the note a hover excerpts: the section after the heading the options name, the
 * block, or (when they name none, or one the note lacks) the note after its frontmatter.
 * `named` says whether the heading or block was found.
 */
export function excerptSpan(text: string, syntax: NoteSyntax, options: Pick<ExcerptOptions, 'heading' | 'block'>): { start: number; end: number; named: boolean } {
  const found = options.block !== undefined || options.heading !== undefined ? resolveFragment(syntax, options) : undefined;
  if (found && 'block' in found) return { start: found.block.block.startOffset, end: found.block.block.endOffset, named: true };
  if (found) {
    const next = sectionEndIndex(syntax.headings, found.index);
    return { start: found.heading.range.endOffset, end: next >= 0 ? syntax.headings[next].range.startOffset : text.length, named: true };
  }
  return { start: syntax.frontmatter ? syntax.frontmatter.range.endOffset : 0, end: text.length, named: false };
}

/** `text[start, end)` with each wiki-link and embed replaced by what it shows: its label, else its target. */
function readableLinks(text: string, links: readonly LinkItem[], start: number, end: number): string {
  let out = '';
  let at = start;
  for (const link of links) {
    if (link.kind === 'markdown' || link.range.startOffset < at || link.range.endOffset > end) continue;
    const shown = link.kind === 'embed' && link.label && /^\d+(x\d+)?$/.test(link.label) ? undefined : link.label;
    const words = shown ?? (link.target === '' ? link.heading ?? '' : link.target + (link.heading ? ` › ${link.heading}` : ''));
    out += text.slice(at, link.range.startOffset) + (link.kind === 'embed' ? `&#91;${escapeMarkdown(words)}&#93;` : `*${escapeMarkdown(words)}*`);
    at = link.range.endOffset;
  }
  return out + text.slice(at, end);
}

/**
 * The text's paragraphs, trimmed. Headings frame the text (the hover shows the title itself) and
 * a line of tags says nothing to read: both end a paragraph and are left out.
 */
function paragraphsOf(text: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) out.push(current.join('\n').trim());
    current = [];
  };
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || /^#{1,6}(?:[ \t]|$)/.test(trimmed) || isTagLine(trimmed)) flush();
    // A block id (`^key-claim`) names the paragraph for links; it is no text to read.
    else current.push(line.replace(/\s\^[A-Za-z0-9-]+\s*$/, ''));
  }
  flush();
  return out.filter(p => p !== '');
}

function isTagLine(paragraph: string): boolean {
  return /^#[^\s#]+(?:\s+#[^\s#]+)*$/.test(paragraph);
}

function cut(paragraph: string, maxChars: number): string {
  const space = paragraph.lastIndexOf(' ', maxChars);
  return paragraph.slice(0, space > maxChars / 2 ? space : maxChars) + ' …';
}
