// Inline rule for `[[target#Heading|label]]` and `![[embed]]` (DESIGN.md §2).
// Parsing only: resolution happens when rendering (wikiLinkRender.ts), through env.
import type MarkdownIt from 'markdown-it';
import type { WikiLinkMeta } from './types';
import { wikiLinkRender } from './wikiLinkRender';

export interface WikiLinkParts {
  readonly target: string;
  readonly heading?: string;
  readonly block?: string;
  readonly label?: string;
}

/** Splits the text between the brackets; undefined when it names nothing (`[[]]`, `[[|x]]`, `[[#]]`). */
export function parseWikiLinkInner(inner: string): WikiLinkParts | undefined {
  const bar = inner.indexOf('|');
  // `\|` is the table form of the separator; accepted everywhere so a row copied out of a
  // table keeps its label. (Inside a table the table rule has already turned it into `|`.)
  const headEnd = bar > 0 && inner.charCodeAt(bar - 1) === 0x5c /* \ */ ? bar - 1 : bar;
  const head = bar < 0 ? inner : inner.slice(0, headEnd);
  const hash = head.indexOf('#');
  const target = (hash < 0 ? head : head.slice(0, hash)).trim();
  const fragment = hash < 0 ? '' : head.slice(hash + 1).trim();
  const isBlock = fragment.startsWith('^');
  const name = isBlock ? fragment.slice(1).trim() : fragment;
  if (target === '' && name === '') return undefined;
  const label = bar < 0 ? '' : inner.slice(bar + 1).trim();
  return {
    target,
    ...(name === '' ? {} : isBlock ? { block: name } : { heading: name }),
    ...(label === '' ? {} : { label }),
  };
}

/** Index of the `]]` that closes a link opened before `from`, or -1: no line breaks, no nested brackets. */
function findClose(src: string, from: number, max: number): number {
  for (let i = from; i < max; i++) {
    const ch = src.charCodeAt(i);
    if (ch === 0x5d /* ] */) return i + 1 < max && src.charCodeAt(i + 1) === 0x5d ? i : -1;
    if (ch === 0x5b /* [ */ || ch === 0x0a /* \n */) return -1;
  }
  return -1;
}

export function wikiLinkRule(state: MarkdownIt.StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  const embed = src.charCodeAt(start) === 0x21; /* ! */
  const open = embed ? start + 1 : start;
  if (src.charCodeAt(open) !== 0x5b || src.charCodeAt(open + 1) !== 0x5b) return false;
  const close = findClose(src, open + 2, state.posMax);
  if (close < 0) return false;
  const inner = src.slice(open + 2, close);
  const parts = parseWikiLinkInner(inner);
  if (!parts) return false;

  if (!silent) {
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
  state.pos = close + 2;
  return true;
}

export function wikiLinks(md: MarkdownIt): void {
  // Before 'link' and 'image', which would otherwise read `[[a]]` as brackets around `[a]`.
  md.inline.ruler.before('link', 'wikilink', wikiLinkRule);
  wikiLinkRender(md);
}
