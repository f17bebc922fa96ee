// Inline rule for `#tag` and `#nested/tag`, by the character rules of DESIGN.md §2.
import type MarkdownIt from 'markdown-it';
import type { TagMeta } from './types';

// PROVISIONAL until the scanner exports its predicate (src/core/syntax/).
const TAG_CHAR = /[\p{L}\p{N}\p{M}_\-/\p{Extended_Pictographic}\u200d\ufe0f]/u;
function isTagChar(ch: string): boolean {
  return TAG_CHAR.test(ch);
}
const ALL_DIGITS = /^\p{Nd}+$/u;

/** A tag starts a line or follows whitespace or `(`; `x#y` is no tag. */
function canStartTag(src: string, hash: number): boolean {
  if (hash === 0) return true;
  const before = src.charAt(hash - 1);
  return before === '(' || /\s/.test(before);
}

/** Offset where the tag name starting at `from` ends. */
function tagEnd(src: string, from: number, max: number): number {
  let end = from;
  while (end < max) {
    const cp = src.codePointAt(end)!;
    const ch = String.fromCodePoint(cp);
    if (!isTagChar(ch)) break;
    end += ch.length;
  }
  return Math.min(end, max);
}

export function tagRule(state: MarkdownIt.StateInline, silent: boolean): boolean {
  const src = state.src;
  const pos = state.pos;
  if (src.charCodeAt(pos) !== 0x23 /* # */ || !canStartTag(src, pos)) return false;
  const end = tagEnd(src, pos + 1, state.posMax);
  const name = src.slice(pos + 1, end);
  if (name === '' || ALL_DIGITS.test(name)) return false;

  if (!silent) {
    const meta: TagMeta = { name, offset: pos };
    const open = state.push('tag_open', 'a', 1);
    open.markup = '#';
    open.meta = meta;
    // A text child so plain-text walkers (alt text, outlines) still read `#name`.
    state.push('text', '', 0).content = `#${name}`;
    state.push('tag_close', 'a', -1);
  }
  state.pos = end;
  return true;
}

export function tags(md: MarkdownIt): void {
  md.inline.ruler.before('link', 'tag', tagRule);
  md.renderer.rules['tag_open'] = (tokens, idx) => {
    const meta = tokens[idx]!.meta as TagMeta;
    return `<a class="tag" data-tag="${md.utils.escapeHtml(meta.name)}">`;
  };
  md.renderer.rules['tag_close'] = () => '</a>';
}
