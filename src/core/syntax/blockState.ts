// The line arrays the block rules read and (for containers) rewrite, as markdown-it keeps
// them: the preview renders with markdown-it, and reading the lines the same way is what
// makes both decide alike what is a paragraph, code, a list item or a quote.
import { grown, lineBuffers, type LineTable } from './lines';

export type ParentType = 'root' | 'paragraph' | 'list' | 'blockquote' | 'reference' | 'table' | 'footnote';

/** Text the block pass hands to the inline scanner. */
export const enum TextKind {
  Paragraph,
  Heading,
  TableCell,
}

/** What the block rules report. Segments are `[start, end)` offsets, one per line (or cell). */
export interface BlockSink {
  inlineText(kind: TextKind, segStart: Int32Array, segEnd: Int32Array, count: number, contextStart: number, contextEnd: number, itemHead: boolean): void;
  heading(level: number, text: string, start: number, end: number): void;
  mathBlock(delimiter: '$$' | '\\[', start: number, end: number, tex: string): void;
  code(start: number, end: number): void;
  footnoteDefinition(label: string, start: number, end: number): void;
  /** A link reference definition `[label]: dest`; `rawStart`/`rawEnd` hold the destination as written. */
  definition(label: string, href: string, rawStart: number, rawEnd: number): void;
  listItemOpen(): void;
  listItemClose(start: number, end: number): void;
}

export type BlockRule = (s: BlockState, startLine: number, endLine: number, silent: boolean) => boolean;

/**
 * Rules by the first character of a line's text (index 128: any other character): most rules
 * need one character to start (`#`, `>`, `-`, ...), so a line of prose tries only the few that
 * may take it. Each list keeps the rules' order.
 */
export type RuleTable = readonly (readonly BlockRule[])[];

export interface Terminators {
  readonly paragraph: RuleTable;
  readonly reference: RuleTable;
  readonly blockquote: RuleTable;
  readonly list: RuleTable;
}

const segmentBuffers = { start: new Int32Array(64), end: new Int32Array(64) };

// markdown-it's default preset: deeper containers are not rendered, so nothing in them is found.
const MAX_NESTING = 100;

export class BlockState {
  readonly bMarks: Int32Array;
  readonly eMarks: Int32Array;
  /** Characters of indentation (spaces and tabs) before the first non-space. */
  readonly tShift: Int32Array;
  /** Columns of indentation, tabs expanded. */
  readonly sCount: Int32Array;
  /** Columns a container's markers took before this line's text (for tab expansion). */
  readonly bsCount: Int32Array;
  lineMax: number;
  blkIndent = 0;
  listIndent = -1;
  parentType: ParentType = 'root';
  /** Open containers, as markdown-it counts nesting levels. */
  level = 0;
  line = 0;
  /** First line of the innermost list item being read (its first paragraph names the item). */
  itemFirstLine = -1;
  /** The last `\[` block that found no closer: lines [from, to) in that context (see bracketBlock). */
  bracketBlockFailed: { from: number; to: number; endLine: number; blkIndent: number } | undefined;
  /** Scratch buffers for the segments of one inline text (shared by all scans, like the line arrays). */
  segStart = segmentBuffers.start;
  segEnd = segmentBuffers.end;

  constructor(
    readonly src: string,
    lines: LineTable,
    readonly out: BlockSink,
    private readonly rules: RuleTable,
    readonly terminators: Terminators,
  ) {
    const n = lines.count;
    const buffers = lineBuffers; // lines.start/end live there too: sized for n + 1
    this.bMarks = buffers.bMarks;
    this.eMarks = lines.end;
    this.tShift = buffers.tShift;
    this.sCount = buffers.sCount;
    this.bsCount = buffers.bsCount;
    this.lineMax = n;
    const start = lines.start;
    for (let line = 0; line <= n; line++) {
      let pos = start[line];
      const max = lines.end[line];
      let offset = 0;
      for (; pos < max; pos++) {
        const c = src.charCodeAt(pos);
        if (c === 0x20) offset++;
        else if (c === 0x09) offset += 4 - (offset % 4);
        else break;
      }
      this.bMarks[line] = start[line];
      this.tShift[line] = pos - start[line];
      this.sCount[line] = offset;
      this.bsCount[line] = 0;
    }
  }

  isEmpty(line: number): boolean {
    return this.bMarks[line] + this.tShift[line] >= this.eMarks[line];
  }

  skipEmptyLines(from: number): number {
    while (from < this.lineMax && this.isEmpty(from)) from++;
    return from;
  }

  skipSpaces(pos: number): number {
    const src = this.src;
    for (let c = src.charCodeAt(pos); c === 0x20 || c === 0x09; c = src.charCodeAt(++pos));
    return pos;
  }

  skipChars(pos: number, code: number): number {
    while (this.src.charCodeAt(pos) === code) pos++;
    return pos;
  }

  skipSpacesBack(pos: number, min: number): number {
    while (pos > min) {
      const c = this.src.charCodeAt(pos - 1);
      if (c !== 0x20 && c !== 0x09) break;
      pos--;
    }
    return pos;
  }

  skipCharsBack(pos: number, code: number, min: number): number {
    while (pos > min && this.src.charCodeAt(pos - 1) === code) pos--;
    return pos;
  }

  /** Offset of `needle` within [from, to), or -1; never looks past `to` (an unbounded indexOf per line would be quadratic). */
  find(needle: string, from: number, to: number): number {
    const src = this.src;
    const first = needle.charCodeAt(0);
    const last = to - needle.length;
    for (let i = from; i <= last; i++) {
      if (src.charCodeAt(i) === first && src.startsWith(needle, i)) return i;
    }
    return -1;
  }

  /** The rules of `table` that may start a block at `line`, by its first character. */
  private rulesAt(table: RuleTable, line: number): readonly BlockRule[] {
    const c = this.src.charCodeAt(this.bMarks[line] + this.tShift[line]);
    return table[c < 128 ? c : 128];
  }

  /** Whether one of `table`'s rules would start a block at `line` (and so end the block being read). */
  terminates(table: RuleTable, line: number, endLine: number): boolean {
    // Indexed loops, not for-of: before the JIT has warmed up, an iterator per block costs.
    const rules = this.rulesAt(table, line);
    for (let i = 0; i < rules.length; i++) if (rules[i](this, line, endLine, true)) return true;
    return false;
  }

  /** Reads the blocks of lines [startLine, endLine), as markdown-it's block tokenizer does. */
  tokenize(startLine: number, endLine: number): void {
    let line = startLine;
    while (line < endLine) {
      this.line = line = this.skipEmptyLines(line);
      if (line >= endLine) break;
      if (this.sCount[line] < this.blkIndent) break;
      if (this.level >= MAX_NESTING) {
        this.line = endLine;
        break;
      }
      const rules = this.rulesAt(this.rules, line);
      for (let i = 0; i < rules.length; i++) if (rules[i](this, line, endLine, false)) break;
      // The paragraph rule always matches; this guard only keeps a bug from hanging the scan.
      if (this.line <= line) this.line = line + 1;
      line = this.line;
      if (line < endLine && this.isEmpty(line)) this.line = ++line;
    }
  }

  /** Ensures the segment buffers hold `n` entries. */
  reserveSegments(n: number): void {
    if (n <= this.segStart.length) return;
    this.segStart = segmentBuffers.start = grown(this.segStart, n);
    this.segEnd = segmentBuffers.end = grown(this.segEnd, n);
  }

  /** Offset just past the text of the last non-blank line before `endLine` (at least `startLine`'s start). */
  blockEnd(startLine: number, endLine: number): number {
    let line = endLine - 1;
    while (line > startLine && this.isEmpty(line)) line--;
    return this.skipSpacesBack(this.eMarks[line], this.bMarks[line]);
  }
}
