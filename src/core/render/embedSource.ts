// The markdown an embed shows: the whole note, one heading's section (the heading and what
// follows it up to the next heading of the same or a higher level), or one block (`^id`).
import type { NoteSyntax } from '../syntax/types';
import type { WikiLinkMeta } from './types';

/** The text to render for `meta` from the target note, or undefined when its heading or block is missing. */
export function embedSource(text: string, syntax: NoteSyntax | undefined, meta: Pick<WikiLinkMeta, 'heading' | 'block'>): string | undefined {
  if (meta.block !== undefined) {
    const wanted = meta.block.toLowerCase();
    const block = syntax?.blockIds.find(b => b.id.toLowerCase() === wanted);
    return block && text.slice(block.block.startOffset, block.block.endOffset);
  }
  if (meta.heading === undefined) return withoutFrontmatter(text, syntax);
  const headings = syntax?.headings ?? [];
  // `[[a#Part#Section]]` names a nested heading: the last part is the one shown.
  const name = meta.heading.slice(meta.heading.lastIndexOf('#') + 1).trim().toLowerCase();
  const at = headings.findIndex(h => h.text.toLowerCase() === name || h.slug === name.replace(/\s+/g, '-'));
  if (at < 0) return undefined;
  const heading = headings[at]!;
  const next = headings.slice(at + 1).find(h => h.level <= heading.level);
  return text.slice(heading.range.startOffset, next ? next.range.startOffset : text.length);
}

function withoutFrontmatter(text: string, syntax: NoteSyntax | undefined): string {
  const fm = syntax?.frontmatter;
  return fm ? text.slice(fm.range.endOffset) : text;
}
