// Inline rule for Pandoc citations (`[see @key, p. 4; @other]`, `[-@key]`, bare `@key`), by the
// character rules the scanner uses (syntax/citation.ts), so the index and the preview agree on
// every citation. How a citation is drawn (the reference in the margin) is citationRender.ts's.
import type MarkdownIt from 'markdown-it';
import { citationRender, type CitationMeta } from './citationRender';
import { bareCitation, canPrecedeCitation, citationGroup, type CiteGroup } from '../syntax/citation';

/** Kept on `citation` tokens as `meta`. */

/** The end of the line `pos` is on, within the inline source (a group never spans lines). */
function lineEnd(src: string, pos: number, max: number): number {
  const nl = src.indexOf('\n', pos);
  return nl < 0 || nl > max ? max : nl;
}

export function citationRule(state: MarkdownIt.StateInline, silent: boolean): boolean {
  const src = state.src;
  const pos = state.pos;
  const code = src.charCodeAt(pos);
  if (code !== 0x5b /* [ */ && code !== 0x40 /* @ */) return false;
  // markdown-it reads no link inside a link; the scanner takes back a citation in a link's text.
  if (((state as { linkLevel?: number }).linkLevel ?? 0) > 0) return false;
  let group: CiteGroup | undefined;
  if (code === 0x5b) {
    if (src.charCodeAt(pos + 1) === 0x5e /* ^ */) return false; // a footnote, as the scanner decides
    group = citationGroup(src, pos, lineEnd(src, pos, state.posMax));
  } else {
    // The inline source starts a line of its block: a citation may start there.
    const atLineStart = pos === 0 || src.charCodeAt(pos - 1) === 0x0a;
    if (atLineStart || canPrecedeCitation(src, pos)) group = bareCitation(src, pos, lineEnd(src, pos, state.posMax));
  }
  if (!group) return false;
  if (!silent) {
    const token = state.push('citation', 'cite', 0);
    const meta: CitationMeta = { group, source: src.slice(group.start, group.end) };
    token.meta = meta;
    token.content = meta.source;
  }
  state.pos = group.end;
  return true;
}

export function citations(md: MarkdownIt): void {
  md.inline.ruler.before('link', 'citation', citationRule);
  md.use(citationRender);
}
