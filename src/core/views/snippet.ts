// A backlink's or mention's context as one line for a tree row: whitespace runs folded to
// one space, the whole paragraph when it is short, else about `max` characters around the
// link cut at word boundaries, and where the link sits in that text (for highlights). Markup
// becomes what a reader sees through the one plain-text rule titles use too.
import { plainTextMapped } from '../syntax/plainText';

export interface Snippet {
  readonly text: string;
  /** [start, end) of each highlighted part of `text` (the link). */
  readonly highlights: readonly (readonly [number, number])[];
}

const SNIPPET_LENGTH = 300;
const ELLIPSIS = '…';

/** `linkStart`/`linkEnd` are offsets into `context`; out-of-range values mean "no link known". */
export function snippetOf(context: string, linkStart: number, linkEnd: number, max = SNIPPET_LENGTH): Snippet {
  return snippetOfSpans(context, [[linkStart, linkEnd]], max);
}

/**
 * The same with several parts highlighted (every mention on one line): the window is placed
 * around the first, and the others are highlighted as far as they fall inside it.
 */
export function snippetOfSpans(context: string, spans: readonly (readonly [number, number])[], max = SNIPPET_LENGTH): Snippet {
  const clean = plainTextMapped(context);
  const folded = foldSpaces(clean.text);
  const known = spans
    .filter(([a, b]) => a >= 0 && b > a && b <= context.length)
    .map(([a, b]): [number, number] => [folded.map(clean.map(a, false)), folded.map(clean.map(b, true))]);
  const text = folded.text;
  if (text.length <= max) return { text, highlights: known };
  const [start, end] = known[0] ?? [0, 0];
  const first = known.length > 0;
  // Centre the window on the link; a link longer than the window keeps its start.
  const room = Math.max(0, max - (end - start));
  let from = Math.max(0, start - Math.floor(room / 2));
  let to = Math.min(text.length, from + max);
  from = Math.max(0, Math.min(from, to - max));
  if (first && from > start) from = start;
  // Cut at word boundaries, never into the link.
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && (!first || space < start) && space - from < 40) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > from && (!first || space >= end) && to - space < 40) to = space;
  }
  const lead = from > 0 ? ELLIPSIS : '';
  const body = text.slice(from, to);
  const shifted = lead.length - from;
  const highlights: [number, number][] = [];
  for (const [a, b] of known) if (a < to && b > from) highlights.push([Math.max(a, from) + shifted, Math.min(b, to) + shifted]);
  return { text: lead + body + (to < text.length ? ELLIPSIS : ''), highlights };
}

/** Folds every run of whitespace (newlines included) to one space and trims; maps old offsets to new. */
function foldSpaces(text: string): { text: string; map(offset: number): number } {
  // Most contexts are one line with single spaces: nothing to fold, offsets stay.
  if (!/[\t\n\r]| {2}|^ | $/.test(text)) return { text, map: offset => offset };
  const out: string[] = [];
  // newAt[i] = the folded offset of original offset i (text.length + 1 entries).
  const newAt = new Array<number>(text.length + 1);
  let length = 0;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      newAt[i] = length;
      if (length > 0) pendingSpace = true;
      continue;
    }
    if (pendingSpace) {
      out.push(' ');
      length++;
      pendingSpace = false;
    }
    newAt[i] = length;
    out.push(text[i]);
    length++;
  }
  newAt[text.length] = length;
  return { text: out.join(''), map: offset => Math.min(newAt[offset] ?? length, length) };
}
