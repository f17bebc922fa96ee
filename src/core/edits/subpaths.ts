// Where in a link's text its `#Heading` or `#^block` part is: shared by heading and block rename.
// Which heading or block a link names is syntax/fragment.ts's answer.
import { lastHeadingPart, linkFragment } from '../syntax/fragment';
import { rangeAt } from '../syntax/positions';
import type { LinkItem, Range } from '../syntax/types';

/**
 * The range of the last heading part (or the block id, without `^`) in the link's text, or
 * undefined when the link has none. `text` is the note the link is in.
 */
export function subpathRange(text: string, link: LinkItem): Range | undefined {
  const fragment = linkFragment(link);
  const isBlock = fragment?.block !== undefined;
  const wanted = fragment === undefined ? undefined : fragment.block ?? lastHeadingPart(fragment.heading!);
  if (wanted === undefined || wanted === '') return undefined;
  const from = link.targetRange.endOffset;
  const hash = text.indexOf('#', from);
  if (hash < 0) return undefined;
  // The part ends at `|`, `]]`, `)` or the end of the line.
  const stop = /[|\])\n]|\\\|/.exec(text.slice(hash));
  const end = stop ? hash + stop.index : text.length;
  const part = text.slice(hash, end);
  const at = part.lastIndexOf(isBlock ? '^' + wanted : wanted);
  if (at < 0) return undefined;
  const start = hash + at + (isBlock ? 1 : 0);
  return rangeAt(text, link.targetRange, start, start + wanted.length);
}

