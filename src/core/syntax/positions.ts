// Offsets to VS Code positions (0-based line, UTF-16 character within the line).
import type { LineTable } from './lines';
import type { Position, Range } from './types';

export class LineMap {
  /** The line of the last lookup: items come mostly in text order, so the next is usually on it or just after. */
  private last = 0;

  constructor(private readonly lines: LineTable) {}

  /** The line holding `offset` (an offset on a line break counts as the end of its line). */
  lineOf(offset: number): number {
    const start = this.lines.start;
    const last = this.last;
    if (start[last] <= offset) {
      if (last + 1 >= this.lines.count || offset < start[last + 1]) return last;
      if (last + 2 >= this.lines.count || offset < start[last + 2]) return (this.last = last + 1);
    }
    let lo = 0;
    let hi = this.lines.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (start[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return (this.last = lo);
  }

  /** The character of `offset` on its line (`lineOf(offset)`). */
  characterOf(offset: number, line: number): number {
    // A leading BOM belongs to no line (VS Code hides it): line 0 starts after it.
    return Math.max(0, offset - this.lines.start[line]);
  }

  position(offset: number): Position {
    const line = this.lineOf(offset);
    return { line, character: this.characterOf(offset, line) };
  }

  range(startOffset: number, endOffset: number): Range {
    return { start: this.position(startOffset), end: this.position(endOffset), startOffset, endOffset };
  }
}

/** A range from offsets, counting positions from a nearby `base` range on the same text. */
export function rangeAt(text: string, base: Range, startOffset: number, endOffset: number): Range {
  return { start: positionFrom(text, base, startOffset), end: positionFrom(text, base, endOffset), startOffset, endOffset };
}

function positionFrom(text: string, base: Range, offset: number): Position {
  let line = base.start.line;
  let lineStart = base.startOffset - base.start.character;
  if (offset >= base.startOffset) {
    for (let i = text.indexOf('\n', lineStart); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return { line, character: offset - lineStart };
  }
  line = 0;
  lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}
