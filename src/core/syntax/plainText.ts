// A line of markdown as a reader sees it, for places that show text and not markup: a note's
// title (tab, Backlinks header, rows, completion). Links become the words they show, emphasis,
// code and highlight marks are dropped, escapes become the character, HTML tags go.

/** Characters that can start markup; a heading without any is its own plain text (most are). */
const MARKUP = /[[\]*_`~=\\<!]/;

/** `[[a#b|Label]]`, `![[a]]`: the label, else the target (or the heading of a same-note link). */
const WIKI = /!?\[\[([^\]|#\n]*)(?:#([^\]|\n]*))?(?:\\?\|([^\]\n]*))?\]\]/g;
/** `[text](url)` and `![alt](url)`: the text. */
const MD_LINK = /!?\[([^\]\n]*)\]\([^)\n]*\)/g;
const CODE = /(`+)(.+?)\1/g;
const TAG = /<\/?[A-Za-z][^<>\n]*>/g;
/** Emphasis marks: `*`, `**`, `~~`, `==` anywhere; `_` only at a word's edge (snake_case keeps it). */
const MARKS = /\*+|~~|==|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu;
const ESCAPE = /\\([!-/:-@[-`{-~])/g;

export function plainText(markdown: string): string {
  if (!MARKUP.test(markdown)) return markdown;
  const codes: string[] = [];
  let text = markdown.replace(CODE, (_m, _ticks: string, code: string) => `\u0000${codes.push(code.trim()) - 1}\u0000`);
  text = text
    .replace(WIKI, (_m, target: string, heading: string | undefined, label: string | undefined) =>
      label?.trim() || target.trim() || heading?.trim() || '')
    .replace(MD_LINK, (_m, shown: string) => shown)
    .replace(TAG, '');
  // Escapes first become placeholders so an escaped `\*` survives the marks' removal.
  const escaped: string[] = [];
  text = text.replace(ESCAPE, (_m, c: string) => `\u0001${escaped.push(c) - 1}\u0001`);
  text = text.replace(MARKS, '');
  text = text.replace(/\u0001(\d+)\u0001/g, (_m, i: string) => escaped[Number(i)]);
  text = text.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => codes[Number(i)]);
  return text.replace(/\s+/g, ' ').trim();
}
