// Inline rule for `[[target#Heading|label]]` and `![[embed]]` (DESIGN.md §2).
// Parsing only: resolution happens when rendering (wikiLinkRender.ts), through env.
import type MarkdownIt from 'markdown-it';
import { parseWikiLink } from '../syntax/wikiLink';
import type { WikiLinkMeta } from './types';
import { wikiLinkRender } from './wikiLinkRender';

export function wikiLinkRule(state: MarkdownIt.StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  const embed = src.charCodeAt(start) === 0x21; /* ! */
  const open = embed ? start + 1 : start;
  if (src.charCodeAt(open) !== 0x5b || src.charCodeAt(open + 1) !== 0x5b) return false;
  // The scanner's own reading of the brackets, so both readers agree on every link.
  const link = parseWikiLink(src, open, state.posMax);
  if (!link) return false;
  const inner = src.slice(open + 2, link.end - 2);

  if (!silent) {
    const { end, targetStart, targetEnd, ...parts } = link;
    const meta: WikiLinkMeta = { kind: embed ? 'embed' : 'wiki', ...parts, inner, offset: start };
    if (embed) {
      const token = state.push('wikiembed', '', 0);
      token.markup = '![[';
      token.meta = meta;
    } else {
      const openToken = state.push('wikilink_open', 'a', 1);
      openToken.markup = '[[';
      openToken.meta = meta;
      // A text child, not raw HTML: the default text renderer escapes it, and alt-text
      // and plain-text walkers (renderInlineAsText) still see the words.
      const text = state.push('text', '', 0);
      text.content = parts.label ?? inner.trim();
      state.push('wikilink_close', 'a', -1).markup = ']]';
    }
  }
  state.pos = link.end;
  return true;
}

export function wikiLinks(md: MarkdownIt): void {
  // Before 'link' and 'image', which would otherwise read `[[a]]` as brackets around `[a]`.
  md.inline.ruler.before('link', 'wikilink', wikiLinkRule);
  wikiLinkRender(md);
}
