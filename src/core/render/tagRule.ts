// Inline rule for `#tag` and `#nested/tag`, by the character rules of DESIGN.md §2, which
// live with the scanner (syntax/tagChars.ts) so the index and the preview share them.
import type MarkdownIt from 'markdown-it';
import { canPrecedeTag, tagEnd } from '../syntax/tagChars';
import type { TagMeta } from './types';

export function tagRule(state: MarkdownIt.StateInline, silent: boolean): boolean {
  const src = state.src;
  const pos = state.pos;
  if (src.charCodeAt(pos) !== 0x23 /* # */) return false;
  // The inline source starts a line of its block (paragraph, heading, cell): a tag may start there.
  if (pos > 0 && !canPrecedeTag(src.charCodeAt(pos - 1))) return false;
  // The scanner's own reading of the name, so both readers agree on every tag.
  const end = tagEnd(src, pos, state.posMax);
  if (end < 0) return false;
  const name = src.slice(pos + 1, end);

  if (!silent) {
    // Inside a link's text an anchor would nest in an anchor (invalid HTML): a span there.
    const inLink = ((state as { linkLevel?: number }).linkLevel ?? 0) > 0;
    const meta: TagMeta = { name, offset: pos };
    const open = state.push('tag_open', inLink ? 'span' : 'a', 1);
    open.markup = '#';
    open.meta = meta;
    // A text child so plain-text walkers (alt text, outlines) still read `#name`.
    state.push('text', '', 0).content = `#${name}`;
    state.push('tag_close', open.tag, -1);
  }
  state.pos = end;
  return true;
}

export function tags(md: MarkdownIt): void {
  md.inline.ruler.before('link', 'tag', tagRule);
  md.renderer.rules['tag_open'] = (tokens, idx) => {
    const token = tokens[idx]!;
    return `<${token.tag} class="tag" data-tag="${md.utils.escapeHtml((token.meta as TagMeta).name)}">`;
  };
  md.renderer.rules['tag_close'] = (tokens, idx) => `</${tokens[idx]!.tag}>`;
}
