// What follows a link text's `]`: an inline `(dest "title")`, or a reference (`[label]`, `[]`, or
// nothing, the text itself naming a definition) — as markdown-it's link and image rules read them.
import { isAllowedDestination, parseLinkDestination, parseLinkTitle } from './linkParts';
import { type Definition, normalizeLabel } from './reference';

export interface LinkTail {
  /** Offset just past the tail (`)`, or the reference's `]`). */
  readonly end: number;
  readonly href: string;
  /** The destination as written, without `<>` (for a reference: in the definition). */
  readonly rawStart: number;
  readonly rawEnd: number;
}

/** Given an offset on a line break, where the text's next line starts (past container markers), or the text's end. */
export type NextLine = (pos: number) => number;

/** Skips spaces, tabs and line breaks. */
function skipSpace(src: string, pos: number, end: number, nextLine: NextLine): number {
  while (pos < end) {
    const c = src.charCodeAt(pos);
    if (c === 0x20 || c === 0x09) pos++;
    else if (c === 0x0a || c === 0x0d) pos = nextLine(pos);
    else break;
  }
  return pos;
}

/** `(dest "title")` starting at `open`, within the text that ends at `end`; undefined if there is none. */
export function inlineTail(src: string, open: number, end: number, nextLine: NextLine): LinkTail | undefined {
  if (open >= end || src.charCodeAt(open) !== 0x28 /* ( */) return undefined;
  let pos = skipSpace(src, open + 1, end, nextLine);
  if (pos >= end) return undefined;
  let href = '';
  let rawStart = pos;
  let rawEnd = pos;
  const dest = parseLinkDestination(src, pos, end);
  if (dest) {
    if (isAllowedDestination(dest.href)) {
      href = dest.href;
      rawStart = dest.rawStart;
      rawEnd = dest.rawEnd;
      pos = dest.end;
    }
    const afterDest = pos;
    pos = skipSpace(src, pos, end, nextLine);
    if (pos < end && pos !== afterDest) {
      const title = parseLinkTitle(src, pos, end);
      if (title >= 0) pos = skipSpace(src, title, end, nextLine);
    }
  }
  if (pos >= end || src.charCodeAt(pos) !== 0x29 /* ) */) return undefined;
  return { end: pos + 1, href, rawStart, rawEnd };
}

/** The `]` matching the `[` at `open` (nested brackets counted, escapes skipped), within a label's 999 characters; -1 if none. */
function labelEnd(src: string, open: number, end: number): number {
  const max = Math.min(end, open + 1000);
  let level = 1;
  for (let pos = open + 1; pos < max; pos++) {
    const c = src.charCodeAt(pos);
    if (c === 0x5c) pos++;
    else if (c === 0x5b) level++;
    else if (c === 0x5d && --level === 0) return pos;
  }
  return -1;
}

/**
 * `[text][label]`, `[text][]` or `[label]` naming a link reference definition: markdown-it
 * makes these links too, with the definition's destination (which is where the target stands).
 * `text` is [textStart, close).
 */
export function referenceTail(src: string, textStart: number, close: number, end: number, definitions: ReadonlyMap<string, Definition>): LinkTail | undefined {
  let tailEnd = close + 1;
  let label = '';
  if (src.charCodeAt(close + 1) === 0x5b /* [ */) {
    const second = labelEnd(src, close + 1, end);
    if (second >= 0) {
      label = src.slice(close + 2, second);
      tailEnd = second + 1;
    }
  }
  if (label === '') label = src.slice(textStart, close);
  const definition = definitions.get(normalizeLabel(label));
  if (!definition) return undefined;
  return { end: tailEnd, href: definition.href, rawStart: definition.rawStart, rawEnd: definition.rawEnd };
}
