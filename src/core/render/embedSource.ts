// The markdown an embed shows: the whole note, one heading's section (the heading and what
// follows it up to the next heading of the same or a higher level), or one block (`^id`).
import { resolveFragment, sectionEndIndex } from '../syntax/fragment';
import type { NoteSyntax } from '../syntax/types';
import type { WikiLinkMeta } from './types';

/** The text to render for `meta` from the target note, or undefined when its heading or block is missing. */
export function embedSource(text: string, syntax: NoteSyntax | undefined, meta: Pick<WikiLinkMeta, 'heading' | 'block'>): string | undefined {
  if (meta.heading === undefined && meta.block === undefined) return withoutFrontmatter(text, syntax);
  const found = syntax && resolveFragment(syntax, meta);
  if (!found) return undefined;
  if ('block' in found) return blockSource(text, found.block.block.startOffset, found.block.block.endOffset);
  const next = sectionEndIndex(syntax.headings, found.index);
  return text.slice(found.heading.range.startOffset, next < 0 ? text.length : syntax.headings[next].range.startOffset);
}

function withoutFrontmatter(text: string, syntax: NoteSyntax | undefined): string {
  const fm = syntax?.frontmatter;
  return fm ? text.slice(fm.range.endOffset) : text;
}

/** A `^id` alone on its line names the block above it (a callout, a table, math), as in Obsidian. */
const LONE_BLOCK_ID = /^\s*\^[A-Za-z0-9-]+\s*$/;
/** Quote markers before a block on its first line: the block is in a quote or callout. */
const QUOTE_PREFIX = /^[ \t]*(?:>[ \t]?)+[ \t]*$/;

/**
 * The markdown of the block at [start, end): whole lines, so a block in a callout keeps its
 * `>` markers (and its `[!type]` line draws a callout, not text); a lone `^id` gives the block before it.
 */
function blockSource(text: string, start: number, end: number): string {
  if (LONE_BLOCK_ID.test(text.slice(start, end))) {
    let before = start;
    while (before > 0 && /\s/.test(text[before - 1]!)) before--;
    if (before > 0) {
      end = before;
      const blank = /\n[ \t]*\n/g;
      start = 0;
      for (let m = blank.exec(text); m && m.index < before; m = blank.exec(text)) start = m.index + m[0].length;
    }
  }
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (QUOTE_PREFIX.test(text.slice(lineStart, start))) start = lineStart;
  return text.slice(start, end);
}
