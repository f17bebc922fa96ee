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
  if ('block' in found) return text.slice(found.block.block.startOffset, found.block.block.endOffset);
  const next = sectionEndIndex(syntax.headings, found.index);
  return text.slice(found.heading.range.startOffset, next < 0 ? text.length : syntax.headings[next].range.startOffset);
}

function withoutFrontmatter(text: string, syntax: NoteSyntax | undefined): string {
  const fm = syntax?.frontmatter;
  return fm ? text.slice(fm.range.endOffset) : text;
}
