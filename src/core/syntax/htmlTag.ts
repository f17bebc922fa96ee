// Raw HTML tags (`<span style="color: #dcddde">`, `</span>`): text in the preview (raw HTML
// is off), but nothing inside one is a tag or a link — its `#dcddde` is a colour. Shared by the
// scanner and the preview's rule (render/htmlTagRule.ts), so both read the same tags.
// CommonMark's open and closing tag grammar, kept to one line: a tag that runs over lines
// reaches the two readers with different line prefixes (`> ` in a quote), so neither takes it.

const ATTRIBUTE = `(?:[ \\t]+[a-zA-Z_:][a-zA-Z0-9_.:-]*(?:[ \\t]*=[ \\t]*(?:[^"'=<>\`\\x00-\\x20]+|'[^'\\n\\r]*'|"[^"\\n\\r]*"))?)`;
const TAG = new RegExp(`<(?:[A-Za-z][A-Za-z0-9-]*${ATTRIBUTE}*[ \\t]*/?|/[A-Za-z][A-Za-z0-9-]*[ \\t]*)>`, 'y');

/** Offset just past the HTML tag that starts at `pos` (on `<`), not past `max`; -1 when there is none. */
export function htmlTagEnd(src: string, pos: number, max: number): number {
  const next = src.charCodeAt(pos + 1);
  // A letter or `/` must follow `<`: most `<` in notes (`a < b`) fail here, before the regex.
  if (!((next >= 0x41 && next <= 0x5a) || (next >= 0x61 && next <= 0x7a) || next === 0x2f)) return -1;
  TAG.lastIndex = pos;
  if (!TAG.test(src)) return -1;
  return TAG.lastIndex <= max ? TAG.lastIndex : -1;
}
