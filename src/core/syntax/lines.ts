// The lines of a note: where each starts and where its text ends. A line ends at `\r\n`,
// `\n` or a lone `\r` (VS Code's line breaks); the break itself belongs to no line's text.

export interface LineTable {
  /** Offset of each line's first character; `start[count]` is the text length. */
  readonly start: Int32Array;
  /** Offset just past each line's last character, before its line break. */
  readonly end: Int32Array;
  /** Number of lines: line breaks + 1, as VS Code counts (a trailing break opens an empty last line). */
  readonly count: number;
}

/** A copy of `old` with room for at least `size` entries (doubling, so growing stays linear). */
export function grown(old: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(Math.max(size, old.length * 2));
  next.set(old);
  return next;
}

/**
 * Per-line arrays, reused from one scan to the next: a vault is thousands of notes, and fresh
 * typed arrays for each cost more than reading most notes does. Safe because a scan runs to its
 * end synchronously and keeps nothing of them in what it returns.
 */
export class LineBuffers {
  start = new Int32Array(256);
  end = new Int32Array(256);
  bMarks = new Int32Array(256);
  tShift = new Int32Array(256);
  sCount = new Int32Array(256);
  bsCount = new Int32Array(256);

  /** Makes room for `n` entries in every array, keeping what `start` and `end` hold. */
  reserve(n: number): void {
    if (n <= this.start.length) return;
    const size = Math.max(n, this.start.length * 2);
    this.start = grown(this.start, size);
    this.end = grown(this.end, size);
    this.bMarks = new Int32Array(size);
    this.tShift = new Int32Array(size);
    this.sCount = new Int32Array(size);
    this.bsCount = new Int32Array(size);
  }
}

export const lineBuffers = new LineBuffers();

/** Lines of `text`; `from` skips a leading BOM, which then belongs to no line. */
export function splitLines(text: string, from: number): LineTable {
  const buffers = lineBuffers;
  let line = 0;
  let lineStart = from;
  const crlf = text.indexOf('\r') >= 0;
  // indexOf('\n') is much faster than a character loop; lone `\r` needs the loop.
  for (let i = crlf ? nextBreak(text, from) : text.indexOf('\n', from); i >= 0; ) {
    buffers.reserve(line + 2);
    buffers.start[line] = lineStart;
    buffers.end[line++] = i;
    lineStart = i + (text.charCodeAt(i) === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1);
    i = crlf ? nextBreak(text, lineStart) : text.indexOf('\n', lineStart);
  }
  buffers.reserve(line + 2);
  buffers.start[line] = lineStart;
  buffers.end[line++] = text.length;
  buffers.start[line] = buffers.end[line] = text.length;
  return { start: buffers.start, end: buffers.end, count: line };
}

function nextBreak(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return i;
  }
  return -1;
}
