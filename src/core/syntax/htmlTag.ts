// Raw HTML tags (`<span style="color: #dcddde">`, `</span>`): nothing inside one is a tag or a
// link — its `#dcddde` is a colour. Shared by the scanner and the rule for raw HTML off
// (render/htmlTagRule.ts); with raw HTML on (the preview) markdown-it's html_inline reads the
// same tags. CommonMark's open and closing tag grammar: whitespace between attributes may break
// the line, as markdown-it allows (in a quote the scanner sees the `> ` prefix there and stops).

const ATTRIBUTE = `(?:[ \\t\\r\\n]+[a-zA-Z_:][a-zA-Z0-9_.:-]*(?:[ \\t\\r\\n]*=[ \\t\\r\\n]*(?:[^"'=<>\`\\x00-\\x20]+|'[^']*'|"[^"]*"))?)`;
const TAG = new RegExp(`<(?:[A-Za-z][A-Za-z0-9-]*${ATTRIBUTE}*[ \\t\\r\\n]*/?|/[A-Za-z][A-Za-z0-9-]*[ \\t\\r\\n]*)>`, 'y');

/** Offset just past the HTML tag that starts at `pos` (on `<`), not past `max`; -1 when there is none. */
export function htmlTagEnd(src: string, pos: number, max: number): number {
  const next = src.charCodeAt(pos + 1);
  // A letter or `/` must follow `<`: most `<` in notes (`a < b`) fail here, before the regex.
  if (!((next >= 0x41 && next <= 0x5a) || (next >= 0x61 && next <= 0x7a) || next === 0x2f)) return -1;
  TAG.lastIndex = pos;
  if (!TAG.test(src)) return -1;
  return TAG.lastIndex <= max ? TAG.lastIndex : -1;
}
