// `[[target#Heading|label]]`, `[[target#^block]]`, `[[#Heading]]`: the parts of a wiki-link.
// The same reading as the preview's rule (render/wikiLinkRule.ts): the link ends at the first
// `]]`, holds no other bracket and no line break, and `\|` separates the label like `|`.
// Parts are trimmed of whitespace as `String.trim` sees it, and the target's range covers
// exactly its trimmed text (what a rename replaces).
import { isWhitespace } from './tagChars';

export interface WikiLinkParts {
  /** Offset just past `]]`. */
  readonly end: number;
  /** The target, trimmed; `''` for a same-note link. */
  readonly target: string;
  readonly targetStart: number;
  readonly targetEnd: number;
  readonly heading?: string;
  readonly block?: string;
  readonly label?: string;
}

/** Absent parts are left out (not undefined); literals, not spreads, as this runs for every link. */
function parts(end: number, target: string, targetStart: number, targetEnd: number, heading: string | undefined, block: string | undefined, label: string | undefined): WikiLinkParts {
  if (label === undefined) {
    if (heading !== undefined) return { end, target, targetStart, targetEnd, heading };
    if (block !== undefined) return { end, target, targetStart, targetEnd, block };
    return { end, target, targetStart, targetEnd };
  }
  if (heading !== undefined) return { end, target, targetStart, targetEnd, heading, label };
  if (block !== undefined) return { end, target, targetStart, targetEnd, block, label };
  return { end, target, targetStart, targetEnd, label };
}

/** Reads the link whose `[[` starts at `open`, not past `max`; undefined when there is none (`[[]]`, `[[|x]]`, a line break). */
export function parseWikiLink(src: string, open: number, max: number): WikiLinkParts | undefined {
  let bar = -1; // the first `|`
  let hash = -1; // the first `#` before it
  let close = -1;
  for (let pos = open + 2; pos < max; pos++) {
    const c = src.charCodeAt(pos);
    if (c === 0x5d /* ] */) {
      if (pos + 1 < max && src.charCodeAt(pos + 1) === 0x5d) close = pos;
      break;
    }
    if (c === 0x5b /* [ */ || c === 0x0a || c === 0x0d) break;
    if (c === 0x7c /* | */ && bar < 0) bar = pos;
    else if (c === 0x23 /* # */ && bar < 0 && hash < 0) hash = pos;
  }
  if (close < 0) return undefined;

  // `\|` is the table form of the separator: the backslash belongs to neither side.
  const headEnd = bar < 0 ? close : bar > open + 2 && src.charCodeAt(bar - 1) === 0x5c ? bar - 1 : bar;
  let targetStart = open + 2;
  let targetEnd = hash < 0 || hash >= headEnd ? headEnd : hash;
  while (targetStart < targetEnd && isWhitespace(src.charCodeAt(targetStart))) targetStart++;
  while (targetEnd > targetStart && isWhitespace(src.charCodeAt(targetEnd - 1))) targetEnd--;
  const target = src.slice(targetStart, targetEnd);
  const fragment = hash < 0 || hash >= headEnd ? '' : src.slice(hash + 1, headEnd).trim();
  const isBlock = fragment.length > 0 && fragment.charCodeAt(0) === 0x5e; /* ^ (length first: reading past the end deoptimizes) */
  const name = isBlock ? fragment.slice(1).trim() : fragment;
  if (target === '' && name === '') return undefined;
  const label = bar < 0 ? '' : src.slice(bar + 1, close).trim();
  if (target === '') targetStart = targetEnd = open + 2;
  return parts(close + 2, target, targetStart, targetEnd, name === '' || isBlock ? undefined : name, name !== '' && isBlock ? name : undefined, label === '' ? undefined : label);
}
