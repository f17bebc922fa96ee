// A backlink's or mention's context as one line for a tree row: whitespace runs folded to
// one space, the whole paragraph when it is short, else about `max` characters around the
// link cut at word boundaries, and where the link sits in that text (for highlights).

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
  const clean = cleanText(context);
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

/**
 * Markup a row would show as source, each with what a reader sees instead: a wiki-link or
 * markdown link its label (else its target), a callout's `[!type]` and a footnote's `[^1]` nothing,
 * emphasis and code marks nothing, an escape its character, a table's delimiter row nothing and its pipes a `·`.
 */
const MARKUP = new RegExp([
  /!?\[\[([^\]|#\n]*)(?:#([^\]|\n]*))?(?:\\?\|([^\]\n]*))?\]\]/.source,
  /!?\[([^\]\n]*)\]\([^)\n]*\)/.source,
  /^[ \t]*\[![A-Za-z][\w-]*\][+-]?[ \t]*/.source,
  /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/.source,
  /^[ \t]*\|[ \t]*|[ \t]*(?<!\\)\|[ \t]*$/.source,
  /[ \t]*(?<!\\)\|[ \t]*/.source,
  /\[\^[^\]\s]+\]/.source,
  /\\([!-/:-@[-`{-~])/.source,
  /\*+|~~|==|`+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/u.source,
].map(r => `(?:${r})`).join('|'), 'gmu');

/** `text` with markup replaced by what a reader sees; `map` takes an old offset to the new text (a match's end to its replacement's end). */
export function cleanText(text: string): { text: string; map(offset: number, isEnd: boolean): number } {
  const parts: string[] = [];
  // [old start, old end, new start, new end] of each replaced piece, in order.
  const pieces: [number, number, number, number][] = [];
  let from = 0;
  let length = 0;
  for (const m of text.matchAll(MARKUP)) {
    const at = m.index!;
    const source = m[0];
    let shown: string;
    if (source.includes('[[')) shown = m[3]?.trim() || m[1]!.trim() || m[2]?.trim() || '';
    else if (m[4] !== undefined) shown = m[4];
    else if (m[5] !== undefined) shown = m[5];
    else if (source.includes('|')) shown = /^[ \t]*\||\|[ \t]*$/.test(source) && (at === 0 || text[at - 1] === '\n' || at + source.length === text.length || text[at + source.length] === '\n') ? '' : ' · ';
    else shown = '';
    parts.push(text.slice(from, at), shown);
    length += at - from;
    pieces.push([at, at + source.length, length, length + shown.length]);
    length += shown.length;
    from = at + source.length;
  }
  if (pieces.length === 0) return { text, map: offset => offset };
  parts.push(text.slice(from));
  return {
    text: parts.join(''),
    map(offset, isEnd) {
      let shift = 0;
      for (const [a, b, na, nb] of pieces) {
        if (isEnd ? offset <= a : offset < a) break;
        if (offset < b) return isEnd ? nb : na;
        shift = nb - b;
      }
      return offset + shift;
    },
  };
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
