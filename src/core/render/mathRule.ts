// `\(..\)` inline and `\[..\]` display math, the two delimiter forms @vscode/markdown-it-katex
// lacks. They emit that plugin's token types (math_inline, math_inline_block, math_block), so
// one KaTeX renderer with one set of safety options draws all four forms (DESIGN.md §5).
import type MarkdownIt from 'markdown-it';
import { dollarLineClose, findMathClose, opensBracketMath } from '../syntax/mathBlocks';

type Closer = 0x29 /* ) */ | 0x5d; /* ] */

/**
 * Per-parse memo on the inline state, as markdown-it's backticks rule keeps its own. Whether an
 * offset closes depends on that offset alone (findMathClose), so once a search from `from`
 * fails, every later one fails too: remembering it keeps `\(` x 100k linear.
 */
interface MathState extends MarkdownIt.StateInline {
  /** closer -> an offset from which no closer exists in the rest of `src`. */
  mathNoCloserFrom?: Map<number, number>;
}

export function mathInlineRule(state: MathState, silent: boolean): boolean {
  const src = state.src;
  const pos = state.pos;
  if (src.charCodeAt(pos) !== 0x5c /* \ */) return false;
  const kind = src.charCodeAt(pos + 1);
  if (kind !== 0x28 /* ( */ && (kind !== 0x5b /* [ */ || !opensBracketMath(src, pos))) return false;
  const closer: Closer = kind === 0x28 ? 0x29 : 0x5d;

  // The memo only holds for searches that run to the end of the whole source (not a link label).
  const whole = state.posMax === src.length;
  const memo = (state.mathNoCloserFrom ??= new Map());
  const known = memo.get(closer);
  if (whole && known !== undefined && pos + 2 >= known) return false;
  const close = findMathClose(src, pos + 2, state.posMax, closer);
  if (close < 0) {
    if (whole) memo.set(closer, pos + 2);
    return false;
  }

  if (!silent) {
    const token = state.push(kind === 0x28 ? 'math_inline' : 'math_inline_block', 'math', 0);
    token.markup = kind === 0x28 ? '\\(' : '\\[';
    token.content = src.slice(pos + 2, close);
  }
  state.pos = close + 2;
  return true;
}

/** Offset just past `\]` when it closes the line (trailing spaces allowed); -1 when none; -2 when text follows it. */
function closesLine(src: string, from: number, max: number): number {
  const close = findMathClose(src, from, max, 0x5d);
  if (close < 0) return -1;
  return src.slice(close + 2, max).trim() === '' ? close : -2;
}

/**
 * A display block that starts a line with `\[` and ends at a line ending with `\]`. Stops at a
 * blank line or the end of the container, like a paragraph would (TeX forbids blank lines in
 * display math); without its closer it is not a block, and the text stays a paragraph.
 */
export function mathBlockRule(state: MarkdownIt.StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const src = state.src;
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  if (src.charCodeAt(start) !== 0x5c || src.charCodeAt(start + 1) !== 0x5b || !opensBracketMath(src, start)) return false;

  let line = startLine;
  let close = closesLine(src, start + 2, state.eMarks[line]!);
  while (close === -1) {
    line++;
    if (line >= endLine || state.isEmpty(line) || state.sCount[line]! < state.blkIndent) return false;
    close = closesLine(src, state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]!);
  }
  if (close < 0) return false;
  if (silent) return true;

  // Line by line, so container prefixes (`> `, list indent) stay out of the TeX.
  const parts: string[] = [];
  for (let l = startLine; l <= line; l++) {
    const from = l === startLine ? start + 2 : state.bMarks[l]! + state.tShift[l]!;
    parts.push(src.slice(from, l === line ? close : state.eMarks[l]));
  }
  const token = state.push('math_block', 'math', 0);
  token.block = true;
  token.markup = '\\[';
  token.content = parts.join('\n').trim();
  token.map = [startLine, line + 1];
  state.line = line + 1;
  return true;
}

type BlockRule = (state: MarkdownIt.StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

/**
 * The plugin's `$$` block rule, read as Obsidian reads a `$$..$$` line (syntax/mathBlocks.ts's
 * dollarLineClose): text after the closer leaves the line to the paragraph, whose inline rule
 * draws the formula as display math; spaces after it still make a one-line block.
 */
export function dollarBlockRule(plugin: BlockRule): BlockRule {
  return (state, startLine, endLine, silent) => {
    const src = state.src;
    const start = state.bMarks[startLine]! + state.tShift[startLine]!;
    const max = state.eMarks[startLine]!;
    if (start + 2 > max || src.charCodeAt(start) !== 0x24 || src.charCodeAt(start + 1) !== 0x24) return plugin(state, startLine, endLine, silent);
    const close = dollarLineClose(src, start, max);
    if (close === -2) return false;
    // The plugin makes `$$x$$` a one-line block only when nothing, not even a space, follows.
    if (close < 0 || close === max - 2) return plugin(state, startLine, endLine, silent);
    if (silent) return true;
    const token = state.push('math_block', 'math', 0);
    token.block = true;
    token.markup = '$$';
    token.content = src.slice(start + 2, close).trim();
    token.map = [startLine, startLine + 1];
    state.line = startLine + 1;
    return true;
  };
}
