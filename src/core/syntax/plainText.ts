// A piece of markdown as a reader sees it, for every place that shows a note's text and not its
// markup: a title (tab, Backlinks header, rows, completion) and a backlink's or mention's context
// in a tree row. Links become the words they show, emphasis, code and highlight marks are
// dropped, escapes become the character, HTML tags go, a callout's `[!type]` and a footnote's
// `[^1]` go, and in a table its delimiter row goes and its pipes become `·`.

export interface MappedText {
  readonly text: string;
  /** Takes an offset into the markdown to the text (a replaced piece's end to its replacement's end). */
  map(offset: number, isEnd: boolean): number;
}

/** Characters that can start markup; text without any is its own plain text (most titles are). */
const MARKUP = /[[\]*_`~=\\<!|]/;

const SOURCES = [
  /(?<ticks>`+)(?<code>.+?)\k<ticks>/.source,
  /!?\[\[(?<target>[^\]|#\n]*)(?:#(?<heading>[^\]|\n]*))?(?:\\?\|(?<label>[^\]\n]*))?\]\]/.source,
  /!?\[(?<shown>[^\]\n]*)\]\([^)\n]*\)/.source,
  /<(?<autolink>[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*)>/.source,
  /<\/?[A-Za-z][^<>\n]*>/.source,
  /^[ \t]*\[![A-Za-z][\w-]*\][+-]?[ \t]*/.source,
  /\[\^[^\]\s]+\]/.source,
  /\\(?<escaped>[!-/:-@[-`{-~])/.source,
  /\*+|~~|==|`+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/u.source,
];
/** In a table: the delimiter row (nothing), a row's edge pipes (nothing), the pipes between cells (` · `). */
const TABLE_SOURCES = [
  /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/.source,
  /(?<edge>^[ \t]*\||[ \t]*(?<!\\)\|[ \t]*$)[ \t]*/.source,
  /(?<cell>[ \t]*(?<!\\)\|[ \t]*)/.source,
];
const join = (sources: string[]) => new RegExp(sources.map(r => `(?:${r})`).join('|'), 'gmu');
const PROSE = join(SOURCES);
// Table pieces go before the escapes and marks, as before: a row's `|` is never an escape's.
const TABLE = join([...SOURCES.slice(0, 7), ...TABLE_SOURCES, ...SOURCES.slice(7)]);
/** A line that starts with `|`, or a delimiter row: the text holds a table (a heading never does). */
const HAS_TABLE = /^[ \t]*\||^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|/m;

/** `markdown` with markup replaced by what a reader sees, and a map from its offsets to the text's. */
export function plainTextMapped(markdown: string): MappedText {
  if (!MARKUP.test(markdown)) return { text: markdown, map: offset => offset };
  const parts: string[] = [];
  // [old start, old end, new start, new end] of each replaced piece, in order.
  const pieces: [number, number, number, number][] = [];
  let from = 0;
  let length = 0;
  for (const m of markdown.matchAll(HAS_TABLE.test(markdown) ? TABLE : PROSE)) {
    const at = m.index!;
    const source = m[0];
    const g = m.groups!;
    const shown = g.code !== undefined ? g.code.trim()
      : g.target !== undefined ? g.label?.trim() || g.target.trim() || g.heading?.trim() || ''
      : g.shown ?? g.autolink ?? g.escaped ?? (g.cell !== undefined ? ' · ' : '');
    parts.push(markdown.slice(from, at), shown);
    length += at - from;
    pieces.push([at, at + source.length, length, length + shown.length]);
    length += shown.length;
    from = at + source.length;
  }
  if (pieces.length === 0) return { text: markdown, map: offset => offset };
  parts.push(markdown.slice(from));
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

/** `markdown` as one line of text: markup replaced as above, whitespace runs one space, trimmed. */
export function plainText(markdown: string): string {
  if (!MARKUP.test(markdown)) return markdown;
  return plainTextMapped(markdown).text.replace(/\s+/g, ' ').trim();
}
