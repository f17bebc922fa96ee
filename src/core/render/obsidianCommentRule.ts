// Obsidian's `%%comments%%`: hidden in the preview. Inline within a paragraph, or a block
// from a line starting `%%` to the line holding the closing `%%` (blank lines included).
import type MarkdownIt from 'markdown-it';

function commentBlockRule(state: MarkdownIt.StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  if (!state.src.startsWith('%%', start)) return false;
  let line = startLine;
  let from = start + 2;
  for (; line < endLine; line++, from = state.bMarks[line]! + state.tShift[line]!) {
    const close = state.src.indexOf('%%', from);
    if (close >= 0 && close < state.eMarks[line]!) break;
  }
  if (line >= endLine) return false; // never closed: plain text, as in Obsidian's editor
  if (silent) return true;
  const token = state.push('obsidian_comment', '', 0);
  token.map = [startLine, line + 1];
  state.line = line + 1;
  return true;
}

function commentInlineRule(state: MarkdownIt.StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== 0x25 || src.charCodeAt(pos + 1) !== 0x25) return false;
  const close = src.indexOf('%%', pos + 2);
  if (close < 0 || close + 2 > state.posMax) return false;
  if (!silent) state.push('obsidian_comment', '', 0);
  state.pos = close + 2;
  return true;
}

export function obsidianComments(md: MarkdownIt): void {
  md.block.ruler.before('paragraph', 'obsidian_comment', commentBlockRule, { alt: ['paragraph'] });
  md.inline.ruler.before('emphasis', 'obsidian_comment', commentInlineRule);
  md.renderer.rules['obsidian_comment'] = () => '';
}
