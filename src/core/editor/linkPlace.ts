// Where in its target note a link lands: the heading or block it names (syntax/fragment.ts's
// one resolution). Used by go to definition, document links and the Outgoing view's rows.
import { resolveFragment, splitFragment } from '../syntax/fragment';
import { rangeAt } from '../syntax/positions';
import type { NoteQueries } from '../index/types';
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

/**
 * `placeOfLink` in a note of the index. A heading's line is in its syntax; a block's first line is
 * not (only its offset), so only then is the note's text read (back through the host, if the
 * index keeps none), and the syntax taken again after the read (a read may reindex the note).
 */
export async function loadPlaceOfLink(index: Pick<NoteQueries, 'note' | 'readText'>, path: string,
  link: Pick<LinkItem, 'heading' | 'block'>): Promise<Range | undefined> {
  const syntax = index.note(path)?.syntax;
  const found = syntax && resolveFragment(syntax, link);
  if (!found) return undefined;
  if ('heading' in found) return found.heading.range;
  const text = await index.readText(path);
  return placeOfLink(index.note(path)?.syntax, text, link);
}
