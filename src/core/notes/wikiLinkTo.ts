// "Copy Link to This Note": the `[[target]]` completion would insert for the note, with the
// heading the selection is in (`[[target#Heading]]`) when there is one.
import type { HeadingItem } from '../syntax/types';

/**
 * `line` is the selection's line. On a heading line, or with a non-empty selection under a
 * heading, that heading is linked; a cursor in the body links the note itself.
 */
export function wikiLinkTo(target: string, headings: readonly HeadingItem[], line: number, hasSelection: boolean): string {
  const heading = headingAt(headings, line, hasSelection);
  // `|`, `#`, `[`, `]` and `^` would end or change the link: Obsidian writes them as spaces too.
  const text = heading?.text.replace(/[|#[\]^]+/g, ' ').replace(/\s+/g, ' ').trim();
  return text ? `[[${target}#${text}]]` : `[[${target}]]`;
}

function headingAt(headings: readonly HeadingItem[], line: number, hasSelection: boolean): HeadingItem | undefined {
  let section: HeadingItem | undefined;
  for (const h of headings) {
    if (h.range.start.line <= line && line <= h.range.end.line) return h;
    if (h.range.start.line < line) section = h;
  }
  return hasSelection ? section : undefined;
}
