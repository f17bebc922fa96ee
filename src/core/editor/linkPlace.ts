// Where in its target note a link lands: the heading or block it names (syntax/fragment.ts's
// one resolution). Used by go to definition, document links and the Outgoing view's rows.
import { resolveFragment, splitFragment } from '../syntax/fragment';
import { rangeAt } from '../syntax/positions';
import type { LinkItem, NoteSyntax, Range } from '../syntax/types';

/**
 * The heading or block the link names in the target note (`text` is the target's): the heading's
 * line, or the block from its first line to its `^id`. Undefined for the note's top, or when the
 * note lacks what the link names.
 */
export function placeOfLink(syntax: Pick<NoteSyntax, 'headings' | 'blockIds'> | undefined, text: string | undefined,
  link: Pick<LinkItem, 'heading' | 'block'>): Range | undefined {
  const found = syntax && resolveFragment(syntax, link);
  if (!found) return undefined;
  if ('heading' in found) return found.heading.range;
  const { block } = found;
  return text === undefined ? block.range : rangeAt(text, block.range, block.block.startOffset, block.range.endOffset);
}

/** The same for a fragment as addresses and rows carry it (`Part#Section`, `^id`). */
export function placeOfFragment(syntax: NoteSyntax | undefined, text: string | undefined, fragment: string): Range | undefined {
  return placeOfLink(syntax, text, splitFragment(fragment));
}
