// GFM tables as markdown-it reads them: a header row, a delimiter row with as many cells,
// then body rows until a blank line or another block. Each cell is its own inline text,
// split at `|` but not at `\|` (which is how `[[a\|b]]` keeps its label in a table).
import { type BlockState, TextKind } from './blockState';

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** Text of a line after indentation, without trailing spaces: [start, end). */
function rowBounds(s: BlockState, line: number): [number, number] {
  const start = s.bMarks[line] + s.tShift[line];
  return [start, Math.max(start, s.skipSpacesBack(s.eMarks[line], start))];
}

/**
 * Splits [start, end) at unescaped `|` into the segment buffers, trimmed, dropping an empty
 * first and last cell (the row's outer pipes). Returns the number of cells.
 */
function splitCells(s: BlockState, start: number, end: number): number {
  const src = s.src;
  let count = 0;
  let cellStart = start;
  const push = (from: number, to: number) => {
    s.reserveSegments(count + 1);
    while (from < to && isSpace(src.charCodeAt(from))) from++;
    while (to > from && isSpace(src.charCodeAt(to - 1))) to--;
    s.segStart[count] = from;
    s.segEnd[count++] = to;
  };
  let escaped = false;
  for (let pos = start; pos < end; pos++) {
    const c = src.charCodeAt(pos);
    if (c === 0x7c /* | */ && !escaped) {
      push(cellStart, pos);
      cellStart = pos + 1;
    }
    escaped = c === 0x5c; // markdown-it checks only the one character before (`\\|` stays escaped)
  }
  push(cellStart, end);
  if (count > 0 && s.segStart[0] === s.segEnd[0] && src.charCodeAt(start) === 0x7c) shiftCells(s, count--);
  if (count > 0 && s.segStart[count - 1] === s.segEnd[count - 1] && src.charCodeAt(end - 1) === 0x7c) count--;
  return count;
}

function shiftCells(s: BlockState, count: number): void {
  s.segStart.copyWithin(0, 1, count);
  s.segEnd.copyWithin(0, 1, count);
}

/** Column count of a delimiter row (`| --- | :-: |`), or -1 if the line is not one. */
function delimiterColumns(s: BlockState, line: number): number {
  const src = s.src;
  const start = s.bMarks[line] + s.tShift[line];
  const max = s.eMarks[line];
  if (start >= max) return -1;
  const first = src.charCodeAt(start);
  if (first !== 0x7c && first !== 0x2d && first !== 0x3a) return -1;
  if (start + 1 >= max) return -1;
  const second = src.charCodeAt(start + 1);
  if (second !== 0x7c && second !== 0x2d && second !== 0x3a && !isSpace(second)) return -1;
  if (first === 0x2d && isSpace(second)) return -1; // a list item
  for (let pos = start + 2; pos < max; pos++) {
    const c = src.charCodeAt(pos);
    if (c !== 0x7c && c !== 0x2d && c !== 0x3a && !isSpace(c)) return -1;
  }
  // Each column is `:?-+:?`; only the first and last may be empty (outer pipes).
  const columns = src.slice(s.bMarks[line] + s.tShift[line], max).split('|');
  let count = 0;
  for (let i = 0; i < columns.length; i++) {
    const t = columns[i].trim();
    if (t === '') {
      if (i === 0 || i === columns.length - 1) continue;
      return -1;
    }
    if (!/^:?-+:?$/.test(t)) return -1;
    count++;
  }
  return count;
}

export function table(s: BlockState, startLine: number, endLine: number, silent: boolean): boolean {
  if (startLine + 2 > endLine) return false;
  const delimiterLine = startLine + 1;
  if (s.sCount[delimiterLine] < s.blkIndent) return false;
  if (s.sCount[delimiterLine] - s.blkIndent >= 4) return false;
  const columns = delimiterColumns(s, delimiterLine);
  if (columns < 0) return false;
  const [headStart, headEnd] = rowBounds(s, startLine);
  if (s.find('|', headStart, headEnd) < 0) return false;
  if (s.sCount[startLine] - s.blkIndent >= 4) return false;
  const headCells = splitCells(s, headStart, headEnd);
  if (headCells === 0 || headCells !== columns) return false;
  if (silent) return true;

  const oldParentType = s.parentType;
  s.parentType = 'table';
  emitRow(s, headCells, columns, headStart, headEnd);
  let next = startLine + 2;
  let missing = 0;
  for (; next < endLine; next++) {
    if (s.sCount[next] < s.blkIndent) break;
    if (s.terminates(s.terminators.blockquote, next, endLine)) break;
    const [rowStart, rowEnd] = rowBounds(s, next);
    if (rowStart >= rowEnd) break;
    if (s.sCount[next] - s.blkIndent >= 4) break;
    const cells = splitCells(s, rowStart, rowEnd);
    missing += columns - cells;
    if (missing > 0x10000) break; // markdown-it's cap on cells it fills in
    emitRow(s, cells, columns, rowStart, rowEnd);
  }
  s.parentType = oldParentType;
  s.line = next;
  return true;
}

/** Hands each cell to the inline scanner; cells past the header's count are not rendered, so not read. */
function emitRow(s: BlockState, cells: number, columns: number, rowStart: number, rowEnd: number): void {
  const n = Math.min(cells, columns);
  // Cells are scanned one by one, so copy them out of the shared buffers first.
  const starts = s.segStart.slice(0, n);
  const ends = s.segEnd.slice(0, n);
  for (let i = 0; i < n; i++) {
    s.segStart[0] = starts[i];
    s.segEnd[0] = ends[i];
    s.out.inlineText(TextKind.TableCell, s.segStart, s.segEnd, 1, rowStart, rowEnd, false);
  }
}
