// Container blocks: block quotes, lists and footnote definitions. Each rewrites the line
// arrays so its content reads as if the markers were not there, reads that content as blocks,
// then puts the arrays back — markdown-it's way, so lazy lines, tabs and indentation decide
// what belongs to the container exactly as in the preview.
import type { BlockState } from './blockState';

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** `>` quotes, with lazy continuation lines. */
export function blockquote(s: BlockState, startLine: number, endLine: number, silent: boolean): boolean {
  const src = s.src;
  if (s.sCount[startLine] - s.blkIndent >= 4) return false;
  if (src.charCodeAt(s.bMarks[startLine] + s.tShift[startLine]) !== 0x3e /* > */) return false;
  if (silent) return true;

  const oldLineMax = s.lineMax;
  const oldBMarks: number[] = [];
  const oldBsCount: number[] = [];
  const oldSCount: number[] = [];
  const oldTShift: number[] = [];
  const oldParentType = s.parentType;
  s.parentType = 'blockquote';
  let lastLineEmpty = false;
  let next = startLine;
  for (; next < endLine; next++) {
    const isOutdented = s.sCount[next] < s.blkIndent;
    let pos = s.bMarks[next] + s.tShift[next];
    const max = s.eMarks[next];
    if (pos >= max) break; // a blank line ends the quote

    if (src.charCodeAt(pos++) === 0x3e && !isOutdented) {
      // One space after `>` belongs to the marker; a tab counts as spaces up to the next stop.
      let initial = s.sCount[next] + 1;
      let spaceAfterMarker = false;
      let adjustTab = false;
      const after = src.charCodeAt(pos);
      if (after === 0x20) {
        pos++;
        initial++;
        spaceAfterMarker = true;
      } else if (after === 0x09) {
        spaceAfterMarker = true;
        if ((s.bsCount[next] + initial) % 4 === 3) {
          pos++;
          initial++;
        } else {
          adjustTab = true;
        }
      }
      let offset = initial;
      oldBMarks.push(s.bMarks[next]);
      s.bMarks[next] = pos;
      for (; pos < max; pos++) {
        const c = src.charCodeAt(pos);
        if (c === 0x09) offset += 4 - ((offset + s.bsCount[next] + (adjustTab ? 1 : 0)) % 4);
        else if (c === 0x20) offset++;
        else break;
      }
      lastLineEmpty = pos >= max;
      oldBsCount.push(s.bsCount[next]);
      s.bsCount[next] = s.sCount[next] + 1 + (spaceAfterMarker ? 1 : 0);
      oldSCount.push(s.sCount[next]);
      s.sCount[next] = offset - initial;
      oldTShift.push(s.tShift[next]);
      s.tShift[next] = pos - s.bMarks[next];
      continue;
    }

    if (lastLineEmpty) break;
    if (s.terminates(s.terminators.blockquote, next, endLine)) {
      s.lineMax = next;
      if (s.blkIndent !== 0) {
        oldBMarks.push(s.bMarks[next]);
        oldBsCount.push(s.bsCount[next]);
        oldTShift.push(s.tShift[next]);
        oldSCount.push(s.sCount[next]);
        s.sCount[next] -= s.blkIndent;
      }
      break;
    }
    // A lazy continuation line: it can only continue a paragraph.
    oldBMarks.push(s.bMarks[next]);
    oldBsCount.push(s.bsCount[next]);
    oldTShift.push(s.tShift[next]);
    oldSCount.push(s.sCount[next]);
    s.sCount[next] = -1;
  }

  const oldIndent = s.blkIndent;
  const oldItemFirstLine = s.itemFirstLine;
  s.blkIndent = 0;
  s.itemFirstLine = -1;
  s.level++;
  s.tokenize(startLine, next);
  s.level--;
  s.itemFirstLine = oldItemFirstLine;
  s.lineMax = oldLineMax;
  s.parentType = oldParentType;
  for (let i = 0; i < oldTShift.length; i++) {
    s.bMarks[i + startLine] = oldBMarks[i];
    s.tShift[i + startLine] = oldTShift[i];
    s.sCount[i + startLine] = oldSCount[i];
    s.bsCount[i + startLine] = oldBsCount[i];
  }
  s.blkIndent = oldIndent;
  return true;
}

/** Offset after `-`, `+` or `*` and before its space, or -1. */
function skipBulletMarker(s: BlockState, line: number): number {
  const max = s.eMarks[line];
  let pos = s.bMarks[line] + s.tShift[line];
  const marker = s.src.charCodeAt(pos++);
  if (marker !== 0x2a && marker !== 0x2d && marker !== 0x2b) return -1;
  if (pos < max && !isSpace(s.src.charCodeAt(pos))) return -1;
  return pos;
}

/** Offset after `1.` or `1)` (up to 9 digits) and before its space, or -1. */
function skipOrderedMarker(s: BlockState, line: number): number {
  const src = s.src;
  const start = s.bMarks[line] + s.tShift[line];
  const max = s.eMarks[line];
  let pos = start;
  if (pos + 1 >= max) return -1;
  let c = src.charCodeAt(pos++);
  if (c < 0x30 || c > 0x39) return -1;
  for (;;) {
    if (pos >= max) return -1;
    c = src.charCodeAt(pos++);
    if (c >= 0x30 && c <= 0x39) {
      if (pos - start >= 10) return -1;
      continue;
    }
    if (c === 0x29 /* ) */ || c === 0x2e /* . */) break;
    return -1;
  }
  if (pos < max && !isSpace(src.charCodeAt(pos))) return -1;
  return pos;
}

/** Bullet and ordered lists; each item's content is read as blocks at the item's indent. */
export function list(s: BlockState, startLine: number, endLine: number, silent: boolean): boolean {
  const src = s.src;
  let next = startLine;
  if (s.sCount[next] - s.blkIndent >= 4) return false;
  // Indented 4+ past the parent list's indent but outdented from this item: code, not a list.
  if (s.listIndent >= 0 && s.sCount[next] - s.listIndent >= 4 && s.sCount[next] < s.blkIndent) return false;
  const interruptsParagraph = silent && s.parentType === 'paragraph' && s.sCount[next] >= s.blkIndent;

  let ordered: boolean;
  let posAfterMarker = skipOrderedMarker(s, next);
  if (posAfterMarker >= 0) {
    ordered = true;
    const start = s.bMarks[next] + s.tShift[next];
    // Only a list that starts at 1 may interrupt a paragraph.
    if (interruptsParagraph && Number(src.slice(start, posAfterMarker - 1)) !== 1) return false;
  } else {
    posAfterMarker = skipBulletMarker(s, next);
    if (posAfterMarker < 0) return false;
    ordered = false;
  }
  // An empty item may not interrupt a paragraph.
  if (interruptsParagraph && s.skipSpaces(posAfterMarker) >= s.eMarks[next]) return false;
  if (silent) return true;

  const markerChar = src.charCodeAt(posAfterMarker - 1);
  const oldParentType = s.parentType;
  s.parentType = 'list';
  s.level++;
  while (next < endLine) {
    let pos = posAfterMarker;
    const max = s.eMarks[next];
    const itemStart = s.bMarks[next] + s.tShift[next];
    const initial = s.sCount[next] + posAfterMarker - itemStart;
    let offset = initial;
    for (; pos < max; pos++) {
      const c = src.charCodeAt(pos);
      if (c === 0x09) offset += 4 - ((offset + s.bsCount[next]) % 4);
      else if (c === 0x20) offset++;
      else break;
    }
    const contentStart = pos;
    // More than 4 spaces after the marker: the item starts with indented code, indent is marker + 1.
    let indentAfterMarker = contentStart >= max ? 1 : offset - initial;
    if (indentAfterMarker > 4) indentAfterMarker = 1;
    const indent = initial + indentAfterMarker;

    const oldTShift = s.tShift[next];
    const oldSCount = s.sCount[next];
    const oldListIndent = s.listIndent;
    const oldItemFirstLine = s.itemFirstLine;
    s.listIndent = s.blkIndent;
    s.blkIndent = indent;
    s.tShift[next] = contentStart - s.bMarks[next];
    s.sCount[next] = offset;
    s.itemFirstLine = next;
    s.out.listItemOpen();
    s.level++;
    if (contentStart >= max && s.isEmpty(next + 1)) {
      s.line = Math.min(next + 2, endLine); // an empty item followed by a blank line
    } else {
      s.tokenize(next, endLine);
    }
    s.level--;
    s.out.listItemClose(itemStart, s.blockEnd(next, Math.min(Math.max(s.line, next + 1), endLine)));
    s.blkIndent = s.listIndent;
    s.listIndent = oldListIndent;
    s.tShift[next] = oldTShift;
    s.sCount[next] = oldSCount;
    s.itemFirstLine = oldItemFirstLine;

    next = s.line;
    if (next >= endLine) break;
    if (s.sCount[next] < s.blkIndent) break;
    if (s.sCount[next] - s.blkIndent >= 4) break;
    if (s.terminates(s.terminators.list, next, endLine)) break;
    posAfterMarker = ordered ? skipOrderedMarker(s, next) : skipBulletMarker(s, next);
    if (posAfterMarker < 0) break;
    if (src.charCodeAt(posAfterMarker - 1) !== markerChar) break; // another marker starts another list
  }
  s.level--;
  s.line = next;
  s.parentType = oldParentType;
  return true;
}

/**
 * `[^label]: text`, with continuation lines indented 4 more (markdown-it-footnote's reading,
 * which the sidenotes follow): its content is blocks, so links in it are found.
 */
export function footnoteDefinition(s: BlockState, startLine: number, endLine: number, silent: boolean): boolean {
  const src = s.src;
  const start = s.bMarks[startLine] + s.tShift[startLine];
  const max = s.eMarks[startLine];
  if (start + 4 > max) return false;
  if (src.charCodeAt(start) !== 0x5b /* [ */ || src.charCodeAt(start + 1) !== 0x5e /* ^ */) return false;
  let pos = start + 2;
  for (; pos < max; pos++) {
    const c = src.charCodeAt(pos);
    if (c === 0x20) return false;
    if (c === 0x5d /* ] */) break;
  }
  if (pos === start + 2) return false; // no empty labels
  const close = pos;
  if (pos + 1 >= max || src.charCodeAt(++pos) !== 0x3a /* : */) return false;
  if (silent) return true;
  pos++;
  s.out.footnoteDefinition(src.slice(start + 2, close), start, close + 1);

  const oldBMark = s.bMarks[startLine];
  const oldTShift = s.tShift[startLine];
  const oldSCount = s.sCount[startLine];
  const oldParentType = s.parentType;
  const oldItemFirstLine = s.itemFirstLine;
  const posAfterColon = pos;
  const initial = s.sCount[startLine] + pos - start;
  let offset = initial;
  for (; pos < max; pos++) {
    const c = src.charCodeAt(pos);
    if (c === 0x09) offset += 4 - (offset % 4);
    else if (c === 0x20) offset++;
    else break;
  }
  s.tShift[startLine] = pos - posAfterColon;
  s.sCount[startLine] = offset - initial;
  s.bMarks[startLine] = posAfterColon;
  s.blkIndent += 4;
  s.parentType = 'footnote';
  s.itemFirstLine = -1;
  if (s.sCount[startLine] < s.blkIndent) s.sCount[startLine] += s.blkIndent;
  s.level++;
  s.tokenize(startLine, endLine);
  s.level--;
  s.parentType = oldParentType;
  s.itemFirstLine = oldItemFirstLine;
  s.blkIndent -= 4;
  s.tShift[startLine] = oldTShift;
  s.sCount[startLine] = oldSCount;
  s.bMarks[startLine] = oldBMark;
  return true;
}
