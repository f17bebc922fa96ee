// Raw HTML tags while raw HTML is off: shown as text, as before, but read as one piece, so that
// no tag (`#dcddde` in `style="color: #dcddde"`) or link is found inside one. The scanner reads
// them with the same function (syntax/htmlTag.ts).
import type MarkdownIt from 'markdown-it';
import { htmlTagEnd } from '../syntax/htmlTag';

export function htmlTagRule(state: MarkdownIt.StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x3c /* < */) return false;
  const end = htmlTagEnd(state.src, state.pos, state.posMax);
  if (end < 0) return false;
  if (!silent) state.push('text', '', 0).content = state.src.slice(state.pos, end);
  state.pos = end;
  return true;
}

export function htmlTags(md: MarkdownIt): void {
  if (md.options.html) return;
  md.inline.ruler.before('html_inline', 'html_tag_text', htmlTagRule);
}
