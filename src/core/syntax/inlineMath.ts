// Inline math as the preview reads it: `$..$` and `$$..$$` by @vscode/markdown-it-katex's rules,
// `\(..\)` and `\[..\]` by render/mathRule.ts. Each remembers, per text, the offset from which no
// closer of its kind exists, so a note of a hundred thousand `$` stays linear.
import type { InlineSink } from './inlineSink';
import { findMathClose } from './mathBlocks';

const NEVER = 0x7fffffff;

function isAsciiWord(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

/** True when the character at `i` follows an odd run of backslashes. */
function isEscaped(src: string, i: number): boolean {
  let n = 0;
  while (i - 1 - n >= 0 && src.charCodeAt(i - 1 - n) === 0x5c) n++;
  return n % 2 === 1;
}

export class InlineMath {
  private src = '';
  /** End of the text being read: no closer past it. */
  private end = 0;
  private found!: InlineSink;
  private noDollarFrom = NEVER;
  private noDoubleDollarFrom = NEVER;
  private noParenCloseFrom = NEVER;
  private noBracketCloseFrom = NEVER;

  /** Starts a text (a paragraph, heading or cell) ending at `end`. */
  reset(src: string, end: number, found: InlineSink): void {
    this.src = src;
    this.end = end;
    this.found = found;
    this.noDollarFrom = this.noDoubleDollarFrom = this.noParenCloseFrom = this.noBracketCloseFrom = NEVER;
  }

  /** `\(..\)` (paren) or `\[..\]` at `pos`: the offset after it, or -1 when it does not close. */
  backslash(pos: number, paren: boolean): number {
    const from = pos + 2;
    if (from >= (paren ? this.noParenCloseFrom : this.noBracketCloseFrom)) return -1;
    const close = findMathClose(this.src, from, this.end, paren ? 0x29 : 0x5d);
    if (close < 0) {
      if (paren) this.noParenCloseFrom = from;
      else this.noBracketCloseFrom = from;
      return -1;
    }
    this.found.math(paren ? '\\(' : '\\[', !paren, pos, close + 2, this.src.slice(from, close));
    return close + 2;
  }

  /**
   * `$..$` or `$$..$$` at `pos`; returns where reading goes on. `$` opens unless after a letter,
   * digit, `_`, `$` or `\`; it closes at the first unescaped `$`, which must not be followed by a
   * letter, digit or `$` — else the opener is plain text and reading goes on after it.
   */
  dollar(pos: number): number {
    const src = this.src;
    if (src.charCodeAt(pos + 1) === 0x24) return this.doubleDollar(pos);
    const prev = src.charCodeAt(pos - 1);
    if (prev === 0x24 || prev === 0x5c || isAsciiWord(prev)) return pos + 1;
    const from = pos + 1;
    if (from >= this.noDollarFrom) return from;
    let close = from;
    for (;;) {
      close = src.indexOf('$', close);
      if (close < 0 || close >= this.end) {
        this.noDollarFrom = from;
        return from;
      }
      if (!isEscaped(src, close)) break;
      close++;
    }
    const after = src.charCodeAt(close + 1);
    if (after === 0x24 || isAsciiWord(after)) return from;
    this.found.math('$', false, pos, close + 1, src.slice(from, close));
    return close + 1;
  }

  /** `$$` opens unless after `$` or `\` or before a third `$`; it closes likewise at the first unescaped `$$`. */
  private doubleDollar(pos: number): number {
    const src = this.src;
    const prev = src.charCodeAt(pos - 1);
    if (prev === 0x24 || prev === 0x5c || src.charCodeAt(pos + 2) === 0x24) return pos + 2;
    const from = pos + 2;
    if (from >= this.noDoubleDollarFrom) return from;
    let close = from;
    for (;;) {
      close = src.indexOf('$$', close);
      if (close < 0 || close + 2 > this.end) {
        this.noDoubleDollarFrom = from;
        return from;
      }
      if (!isEscaped(src, close)) break;
      close += 2;
    }
    const before = src.charCodeAt(close - 1);
    if (before === 0x24 || before === 0x5c || src.charCodeAt(close + 2) === 0x24) return from;
    this.found.math('$$', true, pos, close + 2, src.slice(from, close));
    return close + 2;
  }
}
