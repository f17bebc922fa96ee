// Display math blocks, read exactly as the preview reads them: `$$` by @vscode/markdown-it-katex's
// block rule (quirks included: it may interrupt a paragraph, runs over blank lines, swallows the
// line it ends on), `\[` by the preview's own rule (render/mathRule.ts).
import type { BlockState } from './blockState';

/** Number of non-overlapping `$$` in [from, to), and where the last one starts. */
function countDoubleDollars(src: string, from: number, to: number): { count: number; last: number } {
  let count = 0;
  let last = -1;
  for (let i = from; i + 1 < to; i++) {
    if (src.charCodeAt(i) === 0x24 && src.charCodeAt(i + 1) === 0x24) {
      count++;
      last = i;
      i++;
    }
  }
  return { count, last };
}

/** Text of [from, to) without the whitespace String.prototype.trim removes. */
function trimmed(src: string, from: number, to: number): string {
  return src.slice(from, to).trim();
}

/**
 * How a line starting with `$$` at `start` (ending at `max`) reads; one answer for the scanner and
 * the preview (render/mathRule.ts). The offset of the `$$` that closes it when only spaces follow
 * (a one-line block); -1 when it opens a block running down the lines; -2 when it is no block:
 * more `$$` follow, or text follows the closer, which Obsidian reads as display math within the
 * paragraph (the plugin alone would open a block there that runs to the next `$$` in the note).
 */
export function dollarLineClose(src: string, start: number, max: number): number {
  const first = countDoubleDollars(src, start + 2, max);
  if (first.count === 0) return -1;
  if (first.count > 1) return -2;
  const close = first.last;
  if (close === max - 2) return close;
  // An escaped `\$$` or a `$$$` closes no math: the line opens a block, as the plugin reads it.
  if (src.charCodeAt(close - 1) === 0x5c || src.charCodeAt(close + 2) === 0x24) return -1;
  return trimmed(src, close + 2, max) === '' ? close : -2;
}

export function dollarBlock(s: BlockState, startLine: number, endLine: number, silent: boolean): boolean {
  const src = s.src;
  const start = s.bMarks[startLine] + s.tShift[startLine];
  let max = s.eMarks[startLine];
  if (start + 2 > max) return false;
  if (src.charCodeAt(start) !== 0x24 || src.charCodeAt(start + 1) !== 0x24) return false;
  const close = dollarLineClose(src, start, max);
  if (close === -2) return false;
  if (silent) return true;

  if (close >= 0) {
    s.line = startLine + 1;
    s.out.mathBlock('$$', start, close + 2, trimmed(src, start + 2, close));
    return true;
  }
  const tex: string[] = [];
  const firstText = trimmed(src, start + 2, max);
  if (firstText !== '') tex.push(firstText);
  let next = startLine;
  let end = -1;
  for (;;) {
    next++;
    if (next >= endLine) break;
    const pos = s.bMarks[next] + s.tShift[next];
    max = s.eMarks[next];
    // The plugin compares tShift (not sCount) with the indent, and the line that stops it is swallowed.
    if (pos < max && s.tShift[next] < s.blkIndent) break;
    const text = src.slice(pos, max).trim();
    if (text.endsWith('$$')) {
      const close = src.lastIndexOf('$$', max - 2);
      tex.push(src.slice(pos, close).trim());
      end = close + 2;
      break;
    }
    const inside = text.indexOf('$$');
    if (inside >= 0) {
      // The plugin keeps nothing of this line; the block ends at its first `$$`.
      end = src.indexOf('$$', pos) + 2;
      break;
    }
    tex.push(text);
  }
  s.line = next + 1;
  if (end < 0) end = s.eMarks[Math.min(next, endLine - 1, s.lineMax - 1)];
  s.out.mathBlock('$$', start, end, tex.join('\n').trim());
  return true;
}

/**
 * Offset of the backslash of the first `\)` or `\]` (by `closer`) in [from, to) whose backslash
 * is not itself escaped (`\\)` is TeX's line break, then a parenthesis), or -1.
 */
export function findMathClose(src: string, from: number, to: number, closer: number): number {
  for (let i = from; i + 1 < to; i++) {
    if (src.charCodeAt(i) !== 0x5c) continue;
    // In a run of backslashes the pairs are escapes; an odd run leaves its last one to start the closer.
    let run = 1;
    while (i + run < to && src.charCodeAt(i + run) === 0x5c) run++;
    const last = i + run - 1;
    if (run % 2 === 1 && last + 1 < to && src.charCodeAt(last + 1) === closer && (closer !== 0x5d || !inEscapedPair(src, last, 0x5d))) return last;
    i = last;
  }
  return -1;
}

/**
 * Whether `\[` (or `\]`, by `bracket`) at `at` is one of a pair, `\[\[` or `\]\]`: the brackets of
 * a wiki-link written as text (`\[\[Wikilinks\]\]`), which CommonMark reads as escapes, never
 * display math. Depends on the offset alone, so the searches' memos still hold.
 */
function inEscapedPair(src: string, at: number, bracket: number): boolean {
  const escaped = (i: number) => i >= 0 && src.charCodeAt(i) === 0x5c && src.charCodeAt(i + 1) === bracket;
  return escaped(at + 2) || escaped(at - 2);
}

/** Whether the `\[` at `pos` may open display math: not when it is one of an escaped pair of link brackets (`\[\[`). */
export function opensBracketMath(src: string, pos: number): boolean {
  return !inEscapedPair(src, pos, 0x5b);
}

/** End offset when a `\]` closes [from, to) (only spaces after it); -1 without one; -2 when text follows it. */
function closesLine(s: BlockState, from: number, to: number): number {
  const close = findMathClose(s.src, from, to, 0x5d /* ] */);
  if (close < 0) return -1;
  return s.skipSpaces(close + 2) >= to ? close : -2;
}

/** `\[` starting a line, up to a line that ends with `\]`; not a block if a blank line or the container's end comes first. */
export function bracketBlock(s: BlockState, startLine: number, endLine: number, silent: boolean): boolean {
  if (s.sCount[startLine] - s.blkIndent >= 4) return false;
  const src = s.src;
  const start = s.bMarks[startLine] + s.tShift[startLine];
  if (src.charCodeAt(start) !== 0x5c || src.charCodeAt(start + 1) !== 0x5b || !opensBracketMath(src, start)) return false;
  // A search that failed over these lines fails from any `\[` line among them too (a line's
  // verdict does not depend on where the search began): keeps `\[` lines x 100k linear.
  const failed = s.bracketBlockFailed;
  if (failed && startLine > failed.from && startLine < failed.to && failed.endLine === endLine && failed.blkIndent === s.blkIndent) return false;
  let line = startLine;
  let close = closesLine(s, start + 2, s.eMarks[line]);
  while (close === -1) {
    line++;
    if (line >= endLine || s.isEmpty(line) || s.sCount[line] < s.blkIndent) {
      s.bracketBlockFailed = { from: startLine, to: line, endLine, blkIndent: s.blkIndent };
      return false;
    }
    close = closesLine(s, s.bMarks[line] + s.tShift[line], s.eMarks[line]);
  }
  if (close < 0) return false;
  if (silent) return true;

  const tex: string[] = [];
  for (let l = startLine; l <= line; l++) {
    const from = l === startLine ? start + 2 : s.bMarks[l] + s.tShift[l];
    tex.push(src.slice(from, l === line ? close : s.eMarks[l]));
  }
  s.line = line + 1;
  s.out.mathBlock('\\[', start, close + 2, tex.join('\n').trim());
  return true;
}
